// The wdf of every word of an indexed phrase in each passage holding the phrase, by the
// database's own docids. Xapian weighs an indexed phrase's match as the AND of its words
// (search/phrase_rewrite.hpp), so BM25 needs each word's wdf there: read from this table,
// a match costs no skip in each word's postings (at 1M passages on 2 shards those skips
// were about a third of a faceted synonym query and 40% of a phrase query, and the block
// reads of words such as "of" and "the" most of a one-shot phrase's).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tables/table_column.hpp"

namespace r2p {

/// A wdf the table holds as "this many or more": the word's wdf is read from the database.
inline constexpr std::uint8_t kPhraseWdfUnknown = 255;

/// One indexed phrase's rows: its passages' docids, ascending, and for each the wdf of each
/// of its words (in phrase order; kPhraseWdfUnknown from 255 on).
class PhraseWordTable {
  public:
    /// `wdfs` holds docids.size() * words numbers (checked by the caller).
    PhraseWordTable(TableColumn<std::uint32_t> docids, TableColumn<std::uint8_t> wdfs,
                    std::size_t words)
        : docids_(std::move(docids)), wdfs_(std::move(wdfs)), words_(words) {}

    /// How many words the phrase has (the width of a row).
    std::size_t words() const { return words_; }
    /// How many passages hold the phrase.
    std::size_t size() const { return docids_.size(); }

    /// The passages' docids, ascending.
    std::span<const std::uint32_t> docids() const { return docids_.values(); }
    /// The row of the passage docids()[i]: words() wdfs.
    const std::uint8_t* row(std::size_t i) const { return wdfs_.values().data() + i * words_; }

  private:
    TableColumn<std::uint32_t> docids_;
    TableColumn<std::uint8_t> wdfs_;
    std::size_t words_ = 0;
};

/// Reads a PhraseWordTable's rows of passages asked in ascending docid order: each call
/// starts where the last one ended (a walk's matches, or its weighed matches, ascend).
class PhraseWordCursor {
  public:
    explicit PhraseWordCursor(PhraseWordTable table) : table_(std::move(table)) {}
    const PhraseWordTable& table() const { return table_; }
    /// The words' wdfs in passage `did`, words() of them; nullptr when the table has no row
    /// for it (only a database and table out of step: the caller reads the words).
    const std::uint8_t* row_at(Xapian::docid did);

  private:
    PhraseWordTable table_;
    std::size_t next_ = 0;  // the first row not yet passed
};

/// Every indexed phrase of a database laid out for a table file: the phrase terms
/// (schema::kPhrasePrefix + the words joined by a space) in ascending byte order, where each
/// one's rows start (in docids, and in wdfs), and the rows of all, one phrase after another.
struct PhraseWordColumns {
    std::vector<std::string> terms;
    /// Per phrase and one past the last: {first docid index, first wdf index}.
    std::vector<std::uint64_t> starts;
    std::vector<std::uint32_t> docids;
    std::vector<std::uint8_t> wdfs;

    /// Reads every phrase term of `db` (one database alone) with its words' postings, in
    /// one pass over each phrase's postings.
    static PhraseWordColumns read(const Xapian::Database& db);
};

/// The words of phrase term `term` (after schema::kPhrasePrefix, split at spaces); empty when
/// `term` is no phrase term.
std::vector<std::string> phrase_term_words(std::string_view term);

}  // namespace r2p
