#include "convert/pdf_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "convert/pdf_blocks.hpp"
#include "convert/pdf_furniture.hpp"
#include "convert/pdf_layout.hpp"
#include "convert/pdf_pages.hpp"
#include "text/ascii_case.hpp"

namespace r2p {

namespace {

using detail::PdfBlock;
using detail::PdfLine;

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string trimmed(std::string_view s) {
    const std::size_t from = s.find_first_not_of(" \t\r\n");
    if (from == std::string_view::npos) return {};
    const std::size_t to = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(from, to - from + 1));
}

// The type size of most of the document's characters.
double body_size_of(const std::vector<std::vector<PdfLine>>& pages) {
    std::map<double, std::size_t> chars;
    for (const auto& lines : pages)
        for (const PdfLine& line : lines) chars[line.size] += line.text.size();
    if (chars.empty()) return 10;
    return std::max_element(chars.begin(), chars.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
}

// A PDF's Title entry is often the file name the author's program gave it
// ("Microsoft Word - 2207114E.docx", "statement_final_v2"), or the document symbol.
std::string human_title(std::string_view info_title) {
    const std::string title = trimmed(info_title);
    const std::string lower = detail::ascii_lower(title);
    if (title.empty() || title.find(' ') == std::string::npos) return {};
    if (starts_with(lower, "microsoft ") || starts_with(lower, "untitled")) return {};
    for (std::string_view ext : {".doc", ".docx", ".pdf", ".rtf", ".odt", ".txt", ".indd", ".wpd"})
        if (ends_with(lower, ext)) return {};
    return title;
}

// The names of UN organs printed large on a document's cover: not its title.
bool is_organ_name(std::string_view text) {
    for (std::string_view organ : {"United Nations", "General Assembly", "Security Council",
                                   "Economic and Social Council", "Human Rights Council"})
        if (text == organ) return true;
    return false;
}

// A byline printed large is the speaker, not the title (the parser reads bylines).
bool is_byline(std::string_view text) {
    const std::string lower = detail::ascii_lower(text);
    for (std::string_view opener : {"statement by", "statement delivered by", "remarks by",
                                    "intervention by", "joint statement", "address by"})
        if (starts_with(lower, opener)) return true;
    return false;
}

bool has_label(std::string_view text) {
    return detail::is_paragraph_label(text.substr(0, text.find(' ')));
}

bool heading_like(const PdfBlock& block, double body_size) {
    if (block.text.size() > 200 || block.lines > 3) return false;
    if (ends_with(block.text, ",") || ends_with(block.text, ";")) return false;
    return block.bold || block.size >= body_size * 1.15;
}

// A heading the author broke over two lines by hand ("... genocide, war" / "crimes, ethnic
// cleansing ..."): the second part, in the same type and starting in lower case, goes on.
std::vector<PdfBlock> with_continued_headings(std::vector<PdfBlock> blocks, double body_size) {
    std::vector<PdfBlock> out;
    for (PdfBlock& b : blocks) {
        const bool continues =
            !out.empty() && heading_like(out.back(), body_size) && heading_like(b, body_size) &&
            b.page == out.back().page && std::abs(b.size - out.back().size) < 0.1 &&
            b.bold == out.back().bold && !b.text.empty() && b.text[0] >= 'a' && b.text[0] <= 'z';
        if (continues) {
            out.back().text += ' ';
            out.back().text += b.text;
            out.back().lines += b.lines;
        } else {
            out.push_back(std::move(b));
        }
    }
    return out;
}

std::string structured_text(const std::vector<PdfBlock>& blocks, const std::string& symbol,
                            double body_size) {
    // The title: the largest type of the first page, with the lines in that type right after
    // it (a title wrapped over two blocks).
    std::size_t title_from = blocks.size(), title_to = blocks.size();
    for (std::size_t i = 0; i < blocks.size() && blocks[i].page == 0; ++i) {
        const PdfBlock& b = blocks[i];
        const bool eligible = b.size >= body_size * 1.2 && b.text.size() <= 250 &&
                              !is_organ_name(b.text) && !is_byline(b.text);
        if (eligible && (title_from == blocks.size() || b.size > blocks[title_from].size))
            title_from = i;
    }
    if (title_from < blocks.size()) {
        title_to = title_from + 1;
        while (title_to < blocks.size() && blocks[title_to].page == 0 &&
               std::abs(blocks[title_to].size - blocks[title_from].size) < 0.1 &&
               blocks[title_to].bold == blocks[title_from].bold &&
               !has_label(blocks[title_to].text))
            ++title_to;
    }
    // Bold or large blocks before the body starts (a letterhead, a byline, the agenda item
    // of a record) are header lines; after it they are headings, sub-headings when bold in the
    // body type under larger headings.
    bool larger_headings = false;
    for (const PdfBlock& b : blocks)
        larger_headings =
            larger_headings || (heading_like(b, body_size) && b.size > body_size + 0.5);

    std::string out;
    auto emit = [&](std::string_view mark, std::string_view text) {
        if (!out.empty()) out += "\n\n";
        out += mark;
        out += text;
    };
    if (title_from < title_to) {
        std::string title;
        for (std::size_t i = title_from; i < title_to; ++i) {
            if (!title.empty()) title += ' ';
            title += blocks[i].text;
        }
        emit("# ", title);
    }
    if (!symbol.empty()) emit("", symbol);
    auto prose = [&](const PdfBlock& b) {
        return !heading_like(b, body_size) && b.text.size() >= 100;
    };
    bool body = false;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (i >= title_from && i < title_to) continue;
        const PdfBlock& b = blocks[i];
        const bool heading = heading_like(b, body_size);
        // A set-in block quotes only inside the body (a header's lines are set in too).
        const bool quotation = body && b.indented && b.lines >= 2 && !heading;
        if (prose(b)) body = true;
        // The body starts at its first prose paragraph, or at the heading right above it.
        if (heading && (has_label(b.text) || (i + 1 < blocks.size() && prose(blocks[i + 1]))))
            body = true;
        if (heading && body) {
            emit(larger_headings && b.size <= body_size + 0.5 ? "### " : "## ", b.text);
        } else if (quotation) {
            emit("> ", b.text);
        } else if (const std::size_t space = b.text.find(' ');
                   space != std::string::npos && detail::is_list_bullet(b.text.substr(0, space))) {
            emit("- ", std::string_view(b.text).substr(space + 1));  // "• item"
        } else {
            emit("", b.text);
        }
    }
    out += '\n';
    return out;
}

}  // namespace

ConvertedStatement pdf_text(std::string_view bytes) {
    detail::PdfPages pdf = detail::read_pdf_pages(bytes);
    std::vector<std::vector<PdfLine>> pages;
    pages.reserve(pdf.pages.size());
    for (std::size_t p = 0; p < pdf.pages.size(); ++p)
        pages.push_back(detail::page_lines(pdf.pages[p], static_cast<int>(p)));
    const double body_size = body_size_of(pages);
    const std::string symbol = detail::remove_page_furniture(pages, pdf.pages, body_size);
    std::vector<PdfLine> lines;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        detail::order_for_reading(pages[p], pdf.pages[p].width);
        for (PdfLine& line : pages[p]) lines.push_back(std::move(line));
    }
    std::vector<PdfBlock> blocks = detail::join_paragraphs(lines, body_size);

    ConvertedStatement converted;
    converted.text =
        structured_text(with_continued_headings(std::move(blocks), body_size), symbol, body_size);
    converted.title = human_title(pdf.info_title);
    converted.warnings = std::move(pdf.warnings);
    return converted;
}

}  // namespace r2p
