// Page furniture of a PDF: what the page put there, not the statement. Running heads and
// footers (repeated on most pages, the page number changing), page numbers, UN job numbers
// ("19-09912 (E)", "*1909912*"), footnote bodies under the text; and the UN symbol block of
// the first page, which is kept aside for the caller.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "convert/pdf_layout.hpp"
#include "convert/pdf_pages.hpp"

namespace r2p::detail {

/// Whether `token` is a UN document symbol: "A/76/844", "S/2022/401", "A/RES/60/1",
/// "S/PV.8185", "A/76/PV.91", "GA/12519", "SG/SM/21345", "A/HRC/49/L.1".
bool is_un_symbol(std::string_view token);

/// Removes the furniture lines from `lines` (one vector per page, as page_lines gives them);
/// `pages` gives each page's size, `body_size` the type size of most of the text. Returns the
/// UN symbol printed at the top of the first page, two symbols joined by an en dash
/// ("A/73/898–S/2019/463"), or "" when there is none.
std::string remove_page_furniture(std::vector<std::vector<PdfLine>>& lines,
                                  const std::vector<PdfPage>& pages, double body_size);

}  // namespace r2p::detail
