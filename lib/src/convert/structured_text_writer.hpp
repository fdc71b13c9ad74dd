// Builds the structured text of structured_text.hpp block by block, for the HTML and DOCX
// readers: whitespace collapsed, one line a paragraph, the marks put in front.
#pragma once

#include <string>
#include <string_view>

namespace r2p {

/// Collapses runs of whitespace (ASCII, no-break space, line and paragraph separators) in
/// `text` to one space and trims both ends: a paragraph of the structured text is one line.
std::string collapse_whitespace(std::string_view text);

/// Appends blocks of structured text. Blocks with no text after collapsing are dropped.
class StructuredTextWriter {
  public:
    /// "# TEXT" for the first title, put before every block written so far (the title comes
    /// first); a later one is written as a heading (one title a file).
    void title(std::string_view text);
    /// "## TEXT".
    void heading(std::string_view text);
    /// A paragraph, after `mark` ("> " for a block quotation, "- " or "3. " for a list item,
    /// "" for plain text).
    void paragraph(std::string_view text, std::string_view mark = {});

    /// True when no block was written yet.
    bool empty() const { return text_.empty(); }
    /// The text so far, each block followed by a blank line, ending in one LF.
    std::string finish() const;

  private:
    void block(std::string_view mark, std::string_view text);

    std::string text_;
    bool titled_ = false;
};

}  // namespace r2p
