// r2p-bench run: index a generated corpus with our pipeline and with the peers, query all
// three with the same query set, and gather the figures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/real_query_data.hpp"
#include "bench/testkit/corpus_generator.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p::bench {

/// What to measure.
struct RunOptions {
    std::size_t passages = 10000;  ///< generated corpora only
    /// A real corpus (folders, statement files) for run_real_corpus_benchmark.
    std::vector<std::string> corpus_paths;
    std::string collection;          ///< its IndexRequest::collection ("" none)
    std::filesystem::path speakers;  ///< its IndexRequest::speakers ("" none)
    std::filesystem::path work;      ///< corpus, databases and results live here
    std::size_t queries_per_class = 20;
    unsigned threads = 2;             ///< query threads for the throughput figure
    double throughput_seconds = 2.0;  ///< how long each engine is driven for queries/s
    bool peers = true;                ///< also measure SQLite FTS5 and plain Xapian
    bool compact = true;              ///< also measure the database after xapian-compact
    bool levers = false;              ///< also measure indexing variants (levers.hpp)
    std::vector<unsigned> shards;     ///< also index into N local shards and query them
    /// "ours" is built as this many shards, written in parallel; "ours-compacted" is them
    /// merged into one database by xapian-compact (the bulk-build recipe).
    unsigned index_shards = 1;
    /// One-shot figures (a fresh r2p-search / r2p-bench-xapian-query process per query) for
    /// the first this many queries of each class; 0 skips them (cold one-shot included).
    std::size_t one_shot_per_class = 20;
};

/// Runs the benchmark. Progress lines go to `log`; returns the whole result as one JSON
/// object (see bench/README.md for its fields). Throws r2p::Error on a failure that stops
/// the run (no corpus, a database that cannot be written).
nlohmann::json run_benchmark(const RunOptions& options, const CorpusGenerator& generator,
                             const Taxonomy& taxonomy, std::ostream& log);

/// Runs the benchmark on the real corpus `options.corpus_paths`, indexed as it is (no
/// generation), with a query set drawn from its own vocabulary with `data`
/// (real_query_set.hpp). The result has the fields of run_benchmark's; its "corpus" says
/// "kind": "real" with the paths, files, bytes, collection and speakers, and it is written
/// to WORK/results/bench-corpus.json (no plot: the plot is of generated sizes). Throws
/// r2p::Error as run_benchmark does, and CorpusError when no passage was indexed.
nlohmann::json run_real_corpus_benchmark(const RunOptions& options, const RealQueryData& data,
                                         const Taxonomy& taxonomy, std::ostream& log);

/// The readable table of a run_benchmark result.
void print_table(const nlohmann::json& result, std::ostream& out);

/// Writes a gnuplot PNG of warm p50 latency per class against corpus size into `png`, from
/// every ROOT/*/results/bench-N.json (the work folders of each size, side by side under
/// `root`). Returns "" on success, else why no plot was made (gnuplot missing or failing);
/// never throws for that.
std::string write_latency_plot(const std::filesystem::path& root, const std::filesystem::path& png);

}  // namespace r2p::bench
