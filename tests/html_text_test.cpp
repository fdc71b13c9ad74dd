// Tests for lib/src/convert/html_text.cpp (with html_main_content and html_metadata): a web
// page -> the structured text of convert/structured_text.hpp, its title and date.
#include "convert/html_text.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "convert/html_charset.hpp"
#include "convert/html_metadata.hpp"
#include "r2p/error.hpp"
#include "test_support.hpp"

namespace {

const std::filesystem::path kPages =
    std::filesystem::path(R2P_SOURCE_DIR) / "tests/data/formats/html";

std::string page_text(const std::string& name) {
    return r2p::html_text(r2p::test::read_file(kPages / name)).text;
}

std::string body_text(const std::string& body) {
    return r2p::html_text("<!doctype html><html><head><meta charset=\"utf-8\"></head><body>" +
                          body + "</body></html>")
        .text;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_SUITE("html_text") {
    TEST_CASE("a press release page gives its main text only: no navigation, banner or footer") {
        const std::string text = page_text("press-release-ga.html");
        CHECK(text.rfind("# Preventing Atrocity Crimes Is Shared Duty, Not Optional Courtesy, "
                         "Deputy Secretary-General Tells General Assembly\n\n",
                         0) == 0);
        CHECK(has(text, "\n\nGA/12519\n\n"));
        CHECK(has(text, "\n\n27 June 2023\n\n"));
        CHECK(has(text, "\n\n## Statements\n\n"));
        CHECK(has(text,
                  "\n\nOpening the debate, Deputy Secretary-General Amina Mohammed said "
                  "that the early warning signs"));
        CHECK(has(text, "\u201cWe know where the risks are growing"));
        for (const char* furniture :
             {"cookies", "Accept", "Skip to main content", "Security Council</a>", "Home",
              "Privacy Notice", "Share this", "Related documents", "dataLayer", "jquery", "Search",
              "visually-hidden"}) {
            CAPTURE(furniture);
            CHECK_FALSE(has(text, furniture));
        }
    }

    TEST_CASE("a table is one paragraph a row, cells joined by semicolons") {
        const std::string text = page_text("press-release-ga.html");
        CHECK(has(text,
                  "\n\nRecorded vote on the agenda item\n\nIn favour; Against; "
                  "Abstentions\n\n115; 28; 21\n\n"));
        CHECK(body_text("<table><tr><td>a</td><td></td><td> b </td></tr></table>") == "a; b\n");
    }

    TEST_CASE("a mission's page without <main> drops menu, sidebar and footer by their names") {
        const std::string text = page_text("mission-statement.html");
        CHECK(text.rfind("# Statement at the General Assembly Plenary Debate on the "
                         "Responsibility to Protect\n\n28 June 2022\n\n",
                         0) == 0);
        CHECK(has(text, "\n\nStatement by H.E. Ambassador Liina Kask, Permanent Representative"));
        CHECK(has(text, "\n\nMr. President,\n\n"));
        CHECK(has(text,
                  "As the Secretary-General reminded us:\n\n> Prevention is not an "
                  "abstraction. It is the teacher"));
        // <br> inside a paragraph is a space, not a new paragraph.
        CHECK(has(text, "join the Code of Conduct and the French-Mexican initiative"));
        for (const char* furniture : {"Latest statements", "Subscribe", "Contact", "Fran",
                                      "All rights reserved", "The Mission", "_paq"}) {
            CAPTURE(furniture);
            CHECK_FALSE(has(text, furniture));
        }
    }

    TEST_CASE("lists: bullets, numbers from start and value, an item's paragraphs together") {
        const std::string text = page_text("joint-statement-civil-society.html");
        CHECK(has(text, "We urge Member States to:\n\n1. Adopt national action plans"));
        CHECK(has(text, "\n\n2. Support the formal inclusion"));
        CHECK(has(text, "\n\n4. Refrain from voting against"));
        CHECK(has(text, "\n\n5. Protect human rights defenders"));
        CHECK(has(text,
                  "## Signatories\n\n- Asia Pacific Centre for the Responsibility to "
                  "Protect\n\n- Coalition for Civilians in Conflict \u2013 West Africa"));
        CHECK(has(text, "- Sentinelles pour la Pr\u00e9vention"));
        // The article's own header is kept; the page's header, aside and footers are not.
        CHECK(has(text, "Published 2 July 2024"));
        for (const char* furniture :
             {"Donate", "mailing list", "registered charity", "press@example.org"}) {
            CAPTURE(furniture);
            CHECK_FALSE(has(text, furniture));
        }
        CHECK(body_text("<ol start=\"7\"><li>seven</li><li><p>eight</p><p>more</p></li></ol>") ==
              "7. seven\n\n8. eight\n\nmore\n");
        CHECK(body_text("<ul><li>a<ul><li>b</li></ul></li></ul>") == "- a\n\n- b\n");
    }

    TEST_CASE("escaped markup is literal text, a script element is not, entities decoded") {
        const std::string text = page_text("escaped-markup-cp1252.html");
        CHECK(has(text, "A user posted the text <script>alert(1)</script> under our statement"));
        CHECK_FALSE(has(text, "not text"));
        CHECK_FALSE(has(text, "hidden paragraph"));
        CHECK(has(text, "Caf\u00e9 owners, & teachers, and the Special Adviser\u2019s office"));
        CHECK(has(text, "act \"within hours, not weeks\""));
    }

    TEST_CASE("the page's charset is honoured: windows-1252 bytes, a BOM, undeclared UTF-8") {
        CHECK(has(page_text("escaped-markup-cp1252.html"),
                  "\u201cWords can kill,\u201d said the Co-Chair, Ms. Ren\u00e9e Dubois."));
        const std::string utf8_words = "<p>Pr\u00e9vention \u2014 \u201cnow\u201d</p>";
        CHECK(r2p::html_text("\xEF\xBB\xBF<html><body>" + utf8_words + "</body></html>").text ==
              "Pr\u00e9vention \u2014 \u201cnow\u201d\n");
        // No declaration at all: valid UTF-8 is read as UTF-8 (libxml2 alone would say Latin-1).
        CHECK(r2p::html_text("<html><body>" + utf8_words + "</body></html>").text ==
              "Pr\u00e9vention \u2014 \u201cnow\u201d\n");
        CHECK(r2p::html_text("<html><body><p>Ren\xE9\x65</p></body></html>").text ==
              "Ren\u00e9e\n");
        // The word "charset" in a script is no declaration.
        CHECK(r2p::html_text("<html><head><script>var charset;</script></head><body>" + utf8_words +
                             "</body></html>")
                  .text == "Pr\u00e9vention \u2014 \u201cnow\u201d\n");
    }

    TEST_CASE("a byte that does not fit the page's charset loses nothing after it") {
        // libxml2's own converter stops at such a byte and drops the rest of the page.
        const auto stray = r2p::html_text(
            "<html><head><meta charset=\"utf-8\"></head><body><p>before</p><p>It\x92s "
            "here.</p><p>after</p></body></html>");
        CHECK(stray.text == "before\n\nIt\u2019s here.\n\nafter\n");
        REQUIRE(stray.warnings.size() == 1);
        CHECK(stray.warnings[0] == "1 byte that is not UTF-8 read as Windows-1252");
        const auto undefined = r2p::html_text(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
            "charset=windows-1252\"></head><body><p>bad \x81 byte</p><p>after</p></body></html>");
        CHECK(has(undefined.text, "\n\nafter\n"));
        CHECK(r2p::declared_charset("<meta charset = 'ISO-8859-1'>") == "iso-8859-1");
        CHECK(r2p::declared_charset("<?xml version=\"1.0\" encoding=\"UTF-8\"?>") == "utf-8");
        CHECK(r2p::declared_charset("<script>var charset;</script>").empty());
    }

    TEST_CASE("headings, block quotes and paragraphs map to the structured text's marks") {
        CHECK(body_text("<div>Symbol A/77/910</div><h1>Title one</h1><h2>Part</h2>"
                        "<h4>Sub part</h4><p>Text   with\n spaces.</p><h1>Second h1</h1>") ==
              "# Title one\n\nSymbol A/77/910\n\n## Part\n\n## Sub part\n\nText with "
              "spaces.\n\n## Second h1\n");
        CHECK(body_text("<p>He said:</p><blockquote><p>One.</p><p>Two.</p></blockquote>") ==
              "He said:\n\n> One.\n\n> Two.\n");
        CHECK(body_text("<div>loose <b>bold</b> text<div>inner</div>tail</div>") ==
              "loose bold text\n\ninner\n\ntail\n");
    }

    TEST_CASE("<main>, then the largest <article>, is the main content") {
        CHECK(body_text("<div class=\"x\">outside</div><main><p>inside</p></main>") == "inside\n");
        CHECK(body_text("<article><p>short</p></article><article><p>the longer "
                        "one</p></article><p>page</p>") == "the longer one\n");
        // A wrapper named for its layout keeps the statement inside it.
        CHECK(body_text("<div class=\"content-with-sidebar\"><p>The statement itself, long "
                        "enough.</p><div class=\"sidebar\">links</div></div>") ==
              "The statement itself, long enough.\n");
    }

    TEST_CASE("hidden blocks and furniture by role, class or id are dropped") {
        CHECK(body_text("<p>kept</p><div hidden>a</div><div aria-hidden=\"true\">b</div>"
                        "<div style=\"DISPLAY: none\">c</div><div role=\"navigation\">d</div>"
                        "<div class=\"breadcrumbs\">e</div><div id=\"cookieNotice\">f</div>"
                        "<div class=\"share_buttons\">g</div><div class=\"mainmenu\">h</div>"
                        "<iframe>i</iframe><template><p>j</p></template><p>kept too</p>") ==
              "kept\n\nkept too\n");
    }

    TEST_CASE("footnote marks and footnote bodies are not text, other superscripts are") {
        CHECK(body_text("<p>As the report says<sup><a href=\"#fn1\">1</a></sup>, the 1<sup>st"
                        "</sup> pillar holds.</p><div class=\"footnotes\"><p>1 A/77/910."
                        "</p></div><section role=\"doc-endnotes\"><p>2 More.</p></section>") ==
              "As the report says, the 1st pillar holds.\n");
    }

    TEST_CASE("title: <title> without the site's name, else og:title, else <h1>, date") {
        const auto press = r2p::html_text(r2p::test::read_file(kPages / "press-release-ga.html"));
        CHECK(press.title ==
              "Preventing Atrocity Crimes Is Shared Duty, Not Optional Courtesy, Deputy "
              "Secretary-General Tells General Assembly");
        CHECK(press.date == "2023-06-27");
        const auto mission =
            r2p::html_text(r2p::test::read_file(kPages / "mission-statement.html"));
        CHECK(mission.title ==
              "Statement at the General Assembly Plenary Debate on the Responsibility to Protect");
        CHECK(mission.date == "2022-06-28");
        const auto joint =
            r2p::html_text(r2p::test::read_file(kPages / "joint-statement-civil-society.html"));
        CHECK(joint.date == "2024-07-02");  // <time datetime>
        CHECK(r2p::html_text("<html><head><meta property=\"og:title\" content=\"From OG\">"
                             "</head><body><h1>From h1</h1></body></html>")
                  .title == "From OG");
        CHECK(r2p::html_text("<html><body><h1>From <i>h1</i></h1></body></html>").title ==
              "From h1");
        CHECK(r2p::html_text("<html><body><p>x</p><time datetime=\"27 June\">x</time></body>"
                             "</html>")
                  .date.empty());
    }

    TEST_CASE("iso_date_prefix takes an ISO 8601 date's day, month or year") {
        CHECK(r2p::iso_date_prefix("2022-06-27T10:00:00Z") == "2022-06-27");
        CHECK(r2p::iso_date_prefix("2022-06") == "2022-06");
        CHECK(r2p::iso_date_prefix("2022") == "2022");
        CHECK(r2p::iso_date_prefix("20220627").empty());
        CHECK(r2p::iso_date_prefix("June 2022").empty());
    }

    TEST_CASE("markup nested deeper than libxml2 reads is reported, not silently cut") {
        std::string page = "<html><body><p>before</p>";
        for (int i = 0; i < 400; ++i) page += "<div>";
        page += "deep</body></html>";
        const auto converted = r2p::html_text(page);
        CHECK(converted.text == "before\n");
        REQUIRE(converted.warnings.size() == 1);
        CHECK(converted.warnings[0].find("nested too deep") != std::string::npos);
        CHECK(r2p::html_text("<p>fine</p>").warnings.empty());
    }

    TEST_CASE("empty, binary and textless files are refused with a one-line reason") {
        CHECK_THROWS_WITH_AS(r2p::html_text(""), "empty HTML file", r2p::CorpusError);
        CHECK_THROWS_WITH_AS(r2p::html_text(" \n\t"), "empty HTML file", r2p::CorpusError);
        CHECK_THROWS_WITH_AS(r2p::html_text(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)),
                             "not an HTML file (binary data)", r2p::CorpusError);
        CHECK_THROWS_WITH_AS(
            r2p::html_text("<html><body><script>x()</script><nav>menu</nav></body></html>"),
            "HTML page holds no text", r2p::CorpusError);
        // Broken markup is read as far as it goes.
        CHECK(r2p::html_text("<p>unclosed <b>bold <p>next").text == "unclosed bold\n\nnext\n");
    }
}
