// r2p-bench's folders: a generated corpus with its manifest and query files, reused when
// it matches what is asked.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "bench/testkit/corpus_generator.hpp"
#include "bench/testkit/corpus_writer.hpp"

namespace r2p::bench {

/// Bumped whenever the generator's output for a seed changes: old corpora are regenerated.
inline constexpr int kGeneratorVersion = 1;

/// bench/data/NAME under the working directory when present, else the source tree's.
std::filesystem::path default_data_file(const std::string& name);

/// bench/data/genre.conf under the working directory when present, else the source tree's.
std::filesystem::path default_genre_file();

/// What a corpus folder holds, read from OUT/manifest.json.
struct CorpusInfo {
    std::filesystem::path root;        ///< OUT
    std::filesystem::path statements;  ///< OUT/corpus
    std::uint64_t seed = 0;
    std::size_t passages_requested = 0;
    GeneratedCorpus generated;
    bool reused = false;  ///< found ready, not generated in this run
};

/// Makes OUT/corpus (statements), OUT/queries (one file per class and queries.txt) and
/// OUT/manifest.json for `passages` passages, unless OUT already holds exactly that corpus
/// (same seed, size and generator version). Refuses (CorpusError) to overwrite an OUT/corpus
/// that has no manifest. Progress lines go to `log`.
CorpusInfo prepare_corpus(const CorpusGenerator& generator, const std::filesystem::path& out,
                          std::size_t passages, std::size_t queries_per_class, std::ostream& log);

/// Writes `queries` as OUT/queries/<class>.txt and OUT/queries/queries.txt (every class), one
/// r2p-search command line (query and options) per line.
void write_query_files(const std::filesystem::path& dir, const std::vector<BenchQuery>& queries);

}  // namespace r2p::bench
