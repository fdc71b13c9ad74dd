#include "search/search_snapshot.hpp"

#include <sys/stat.h>

#include <cstdint>
#include <string_view>

#include "r2p/schema.hpp"
#include "search/facet_counter.hpp"

namespace r2p {

namespace {

// Xapian ranks a match in about 0.6 us at 1M passages (mostly reading its length), a
// LengthTable costs about 0.05 us a passage to build: Auto builds it once Xapian has
// ranked a twelfth of the database's size in matches.
constexpr Xapian::doccount kRankCostInLengths = 12;

// Counting a match from a stored value costs about as much as visiting 8 postings while
// building a table (measured at 1M passages: 0.23 us a match and field, 0.03 us a posting).
// Auto builds the tables once the value counting they would have saved has cost as much as
// building them: never for a one-off query, soon in a session or a benchmark.
constexpr std::uint64_t kValueCountCostInPostings = 8;

}  // namespace

SearchSnapshot::SearchSnapshot(Xapian::Database db, std::vector<Xapian::Database> shards,
                               std::vector<std::string> shard_paths)
    : db_(std::move(db)), shards_(std::move(shards)), shard_paths_(std::move(shard_paths)) {}

const std::vector<Xapian::Database>& SearchSnapshot::counting_shards() {
    if (!aligned_) align();
    return own_;
}

const Xapian::Database* SearchSnapshot::second_handle() {
    if (!second_tried_) {
        second_tried_ = true;
        // Without it the database is walked whole, on one thread.
        if (local_shards() && shards_.size() == 1) second_ = open_at_revision(0);
    }
    return second_ ? &*second_ : nullptr;
}

const IndexedPhrases& SearchSnapshot::indexed_phrases() {
    if (!phrases_) phrases_ = read_phrases();
    return *phrases_;
}

IndexedPhrases SearchSnapshot::read_phrases() const {
    try {
        if (!shards_.empty()) {
            // A phrase is matched through its term only when no shard lacks the term. Shards
            // written by one run list the same phrases: each list is read once (parsing
            // ~500 phrases was 4M instructions, paid by a one-shot search per shard).
            const std::string key(schema::kIndexedPhrasesKey);
            const std::string first = shards_.front().get_metadata(key);
            IndexedPhrases phrases = IndexedPhrases::from_metadata(first);
            for (std::size_t i = 1; i < shards_.size(); ++i) {
                const std::string listed = shards_[i].get_metadata(key);
                if (listed != first)
                    phrases = phrases.common_with(IndexedPhrases::from_metadata(listed));
            }
            return phrases;
        }
        // Remote shards: Xapian reads metadata from the first shard only.
        return db_.size() == 1 ? IndexedPhrases::of_database(db_) : IndexedPhrases();
    } catch (const Xapian::Error&) {
        return IndexedPhrases();  // then phrases read positions, as before
    }
}

std::optional<Xapian::Database> SearchSnapshot::open_at_revision(std::size_t shard) const {
    try {
        Xapian::Database handle(shard_paths_.at(shard), Xapian::DB_BACKEND_GLASS);
        // A writer committed since db_ was opened: db_ cannot move now (a search may be
        // running on it), so no handle until the next refresh().
        if (handle.get_revision() != shards_.at(shard).get_revision()) return std::nullopt;
        return handle;
    } catch (const Xapian::Error&) {
        return std::nullopt;
    }
}

void SearchSnapshot::align() {
    aligned_ = true;
    own_.clear();
    if (!local_shards()) return;
    std::vector<Xapian::Database> own;
    for (std::size_t i = 0; i < shard_paths_.size(); ++i) {
        std::optional<Xapian::Database> handle = open_at_revision(i);
        // Then counting runs on db_ itself, after the ranked pass: slower, never wrong.
        if (!handle) return;
        own.push_back(std::move(*handle));
    }
    own_ = std::move(own);
}

bool SearchSnapshot::refresh(bool force) {
    // Cheap when nothing changed; tables of an older snapshot go with it.
    if (!db_.reopen() && !force) return false;
    tables_.clear();
    lengths_.reset();
    dates_.reset();
    files_.clear();
    refused_.clear();  // a file refused at the old commit may be the new one's
    read_files_ = false;
    built_ = false;
    own_.clear();
    aligned_ = false;  // opened again at the next counting_shards()
    second_.reset();
    second_tried_ = false;
    phrases_.reset();
    return true;
}

bool SearchSnapshot::open_files() {
    if (!files_.empty()) return true;
    if (!local_shards()) return false;
    std::vector<FileIdentity> now;
    for (const auto& path : shard_paths_) {
        struct stat st {};
        FileIdentity id;
        if (::stat(table_file_path(path).c_str(), &st) == 0) {
            id = {true, static_cast<std::uint64_t>(st.st_ino),
                  static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                      static_cast<std::int64_t>(st.st_mtim.tv_nsec),
                  static_cast<std::uint64_t>(st.st_size)};
        }
        now.push_back(id);
    }
    if (now == refused_) return false;  // tried as they are, at this commit
    std::vector<std::shared_ptr<const TableFile>> files;
    for (std::size_t i = 0; i < shard_paths_.size(); ++i) {
        files.push_back(TableFile::open(shard_paths_[i], shards_[i]));
        if (!files.back()) {
            refused_ = std::move(now);
            return false;
        }
    }
    files_ = std::move(files);
    return true;
}

std::vector<const TableFile*> SearchSnapshot::table_files() const {
    std::vector<const TableFile*> files;
    for (const auto& file : files_) files.push_back(file.get());
    return files;
}

TableSource SearchSnapshot::table_source() const {
    if (built_) return TableSource::Built;
    return read_files_ ? TableSource::File : TableSource::None;
}

template <typename Table>
const Table* SearchSnapshot::column_table(std::optional<Table>& table,
                                          TableColumn<std::uint32_t> (TableFile::*column)() const,
                                          Xapian::doccount matches_by_xapian) {
    if (table) return &*table;
    if (shards_.empty() || policy_ == TablePolicy::Never) return nullptr;
    if (open_files()) {
        std::vector<TableColumn<std::uint32_t>> parts;
        for (const auto& file : files_) parts.push_back((*file.*column)());
        table.emplace(std::move(parts));
        read_files_ = true;
        return &*table;
    }
    // A date costs about what a length does to read and to build: one threshold for both.
    if (policy_ == TablePolicy::Auto &&
        static_cast<std::uint64_t>(matches_by_xapian) * kRankCostInLengths < db_.get_doccount()) {
        return nullptr;
    }
    table = Table::build(db_);
    built_ = true;
    return &*table;
}

const LengthTable* SearchSnapshot::length_table() {
    return column_table(lengths_, &TableFile::lengths, ranked_by_xapian_);
}

const DateTable* SearchSnapshot::date_table() {
    return column_table(dates_, &TableFile::dates, sorted_by_xapian_);
}

std::vector<FacetField> SearchSnapshot::table_fields(const std::vector<FacetField>& fields) {
    std::vector<FacetField> chosen;
    if (!local_shards() || policy_ == TablePolicy::Never) return chosen;
    for (const FacetField field : fields) {
        const std::string_view prefix = facet_table_prefix(field);
        if (prefix.empty()) continue;
        FieldTables& tables = tables_[field];
        // The files are of shards_' revisions (open_files()), as own_ is (align()).
        if (tables.by_shard.empty() && open_files()) {
            for (const auto& file : files_) tables.by_shard.push_back(file->facet(field));
            read_files_ = true;
        }
        if (tables.by_shard.empty()) {
            if (policy_ == TablePolicy::Auto) {
                if (tables.postings == 0) {
                    for (const auto& shard : shards_)
                        tables.postings += FacetTable::postings(shard, prefix);
                }
                if (tables.counted_by_value * kValueCountCostInPostings < tables.postings) continue;
            }
            // On the caller's thread, before its counting pass starts and its ranking reads
            // db_: shards_ are free (no counting pass reads them).
            for (const Xapian::Database& shard : shards_) {
                tables.by_shard.push_back(
                    FacetTable::build(shard, prefix, !facet_spec(field).multi_valued));
            }
            built_ = true;
        }
        if (tables.usable()) chosen.push_back(field);
    }
    return chosen;
}

void SearchSnapshot::counted_by_value(FacetField field, Xapian::doccount matches) {
    if (!facet_table_prefix(field).empty()) tables_[field].counted_by_value += matches;
}

std::vector<FacetField> SearchSnapshot::facet_tables() const {
    std::vector<FacetField> out;
    for (const auto& [field, tables] : tables_) {
        if (tables.usable()) out.push_back(field);
    }
    return out;
}

}  // namespace r2p
