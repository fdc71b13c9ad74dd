#include "convert/html_charset.hpp"

#include <unicode/ucnv.h>

#include <array>
#include <cstdint>

#include "convert/libxml_support.hpp"
#include "text/ascii_case.hpp"
#include "text/unicode_utf8.hpp"

namespace r2p {

namespace {

// How far into the page a charset declaration is looked for (HTML asks for the first 1024
// bytes; pages with long <head>s put it later).
constexpr std::size_t kCharsetSearchBytes = 4096;

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// Converts with ICU; a byte the charset does not map becomes ICU's substitute character.
// Returns false for a charset ICU does not know.
bool convert(std::string_view bytes, const char* charset, std::string& out) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* probe = ucnv_open(charset, &status);
    if (U_FAILURE(status) || !probe) return false;
    ucnv_close(probe);
    if (bytes.empty()) return true;
    const auto length = static_cast<int32_t>(bytes.size());
    status = U_ZERO_ERROR;
    const int32_t needed =
        ucnv_convert("UTF-8", charset, nullptr, 0, bytes.data(), length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return false;
    out.assign(static_cast<std::size_t>(needed), '\0');
    status = U_ZERO_ERROR;
    ucnv_convert("UTF-8", charset, out.data(), needed, bytes.data(), length, &status);
    return U_SUCCESS(status);
}

// UTF-8 with stray bytes: each byte that is not part of a UTF-8 sequence is read as
// Windows-1252 (a curly apostrophe pasted from Word), as text files are.
std::string repair_utf8(std::string_view bytes, std::size_t& replaced) {
    std::string out;
    out.reserve(bytes.size() + 16);
    while (!bytes.empty()) {
        const std::size_t bad = detail::first_invalid_utf8(bytes);
        out += bytes.substr(0, bad);
        if (bad == std::string_view::npos) break;
        std::string one;
        if (!convert(bytes.substr(bad, 1), "windows-1252", one)) one = "\xEF\xBF\xBD";
        out += one;
        ++replaced;
        bytes.remove_prefix(bad + 1);
    }
    return out;
}

bool is_charset_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' ||
           c == '.';
}

}  // namespace

std::string declared_charset(std::string_view bytes) {
    const std::string head = detail::ascii_lower(bytes.substr(0, kCharsetSearchBytes));
    for (const std::string_view key : {std::string_view("charset"), std::string_view("encoding")}) {
        for (std::size_t at = head.find(key); at != std::string::npos;
             at = head.find(key, at + 1)) {
            std::size_t next = head.find_first_not_of(" \t\r\n", at + key.size());
            if (next == std::string::npos || head[next] != '=') continue;
            next = head.find_first_not_of(" \t\r\n\"'", next + 1);
            if (next == std::string::npos) continue;
            std::size_t end = next;
            while (end < head.size() && is_charset_char(head[end])) ++end;
            if (end > next) return head.substr(next, end - next);
        }
    }
    return {};
}

HtmlBytes html_to_utf8(std::string_view bytes) {
    HtmlBytes page;
    if (starts_with(bytes, "\xEF\xBB\xBF"))
        bytes.remove_prefix(3);
    else if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
        page.charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        if (convert(bytes.substr(2), page.charset.c_str(), page.utf8)) return page;
        page.charset.clear();
    }
    std::string charset = declared_charset(bytes);
    // Browsers read these as Windows-1252, which only adds characters to them.
    if (charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii" ||
        charset == "ascii" || charset == "iso8859-1" || charset == "cp1252") {
        charset = "windows-1252";
    }
    const bool utf8 = detail::first_invalid_utf8(bytes) == std::string_view::npos;
    if (charset.empty() || charset == "utf-8" || charset == "utf8" || charset == "unicode" ||
        charset.rfind("utf-16", 0) == 0) {  // "utf-16" declared in 8-bit bytes is UTF-8
        // Mostly UTF-8 with a few stray bytes is repaired; mostly not UTF-8 is Windows-1252.
        if (utf8 || !charset.empty()) {
            page.charset = "UTF-8";
            page.utf8 = repair_utf8(bytes, page.replaced);
            return page;
        }
        charset = "windows-1252";
    }
    if (!convert(bytes, charset.c_str(), page.utf8)) {
        page.charset = "UTF-8";
        page.utf8 = repair_utf8(bytes, page.replaced);
        return page;
    }
    page.charset = charset;
    return page;
}

}  // namespace r2p
