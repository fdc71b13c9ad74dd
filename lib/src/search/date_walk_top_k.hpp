// The ranked pass of `--sort date` over the posting walk (rank_by_date): the same hits and
// weights as XapianTopK sorting by date, for the query shapes the walk handles.
#pragma once

#include <xapian.h>

#include <utility>
#include <vector>

#include "search/top_k_pass.hpp"
#include "tables/date_table.hpp"
#include "tables/length_table.hpp"

namespace r2p {

/// rank_by_date over a snapshot's LengthTable and DateTable: nullopt for SortOrder::Relevance
/// and for queries the walk cannot take.
class DateWalkTopK final : public TopKPass {
  public:
    /// `db`, `lengths` and `dates` (of db's snapshot) and `visitor` (which sees every
    /// match, see rank_by_date) must outlive the pass. `shards`: db's local shards, each
    /// then walked on its own (see rank_by_date).
    DateWalkTopK(const Xapian::Database& db, const LengthTable& lengths, const DateTable& dates,
                 MatchVisitor* visitor = nullptr, std::vector<Xapian::Database> shards = {})
        : db_(db),
          lengths_(lengths),
          dates_(dates),
          visitor_(visitor),
          shards_(std::move(shards)) {}
    std::optional<TopK> run(const Xapian::Query& query, std::size_t offset, std::size_t limit,
                            SortOrder sort) const override;
    RankedBy kind() const override { return RankedBy::PostingWalk; }

  private:
    const Xapian::Database& db_;
    const LengthTable& lengths_;
    const DateTable& dates_;
    MatchVisitor* visitor_;
    std::vector<Xapian::Database> shards_;
};

}  // namespace r2p
