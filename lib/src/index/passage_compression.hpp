// Passage data compressed with a zstd dictionary trained on the database's own passages.
// Glass compresses each document's data with zlib alone: a passage of a few hundred bytes
// shares too little with itself for that to pay much (1.6x), while a dictionary of the
// corpus's common words and fields finds them in every passage (2.7x on generated passages,
// 2.8x on the UN General Debate corpus).
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace r2p {

/// Metadata keys holding the dictionary the database's compressed passage data needs, in
/// pieces: this prefix and a four-digit number. Set once, before the first compressed
/// passage, and never changed: every compressed passage of the database was written with it.
inline constexpr std::string_view kPassageDictionaryKey = "r2p:passage-dictionary:";

/// The size of the dictionaries search copies train (compress_passages): a reader reserves
/// it, a larger one (from another version) still reads whole.
inline constexpr std::size_t kPassageDictionaryBytes = 256 * 1024;

/// Stores `dictionary` in the database's metadata (kPassageDictionaryKey).
void store_passage_dictionary(Xapian::WritableDatabase& db, std::string_view dictionary);

/// The dictionary the database's compressed passages need; empty when it has none. `db` is
/// one database, not shards combined (Xapian reads a combined one's metadata from its first).
std::string read_passage_dictionary(const Xapian::Database& db);

/// Whether a document's data is compressed: it then begins with two NUL bytes, which no
/// uncompressed layout does (a passage's own fields begin with one NUL and then its id's
/// nonzero length; a self-contained passage with its id's nonzero length).
bool is_compressed_passage(std::string_view data);

/// A dictionary trained on `samples` (passage data as stored), at most `max_bytes`; empty when
/// the samples are too few or too alike to train one.
std::string train_passage_dictionary(const std::vector<std::string>& samples,
                                     std::size_t max_bytes);

/// Compresses passage data with one dictionary. Not thread-safe: one per thread.
class PassageCompressor {
  public:
    PassageCompressor(std::string_view dictionary, int level);
    ~PassageCompressor();
    PassageCompressor(const PassageCompressor&) = delete;
    PassageCompressor& operator=(const PassageCompressor&) = delete;

    /// `data` compressed (is_compressed_passage holds for it), or `data` itself when
    /// compressing would not make it smaller.
    std::string compress(std::string_view data);

  private:
    struct State;
    std::unique_ptr<State> state_;
};

/// Expands passage data compressed with one dictionary. Thread-safe (each thread expands with
/// its own context).
class PassageExpander {
  public:
    /// Throws IndexError when `dictionary` is not a zstd dictionary.
    explicit PassageExpander(std::string dictionary);
    ~PassageExpander();
    PassageExpander(const PassageExpander&) = delete;
    PassageExpander& operator=(const PassageExpander&) = delete;

    /// The data `compressed` (is_compressed_passage) was made from. Throws IndexError when it
    /// cannot be read with this dictionary.
    std::string expand(std::string_view compressed) const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

/// The expander of a database's dictionary (kPassageDictionaryKey), shared by every reader of
/// the same database in this process (a dictionary never changes once set); null when the
/// database has none. `db` is one database, not shards combined.
std::shared_ptr<const PassageExpander> passage_expander_of(const Xapian::Database& db);

}  // namespace r2p
