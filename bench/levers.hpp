// Indexing levers measured on our own document builder: what spelling data, stemmed-and-
// unstemmed terms and parallel shards cost, each on the same passages.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "r2p/taxonomy.hpp"

namespace r2p::bench {

/// Loads the statements under `paths` once (untimed), then writes them with IndexWriter in
/// variants: as r2p-index does (STEM_SOME, spelling table), without the spelling table, with
/// one stemmed term per word (STEM_ALL_Z) and no spelling. Each variant reports the time to
/// build the Xapian documents (one thread), the time to write them (the single writer), the
/// database size and its size after compaction. Databases go under `work`.
nlohmann::json measure_index_levers(const std::vector<std::string>& paths, const Taxonomy& taxonomy,
                                    const std::filesystem::path& work, std::ostream& log);

}  // namespace r2p::bench
