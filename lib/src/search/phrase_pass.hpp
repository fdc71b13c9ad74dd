// A phrase query matched once and both ranked and counted from its matches. Xapian's matcher
// finds the phrase's matches (only it reads positions fast: verifying them through the
// public position API cost 1.6-2x) and hands over each term's wdf, never reading a length;
// BM25 weights come from the length table and those wdfs, facets from the facet tables.
// Before, the ranked pass weighed up to kExactMatchesUpTo matches reading each one's length
// from disk, and a faceted query's counting pass ran the phrase matcher a second time.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "r2p/facets.hpp"
#include "search/facet_counter.hpp"
#include "search/ranked_pass.hpp"
#include "tables/facet_table.hpp"
#include "tables/length_table.hpp"
#include "util/worker_pool.hpp"

namespace r2p {

/// The weighed terms of a phrase query, in query order: an OP_PHRASE of distinct terms,
/// alone or OP_FILTERed by any boolean query (which adds no weight). nullopt for any other
/// query, and for a phrase with a repeated word (Xapian weighs that one's wdf otherwise).
std::optional<std::vector<std::string>> phrase_terms(const Xapian::Query& query);

/// One local shard of the searched database as the phrase pass reads it.
struct PhraseShard {
    Xapian::Database db;  ///< at the combined database's revision
    /// The facet table of every field counted (indexed by the shard's own docids).
    std::map<FacetField, const FacetTable*> tables;
};

/// What a phrase pass found: the hits [offset, offset + limit), every match counted
/// (always exact) and the facets of the fields asked for.
struct PhraseMatches {
    RankedMatches ranked;
    FacetTotals totals;
};

/// Matches `query` (see phrase_terms) on every shard of a database, on `pool` when given
/// (one task per shard; a single shard in two halves, the second on `combined`'s handle,
/// which must then be another handle than the shard's) else on the caller's thread, and ranks the
/// matches as Xapian::Enquire does with BM25Weight over the combined database `combined` (its
/// statistics, ties by ascending combined docid; weights equal up to rounding). `lengths`
/// holds the combined database's lengths; `fields` are counted from each shard's tables.
/// nullopt when the query is no phrase. Throws what Xapian throws.
std::optional<PhraseMatches> match_phrase(const Xapian::Database& combined,
                                          const std::vector<PhraseShard>& shards,
                                          const LengthTable& lengths, const Xapian::Query& query,
                                          std::size_t offset, std::size_t limit,
                                          const std::vector<FacetField>& fields, WorkerPool* pool);

}  // namespace r2p
