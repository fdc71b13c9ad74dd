// The counting pass riding on the ranked pass's posting walk: when the ranked walk visits
// every match (a term, an AND, or an OR's union after MaxScore: see rank_bm25), the matches
// and the facets from tables are counted as it goes, instead of by a second walk of the
// same postings on another thread. Which of these MatchCounter lets ride is its choice: an
// OR is counted on the pool beside its ranking (see match_counter.hpp).
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <span>
#include <vector>

#include "r2p/facets.hpp"
#include "search/facet_counter.hpp"
#include "search/match_visitor.hpp"
#include "tables/facet_table.hpp"

namespace r2p {

/// Which posting walk ranks a query, if any.
enum class RankedWalk {
    None,       ///< Xapian's matcher (or no ranked pass the counter may ride on)
    Relevance,  ///< rank_bm25: every match of a term, an AND, or an OR (counted after MaxScore)
    Date,       ///< rank_by_date: every match of any shape it takes
};

/// Whether `walk` visits every match of `query` (optionally filtered): only then can a
/// WalkedCount count it. Reads the query's shape only; the walk may still decline it (then
/// WalkedCount::complete() stays false).
bool ranked_walk_visits_every_match(const Xapian::Query& query, RankedWalk walk);

/// Whether `walk` visits the matches of `query` only by reading every posting ranking alone
/// would skip (an OR by relevance: see rank_bm25): the count then runs beside the ranking
/// while a core is free (see match_counter.hpp).
bool ranked_walk_counts_after_ranking(const Xapian::Query& query, RankedWalk walk);

/// Counts the matches a ranked walk over the combined database of local shards visits,
/// with every field's facet counted from its shard's FacetTable.
class WalkedCount final : public MatchVisitor {
  public:
    /// `tables[i]` holds the table of every one of `fields` for shard i of the
    /// `tables.size()` shards the ranked database interleaves (Xapian numbers combined
    /// docid d as shard (d - 1) % n's docid (d - 1) / n + 1). The tables must outlive it.
    WalkedCount(const std::vector<FacetField>& fields,
                const std::vector<std::map<FacetField, const FacetTable*>>& tables);

    void visit(Xapian::docid did) override;
    void visit_each(std::span<const Xapian::docid> dids) override;
    void visited_all() override { complete_ = true; }
    /// Counts shard `part`'s matches into that shard's counter only, so the shards' parts
    /// may count on threads of their own (nullptr past the last shard). A single shard has
    /// two parts, one for each half of its docids.
    MatchVisitor* shard_part(std::size_t part) override;

    /// Whether the walk visited every match: the counts are then exact.
    bool complete() const { return complete_; }
    /// Every match visited, here and through the shards' parts.
    Xapian::doccount matches() const;
    /// Adds the facet counts of every shard to `totals`.
    void add_to(FacetTotals& totals) const;

  private:
    static constexpr std::size_t kBatch = 256;  // docids split among shards at a time

    // The matches of one shard, counted into its own counter: visited through WalkedCount
    // (which splits its batches among the shards) or as shard_part(), on a thread of its own.
    class ShardPart final : public MatchVisitor {
      public:
        ShardPart(std::unique_ptr<FacetCounter> counter, Xapian::docid shards)
            : counter_(std::move(counter)), shards_(shards) {}
        void visit(Xapian::docid did) override;
        void visit_each(std::span<const Xapian::docid> dids) override;
        void visited_all() override {}
        /// Counts matches given by the shard's own docids.
        void count_local(std::span<const Xapian::docid> local);
        Xapian::doccount matches() const { return matches_; }
        const FacetCounter& counter() const { return *counter_; }

      private:
        std::unique_ptr<FacetCounter> counter_;
        Xapian::docid shards_;
        std::vector<Xapian::docid> local_;  // the shard's own docids of one batch
        Xapian::doccount matches_ = 0;
    };

    std::vector<FacetField> fields_;
    std::vector<std::map<FacetField, const FacetTable*>> tables_;  // by shard
    std::vector<std::unique_ptr<ShardPart>> parts_;  // one per shard with tables (a second
                                                     // for a single one's upper half)
    std::vector<std::vector<Xapian::docid>> local_;  // per shard: its docids of one batch
    Xapian::docid shards_ = 1;
    Xapian::doccount matches_ = 0;  // counted here only when no shard has tables
    bool complete_ = false;
};

}  // namespace r2p
