// The Latin fold table (text/latin_fold_table.*) is ICU's: each entry is what the
// transliterator makes of its character alone and between any neighbours, and no character
// the transliterator folds that way is missing. When ICU changes, the failure prints the
// table to paste into lib/src/text/latin_fold_table.inc.
#include "text/latin_fold_table.hpp"

#include <doctest/doctest.h>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "text/unicode.hpp"

namespace {

std::string utf8_of(UChar32 c) {
    std::string out;
    icu::UnicodeString(c).toUTF8String(out);
    return out;
}

bool all_ascii(const std::string& s) {
    for (const char ch : s) {
        if (static_cast<unsigned char>(ch) >= 0x80) return false;
    }
    return true;
}

std::string ascii_lower(std::string s) {
    for (char& ch : s) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return s;
}

// What the transliterator makes of `c` whatever its neighbours, when that is ASCII.
std::optional<std::string> context_free_fold(UChar32 c, bool lower) {
    const std::string alone = utf8_of(c);
    const std::string folded = r2p::detail::fold_word_with_icu(alone, lower);
    if (!all_ascii(folded)) return std::nullopt;
    const std::vector<std::string> neighbours = {"", "a", "A", "1", alone};
    for (const std::string& before : neighbours) {
        for (const std::string& after : neighbours) {
            auto fold_of = [&](const std::string& s) {
                return s == alone ? folded : (lower ? ascii_lower(s) : s);
            };
            const std::string expected = fold_of(before) + folded + fold_of(after);
            if (r2p::detail::fold_word_with_icu(before + alone + after, lower) != expected)
                return std::nullopt;
        }
    }
    return folded;
}

struct Expected {
    UChar32 c;
    std::string lower;
    std::optional<std::string> cased;
};

// Characters the simple fold meets after NFD: not split by NFD, not a removed combining mark.
std::vector<Expected> expected_table() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    REQUIRE(U_SUCCESS(status));
    std::vector<Expected> table;
    for (UChar32 c = 0x80; c <= 0xFFFD; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates
        icu::UnicodeString decomposition;
        if (nfd->getDecomposition(c, decomposition)) continue;
        UErrorCode script_status = U_ZERO_ERROR;
        if (u_charType(c) == U_NON_SPACING_MARK &&
            uscript_getScript(c, &script_status) == USCRIPT_INHERITED)
            continue;
        const auto lower = context_free_fold(c, true);
        if (!lower) continue;
        table.push_back({c, *lower, context_free_fold(c, false)});
    }
    return table;
}

std::string c_string(const std::string& s) {
    std::string out = "\"";
    for (const char ch : s) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "\"";
}

std::string table_text(const std::vector<Expected>& table) {
    std::string out;
    for (const Expected& e : table) {
        char code[16];
        std::snprintf(code, sizeof code, "0x%04X", static_cast<unsigned>(e.c));
        out += std::string("{") + code + ", " + c_string(e.lower) + ", " +
               (e.cased ? c_string(*e.cased) : "nullptr") + "},\n";
    }
    return out;
}

}  // namespace

TEST_SUITE("latin_fold_table") {
    TEST_CASE(
        "the table is the transliterator's fold of each character it holds, and of no other") {
        const std::vector<Expected> expected = expected_table();
        CHECK(expected.size() > 100);  // ø ß æ ł þ, spaces, fullwidth forms...
        const auto* begin = r2p::detail::latin_fold_begin();
        const auto* end = r2p::detail::latin_fold_end();
        bool same = static_cast<std::size_t>(end - begin) == expected.size();
        for (std::size_t i = 0; same && i < expected.size(); ++i) {
            const r2p::detail::LatinFold& e = begin[i];
            same = e.c == expected[i].c && e.lower == expected[i].lower &&
                   (e.cased == nullptr) == !expected[i].cased &&
                   (e.cased == nullptr || *expected[i].cased == e.cased);
        }
        if (!same) {
            const std::string text =
                "lib/src/text/latin_fold_table.inc should be:\n" + table_text(expected);
            MESSAGE(text);
        }
        CHECK(same);
    }

    TEST_CASE("lookups find each entry, and nothing between them") {
        CHECK(r2p::detail::latin_fold(0xF8) != nullptr);  // ø
        CHECK(std::string(r2p::detail::latin_fold(0xF8)->lower) == "o");
        CHECK(r2p::detail::latin_fold(0xDF) != nullptr);   // ß
        CHECK(r2p::detail::latin_fold(0x41) == nullptr);   // ASCII: never in the table
        CHECK(r2p::detail::latin_fold(0x416) == nullptr);  // Cyrillic Zhe
        for (const auto* e = r2p::detail::latin_fold_begin(); e != r2p::detail::latin_fold_end();
             ++e) {
            CHECK(r2p::detail::latin_fold(e->c) == e);
        }
    }
}
