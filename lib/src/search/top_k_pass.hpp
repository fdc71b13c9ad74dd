// A search's ranked pass: the hits [offset, offset + limit) of a query and how many passages
// match, behind one interface with two implementations (Xapian's matcher, and the
// posting-list walk of rank_bm25), so a searcher tries one and falls back to the other.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "r2p/search_request.hpp"
#include "r2p/search_result.hpp"
#include "search/ranked_pass.hpp"

namespace r2p {

/// One ranked hit: its weight and its document's stored data (see decode_stored_passage).
struct TopKHit {
    double weight = 0;
    Xapian::docid docid = 0;  ///< in the searched database (the statement record's shard)
    std::string data;
};

/// What a ranked pass found.
struct TopK {
    std::vector<TopKHit> hits;  ///< best first
    MatchCounts matches;        ///< exact up to kExactMatchesUpTo, else maybe bounds
    /// Collapsed: how many groups match (the hits page through groups); else nullopt.
    std::optional<MatchCounts> groups;
};

/// The hits of a posting-walk pass with their stored data read from `db`.
TopK top_k_of(const Xapian::Database& db, const RankedMatches& ranked);

/// A ranked pass over one database.
class TopKPass {
  public:
    virtual ~TopKPass() = default;

    /// The hits [offset, offset + limit) of `query` in `sort` order with the match count,
    /// or nullopt when this pass cannot rank that query (the caller asks another one).
    /// Throws what Xapian throws.
    virtual std::optional<TopK> run(const Xapian::Query& query, std::size_t offset,
                                    std::size_t limit, SortOrder sort) const = 0;

    /// Which pass this is, as a result reports it.
    virtual RankedBy kind() const = 0;
};

/// Xapian::Enquire with BM25Weight: ranks every query, in either order, optionally
/// collapsing on a value slot (one hit per value, the best; passages without the value are
/// never collapsed). Match counts (passages, also when collapsed) and group counts are exact
/// up to kExactMatchesUpTo (it checks that many matches).
class XapianTopK final : public TopKPass {
  public:
    /// `db` must outlive the pass.
    explicit XapianTopK(const Xapian::Database& db,
                        std::optional<Xapian::valueno> collapse = std::nullopt)
        : db_(db), collapse_(collapse) {}
    std::optional<TopK> run(const Xapian::Query& query, std::size_t offset, std::size_t limit,
                            SortOrder sort) const override;
    RankedBy kind() const override { return RankedBy::Xapian; }

  private:
    const Xapian::Database& db_;
    std::optional<Xapian::valueno> collapse_;
};

/// rank_bm25 over a LengthTable: the same hits and weights as XapianTopK by relevance, for
/// the query shapes rank_bm25 handles (nullopt for others, and for SortOrder::Date); date
/// ranges only with a DateTable. Its counts are exact up to kExactMatchesUpTo unless
/// `counts` is RankCounts::BoundsOnly (a counting pass counts them), which lets it prune more.
class PostingWalkTopK final : public TopKPass {
  public:
    /// `db`, `lengths` and `dates` (of db's snapshot), `visitor`, `threads.pool` and
    /// `shard_files` must outlive the pass. `shards`: db's local shards, each then walked on
    /// its own, at once as `threads` says, with its table file (see rank_bm25).
    PostingWalkTopK(const Xapian::Database& db, const LengthTable& lengths,
                    RankCounts counts = RankCounts::Exact, const DateTable* dates = nullptr,
                    MatchVisitor* visitor = nullptr, std::vector<Xapian::Database> shards = {},
                    ShardThreads threads = {}, std::vector<const TableFile*> shard_files = {})
        : db_(db),
          lengths_(lengths),
          counts_(counts),
          dates_(dates),
          visitor_(visitor),
          shards_(std::move(shards)),
          threads_(threads),
          shard_files_(std::move(shard_files)) {}
    std::optional<TopK> run(const Xapian::Query& query, std::size_t offset, std::size_t limit,
                            SortOrder sort) const override;
    RankedBy kind() const override { return RankedBy::PostingWalk; }

  private:
    const Xapian::Database& db_;
    const LengthTable& lengths_;
    RankCounts counts_;
    const DateTable* dates_;
    MatchVisitor* visitor_;
    std::vector<Xapian::Database> shards_;
    ShardThreads threads_;
    std::vector<const TableFile*> shard_files_;
};

}  // namespace r2p
