// Tests for lib/src/convert/pdf_text.cpp and its helpers (pdf_pages, pdf_layout, pdf_furniture,
// pdf_blocks): PDF bytes -> structured text, on the PDFs of tests/data/formats/.
#include "convert/pdf_text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "convert/pdf_blocks.hpp"
#include "convert/pdf_furniture.hpp"
#include "convert/pdf_layout.hpp"
#include "r2p/error.hpp"

namespace {

const std::filesystem::path kFormats = std::filesystem::path(R2P_SOURCE_DIR) / "tests/data/formats";

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

r2p::ConvertedStatement convert(const std::string& name) {
    return r2p::pdf_text(read_bytes(kFormats / "pdf" / name));
}

// The structured text's paragraphs (blank-line separated, one line each).
std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find("\n\n", at);
        if (end == std::string::npos) end = text.size();
        std::string p = text.substr(at, end - at);
        while (!p.empty() && p.back() == '\n') p.pop_back();
        if (!p.empty()) out.push_back(p);
        at = end + 2;
    }
    return out;
}

// Index of the first paragraph starting with `prefix`, or -1.
long find_starting(const std::vector<std::string>& ps, const std::string& prefix) {
    for (std::size_t i = 0; i < ps.size(); ++i)
        if (ps[i].rfind(prefix, 0) == 0) return static_cast<long>(i);
    return -1;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string error_of(const std::string& bytes) {
    try {
        r2p::pdf_text(bytes);
    } catch (const r2p::CorpusError& e) {
        return e.what();
    }
    return "";
}

r2p::detail::PdfLine line_at(const std::string& text, double x0, double x1, double bottom,
                             double size = 10) {
    r2p::detail::PdfLine line;
    line.text = text;
    line.x0 = x0;
    line.text_x0 = x0;
    line.x1 = x1;
    line.bottom = bottom;
    line.top = bottom - size;
    line.size = size;
    line.first_word_width =
        5.0 *
        static_cast<double>(text.find(' ') == std::string::npos ? text.size() : text.find(' '));
    return line;
}

}  // namespace

TEST_SUITE("pdf_text") {
    TEST_CASE("a report: title first, then the symbol, headings marked, numbered paragraphs kept") {
        const r2p::ConvertedStatement c = convert("sg_report_atrocity_prevention.pdf");
        const std::vector<std::string> ps = paragraphs(c.text);
        REQUIRE(ps.size() >= 2);
        CHECK(ps[0] == "# Advancing atrocity prevention: lessons learned for prevention");
        CHECK(ps[1] == "A/76/844\xE2\x80\x93S/2022/401");
        CHECK(std::count_if(ps.begin(), ps.end(),
                            [](const std::string& p) { return p.rfind("# ", 0) == 0; }) == 1);
        // Headings by size and weight: roman numerals larger, letters bold in the body type.
        const long intro = find_starting(ps, "## I. Introduction");
        const long lessons = find_starting(ps, "## II. Lessons learned for prevention");
        const long warning = find_starting(ps, "### A. Early warning and assessment");
        const long accountability = find_starting(ps, "### B. Accountability");
        const long recommendations = find_starting(ps, "## III. Recommendations");
        CHECK(intro >= 0);
        CHECK(intro < lessons);
        CHECK(lessons < warning);
        CHECK(warning < accountability);
        CHECK(accountability < recommendations);
        // Numbered paragraphs 1-10 in order, each its own paragraph, number kept.
        long previous = intro;
        for (int n = 1; n <= 10; ++n) {
            CAPTURE(n);
            const long at = find_starting(ps, std::to_string(n) + ". ");
            CHECK(at > previous);
            previous = at;
        }
        CHECK(find_starting(ps, "3. ") > warning);
        CHECK(find_starting(ps, "9. ") > recommendations);
        // The quotation set in from both margins is a block quote after the sentence that
        // introduces it.
        const long quote = find_starting(ps, "> Incitement rarely announces itself as such.");
        CHECK(quote == find_starting(ps, "5. ") + 1);
        CHECK(ps[static_cast<std::size_t>(quote)].find(
                  "ends as a list of names. Each step can be named and each step can be "
                  "interrupted.") != std::string::npos);
        CHECK(std::count_if(ps.begin(), ps.end(),
                            [](const std::string& p) { return p.rfind("> ", 0) == 0; }) == 1);
        // The header lines stay lines of their own; "Report of the Secretary-General" is not a
        // heading over the whole report.
        CHECK(find_starting(ps, "Distr.: General") > 0);
        CHECK(find_starting(ps, "Report of the Secretary-General") > 0);
        CHECK(find_starting(ps, "## Report") < 0);
        // The Word file name in the PDF's Title is not a title.
        CHECK(c.title.empty());
    }

    TEST_CASE("a report's page furniture and footnotes are not in the text") {
        const r2p::ConvertedStatement c = convert("sg_report_atrocity_prevention.pdf");
        for (const char* furniture : {"22-07114", "*2207114*", "160522", "2/3", "(E)",
                                      "See General Assembly resolution 60/1",
                                      "Plan of Action on Hate Speech", "United Nations\n"}) {
            CAPTURE(furniture);
            CHECK_FALSE(contains(c.text, furniture));
        }
        // The running head (the two symbols stacked) is gone: the symbol appears once.
        CHECK(c.text.find("A/76/844") == c.text.rfind("A/76/844"));
        // The footnote reference digits are dropped from the sentence they follow.
        CHECK(contains(c.text, "since the 2005 World Summit Outcome.\n"));
        CHECK(contains(c.text, "followed within months. National human rights institutions"));
    }

    TEST_CASE("a report's paragraph over the page break is one paragraph, line-end hyphens join") {
        const r2p::ConvertedStatement c = convert("sg_report_atrocity_prevention.pdf");
        const std::vector<std::string> ps = paragraphs(c.text);
        const long six = find_starting(ps, "6. ");
        REQUIRE(six >= 0);
        CHECK(contains(ps[static_cast<std::size_t>(six)],
                       "should trigger a response from the international community."));
        CHECK(find_starting(ps, "international community.") < 0);
        // The typesetter's hyphens are gone, compounds keep theirs.
        for (const char* word : {" situations ", " civilians, ", " perpetrators ", " experience ",
                                 " incitement ", "fact-finding", "Secretary-General"}) {
            CAPTURE(word);
            CHECK(contains(c.text, word));
        }
        for (std::size_t i = 0; i + 2 < c.text.size(); ++i) {
            const bool split = c.text[i] >= 'a' && c.text[i] <= 'z' && c.text[i + 1] == '-' &&
                               c.text[i + 2] == ' ';
            CHECK_FALSE(split);
        }
    }

    TEST_CASE("a two-column record reads left column, then right, then the next page") {
        const r2p::ConvertedStatement c = convert("ga_verbatim_record_two_columns.pdf");
        const std::vector<std::string> ps = paragraphs(c.text);
        // The symbol block of the first page, once, near the top (the running head is gone).
        REQUIRE(!ps.empty());
        CHECK(ps[0] == "A/76/PV.91");
        CHECK(c.text.find("A/76/PV.91") == c.text.rfind("A/76/PV.91"));
        // Speaker turns in the order spoken, across the column and the page break.
        const std::vector<std::string> turns = {"The President: In accordance",
                                                "Mr. Okafor (Nigeria): My delegation",
                                                "Africa has led on this question",
                                                "As our Foreign Minister told",
                                                "Ms. Lindqvist (Sweden): I have",
                                                "We share the concern",
                                                "We also wish to stress",
                                                "The President: I thank the representative",
                                                "Mr. Ruiz Cabrera (Mexico):",
                                                "Allow me to conclude",
                                                "The President: I now give",
                                                "Mr. Haddad (Lebanon):",
                                                "We therefore call",
                                                "Finally, my delegation",
                                                "The President: We have heard the last speaker"};
        long previous = -1;
        for (const std::string& turn : turns) {
            CAPTURE(turn);
            const long at = find_starting(ps, turn);
            CHECK(at > previous);
            previous = at;
        }
        CHECK(static_cast<std::size_t>(previous) == ps.size() - 1);
        // Over the column break and over the page break.
        CHECK(contains(c.text, "work with technology companies to identify and remove content"));
        CHECK(contains(c.text, "Lebanon has known what it means for a society to be torn apart"));
        CHECK(contains(c.text, "Where a State manifestly fails to protect"));
        // Words hyphenated at the column's edge are whole again.
        for (const char* word : {" responsibility ", " international ", " commitment ",
                                 " situations ", " principle,", " generation ", " humanitarian "}) {
            CAPTURE(word);
            CHECK(contains(c.text, word));
        }
        // No disclaimer box, job number, barcode, running head date or page number.
        for (const char* furniture :
             {"This record contains", "22-39876", "*2239876*", "29/06/2022", "2/3"}) {
            CAPTURE(furniture);
            CHECK_FALSE(contains(c.text, furniture));
        }
        // The agenda item's title above the columns, broken over two centred lines, is the one
        // heading; "Agenda item 129" and the meeting's lines are header lines.
        CHECK(find_starting(ps, "Agenda item 129") >= 0);
        const long agenda = find_starting(ps,
                                          "## The responsibility to protect and the "
                                          "prevention of genocide, war crimes, ethnic "
                                          "cleansing and crimes against humanity");
        CHECK(agenda > find_starting(ps, "Agenda item 129"));
        CHECK(agenda + 1 == find_starting(ps, "The President: In"));
        CHECK(c.text.find("## ") == c.text.rfind("## "));
    }

    TEST_CASE("a delegation statement: byline and salutation lines kept apart, pages joined") {
        const r2p::ConvertedStatement c = convert("palau_delegation_statement.pdf");
        const std::vector<std::string> ps = paragraphs(c.text);
        CHECK(c.title == "Palau: Statement on the Responsibility to Protect");
        // A byline in large type is not made the title; the parser reads it as a byline.
        CHECK_FALSE(contains(c.text, "# "));
        CHECK(find_starting(ps,
                            "Statement by H.E. Ambassador Miriam Tellei, Permanent "
                            "Representative of Palau to the United Nations") >= 0);
        CHECK(find_starting(ps, "Check against delivery") >= 0);
        CHECK(find_starting(ps, "New York, 29 June 2022") >= 0);
        const long salutation = find_starting(ps, "Mr. President,");
        REQUIRE(salutation >= 0);
        CHECK(ps[static_cast<std::size_t>(salutation)] == "Mr. President,");
        CHECK(find_starting(ps, "I thank you for convening") == salutation + 1);
        CHECK(ps.back() == "I thank you, Mr. President.");
        // The quotation keeps its marks and its speaker's sentence.
        CHECK(contains(c.text,
                       "briefed the Council in March: \xE2\x80\x9C"
                       "Every atrocity we have failed"));
        // The paragraph over the page break, and no page number.
        CHECK(contains(c.text, "keep the responsibility to protect on its formal agenda"));
        CHECK(contains(c.text, "vulnerability is not only a matter of size"));
        CHECK(contains(c.text, "is not an abstraction; it is a promise"));
        CHECK(std::none_of(ps.begin(), ps.end(),
                           [](const std::string& p) { return p == "1" || p == "2"; }));
        CHECK(ps.size() == 11);
    }

    TEST_CASE("a bulletin laid out by another writer: two columns, a running head on each page") {
        // platypus sets whole lines justified by word spacing, where the other files here
        // place every word: the reader must not depend on how a writer draws its text.
        const r2p::ConvertedStatement c = convert("bulletin_two_columns_platypus.pdf");
        const std::vector<std::string> ps = paragraphs(c.text);
        REQUIRE(ps.size() == 12);
        CHECK(ps[0] == "# Northern border districts: populations at risk");
        CHECK(ps[1] == "## Situation overview");
        CHECK(ps[4] == "## Analysis");
        CHECK(ps[8] == "## Necessary action");
        CHECK(ps[2].rfind("Populations in the northern border districts", 0) == 0);
        // Over the column break and over the page break.
        CHECK(contains(ps[5],
                       "respect international humanitarian law and human rights law, "
                       "and that those responsible for abuses are held accountable"));
        CHECK(contains(ps[10], "the eventual response more costly, in lives and in resources."));
        CHECK(ps[11].rfind("Donors should fund", 0) == 0);
        for (const char* furniture : {"R2P Monitor", "Issue 61", "Page 1", "Page 2"}) {
            CAPTURE(furniture);
            CHECK_FALSE(contains(c.text, furniture));
        }
        CHECK(c.title == "R2P Monitor, Issue 61");
    }

    TEST_CASE("unreadable PDFs give one-line reasons") {
        CHECK(error_of(read_bytes(kFormats / "pdf_broken/truncated.pdf")) ==
              "not a readable PDF file");
        CHECK(error_of(read_bytes(kFormats / "pdf_broken/encrypted.pdf")) ==
              "encrypted PDF (needs a password)");
        CHECK(error_of(read_bytes(kFormats / "pdf_broken/scanned_no_text.pdf")) ==
              "no text in the PDF (scanned pages need OCR)");
        CHECK(error_of("") == "not a readable PDF file");
        CHECK(error_of("Mr. President, this is plain text.\n") == "not a readable PDF file");
        CHECK(error_of("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj garbage") ==
              "not a readable PDF file");
    }

    TEST_CASE("truncated and scrambled PDFs never crash: text or a reason") {
        const std::string good = read_bytes(kFormats / "pdf/ga_verbatim_record_two_columns.pdf");
        for (std::size_t cut = 0; cut < good.size(); cut += good.size() / 40 + 1) {
            CAPTURE(cut);
            const std::string part = good.substr(0, cut);
            try {
                r2p::pdf_text(part);
            } catch (const r2p::CorpusError& e) {
                CHECK(std::string(e.what()).find('\n') == std::string::npos);
            }
        }
        std::string scrambled = good;
        unsigned state = 12345;
        for (int round = 0; round < 20; ++round) {
            for (int flips = 0; flips < 50; ++flips) {
                state = state * 1103515245u + 12345u;
                scrambled[(state >> 8) % scrambled.size()] = static_cast<char>(state >> 16);
            }
            try {
                r2p::pdf_text(scrambled);
            } catch (const r2p::CorpusError&) {
            }
        }
    }

    TEST_CASE("UN symbols, labels and furniture lines") {
        using r2p::detail::is_paragraph_label;
        using r2p::detail::is_un_symbol;
        for (const char* symbol :
             {"A/76/844", "S/2022/401", "A/RES/60/1", "S/PV.8185", "A/76/PV.91", "GA/12519",
              "SG/SM/21345", "A/HRC/49/L.1", "A/ES-10/L.22"}) {
            CAPTURE(symbol);
            CHECK(is_un_symbol(symbol));
        }
        for (const char* not_symbol : {"29/06/2022", "and/or", "A/B", "63/308,", "A//1", "/A/1"}) {
            CAPTURE(not_symbol);
            CHECK_FALSE(is_un_symbol(not_symbol));
        }
        for (const char* label : {"12.", "1.2", "1.2.", "II.", "A.", "(a)", "(iv)", "\xE2\x80\xA2"})
            CHECK(is_paragraph_label(label));
        for (const char* word : {"The", "2022", "Mr.", "(Maldives)", "12"})
            CHECK_FALSE(is_paragraph_label(word));
    }

    TEST_CASE("a title across both columns comes before the left column, the right one after") {
        std::vector<r2p::detail::PdfLine> lines;
        for (int i = 0; i < 5; ++i) {
            lines.push_back(line_at("right " + std::to_string(i), 320, 560, 200.0 + 12 * i));
            lines.push_back(line_at("left " + std::to_string(i), 50, 290, 200.0 + 12 * i));
        }
        lines.push_back(line_at("Across the columns", 200, 420, 150, 14));
        lines.push_back(line_at("Footnote across", 50, 560, 700, 8));
        r2p::detail::order_for_reading(lines, 612);
        REQUIRE(lines.size() == 12);
        CHECK(lines[0].text == "Across the columns");
        CHECK(lines[1].text == "left 0");
        CHECK(lines[5].text == "left 4");
        CHECK(lines[6].text == "right 0");
        CHECK(lines[10].text == "right 4");
        CHECK(lines[11].text == "Footnote across");
        CHECK(lines[1].column == 1);
        CHECK(lines[6].column == 2);
    }

    TEST_CASE("a single-column page keeps rows top to bottom, left to right") {
        std::vector<r2p::detail::PdfLine> lines;
        for (int i = 0; i < 8; ++i)
            lines.push_back(line_at("line " + std::to_string(i), 72, 540, 700.0 - 12 * i));
        lines.push_back(line_at("United Nations", 56, 120, 40));
        lines.push_back(line_at("A/76/844", 400, 540, 41));
        r2p::detail::order_for_reading(lines, 612);
        CHECK(lines[0].text == "United Nations");
        CHECK(lines[1].text == "A/76/844");
        CHECK(lines[2].text == "line 7");
        CHECK(lines.back().text == "line 0");
    }

    TEST_CASE("paragraphs: a first-line indent, a short last line and wider spacing start one") {
        using r2p::detail::PdfLine;
        std::vector<PdfLine> lines = {
            line_at("Indented first line of one paragraph that", 86, 540, 100),
            line_at("runs on to the right margin and ends", 72, 540, 112),
            line_at("short.", 72, 110, 124),
            line_at("Next paragraph without indent after a", 72, 540, 136),
            line_at("short line, full width again to the", 72, 540, 148),
            line_at("margin here.", 72, 140, 160),
            line_at("After a wider gap the third paragraph", 72, 540, 178),
            line_at("ends here, with a hyphen-", 72, 540, 190),
            line_at("ated word.", 72, 130, 202),
        };
        const auto blocks = r2p::detail::join_paragraphs(lines, 10);
        REQUIRE(blocks.size() == 3);
        CHECK(blocks[0].text ==
              "Indented first line of one paragraph that runs on to the right margin and ends "
              "short.");
        CHECK(blocks[1].text.rfind("Next paragraph", 0) == 0);
        CHECK(blocks[2].lines == 3);
        CHECK(blocks[2].text ==
              "After a wider gap the third paragraph ends here, with a "
              "hyphenated word.");
    }

    TEST_CASE("list items: each bullet starts an item, its wrapped lines stay with it") {
        using r2p::detail::PdfLine;
        PdfLine first = line_at("\xE2\x80\xA2 First point that runs over", 72, 540, 112);
        PdfLine second = line_at("\xE2\x80\xA2 Second point.", 72, 200, 136);
        first.text_x0 = second.text_x0 = 86;
        const std::vector<PdfLine> lines = {line_at("The main points are:", 72, 200, 100), first,
                                            line_at("two lines.", 86, 150, 124), second};
        const auto blocks = r2p::detail::join_paragraphs(lines, 10);
        REQUIRE(blocks.size() == 3);
        CHECK(blocks[1].text == "\xE2\x80\xA2 First point that runs over two lines.");
        CHECK(blocks[2].text == "\xE2\x80\xA2 Second point.");
    }

    TEST_CASE("a line repeated at the top of most pages is a running head, numbers aside") {
        std::vector<r2p::detail::PdfPage> pages(3);
        std::vector<std::vector<r2p::detail::PdfLine>> lines(3);
        for (std::size_t p = 0; p < 3; ++p) {
            pages[p].width = 612;
            pages[p].height = 792;
            lines[p].push_back(line_at("R2P Monitor | Issue 61", 72, 300, 40));
            lines[p].push_back(
                line_at("Populations at risk: page " + std::to_string(p + 1) + " of the bulletin",
                        72, 400, 60));
            lines[p].push_back(line_at("Body text of page " + std::to_string(p + 1), 72, 540, 300));
            lines[p].push_back(line_at("Page " + std::to_string(p + 1) + " of 3", 280, 330, 760));
            lines[p].back().page = lines[p][0].page = lines[p][1].page = lines[p][2].page =
                static_cast<int>(p);
        }
        const std::string symbol = r2p::detail::remove_page_furniture(lines, pages, 10);
        CHECK(symbol.empty());
        for (std::size_t p = 0; p < 3; ++p) {
            CAPTURE(p);
            REQUIRE(lines[p].size() == 1);
            CHECK(lines[p][0].text == "Body text of page " + std::to_string(p + 1));
        }
    }
}
