#include "tag/quote_chains.hpp"

#include <cstddef>
#include <string_view>

#include "parse/parse_text.hpp"

namespace r2p::detail {
namespace {

/// Whether the paragraph's first quote starts right after one opening mark at its start.
bool opens_with_quote(const Paragraph& p) {
    if (p.quotes.empty()) return false;
    const std::string_view before = trim(std::string_view(p.text).substr(0, p.quotes[0].begin));
    if (before.empty()) return false;
    std::size_t pos = 0;
    const char32_t mark = next_code_point(before, pos);
    return pos == before.size() && is_quote_mark(mark);
}

}  // namespace

std::vector<bool> continued_quotes(const Document& doc) {
    std::vector<bool> out(doc.paragraphs.size(), false);
    for (std::size_t p = 1; p < doc.paragraphs.size(); ++p) {
        const auto& before = doc.paragraphs[p - 1].quotes;
        const auto& here = doc.paragraphs[p].quotes;
        if (before.empty() || here.empty()) continue;
        const Quote& last = before.back();
        if (last.block && here.front().block) {
            out[p] = true;
        } else if (!last.closed && opens_with_quote(doc.paragraphs[p])) {
            out[p] = true;
        }
    }
    return out;
}

}  // namespace r2p::detail
