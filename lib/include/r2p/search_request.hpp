// What a search asks for: the request the CLI, `--queries` and the bench fill in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "r2p/facets.hpp"
#include "r2p/query.hpp"

namespace r2p {

/// Result order: BM25 relevance, or newest first with relevance breaking ties.
enum class SortOrder { Relevance, Date };

/// "relevance" / "date" -> SortOrder. Throws UsageError for anything else.
SortOrder parse_sort_order(std::string_view name);

/// Largest --limit and --offset accepted: more is a usage error, never a silent wrap.
inline constexpr std::size_t kMaxLimit = 10000;
inline constexpr std::size_t kMaxOffset = 100'000'000;

/// Parses a non-negative decimal count given for `option` ("--limit"). Throws UsageError,
/// naming the option and the value, for a sign, non-digits, or a value above `max`.
std::size_t parse_count(std::string_view option, std::string_view text, std::size_t max);

/// Everything one search needs.
struct SearchRequest {
    std::vector<std::string> databases;  ///< specs for open_databases (used by search())
    std::string query;                   ///< QueryParser syntax; empty: every passage
    std::size_t limit = 10;              ///< at most kMaxLimit; 0 gives counts only
    std::size_t offset = 0;              ///< at most kMaxOffset
    SearchFilters filters;
    std::vector<FacetField> facets;  ///< counted exactly when not empty
    SortOrder sort = SortOrder::Relevance;
    MatchMode match = MatchMode::All;
    bool allow_partial = false;  ///< search the shards that answer (used by search())
};

}  // namespace r2p
