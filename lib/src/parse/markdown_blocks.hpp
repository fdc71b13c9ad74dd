// Block-level Markdown that the line layout cannot read: YAML front matter, code fences,
// tables, reference definitions and HTML comments, resolved before the text is split.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "parse/document.hpp"

namespace r2p::detail {

/// A statement's text with its block markup resolved.
struct MarkdownBlocks {
    /// The text after any front matter, line for line (every line stays on its line, so line
    /// numbers hold): fence lines, table rules, reference definitions ("[1]: http://...") and
    /// comments blank; each table row a "- " item of its cells joined by "; "; the rest as it
    /// was. Views `rewritten`, or the input when nothing needed rewriting (a large statement
    /// with no such markup is not copied).
    std::string_view text() const { return was_rewritten ? std::string_view(rewritten) : body; }

    std::size_t first_line = 1;  ///< the file's line number of the first line of text()
    std::string_view body;       ///< the input after its front matter
    std::string rewritten;
    bool was_rewritten = false;
};

/// Resolves `text` (UTF-8, LF), which must outlive the result. A YAML front matter block ("---" ...
/// "---" or "...") opening the text fills meta's title, date, speaker, speaker_post (or "post"),
/// event, place, symbol and source_url where they are empty. Linear; never throws.
MarkdownBlocks read_markdown_blocks(std::string_view text, DocumentMeta& meta);

}  // namespace r2p::detail
