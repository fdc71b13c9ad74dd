// The text form of a search request: option values as the command line, a --queries line or
// an HTTP query string give them, read into a SearchRequest with one wording of every
// message. The library names no flags: a message names an option as its caller shows it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "r2p/facets.hpp"
#include "r2p/search_request.hpp"
#include "r2p/table_policy.hpp"
#include "r2p/trace.hpp"

namespace r2p {

/// The keys of a request's text form. The command line shows them as "--" + key.
inline constexpr std::string_view kQueryKey = "q";  ///< query text; repeated: words joined
inline constexpr std::string_view kLimitKey = "limit";
inline constexpr std::string_view kOffsetKey = "offset";
inline constexpr std::string_view kFromKey = "from";
inline constexpr std::string_view kToKey = "to";
inline constexpr std::string_view kFacetKey = "facet";  ///< repeatable
inline constexpr std::string_view kSortKey = "sort";
inline constexpr std::string_view kMatchKey = "match";
inline constexpr std::string_view kGroupKey = "group";           ///< none|paragraph|doc
inline constexpr std::string_view kFacetModeKey = "facet-mode";  ///< filtered|disjunctive
inline constexpr std::string_view kCorrectKey = "correct";       ///< auto|off
// Near-duplicate sentences (SearchRequest::like, like_text, min_similarity; and traces).
inline constexpr std::string_view kLikeKey = "like";                     ///< a passage id
inline constexpr std::string_view kLikeTextKey = "like-text";            ///< a sentence
inline constexpr std::string_view kMinSimilarityKey = "min-similarity";  ///< 0..1
// A trace's text form (TraceRequest): the sentence, or a passage id and its sentence number,
// with limit, min-similarity and the filter keys above.
inline constexpr std::string_view kSentenceKey = "sentence";
inline constexpr std::string_view kIdKey = "id";
inline constexpr std::string_view kSentenceNumberKey = "sentence-number";  ///< 1-based
// The filter keys (theme, role, kind, doc, country, speaker; repeatable) are schema::kFields'
// `filter` names.

/// Parses a non-negative decimal count given for `option` ("--limit"). Throws UsageError,
/// naming the option and the value, for a sign, non-digits, or a value above `max`.
std::size_t parse_count(std::string_view option, std::string_view text, std::size_t max);

/// A similarity from 0 to 1 ("0.8") given for `option` ("--min-similarity"). Throws
/// UsageError, naming the option and the value, for anything else.
double parse_similarity(std::string_view option, std::string_view text);

/// "relevance" / "date" -> SortOrder. Throws UsageError naming `option` ("--sort") for
/// anything else.
SortOrder parse_sort_order(std::string_view option, std::string_view text);

/// "all" / "any" -> MatchMode. Throws UsageError naming `option` ("--match") for anything else.
MatchMode parse_match_mode(std::string_view option, std::string_view text);

/// "none" / "paragraph" / "doc" -> GroupBy. Throws UsageError naming `option` for anything else.
GroupBy parse_group_by(std::string_view option, std::string_view text);

/// "filtered" / "disjunctive" -> FacetMode. Throws UsageError naming `option` for anything else.
FacetMode parse_facet_mode(std::string_view option, std::string_view text);

/// "auto" / "off" -> Correction. Throws UsageError naming `option` for anything else.
Correction parse_correction(std::string_view option, std::string_view text);

/// "auto" / "always" / "never" -> TablePolicy. Throws UsageError naming `option` ("--tables")
/// for anything else.
TablePolicy parse_table_policy(std::string_view option, std::string_view text);

/// The facet field named `name` (facet_name's names). Throws UsageError naming the known
/// fields for anything else.
FacetField parse_facet_field(std::string_view name);

/// Throws UsageError when `limit` or `offset` is above kMaxLimit or kMaxOffset, naming them
/// as `option_prefix` + key ("--limit" for the command line, "limit" for a library caller).
void check_paging(std::size_t limit, std::size_t offset, std::string_view option_prefix = "");

/// The message for a date range whose `from` date is after its `to` date, naming them as
/// `option_prefix` + key.
std::string date_range_error(std::string_view from, std::string_view to,
                             std::string_view option_prefix = "");

/// One key and value of a request's text form: {"theme", "prevention"}.
using RequestField = std::pair<std::string, std::string>;

/// The request that `fields` give: q (words, joined by spaces in their order), limit
/// (default 10), offset (default 0), theme, role, kind, doc (repeatable), from, to, facet
/// (repeatable), sort (default relevance), match (default all), group (default none),
/// facet-mode (default filtered), correct (default auto), like or like-text (not both),
/// min-similarity (default kDefaultMinSimilarity); databases and allow_partial
/// keep their defaults. Dates and their order are checked here, so a bad one is an error
/// before any database is opened. Throws UsageError, naming keys as `option_prefix` + key,
/// for an unknown key, a single-valued key given twice, or a bad value: the first in the
/// order above, whatever the order of `fields`.
SearchRequest parse_request(const std::vector<RequestField>& fields,
                            std::string_view option_prefix = "");

/// The trace request `fields` give (the keys kSentenceKey or kIdKey with kSentenceNumberKey,
/// limit, min-similarity, the filter keys, from, to), checked as parse_request checks; for
/// r2p-trace and r2p-serve's /api/trace.
TraceRequest parse_trace_request(const std::vector<RequestField>& fields,
                                 std::string_view option_prefix = "");

}  // namespace r2p
