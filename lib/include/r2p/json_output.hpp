// SearchResult -> the interface's JSON object (nlohmann-json, nothing built by hand).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "r2p/search.hpp"
#include "r2p/trace.hpp"

namespace r2p {

/// The result as the interface's JSON: query, corrected_query (null, or the suggestion run
/// instead of a query that matched nothing), matches{lower,estimated,upper,exact} (passages),
/// group ("none" | "paragraph" | "doc"), groups{lower,estimated,upper,exact} (matching groups,
/// what offset and limit page through; null when not grouped), offset, limit, results[{rank,
/// score, folded (other matches of its group it stands for; 0 when not grouped), snippet
/// (HTML: the text escaped, matches in <mark>…</mark>), snippet_text (the same plain),
/// highlights ([[first, end], ...] code point offsets of the matches in snippet_text), and
/// the passage's fields: id, kind, text, themes, roles, speaker (null when none), parent (null
/// for a paragraph), section, label, doc{id, title, date (null when unknown), path, line,
/// event, place, source_url, country, session, symbol (each null when not given)}}],
/// facets{<field>: [{value, label, count}]} holding only the fields asked for, suggestion
/// (null or a string), missing_shards, stats. With a like search: like_sentences (the
/// sentences looked for) and, per hit, like (like_json).
nlohmann::json search_result_json(const SearchResult& result);

/// A sentence match in the passage `text` as JSON: {similarity, verbatim, asked, sentence
/// (its text), begin, end, differing ([[b, e], ...]), missing (folded words)}; begin, end and
/// differing as code point offsets into `text`.
nlohmann::json like_json(const std::string& text, const SentenceMatch& match);

/// A PassageContext as JSON: {passage, parent (null for a paragraph), quotes, before, after},
/// each passage with the passage fields of a result (no rank, score, folded or snippet).
nlohmann::json passage_context_json(const PassageContext& context);

/// passage_context_json as one line of text (invalid UTF-8 replaced, never thrown on).
std::string format_json(const PassageContext& context);

/// search_result_json as one line of text (invalid UTF-8 replaced, never thrown on).
std::string format_json(const SearchResult& result);

/// A trace as JSON (docs/interface.md, "r2p-trace --json").
nlohmann::json trace_result_json(const TraceResult& result, const TraceRequest& request);

/// The most repeated sentences as JSON (docs/interface.md, "r2p-trace --top --json").
nlohmann::json repeated_result_json(const RepeatedResult& result, const RepeatedRequest& request);

}  // namespace r2p
