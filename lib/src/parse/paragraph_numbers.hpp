// The printed number that opens a numbered paragraph or list item ("12.", "3 bis.", "(a)").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace r2p::detail {

/// A paragraph number found at the start of a line.
struct ParagraphNumber {
    std::string label;       ///< "12", "3 bis", "(a)", "(iv)", "b": the number as printed,
                             ///< without the full stop or lone closing bracket after it
    std::size_t length = 0;  ///< bytes of the line it takes, spaces or tab after it included
};

/// "1. ", "1.<TAB>", "12 bis. ", "2) ", "(a) ", "a) ", "(iv) " opening `line` (trimmed), with
/// text after it. Nullopt for anything else, "2005. " (four digits) and "II. " (Roman numerals
/// in capitals number headings, not paragraphs) included.
std::optional<ParagraphNumber> paragraph_number(std::string_view line);

}  // namespace r2p::detail
