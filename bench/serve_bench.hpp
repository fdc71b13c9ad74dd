// r2p-bench serve: r2p-serve under wrk on loopback, beside the library's own latency for the
// same requests in-process.
#pragma once

#include <cstddef>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/testkit/corpus_generator.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p::bench {

struct ServeOptions {
    std::size_t passages = 100000;  ///< the generated corpus (0: none)
    std::size_t queries_per_class = 20;
    std::filesystem::path work;            ///< corpus, databases, request lists, results
    std::filesystem::path ungdc;           ///< UN General Debate speeches ("" : not measured)
    std::filesystem::path ungdc_speakers;  ///< its speakers table ("" : none)
    std::string ungdc_skipped;             ///< why `ungdc` is "", for the result
    /// A database of `ungdc` indexed before (by r2p-index or r2p-bench run): copied into
    /// WORK instead of indexing the speeches again ("" : index them).
    std::filesystem::path ungdc_db;
    std::vector<unsigned> connections = {1, 16, 64};
    double seconds = 3;    ///< each wrk run
    unsigned repeats = 3;  ///< wrk runs per connection count (figures are their medians)
    unsigned server_threads = 2;
    unsigned wrk_threads = 2;
    bool writer = true;                ///< also a run while r2p-index rewrites the database
    std::filesystem::path bin_dir;     ///< where r2p-serve and r2p-index are
    std::filesystem::path lua_script;  ///< bench/data/wrk-rotate.lua
};

/// The UN General Debate speeches when present: /tmp/ungdc/TXT, else the archive in
/// `shared`/corpora/ungdc; "" when neither is there. `speakers` gets the speakers table
/// beside the archive when there is one.
std::filesystem::path find_ungdc(const std::filesystem::path& shared,
                                 std::filesystem::path& speakers);

/// Runs the load benchmark on the generated corpus and on the UNGDC corpus (when
/// options.ungdc is set). Progress lines go to `log`. Returns the result, also written to
/// WORK/results/serve.json. Throws r2p::Error when wrk or r2p-serve is missing or fails.
nlohmann::json run_serve_benchmark(const ServeOptions& options, const CorpusGenerator& generator,
                                   const Taxonomy& taxonomy, std::ostream& log);

/// The readable table of a run_serve_benchmark result.
void print_serve_table(const nlohmann::json& result, std::ostream& out);

}  // namespace r2p::bench
