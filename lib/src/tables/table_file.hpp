// The tables of one glass database, written at index time into its folder (r2p-tables, see
// table_file_format.hpp) and read in place through a read-only mapping: a one-shot search
// and the first query of a searcher get lengths, dates and facet values without building
// them. The file is stamped with the database's uuid and revision; a reader at any other
// commit refuses it (never a stale read) and builds its tables as before.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string_view>

#include "r2p/facets.hpp"
#include "tables/facet_table.hpp"
#include "tables/mapped_file.hpp"
#include "tables/phrase_word_table.hpp"
#include "tables/table_column.hpp"
#include "tables/table_file_format.hpp"

namespace r2p {

/// A validated, mapped table file of one database at one revision.
class TableFile {
  public:
    /// The table file in `dir` when it was written at `at`'s commit (same uuid, revision,
    /// last docid and passage count); nullptr when absent, unreadable, truncated, damaged,
    /// of another format version or stale. `at` must be the database in `dir` alone (one
    /// shard, not a combined database). Never throws.
    static std::shared_ptr<const TableFile> open(const std::filesystem::path& dir,
                                                 const Xapian::Database& at);

    /// Passage lengths by the database's own docids.
    TableColumn<std::uint32_t> lengths() const;
    /// DateTable::key_of(Slot::Date) by docid.
    TableColumn<std::uint32_t> dates() const;
    /// The table of `field`, as FacetTable::build(db, its prefix, single-valued) gives it;
    /// nullopt when the file has none (no boolean prefix, or too many values) or its section
    /// is damaged.
    std::optional<FacetTable> facet(FacetField field) const;
    /// The rows of indexed phrase term `term` (schema::kPhrasePrefix + its words); nullopt
    /// when the file has no phrase sections (written before them), no rows for the term (the
    /// database has no passage holding it) or damaged ones.
    std::optional<PhraseWordTable> phrase_words(std::string_view term) const;

  private:
    struct Extent {
        std::size_t offset = 0;
        std::size_t size = 0;
    };
    struct FacetSections {
        Extent values;
        Extent numbers;       // bits or indexes by docid
        Extent combinations;  // a multi-valued field numbered by its combinations
        bool single_valued = false;
        bool by_combination = false;
    };

    template <typename T>
    TableColumn<T> column(Extent extent) const;

    std::shared_ptr<const MappedFile> map_;
    Extent lengths_;
    Extent dates_;
    std::map<FacetField, FacetSections> facets_;
    struct PhraseSections {
        Extent terms;
        Extent starts;
        Extent docids;
        Extent wdfs;
        // Where a section of `kind` goes; nullptr for no phrase kind.
        Extent* of(table_file::SectionKind kind);
    };
    std::optional<PhraseSections> phrases_;
};

/// The path of the table file of the database in `dir`.
std::filesystem::path table_file_path(const std::filesystem::path& dir);

}  // namespace r2p
