#include "convert/structured_text_writer.hpp"

namespace r2p {

namespace {

// Bytes of whitespace at `s[i]`: ASCII spaces and controls, U+00A0, U+2028, U+2029, U+200B
// (zero width space, left by page builders between words); 0 when none.
std::size_t whitespace_at(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
        const auto c2 = static_cast<unsigned char>(s[i + 2]);
        if (c2 == 0xA8 || c2 == 0xA9 || c2 == 0x8B) return 3;
    }
    return 0;
}

}  // namespace

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t n = whitespace_at(text, i); n > 0) {
            space = !out.empty();
            i += n;
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += text[i++];
    }
    return out;
}

void StructuredTextWriter::title(std::string_view text) {
    if (titled_) {
        heading(text);
        return;
    }
    const std::string line = collapse_whitespace(text);
    if (line.empty()) return;
    // The title goes first even when the page prints a date or symbol line above it: the
    // parser takes "# " as the title only at the top.
    text_.insert(0, "# " + line + "\n" + (text_.empty() ? "" : "\n"));
    titled_ = true;
}

void StructuredTextWriter::heading(std::string_view text) { block("## ", text); }

void StructuredTextWriter::paragraph(std::string_view text, std::string_view mark) {
    block(mark, text);
}

void StructuredTextWriter::block(std::string_view mark, std::string_view text) {
    const std::string line = collapse_whitespace(text);
    if (line.empty()) return;
    if (!text_.empty()) text_ += '\n';
    text_ += mark;
    text_ += line;
    text_ += '\n';
}

std::string StructuredTextWriter::finish() const { return text_; }

}  // namespace r2p
