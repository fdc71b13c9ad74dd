// r2p-bench signatures: what near-duplicate sentence signatures (issue 15) cost at index
// time: the same corpus indexed with and without them, in turns, in this process.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "r2p/taxonomy.hpp"

namespace r2p::bench {

struct SignatureCostOptions {
    std::vector<std::string> paths;  ///< the statements (a generated corpus or a real one)
    std::string collection;          ///< IndexRequest::collection ("" none)
    std::filesystem::path speakers;  ///< IndexRequest::speakers ("" none)
    std::filesystem::path work;      ///< the databases are written (and removed) here
    unsigned repeats = 3;            ///< runs of each variant; the figures are medians
    bool compact = true;             ///< also measure both databases after xapian-compact
};

/// Indexes `options.paths` `repeats` times with signatures and as often without, in turns
/// (with, without, without, with, ...: a drift of the machine's load falls on both), each
/// into a fresh database. Returns per variant the runs' wall and CPU seconds, their
/// medians, passages, the database's size (and after compaction), the signature terms'
/// count and postings; and the ratios with / without. Throws r2p::Error when indexing fails
/// or finds nothing to index.
nlohmann::json measure_signature_cost(const SignatureCostOptions& options, const Taxonomy& taxonomy,
                                      std::ostream& log);

/// The readable table of a measure_signature_cost result.
void print_signature_table(const nlohmann::json& result, std::ostream& out);

}  // namespace r2p::bench
