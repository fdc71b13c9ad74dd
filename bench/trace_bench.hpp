// r2p-bench trace: how fast tracing agreed language is (issue 15) on a database with
// sentence signatures: r2p-trace's trace_sentence and --top (repeated_sentences), and a
// like search (--like-text), beside a plain Xapian phrase query of the same sentences.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "r2p/taxonomy.hpp"

namespace r2p::bench {

/// The 2005 World Summit formula (A/RES/60/1, para. 138), the example sentence.
inline constexpr const char* kWorldSummitFormula =
    "The responsibility to protect populations from genocide, war crimes, ethnic cleansing and "
    "crimes against humanity";

struct TraceBenchOptions {
    std::filesystem::path db;          ///< a database with signatures (read only)
    std::size_t samples = 40;          ///< sentences sampled from random passages
    std::size_t common = 10;           ///< sentences taken from the whole corpus's --top list
    std::uint64_t seed = 2005;         ///< of the sampling: the same database, the same set
    unsigned repeats = 3;              ///< timed passes over the set (after one untimed)
    std::size_t top = 20;              ///< --top N; 0: not measured (no common sentences)
    std::string period_from = "2005";  ///< the second --top run's period
    std::string period_to = "2024";
};

/// Opens `options.db` once (a warm Searcher), times repeated_sentences (--top) over the whole
/// corpus and over the period, then trace_sentence, a like search (--like-text, top 10) and
/// a plain Xapian phrase query (QueryParser, every match counted, 100 read) of each sentence
/// of the set: the formula, sentences sampled with a seeded RNG (a random passage's sentence,
/// chosen by trace_sentence's passage form), and the --top list's. Returns p50/p95/p99 per
/// engine and sentence class, the ratios to the phrase query, each sentence's figures and
/// the --top lists. Throws r2p::Error when the database cannot be opened or has no
/// signatures.
nlohmann::json measure_trace(const TraceBenchOptions& options, const Taxonomy& taxonomy,
                             std::ostream& log);

/// The readable table of a measure_trace result.
void print_trace_table(const nlohmann::json& result, std::ostream& out);

}  // namespace r2p::bench
