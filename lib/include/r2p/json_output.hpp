// SearchResult -> the interface's JSON object (nlohmann-json, nothing built by hand).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "r2p/search.hpp"

namespace r2p {

/// The result as the interface's JSON: query, matches{lower,estimated,upper}, offset, limit,
/// results[{rank, score, id, kind, text, snippet (HTML: the text escaped, matches in
/// <mark>…</mark>), snippet_text (the same plain), highlights ([[first, end], ...] code point
/// offsets of the matches in snippet_text), themes, roles,
/// speaker (null when none), parent (null for a paragraph), section, doc{id, title, date
/// (null when unknown), path, line, event, place, source_url (each null when the sidecar
/// gives none)}}], facets{<field>: [{value, label, count}]} holding only
/// the fields asked for, suggestion (null or a string).
nlohmann::json search_result_json(const SearchResult& result);

/// A PassageContext as JSON: {passage, parent (null for a paragraph), quotes, before, after},
/// each passage as a result's fields without rank, score and snippet.
nlohmann::json passage_context_json(const PassageContext& context);

/// search_result_json as one line of text (invalid UTF-8 replaced, never thrown on).
std::string format_json(const SearchResult& result);

}  // namespace r2p
