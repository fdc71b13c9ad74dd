// Tests for append_simply_folded: it must fold exactly as ICU's transliterator does, and take
// the words statements hold most often (curly quotes, dashes, accented names).
#include "text/simple_fold.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/unicode.hpp"

TEST_SUITE("simple_fold") {
    TEST_CASE("folds typographic punctuation and accented letters as the transliterator does") {
        const std::vector<std::string> words = {
            "d\u2019Ivoire", "\u2018protect\u2019", "\u201CNever", "again\u201D", "1994\u20131995",
            "atrocities\u2014genocide", "Timor\u2010Leste", "non\u2011state", "and\u2026",
            "10\u00A0000", "C\u00F4te", "Jan\u0161a", "M\u00FCLLER", "na\u00EFve", "S\u00E3o",
            "\u00D1and\u00FA", "Fran\u00E7ois", "e\u0301tat", "\u00C9LYS\u00C9E", "Ho\u00E0ng",
            // Letters NFD keeps whole, and symbols: the Latin fold table's.
            "S\u00F8vndal", "Stra\u00DFe", "\u00C6r\u00F8", "\u0141\u00F3d\u017A", "\u00C6b",
            "\u00BD", "\u00ABnever\u00BB", "\uFF32\uFF12\uFF30"};
        for (const std::string& word : words) {
            for (const bool lower : {true, false}) {
                CAPTURE(word);
                CAPTURE(lower);
                std::string simple;
                REQUIRE(r2p::detail::append_simply_folded(simple, word, lower));
                CHECK(simple == r2p::detail::fold_word_with_icu(word, lower));
            }
        }
    }

    TEST_CASE("leaves to ICU what needs its rules") {
        // Other scripts, signs Latin-ASCII keeps (the euro), invalid UTF-8.
        for (const std::string& word :
             std::vector<std::string>{"\u041C\u0438\u0440", "\u20AC5", "\u00E2\u20AC\u0153",
                                      std::string("ab\xC0\xAF")}) {
            CAPTURE(word);
            std::string out = "kept";
            CHECK_FALSE(r2p::detail::append_simply_folded(out, word, true));
            CHECK(out == "kept");
        }
    }

    TEST_CASE("fold gives the transliterator's result whichever path a word takes") {
        for (const std::string& word :
             std::vector<std::string>{"d\u2019Ivoire", "S\u00F8vndal", "Jan\u0161a\u2019s"}) {
            CHECK(r2p::fold(word) == r2p::detail::fold_word_with_icu(word, true));
            CHECK(r2p::fold_accents(word) == r2p::detail::fold_word_with_icu(word, false));
        }
    }
}
