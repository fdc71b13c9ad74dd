#include "convert/pdf_pages.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "r2p/error.hpp"
#include "text/ascii_case.hpp"

namespace r2p::detail {

namespace {

// Poppler reports damaged files on stderr; r2p-index reports each bad file on one line of its
// own, so poppler's messages are dropped.
void ignore_poppler_message(const std::string& /*message*/, void* /*closure*/) {}

void silence_poppler() {
    static const bool silenced = [] {
        poppler::set_debug_error_function(ignore_poppler_message, nullptr);
        return true;
    }();
    (void)silenced;
}

std::string utf8(const poppler::ustring& s) {
    const poppler::byte_array bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// Ligatures spelled out ("ﬁ" -> "fi") so that words match what users type; a soft hyphen
// (U+00AD) is where the typesetter broke the word, an ordinary line-end hyphen to us.
std::string plain_letters(std::string text) {
    static const std::pair<std::string_view, std::string_view> kReplacements[] = {
        {"\xEF\xAC\x80", "ff"},  {"\xEF\xAC\x81", "fi"},  {"\xEF\xAC\x82", "fl"},
        {"\xEF\xAC\x83", "ffi"}, {"\xEF\xAC\x84", "ffl"}, {"\xEF\xAC\x86", "st"},
        {"\xC2\xAD", "-"},
    };
    for (const auto& [from, to] : kReplacements) {
        for (std::size_t at = text.find(from); at != std::string::npos;
             at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    }
    return text;
}

bool is_bold_font(std::string_view font) {
    const std::string name = detail::ascii_lower(font);
    for (const char* mark : {"bold", "black", "heavy", "demi", "semibold"})
        if (name.find(mark) != std::string::npos) return true;
    return false;
}

PdfPage read_page(const poppler::page& page) {
    PdfPage out;
    const poppler::rectf box = page.page_rect();
    out.width = std::isfinite(box.width()) ? std::clamp(box.width(), 0.0, 1e5) : 0.0;
    out.height = std::isfinite(box.height()) ? std::clamp(box.height(), 0.0, 1e5) : 0.0;
    for (const poppler::text_box& word : page.text_list(poppler::page::text_list_include_font)) {
        if (word.rotation() != 0) continue;  // vertical margin notes are not the statement
        PdfWord w;
        w.text = plain_letters(utf8(word.text()));
        if (w.text.empty()) continue;
        const poppler::rectf b = word.bbox();
        // Crafted files may place text anywhere; no page is larger than this (PDF 1.7: 200
        // inches a side).
        const double coordinates[] = {b.left(), b.right(), b.top(), b.bottom()};
        if (!std::all_of(std::begin(coordinates), std::end(coordinates),
                         [](double v) { return std::isfinite(v) && std::abs(v) < 1e5; }))
            continue;
        w.x0 = b.left();
        w.x1 = b.right();
        w.top = b.top();
        w.bottom = b.bottom();
        w.size = word.get_font_size();
        if (!(w.size > 0 && w.size < 1e4)) w.size = std::max(1.0, w.bottom - w.top);
        w.bold = word.has_font_info() && is_bold_font(word.get_font_name());
        w.space_after = word.has_space_after();
        out.words.push_back(std::move(w));
    }
    return out;
}

}  // namespace

PdfPages read_pdf_pages(std::string_view bytes) {
    silence_poppler();
    const std::string unreadable = "not a readable PDF file";
    // Poppler takes an int length; it skips junk before the header, so look a little way in.
    if (bytes.size() > static_cast<std::size_t>(INT_MAX) ||
        bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos)
        throw CorpusError(unreadable);
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) throw CorpusError(unreadable);
    // Checked before anything else: poppler-cpp crashes asking a locked document its pages.
    if (doc->is_locked()) throw CorpusError("encrypted PDF (needs a password)");
    const int count = doc->pages();
    if (count <= 0) throw CorpusError(unreadable);

    PdfPages out;
    out.info_title = utf8(doc->get_title());
    bool any_text = false;
    for (int i = 0; i < count; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) {
            out.warnings.push_back("page " + std::to_string(i + 1) + ": not readable (skipped)");
            out.pages.emplace_back();
            continue;
        }
        out.pages.push_back(read_page(*page));
        any_text = any_text || !out.pages.back().words.empty();
    }
    if (!any_text) throw CorpusError("no text in the PDF (scanned pages need OCR)");
    return out;
}

}  // namespace r2p::detail
