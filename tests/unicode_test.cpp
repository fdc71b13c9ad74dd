// Tests for decode_text, fold and fold_accents.
#include "text/unicode.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "r2p/error.hpp"

namespace {

std::string bytes(std::initializer_list<int> values) {
    std::string out;
    for (const int v : values) out += static_cast<char>(v);
    return out;
}

// UTF-16 bytes with a BOM, from UTF-16 code units.
std::string utf16(const std::u16string& units, bool little_endian) {
    std::string out = little_endian ? bytes({0xFF, 0xFE}) : bytes({0xFE, 0xFF});
    for (const char16_t u : units) {
        const auto hi = static_cast<char>(u >> 8);
        const auto lo = static_cast<char>(u & 0xFF);
        out += little_endian ? lo : hi;
        out += little_endian ? hi : lo;
    }
    return out;
}

}  // namespace

TEST_SUITE("unicode") {
    TEST_CASE("decoding accepts every encoding statements arrive in") {
        struct Case {
            const char* name;
            std::string input;
            std::string text;
            std::string encoding;
            bool converted;
        };
        const std::vector<Case> cases = {
            {"plain ASCII", "Ending impunity.\n", "Ending impunity.\n", "UTF-8", false},
            {"UTF-8 without BOM", "Villy S\xC3\xB8vndal\n", "Villy S\xC3\xB8vndal\n", "UTF-8",
             false},
            {"UTF-8 with BOM and CRLF", "\xEF\xBB\xBFOverview\r\nThe meeting\r\n",
             "Overview\nThe meeting\n", "UTF-8", false},
            {"CR-only line endings", "Overview\rThe meeting\r\rEnd", "Overview\nThe meeting\n\nEnd",
             "UTF-8", false},
            {"UTF-16LE with BOM, accents and curly quotes",
             utf16(u"Caf\u00E9 \u201Cprotect\u201D\r\n", true),
             "Caf\xC3\xA9 \xE2\x80\x9Cprotect\xE2\x80\x9D\n", "UTF-16LE", true},
            {"UTF-16BE with BOM, accents and curly quotes",
             utf16(u"Caf\u00E9 \u201Cprotect\u201D\n", false),
             "Caf\xC3\xA9 \xE2\x80\x9Cprotect\xE2\x80\x9D\n", "UTF-16BE", true},
            {"UTF-16LE outside the BMP", utf16(u"x\U0001F600y", true), "x\xF0\x9F\x98\x80y",
             "UTF-16LE", true},
            {"Windows-1252 quotes, apostrophe and e-acute",
             "\x93"
             "Caf\xE9 au lait\x94 is the States\x92 duty",
             "\xE2\x80\x9C"
             "Caf\xC3\xA9 au lait\xE2\x80\x9D is the States\xE2\x80\x99 duty",
             "windows-1252", true},
            {"a lone lead byte without continuation is Windows-1252", "abc\xC3", "abc\xC3\x83",
             "windows-1252", true},
            {"Latin-1 o-slash", "Villy S\xF8vndal", "Villy S\xC3\xB8vndal", "windows-1252", true},
            {"Windows-1252 euro sign and dash",
             "\x80"
             "5 \x96 10",
             "\xE2\x82\xAC"
             "5 \xE2\x80\x93 10",
             "windows-1252", true},
            {"NFD input becomes NFC", "Janse\xCC\x81 Ja\xCC\x81nos", "Jans\xC3\xA9 J\xC3\xA1nos",
             "UTF-8", false},
            {"empty input", "", "", "UTF-8", false},
            {"whitespace-only input", " \n\t \r\n", " \n\t \n", "UTF-8", false},
            {"BOM only", "\xEF\xBB\xBF", "", "UTF-8", false},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                const r2p::DecodedText decoded = r2p::decode_text(c.input);
                CHECK(decoded.text == c.text);
                CHECK(decoded.encoding == c.encoding);
                CHECK(decoded.converted == c.converted);
            }
        }
    }

    TEST_CASE("a doubled byte order mark leaves no U+FEFF at the start of the text") {
        // Found by parse_fuzzer: FF FE FF FE "[[" decoded to U+FEFF "[[".
        const std::string utf16_twice = bytes({0xFF, 0xFE, 0xFF, 0xFE, '[', 0, '[', 0});
        CHECK(r2p::decode_text(utf16_twice).text == "[[");
        CHECK(r2p::decode_text("\xEF\xBB\xBF\xEF\xBB\xBFR2P").text == "R2P");
        CHECK(r2p::decode_text("\xEF\xBB\xBF\xEF\xBB\xBF").text.empty());
        // Inside the text a U+FEFF is a character like any other and stays.
        CHECK(r2p::decode_text("R2P \xEF\xBB\xBF").text == "R2P \xEF\xBB\xBF");
    }

    TEST_CASE("undecodable bytes are reported with their byte offset and line") {
        struct Case {
            const char* name;
            std::string input;
            std::size_t offset;
            std::size_t line;
            const char* message;
        };
        const std::vector<Case> cases = {
            {"truncated sequence before ASCII", "one\ntwo\nab\xE2\x80 cd", 10, 3,
             "invalid UTF-8 at byte 10"},
            {"truncated sequence at the end of UTF-8 text", "caf\xC3\xA9\nabc\xC3", 9, 2,
             "invalid UTF-8 at byte 9"},
            // The rule's price: Windows-1252 "e-acute" right before a closing curly quote reads as
            // a broken UTF-8 sequence. Mixed-up files are far likelier than that pair of bytes.
            {"lead byte followed by a continuation byte",
             "\x93"
             "caf\xE9\x94",
             4, 1, "invalid UTF-8 at byte 4"},
            {"overlong C0 AF", "path \xC0\xAF etc", 5, 1, "invalid UTF-8 at byte 5"},
            {"UTF-8 surrogate", "x\xED\xA0\x80y", 1, 1, "invalid UTF-8 at byte 1"},
            {"byte undefined in Windows-1252", "abc\n\x81", 4, 2, "invalid UTF-8 at byte 4"},
            {"damage after a UTF-8 BOM",
             "\xEF\xBB\xBF"
             "ab\xE9",
             5, 1, "invalid UTF-8 at byte 5"},
            {"NUL byte in UTF-8 text", std::string("ab\ncd\0ef", 8), 5, 2,
             "binary file: NUL byte at byte 5"},
            {"binary file", bytes({0x7F, 'E', 'L', 'F', 0x02, 0x01, 0x00, 0xFF}), 6, 1,
             "binary file: NUL byte at byte 6"},
            {"U+0000 in UTF-16", utf16(std::u16string(u"a\nb\0c", 5), true), 8, 2,
             "binary file: NUL byte at byte 8"},
            {"lone high surrogate in UTF-16",
             utf16(std::u16string(u"ab") + char16_t(0xD800) + u"c", true), 6, 1,
             "invalid UTF-16: lone surrogate at byte 6"},
            {"lone low surrogate in UTF-16BE", utf16(std::u16string(1, char16_t(0xDC00)), false), 2,
             1, "invalid UTF-16: lone surrogate at byte 2"},
            {"high surrogate at the end of UTF-16",
             utf16(std::u16string(1, char16_t(0xDBFF)), true), 2, 1,
             "invalid UTF-16: lone surrogate at byte 2"},
            {"odd byte count in UTF-16", utf16(u"ab", true) + "c", 6, 1,
             "truncated UTF-16: odd number of bytes at byte 6"},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                try {
                    r2p::decode_text(c.input);
                    FAIL("no DecodeError");
                } catch (const r2p::DecodeError& e) {
                    CHECK(e.byte_offset() == c.offset);
                    CHECK(e.line() == c.line);
                    CHECK(std::string(e.what()) == c.message);
                }
            }
        }
    }

    TEST_CASE("stray Windows-1252 bytes in UTF-8 text are read as Windows-1252 and named") {
        // Regression: one pasted apostrophe made the whole file undecodable.
        const auto decoded =
            r2p::decode_text("Caf\xC3\xA9 is open.\nIt\x92s the Minister\x92s \xFF view.\n");
        CHECK(decoded.text ==
              "Caf\xC3\xA9 is open.\nIt\xE2\x80\x99s the Minister\xE2\x80\x99s "
              "\xC3\xBF view.\n");
        CHECK(decoded.encoding == "UTF-8+windows-1252");
        CHECK(decoded.converted);
        REQUIRE(decoded.stray_bytes.size() == 3);
        CHECK(decoded.stray_bytes[0].offset == 17);
        CHECK(decoded.stray_bytes[0].line == 2);
        CHECK(decoded.stray_bytes[0].value == 0x92);
        CHECK(decoded.stray_bytes[2].value == 0xFF);
        SUBCASE("after a BOM too") {
            const auto with_bom = r2p::decode_text("\xEF\xBB\xBFIt\x92s \xC3\xA9");
            CHECK(with_bom.text == "It\xE2\x80\x99s \xC3\xA9");
            REQUIRE(with_bom.stray_bytes.size() == 1);
            CHECK(with_bom.stray_bytes[0].offset == 5);
        }
        SUBCASE("clean UTF-8 has none") {
            CHECK(r2p::decode_text("Caf\xC3\xA9").stray_bytes.empty());
            CHECK(r2p::decode_text("Caf\xC3\xA9").encoding == "UTF-8");
        }
    }

    TEST_CASE("a decode error is a corpus error") {
        CHECK_THROWS_AS(r2p::decode_text("\xC0\xAF"), r2p::CorpusError);
    }

    TEST_CASE("folding lower-cases and removes accents, including letters NFD leaves alone") {
        struct Case {
            const char* input;
            const char* folded;
        };
        const std::vector<Case> cases = {
            {"S\xC3\xB8vndal", "sovndal"},
            {"Jan\xC5\xA1"
             "a",
             "jansa"},
            {"Stra\xC3\x9F"
             "e",
             "strasse"},
            {"\xC3\x86"
             "ble",
             "aeble"},
            {"\xC4\x90ukanovi\xC4\x87", "dukanovic"},
            {"\xC5\x81\xC3\xB3"
             "d\xC5\xBA",
             "lodz"},
            {"\xC3\x89"
             "COLE",
             "ecole"},
            {"\xC5\x92uvre \xC3\x9E\xC3\xB3r", "oeuvre thor"},
            {"C\xC3\xB4te d\xE2\x80\x99Ivoire", "cote d'ivoire"},
            {"\xE2\x80\x9CNever again\xE2\x80\x9D \xE2\x80\x93 2005", "\"never again\" - 2005"},
            {"Ja\xCC\x81nos", "janos"},  // NFD input
            {"Vera L\xC3\xBA"
             "cia Barrouin",
             "vera lucia barrouin"},
            {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
             "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
            {"\xED\x95\x9C\xEA\xB5\xAD", "\xED\x95\x9C\xEA\xB5\xAD"},  // Hangul survives NFD/NFC
            {"", ""},
            {"  Two  spaces\n\tand tabs ", "  two  spaces\n\tand tabs "},
        };
        for (const Case& c : cases) {
            SUBCASE(c.input) { CHECK(r2p::fold(c.input) == c.folded); }
        }
    }

    TEST_CASE("the ASCII fast path agrees with the transliterator") {
        // Words holding a non-ASCII letter go through ICU whole, so gluing "é" to every word sends
        // each ASCII character of these texts down the slow path; it must fold as the fast path
        // does.
        const std::vector<std::string> texts = {
            "The Hague is the FINAL link, 67th UNGA; R2P (RtoP) & co. 'quoted' \"too\" - ok!",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789",
            "~ ` ! @ # $ % ^ & * ( ) _ + = { } [ ] | \\ : ; < > ? , . / - ' \"",
        };
        for (const std::string& text : texts) {
            SUBCASE(text.c_str()) {
                std::string glued;
                std::string expected;
                const std::string fast = r2p::fold(text);
                for (std::size_t i = 0; i <= text.size(); ++i) {
                    if (i == text.size() || text[i] == ' ') {
                        glued += "\xC3\xA9";
                        expected += "e";
                    }
                    if (i < text.size()) {
                        glued += text[i];
                        expected += fast[i];
                    }
                }
                CHECK(r2p::fold(glued) == expected);
            }
        }
    }

    TEST_CASE("long runs without spaces fold as their words would") {
        std::string run;
        std::string expected;
        std::string hangul;
        for (int i = 0; i < 100; ++i) {
            run +=
                "S\xC3\xB8vndal-Jan\xC5\xA1"
                "a\xE2\x80\x93";
            expected += "sovndal-jansa-";
            hangul += "\xED\x95\x9C\xEA\xB5\xAD";
        }
        CHECK(r2p::fold(run) == expected);
        CHECK(r2p::fold(hangul) == hangul);
        CHECK(r2p::fold("Ja" + std::string(200, 'x') + "ne\xCC\x81") ==
              "ja" + std::string(200, 'x') + "ne");
    }

    TEST_CASE("folding a word again gives the same result in either mode") {
        for (int i = 0; i < 2; ++i) {
            CHECK(r2p::fold("S\xC3\xB8vndal") == "sovndal");
            CHECK(r2p::fold_accents("S\xC3\xB8vndal") == "Sovndal");
        }
    }

    TEST_CASE("folding replaces invalid UTF-8 instead of failing") {
        const std::string folded = r2p::fold("S\xF8vndal \xC0\xAF ok");
        CHECK(folded.find("ok") != std::string::npos);
        CHECK(folded.rfind("s", 0) == 0);
        CHECK(r2p::fold_accents("\xFF"
                                "A")
                  .back() == 'A');
    }

    TEST_CASE("accent folding keeps letter case so query operators survive") {
        struct Case {
            const char* input;
            const char* folded;
        };
        const std::vector<Case> cases = {
            {"S\xC3\xB8vndal AND Jan\xC5\xA1"
             "a",
             "Sovndal AND Jansa"},
            {"impunity OR \xE2\x80\x9C"
             "early warning\xE2\x80\x9D NOT Libya",
             "impunity OR \"early warning\" NOT Libya"},
            {"Stra\xC3\x9F"
             "e",
             "Strasse"},
            {"\xC3\x89"
             "COLE",
             "ECOLE"},
            {"theme:accountability", "theme:accountability"},
        };
        for (const Case& c : cases) {
            SUBCASE(c.input) { CHECK(r2p::fold_accents(c.input) == c.folded); }
        }
    }

}  // TEST_SUITE
