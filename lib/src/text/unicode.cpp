#include "text/unicode.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "r2p/error.hpp"
#include "text/simple_fold.hpp"
#include "text/unicode_utf8.hpp"

namespace r2p {
namespace {

using detail::first_invalid_utf8;
using detail::is_ascii;
using detail::utf8_sequence_length;

std::uint8_t byte_at(std::string_view s, std::size_t i) { return static_cast<std::uint8_t>(s[i]); }

bool starts_with_bytes(std::string_view s, std::initializer_list<std::uint8_t> prefix) {
    if (s.size() < prefix.size()) return false;
    std::size_t i = 0;
    for (const std::uint8_t b : prefix) {
        if (byte_at(s, i++) != b) return false;
    }
    return true;
}

// DecodeError::line() counts LF in the raw bytes, whatever the encoding.
std::size_t line_of(std::string_view bytes, std::size_t offset) {
    return 1 + static_cast<std::size_t>(std::count(
                   bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

[[noreturn]] void throw_at(std::string_view bytes, const std::string& what, std::size_t offset) {
    throw DecodeError(what + " at byte " + std::to_string(offset), line_of(bytes, offset), offset);
}

// NUL is valid UTF-8 and valid Windows-1252 but never occurs in a statement: it means a binary
// file (or UTF-16/32 without a BOM), which must not reach the index as text.
void reject_nul_bytes(std::string_view bytes) {
    const std::size_t nul = bytes.find('\0');
    if (nul != std::string_view::npos) throw_at(bytes, "binary file: NUL byte", nul);
}

std::string icu_error(const std::string& what, UErrorCode status) {
    return std::string("unicode: ") + what + " (ICU " + u_errorName(status) + ")";
}

// Converts bytes in `codepage` to UTF-8 with ICU. Callers validate the bytes first, so ICU's
// default substitution never fires on input that reaches here.
std::string convert_to_utf8(std::string_view bytes, const char* codepage) {
    if (bytes.empty()) return {};
    const auto length = static_cast<int32_t>(bytes.size());
    UErrorCode status = U_ZERO_ERROR;
    const int32_t needed =
        ucnv_convert("UTF-8", codepage, nullptr, 0, bytes.data(), length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
        throw CorpusError(icu_error("cannot convert from " + std::string(codepage), status));
    }
    std::string out(static_cast<std::size_t>(needed), '\0');
    status = U_ZERO_ERROR;
    ucnv_convert("UTF-8", codepage, out.data(), needed, bytes.data(), length, &status);
    if (U_FAILURE(status)) throw CorpusError(icu_error("conversion to UTF-8 failed", status));
    return out;
}

// Windows-1252 leaves these five bytes undefined, so text holding them is not Windows-1252.
bool undefined_in_windows_1252(std::uint8_t b) {
    return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
}

// Bytes that are not valid UTF-8 are either a legacy 8-bit export (Word, PDF-to-text tools
// write Windows-1252 or Latin-1) or damaged UTF-8. We call it damaged UTF-8, and refuse it,
// when the bytes show that their writer meant UTF-8:
//   - some multi-byte sequence is valid UTF-8 (the file mixes encodings or was truncated),
//   - a lead byte 0xC0-0xFF is followed by a continuation byte 0x80-0xBF (an overlong,
//     truncated or otherwise broken UTF-8 sequence; in Windows-1252 that would be an
//     accented capital or small letter followed by a symbol or C1 punctuation, which real
//     text almost never has),
//   - a byte Windows-1252 leaves undefined occurs (0x81 0x8D 0x8F 0x90 0x9D).
// Otherwise the bytes are Windows-1252 (a superset of Latin-1's printable range) and are
// converted. ICU's charset detector (ucsdet) was not used: on short texts it guesses among
// many legacy encodings, while statements in this corpus are only ever UTF-8 or 1252.
bool meant_as_utf8(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const std::uint8_t b = byte_at(bytes, i);
        if (b < 0x80) continue;
        if (undefined_in_windows_1252(b)) return true;
        if (b >= 0xC0 && i + 1 < bytes.size()) {
            const std::uint8_t next = byte_at(bytes, i + 1);
            if (next >= 0x80 && next <= 0xBF) return true;  // also covers valid sequences
        }
        if (utf8_sequence_length(bytes, i) > 1) return true;
    }
    return false;
}

// Windows-1252's 0x80-0x9F (0 where it leaves a byte undefined); 0xA0-0xFF are Latin-1.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_code_point(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// `b` is 0x80-0xFF and defined in Windows-1252.
void append_windows_1252(std::string& out, std::uint8_t b) {
    append_code_point(out, b >= 0xA0 ? char32_t{b} : char32_t{kWindows1252High[b - 0x80]});
}

bool is_continuation(std::string_view bytes, std::size_t i) {
    return i < bytes.size() && byte_at(bytes, i) >= 0x80 && byte_at(bytes, i) <= 0xBF;
}

// UTF-8 text with stray bytes of another encoding: well-formed sequences are kept, a stray
// byte is read as Windows-1252 (where such bytes come from: Word's quotes and dashes pasted
// in) and recorded. A lead byte followed by continuation bytes that do not form a character,
// or ending the file, is damage to the UTF-8 itself (truncation, overlong forms), and a byte
// Windows-1252 leaves undefined is no Windows-1252 byte: both are refused.
std::string decode_utf8_with_stray_bytes(std::string_view bytes, std::vector<StrayByte>& strays) {
    std::string out;
    out.reserve(bytes.size() + 16);
    std::size_t line = 1;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const std::size_t len = utf8_sequence_length(bytes, pos);
        if (len > 0) {
            if (bytes[pos] == '\n') ++line;
            out.append(bytes.substr(pos, len));
            pos += len;
            continue;
        }
        const std::uint8_t b = byte_at(bytes, pos);
        const bool broken_sequence = b >= 0xC0 && is_continuation(bytes, pos + 1);
        const bool truncated = b >= 0xC2 && b <= 0xF4 && pos + 1 == bytes.size();
        if (broken_sequence || truncated || undefined_in_windows_1252(b)) {
            throw_at(bytes, "invalid UTF-8", pos);
        }
        append_windows_1252(out, b);
        strays.push_back({pos, line, b});
        ++pos;
    }
    return out;
}

// UTF-16 is checked code unit by code unit so that errors name the byte offset and line
// (ICU's converter would substitute U+FFFD silently or fail without saying where).
std::string decode_utf16(std::string_view bytes, bool little_endian) {
    constexpr std::size_t kBom = 2;
    if ((bytes.size() - kBom) % 2 != 0) {
        throw_at(bytes, "truncated UTF-16: odd number of bytes", bytes.size() - 1);
    }
    std::size_t line = 1;
    const auto unit_at = [&](std::size_t i) -> std::uint16_t {
        const auto first = byte_at(bytes, i);
        const auto second = byte_at(bytes, i + 1);
        return static_cast<std::uint16_t>(little_endian ? (second << 8) | first
                                                        : (first << 8) | second);
    };
    for (std::size_t i = kBom; i < bytes.size(); i += 2) {
        const std::uint16_t unit = unit_at(i);
        const auto fail = [&](const char* what) {
            throw DecodeError(std::string(what) + " at byte " + std::to_string(i), line, i);
        };
        if (unit == 0) fail("binary file: NUL byte");
        if (unit == u'\n') ++line;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            const bool paired =
                i + 3 < bytes.size() && unit_at(i + 2) >= 0xDC00 && unit_at(i + 2) <= 0xDFFF;
            if (!paired) fail("invalid UTF-16: lone surrogate");
            i += 2;
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            fail("invalid UTF-16: lone surrogate");
        }
    }
    return convert_to_utf8(bytes.substr(kBom), little_endian ? "UTF-16LE" : "UTF-16BE");
}

std::string normalize_line_endings(std::string_view text) {
    if (text.find('\r') == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
            continue;
        }
        out += '\n';
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
    return out;
}

// Most statements are ASCII or already NFC, so the quick check usually saves the rewrite.
std::string to_nfc(std::string text) {
    if (is_ascii(text)) return text;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw CorpusError(icu_error("cannot load NFC data", status));
    if (nfc->isNormalizedUTF8(text, status) && U_SUCCESS(status)) return text;
    status = U_ZERO_ERROR;
    std::string out;
    out.reserve(text.size());
    icu::StringByteSink<std::string> sink(&out);
    nfc->normalizeUTF8(0, text, sink, nullptr, status);
    if (U_FAILURE(status)) throw CorpusError(icu_error("NFC normalisation failed", status));
    return out;
}

// --- folding ---------------------------------------------------------------------------

// NFD then removing combining marks of the Inherited script strips accents from Latin (and
// Greek, Cyrillic) letters while leaving the vowel signs of Indic scripts, which are letters'
// spelling, intact. Latin-ASCII then maps what decomposition leaves alone (ø ß æ đ ł œ þ)
// and typographic punctuation (’ “ ” – —). NFC puts back non-Latin text (Hangul) that NFD
// split apart.
constexpr const char* kFoldAccentsId = "NFD; [[:Mn:]&[:Zinh:]] Remove; Latin-ASCII; NFC";
constexpr const char* kFoldId = "NFD; [[:Mn:]&[:Zinh:]] Remove; Latin-ASCII; Lower; NFC";

// Transliterators are not thread-safe, so each thread builds its own, once.
icu::Transliterator& transliterator(bool lower) {
    thread_local std::unique_ptr<icu::Transliterator> folding;
    thread_local std::unique_ptr<icu::Transliterator> accent_folding;
    std::unique_ptr<icu::Transliterator>& slot = lower ? folding : accent_folding;
    if (!slot) {
        UErrorCode status = U_ZERO_ERROR;
        slot.reset(icu::Transliterator::createInstance(
            icu::UnicodeString::fromUTF8(lower ? kFoldId : kFoldAccentsId), UTRANS_FORWARD,
            status));
        if (U_FAILURE(status) || !slot) {
            slot.reset();
            throw Error(icu_error("cannot create the folding transliterator", status));
        }
    }
    return *slot;
}

void append_ascii(std::string& out, std::string_view ascii, bool lower) {
    if (!lower) {
        out += ascii;
        return;
    }
    for (const char c : ascii) {
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
}

// Invalid UTF-8 becomes U+FFFD in fromUTF8, so damaged input folds instead of crashing.
void append_transliterated(std::string& out, std::string_view utf8, bool lower) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    transliterator(lower).transliterate(text);
    text.toUTF8String(out);
}

// Each replacement a transliterator makes shifts the rest of its string, so its cost grows
// with the square of the length: long runs without spaces (CJK text, joined-up junk) are cut
// into pieces of about this many bytes, each cut where normalisation starts afresh.
constexpr std::size_t kPieceBytes = 128;

// The code point at `pos` (advanced past it), or -1 for a byte that is not valid UTF-8.
UChar32 next_code_point(std::string_view utf8, int32_t& pos) {
    const auto at = static_cast<std::size_t>(pos);
    const std::size_t len = utf8_sequence_length(utf8, at);
    if (len == 0) {
        ++pos;
        return -1;
    }
    constexpr std::uint8_t kLeadMask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    UChar32 c = byte_at(utf8, at) & kLeadMask[len];
    for (std::size_t i = 1; i < len; ++i) c = (c << 6) | (byte_at(utf8, at + i) & 0x3F);
    pos += static_cast<int32_t>(len);
    return c;
}

void append_transliterated_long(std::string& out, std::string_view utf8, bool lower) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error(icu_error("cannot load NFC data", status));
    const auto length = static_cast<int32_t>(utf8.size());
    int32_t piece_start = 0;
    int32_t pos = 0;
    while (pos < length) {
        const int32_t here = pos;
        const UChar32 c = next_code_point(utf8, pos);
        if (static_cast<std::size_t>(here - piece_start) >= kPieceBytes &&
            (c < 0 || nfc->hasBoundaryBefore(c))) {
            append_transliterated(out,
                                  utf8.substr(static_cast<std::size_t>(piece_start),
                                              static_cast<std::size_t>(here - piece_start)),
                                  lower);
            piece_start = here;
        }
    }
    append_transliterated(out, utf8.substr(static_cast<std::size_t>(piece_start)), lower);
}

// Accented words in statements are mostly names and places that recur ("Søvndal", "Côte
// d'Ivoire"), so each thread remembers the folds it has made, up to a bound.
constexpr std::size_t kCachedWords = 1 << 14;  // at most a few MB per thread

void append_folded_word(std::string& out, std::string_view word, bool lower) {
    if (word.size() > kPieceBytes) {
        append_transliterated_long(out, word, lower);
        return;
    }
    thread_local std::unordered_map<std::string, std::string> folded_cache;
    thread_local std::unordered_map<std::string, std::string> accent_folded_cache;
    auto& cache = lower ? folded_cache : accent_folded_cache;
    std::string key(word);
    if (const auto it = cache.find(key); it != cache.end()) {
        out += it->second;
        return;
    }
    std::string folded;
    if (!detail::append_simply_folded(folded, word, lower)) {
        append_transliterated(folded, word, lower);
    }
    if (cache.size() >= kCachedWords) cache.clear();
    out += folded;
    cache.emplace(std::move(key), std::move(folded));
}

bool is_ascii_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Text is folded one whitespace-separated word at a time: ASCII words (nearly all of them in
// English statements) are lower-cased directly and only words holding other characters go
// through ICU. Words are the unit because the transliterator's rules look at neighbouring
// letters (combining marks, final sigma, "Æ" before lower case) but never across spaces.
std::string fold_text(std::string_view utf8, bool lower) {
    std::string out;
    out.reserve(utf8.size() + utf8.size() / 8);
    if (is_ascii(utf8)) {
        append_ascii(out, utf8, lower);
        return out;
    }
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        std::size_t end = pos;
        bool ascii = true;
        while (end < utf8.size() && !is_ascii_space(utf8[end])) {
            if (static_cast<std::uint8_t>(utf8[end]) >= 0x80) ascii = false;
            ++end;
        }
        const std::string_view word = utf8.substr(pos, end - pos);
        if (ascii) {
            append_ascii(out, word, lower);
        } else {
            append_folded_word(out, word, lower);
        }
        while (end < utf8.size() && is_ascii_space(utf8[end])) out += utf8[end++];
        pos = end;
    }
    return out;
}

}  // namespace

DecodedText decode_text(std::string_view bytes) {
    DecodedText result;
    std::string utf8;
    if (starts_with_bytes(bytes, {0xFF, 0xFE}) || starts_with_bytes(bytes, {0xFE, 0xFF})) {
        const bool little_endian = byte_at(bytes, 0) == 0xFF;
        utf8 = decode_utf16(bytes, little_endian);
        result.encoding = little_endian ? "UTF-16LE" : "UTF-16BE";
        result.converted = true;
    } else if (starts_with_bytes(bytes, {0xEF, 0xBB, 0xBF})) {
        // A BOM says UTF-8: bad bytes after it are stray bytes or damage, never a 1252 file.
        reject_nul_bytes(bytes);
        const std::string_view body = bytes.substr(3);
        if (first_invalid_utf8(body) == std::string_view::npos) {
            utf8.assign(body);
        } else {
            utf8 = decode_utf8_with_stray_bytes(bytes, result.stray_bytes).substr(3);
        }
        result.encoding = result.stray_bytes.empty() ? "UTF-8" : "UTF-8+windows-1252";
        result.converted = !result.stray_bytes.empty();
    } else {
        reject_nul_bytes(bytes);
        const std::size_t bad = first_invalid_utf8(bytes);
        if (bad == std::string_view::npos) {
            utf8.assign(bytes);
            result.encoding = "UTF-8";
        } else if (meant_as_utf8(bytes)) {
            utf8 = decode_utf8_with_stray_bytes(bytes, result.stray_bytes);
            result.encoding = "UTF-8+windows-1252";
            result.converted = true;
        } else {
            utf8 = convert_to_utf8(bytes, "windows-1252");
            result.encoding = "windows-1252";
            result.converted = true;
        }
    }
    // A second BOM after the first (a file saved twice by tools that each add one) is a
    // U+FEFF at the start of the text: no reader sees it, and no passage may begin with it.
    constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
    std::size_t boms = 0;
    while (std::string_view(utf8).substr(boms).starts_with(kUtf8Bom)) boms += kUtf8Bom.size();
    utf8.erase(0, boms);
    result.text = to_nfc(normalize_line_endings(utf8));
    return result;
}

std::string fold(std::string_view utf8) { return fold_text(utf8, true); }

std::string detail::fold_word_with_icu(std::string_view word, bool lower) {
    std::string out;
    append_transliterated(out, word, lower);
    return out;
}

std::string fold_accents(std::string_view utf8) { return fold_text(utf8, false); }

}  // namespace r2p
