#include "search/snippets.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <fstream>
#include <string>

#include "text/unicode.hpp"

TEST_SUITE("snippets") {
    using r2p::HighlightTerms;
    using r2p::make_snippet;
    using r2p::render_snippet;

    namespace {

    std::string marked(std::string_view text, const HighlightTerms& h, std::size_t window = 30) {
        return render_snippet(make_snippet(text, h, window), "[", "]");
    }

    }  // namespace

    TEST_CASE("a stem marks every word of the text with that stem") {
        HighlightTerms h;
        h.terms = {"Zprevent"};
        CHECK(marked("Prevention is better; preventing atrocities is a preventive task.", h) ==
              "[Prevention] is better; [preventing] atrocities is a [preventive] task.");
    }

    TEST_CASE("irregular stems are marked too") {
        HighlightTerms h;
        h.terms = {"Zdie", "Zski"};
        CHECK(marked("Civilians dying; skies and skis.", h) ==
              "Civilians [dying]; skies and [skis].");
    }

    // make_snippet stems only words that start like a query stem: that relies on the English
    // stemmer never changing a word's first letter.
    TEST_CASE("the English stemmer keeps the first letter of every word of the word list") {
        std::ifstream words("/usr/share/dict/american-english");
        REQUIRE_MESSAGE(words, "wamerican is not installed (scripts/setup.sh installs it)");
        const Xapian::Stem stem("english");
        std::size_t checked = 0;
        for (std::string line; std::getline(words, line);) {
            const std::string word = r2p::fold(line);
            if (word.empty() || word[0] < 'a' || word[0] > 'z') continue;
            const std::string stemmed = stem(word);
            INFO(word, " -> ", stemmed);
            REQUIRE(!stemmed.empty());
            REQUIRE(stemmed[0] == word[0]);
            ++checked;
        }
        CHECK(checked > 50000);
    }

    TEST_CASE("a folded word marks the accented original") {
        struct Case {
            const char* term;
            const char* text;
            const char* expected;
        };
        const Case cases[] = {
            {"sovndal", "H.E. Mr. Villy Søvndal, Denmark", "H.E. Mr. Villy [Søvndal], Denmark"},
            {"jansa", "Janez Janša spoke.", "Janez [Janša] spoke."},
            {"strasse", "Die Straße.", "Die [Straße]."},
            // Non-ASCII first letters: no ASCII shortcut may judge these words by their start.
            {"ecole", "Une École ici.", "Une [École] ici."},
            {"oeuvre", "Son Œuvre, son oeuvre.", "Son [Œuvre], son [oeuvre]."},
        };
        for (const auto& c : cases) {
            SUBCASE(c.term) {
                HighlightTerms h;
                h.terms = {c.term};
                CHECK(marked(c.text, h) == c.expected);
            }
        }
    }

    TEST_CASE("a phrase is marked only where its words stand in a row") {
        HighlightTerms h;
        h.phrases = {{"tool", "of", "prevention"}};
        CHECK(marked("A tool of prevention, not a tool of war or prevention alone.", h) ==
              "A [tool of prevention], not a tool of war or prevention alone.");
    }

    TEST_CASE("a wildcard prefix marks every word starting with it") {
        HighlightTerms h;
        h.prefixes = {"atroc"};
        CHECK(marked("Atrocities and atrocity crimes, not atrophy.", h) ==
              "[Atrocities] and [atrocity] crimes, not atrophy.");
    }

    TEST_CASE("a long text is cut around the densest matches with ellipses") {
        std::string text;
        for (int i = 0; i < 40; ++i) text += "filler" + std::to_string(i) + " ";
        text += "impunity ends impunity ";
        for (int i = 40; i < 80; ++i) text += "filler" + std::to_string(i) + " ";
        HighlightTerms h;
        h.terms = {"impunity"};
        const auto snippet = make_snippet(text, h, 10);
        const std::string out = render_snippet(snippet, "<mark>", "</mark>");
        CHECK(out.rfind("…", 0) == 0);
        CHECK(out.size() >= 3);
        CHECK(out.substr(out.size() - 3) == "…");
        CHECK(out.find("<mark>impunity</mark> ends <mark>impunity</mark>") != std::string::npos);
        CHECK(out.find("filler0 ") == std::string::npos);
    }

    TEST_CASE("without matches the snippet is the start of the text") {
        std::string text;
        for (int i = 0; i < 50; ++i) text += "word" + std::to_string(i) + " ";
        const auto snippet = make_snippet(text, HighlightTerms{}, 5);
        CHECK(snippet.marks.empty());
        CHECK(snippet.text == "word0 word1 word2 word3 word4…");
    }

    TEST_CASE("a short text is kept whole, punctuation included") {
        HighlightTerms h;
        h.terms = {"right"};
        CHECK(
            marked("“We have not embraced R2P because it is easy, but because it is right.”", h) ==
            "“We have not embraced R2P because it is easy, but because it is [right].”");
    }

    TEST_CASE("marks are placed on the original bytes in the middle of multi-byte text") {
        HighlightTerms h;
        h.terms = {"lucia"};
        const auto snippet = make_snippet("Vera Lúcia Machado", h);
        REQUIRE(snippet.marks.size() == 1);
        CHECK(snippet.text.substr(snippet.marks[0].first,
                                  snippet.marks[0].second - snippet.marks[0].first) == "Lúcia");
    }

    TEST_CASE("an empty or wordless text gives itself back") {
        HighlightTerms h;
        h.terms = {"x"};
        CHECK(make_snippet("", h).text.empty());
        CHECK(make_snippet(" – … ", h).text == " – … ");
    }

    TEST_CASE("the HTML snippet escapes the passage's markup and keeps only its own marks") {
        HighlightTerms h;
        h.terms = {"alert"};
        const auto snippet = make_snippet("Say <script>alert(1)</script> & \"it's\" done.", h);
        CHECK(r2p::render_snippet_html(snippet) ==
              "Say &lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; &amp; \"it's\" done.");
    }

    TEST_CASE("mark offsets count code points, not bytes") {
        HighlightTerms h;
        h.terms = {"sovndal", "lucia"};
        const auto snippet = make_snippet("…Søvndal and Lúcia", h);
        // "…" and "ø" and "ú" are one code point each, two or three bytes each.
        const std::vector<std::pair<std::size_t, std::size_t>> expected = {{1, 8}, {13, 18}};
        CHECK(r2p::code_point_marks(snippet) == expected);
    }

    TEST_CASE("marks that are not on code point boundaries or beyond the text are left out") {
        r2p::Snippet snippet;
        snippet.text = "Lúcia";
        snippet.marks = {{2, 3}, {4, 9}};
        CHECK(r2p::code_point_marks(snippet).empty());
    }
}
