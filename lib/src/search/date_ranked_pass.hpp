// Top-k by date, newest first, read straight from posting lists with every passage's date
// and length held in memory: `--sort date` without Xapian's per-match value and length
// reads (at 1M passages the sort-date class was those reads).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <vector>

#include "search/match_visitor.hpp"
#include "search/ranked_pass.hpp"
#include "tables/date_table.hpp"
#include "tables/length_table.hpp"

namespace r2p {

/// Ranks `query` over `db` as Xapian::Enquire does with set_sort_by_value_then_relevance(
/// Slot::Date, reverse) and BM25Weight: newest date first, passages without a date last,
/// equal dates by BM25 weight, then by ascending docid. Returns hits [offset, offset +
/// limit) with the exact match count; a match's weight is computed only when its date can
/// enter the top offset + limit. Handles the shapes rank_bm25 handles (date ranges in the
/// filter included); nullopt for others, which Xapian's matcher must sort. Every match is
/// visited (any shape): each is handed to `visitor` (if any), which is then told so; in
/// ascending docid order within each shard when `shards` are walked. `shards`: db's local
/// shards one by one (see rank_bm25), each walked on its own with db's statistics;
/// `lengths` and `dates` are db's as a whole.
std::optional<RankedMatches> rank_by_date(const Xapian::Database& db, const LengthTable& lengths,
                                          const DateTable& dates, const Xapian::Query& query,
                                          std::size_t offset, std::size_t limit,
                                          MatchVisitor* visitor = nullptr,
                                          const std::vector<Xapian::Database>& shards = {});

}  // namespace r2p
