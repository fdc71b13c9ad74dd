#include "convert/pdf_furniture.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>

namespace r2p::detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

std::vector<std::string_view> split(std::string_view text, std::string_view separators) {
    std::vector<std::string_view> out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = text.find_first_of(separators, at);
        const std::size_t stop = end == std::string_view::npos ? text.size() : end;
        if (stop > at) out.push_back(text.substr(at, stop - at));
        at = stop + 1;
    }
    return out;
}

// The words of `text`, with en and em dashes (which join a report's two symbols) as spaces.
std::vector<std::string> tokens(std::string_view text) {
    std::vector<std::string> out(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = text.substr(i, 2) == "\xE2\x80" && i + 2 < text.size() &&
                          (text[i + 2] == '\x93' || text[i + 2] == '\x94');
        if (dash || text[i] == ' ' || text[i] == '\t') {
            if (!out.back().empty()) out.emplace_back();
            if (dash) i += 2;
            continue;
        }
        out.back() += text[i];
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

// "22-07114", the job number the UN prints on every page.
bool is_job_number(std::string_view t) {
    return t.size() == 8 && all_digits(t.substr(0, 2)) && t[2] == '-' && all_digits(t.substr(3));
}

// A token that page furniture is made of: a page number ("3", "3/12"), a job number and its
// language mark and print date ("22-07114", "(E)", "160522"), a barcode ("*2207114*"), a date
// ("29/06/2022"), a symbol, or the words of "Page 3 of 12".
bool is_furniture_token(std::string_view t) {
    if (all_digits(t) && t.size() <= 6) return true;
    if (is_job_number(t) || is_un_symbol(t)) return true;
    if (t.size() == 3 && t.front() == '(' && t.back() == ')') return true;
    if (t.size() >= 3 && t.front() == '*' && t.back() == '*' &&
        all_digits(t.substr(1, t.size() - 2)))
        return true;
    const std::vector<std::string_view> parts = split(t, "/");
    if (parts.size() >= 2 && parts.size() <= 3 && t.front() != '/' && t.back() != '/' &&
        std::all_of(parts.begin(), parts.end(), all_digits))
        return true;
    // Front matter's page numbers: "i", "iv", "xii".
    if (t.size() <= 5 && t.find_first_not_of("ivxl") == std::string_view::npos) return true;
    return t == "Page" || t == "page" || t == "of" || t == "-" || t == "|";
}

bool is_furniture_line(std::string_view text) {
    const std::vector<std::string> words = tokens(text);
    return !words.empty() && std::all_of(words.begin(), words.end(), [](const std::string& w) {
        return is_furniture_token(w);
    });
}

bool is_symbol_line(std::string_view text) {
    const std::vector<std::string> words = tokens(text);
    return !words.empty() && std::all_of(words.begin(), words.end(),
                                         [](const std::string& w) { return is_un_symbol(w); });
}

// A footnote rule typed as characters: "__________".
bool is_rule(std::string_view text) {
    return text.size() >= 5 && text.find_first_not_of("_-\xE2\x80\x94 ") == std::string_view::npos;
}

// A running head or footer compared across pages: case and numbers do not count.
std::string repeat_key(std::string_view text) {
    std::string key;
    for (char c : text) {
        if (is_digit(c)) {
            if (key.empty() || key.back() != '#') key += '#';
        } else if (c >= 'A' && c <= 'Z') {
            key += static_cast<char>(c | 0x20);
        } else if (c != ' ') {
            key += c;
        }
    }
    return key;
}

enum class Zone { kBody, kHead, kFoot };

Zone zone_of(const PdfLine& line, const PdfPage& page) {
    if (page.height <= 0) return Zone::kBody;
    if (line.bottom < 0.12 * page.height) return Zone::kHead;
    if (line.top > 0.88 * page.height) return Zone::kFoot;
    return Zone::kBody;
}

}  // namespace

bool is_un_symbol(std::string_view token) {
    const std::vector<std::string_view> parts = split(token, "/");
    if (parts.size() < 2 || token.front() == '/' || token.back() == '/') return false;
    if (token.find("//") != std::string_view::npos) return false;
    // The organ: one to five capitals ("A", "S", "GA", "SG", "HRC", "E").
    const std::string_view organ = parts.front();
    if (organ.empty() || organ.size() > 5 ||
        !std::all_of(organ.begin(), organ.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return false;
    bool digit = false;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        for (char c : parts[i]) {
            const bool ok = is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            c == '.' || c == '-';
            if (!ok) return false;
            digit = digit || is_digit(c);
        }
    }
    return digit;
}

std::string remove_page_furniture(std::vector<std::vector<PdfLine>>& lines,
                                  const std::vector<PdfPage>& pages, double body_size) {
    const std::size_t page_count = std::min(lines.size(), pages.size());
    std::vector<std::vector<bool>> drop(page_count);
    for (std::size_t p = 0; p < page_count; ++p) drop[p].assign(lines[p].size(), false);

    // The symbol block at the top of the first page: kept aside, in the order printed.
    std::string symbol;
    if (page_count > 0) {
        std::vector<std::size_t> found;
        for (std::size_t i = 0; i < lines[0].size(); ++i) {
            const PdfLine& line = lines[0][i];
            if (line.bottom < 0.3 * pages[0].height && is_symbol_line(line.text))
                found.push_back(i);
            // The caption of the UN emblem above the symbol.
            if (zone_of(line, pages[0]) == Zone::kHead && line.text == "United Nations")
                drop[0][i] = true;
        }
        std::stable_sort(found.begin(), found.end(), [&](std::size_t a, std::size_t b) {
            return lines[0][a].top < lines[0][b].top;
        });
        for (std::size_t i : found) {
            for (const std::string& s : tokens(lines[0][i].text)) {
                if (!symbol.empty()) symbol += "\xE2\x80\x93";
                symbol += s;
            }
            drop[0][i] = true;
        }
    }

    // Running heads and footers: the same line (numbers aside) at the top or foot of at least
    // two pages and two pages in five.
    std::map<std::pair<Zone, std::string>, std::set<std::size_t>> pages_with;
    for (std::size_t p = 0; p < page_count; ++p) {
        for (const PdfLine& line : lines[p]) {
            const Zone zone = zone_of(line, pages[p]);
            if (zone != Zone::kBody) pages_with[{zone, repeat_key(line.text)}].insert(p);
        }
    }
    for (std::size_t p = 0; p < page_count; ++p) {
        for (std::size_t i = 0; i < lines[p].size(); ++i) {
            const PdfLine& line = lines[p][i];
            const Zone zone = zone_of(line, pages[p]);
            if (zone == Zone::kBody) continue;
            const std::size_t repeats = pages_with[{zone, repeat_key(line.text)}].size();
            if (is_furniture_line(line.text) || (repeats >= 2 && repeats * 5 >= page_count * 2))
                drop[p][i] = true;
        }
    }

    // Footnotes (and a record's disclaimer box): smaller type below the page's last line of
    // text in the body type; typed footnote rules anywhere.
    for (std::size_t p = 0; p < page_count; ++p) {
        double last_body_bottom = -1;
        for (std::size_t i = 0; i < lines[p].size(); ++i) {
            if (!drop[p][i] && lines[p][i].size >= body_size - 0.5)
                last_body_bottom = std::max(last_body_bottom, lines[p][i].bottom);
        }
        for (std::size_t i = 0; i < lines[p].size(); ++i) {
            const PdfLine& line = lines[p][i];
            if (is_rule(line.text)) drop[p][i] = true;
            if (last_body_bottom >= 0 && line.size <= 0.85 * body_size &&
                line.top >= last_body_bottom - 1)
                drop[p][i] = true;
        }
    }

    for (std::size_t p = 0; p < page_count; ++p) {
        std::vector<PdfLine> kept;
        for (std::size_t i = 0; i < lines[p].size(); ++i)
            if (!drop[p][i]) kept.push_back(std::move(lines[p][i]));
        lines[p] = std::move(kept);
    }
    return symbol;
}

}  // namespace r2p::detail
