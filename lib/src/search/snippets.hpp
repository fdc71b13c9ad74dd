// Highlighted snippets cut from a passage's text, and the snippet rendered for output.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "r2p/search_result.hpp"

namespace r2p {

/// What to highlight, in the index's term vocabulary (folded, lower-case).
struct HighlightTerms {
    /// Single terms: folded words ("sovndal") and stems with the stem prefix ("Zprevent").
    std::set<std::string> terms;
    /// Phrases, as folded words: highlighted only where all their words stand in a row.
    std::vector<std::vector<std::string>> phrases;
    /// Wildcard prefixes, folded ("prevent" for `prevent*`): any word starting so matches.
    std::vector<std::string> prefixes;

    bool empty() const { return terms.empty() && phrases.empty() && prefixes.empty(); }
};

/// Words a snippet shows at most.
inline constexpr std::size_t kSnippetWords = 30;

/// Cuts a window of about `window_words` words from `text` around the densest run of
/// highlighted words (the start of the text when nothing matches) and marks every word
/// whose folded form, or whose stem, the query matched. Works on the original text, so
/// "prevent" marks "prevention" and "sovndal" marks "Søvndal". Never throws on odd text.
Snippet make_snippet(std::string_view text, const HighlightTerms& highlight,
                     std::size_t window_words = kSnippetWords);

/// The snippet's text with every mark wrapped in `open` and `close` ("<mark>", "</mark>").
/// The text goes out as it is: for plain-text output only.
std::string render_snippet(const Snippet& snippet, std::string_view open, std::string_view close);

/// The snippet as HTML text content: & < > of its text as entities, every mark in
/// <mark>…</mark>. Safe to insert as an element's content whatever the passage says (not
/// as an attribute value: quotes are left alone).
std::string render_snippet_html(const Snippet& snippet);

/// The snippet's marks as [first, second) offsets counted in Unicode code points of its text
/// (the unit of JSON strings, Python's str, jq), not in bytes. Marks not on code point
/// boundaries or beyond the text are left out.
std::vector<std::pair<std::size_t, std::size_t>> code_point_marks(const Snippet& snippet);

}  // namespace r2p
