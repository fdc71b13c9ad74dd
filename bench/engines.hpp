// The three engines r2p-bench compares, behind one interface: our library's Searcher, plain
// Xapian as its documentation teaches it, and SQLite FTS5 as users would write it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bench/peer_passages.hpp"
#include "bench/testkit/corpus_generator.hpp"
#include "bench/xapian_peer_query.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p::bench {

/// What indexing a peer took.
struct PeerIndexFigures {
    std::size_t passages = 0;
    std::size_t text_bytes = 0;  ///< bytes of passage text indexed
    double seconds = 0;
};

/// Plain Xapian: one WritableDatabase, TermGenerator with an English stemmer and otherwise
/// default settings, boolean terms and values for themes, roles and date, the text as data.
/// Single-threaded, as the documentation's examples are. Throws IndexError.
PeerIndexFigures index_xapian_peer(const std::vector<PeerPassage>& passages,
                                   const std::filesystem::path& dir);

/// SQLite FTS5 (porter unicode61 tokenizer) in one transaction, with a passages table and
/// passage_themes / passage_roles tables for filters and facets. Throws IndexError.
PeerIndexFigures index_fts5_peer(const std::vector<PeerPassage>& passages,
                                 const std::filesystem::path& file);

/// `query` as the plain Xapian peer is given it (in process and one-shot alike): AND spelt
/// out, facets when `facets` or query.facets.
XapianPeerRequest xapian_peer_request(const BenchQuery& query, bool facets);

/// Runs FTS5's 'optimize' (merge every segment), the counterpart of xapian-compact.
void optimize_fts5(const std::filesystem::path& file);

/// What one query returned: enough to check the engines agree roughly and cannot skip work.
struct QueryOutcome {
    std::size_t matches = 0;  ///< match count (exact when facets were counted)
    std::size_t hits = 0;     ///< results returned (at most 10)
    std::size_t facet_values = 0;
};

/// One engine with its databases open. Not thread-safe: one per thread.
class Engine {
  public:
    virtual ~Engine() = default;
    /// Runs `query` for the top 10; with `facets` (or query.facets) also exact theme and
    /// role counts over every match.
    virtual QueryOutcome run(const BenchQuery& query, bool facets) = 0;
};

/// Engine names in reports: "ours", "xapian", "fts5".
std::unique_ptr<Engine> open_ours(const std::filesystem::path& db, const Taxonomy& taxonomy);
/// Ours over several database specs (local shards, stubs, tcp://HOST:PORT remotes).
std::unique_ptr<Engine> open_ours(const std::vector<std::string>& specs, const Taxonomy& taxonomy);
std::unique_ptr<Engine> open_xapian_peer(const std::filesystem::path& db);
std::unique_ptr<Engine> open_fts5_peer(const std::filesystem::path& file);

}  // namespace r2p::bench
