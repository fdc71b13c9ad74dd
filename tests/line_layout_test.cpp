// line_layout: each file's paragraph marker and wrap width, read from its raw lines, and the
// paragraphs parse_document makes of them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse/line_layout.hpp"
#include "parse/parse_document.hpp"

using r2p::detail::Layout;
using r2p::detail::read_line_layout;

namespace {

std::vector<std::string> paragraphs_of(const std::string& text) {
    r2p::DocumentMeta meta;
    meta.id = "layout";
    meta.title = "Statement to the Assembly";  // as a collection's table gives it
    std::vector<std::string> out;
    for (const r2p::Paragraph& p : r2p::parse_document(text, meta).paragraphs) {
        out.push_back(p.text);
    }
    return out;
}

std::vector<std::size_t> lines_of(const std::string& text) {
    r2p::DocumentMeta meta;
    meta.title = "Statement to the Assembly";
    std::vector<std::size_t> out;
    for (const r2p::Paragraph& p : r2p::parse_document(text, meta).paragraphs) {
        out.push_back(p.line);
    }
    return out;
}

// A sentence long enough that a line holding it is no hard wrap.
std::string long_sentence(const std::string& opening) {
    return opening +
           " we have gathered here once more to weigh the record of a year in which the "
           "promises made in this Hall were tested in many places and found wanting in some.";
}

// Hand-wrapped at about 50 columns, with a leading space on each paragraph's first line.
const char* const kIndented =
    "Allow me first to congratulate you on your\n"
    "election. We trust your guidance will bring this\n"
    "session to a fruitful end.\n"
    " My country has long held that no State may\n"
    "stand aside when crimes against humanity are\n"
    "committed. We said so last year and we say it\n"
    "again today.\n"
    " Prevention is cheaper than any cure. Early\n"
    "warning must lead to early action.\n";

// Hand-wrapped at about 50 columns, no marker: the short line that ends a sentence ends the
// paragraph.
const char* const kRagged =
    "Allow me first to congratulate you on your\n"
    "election. We trust your guidance will bring this\n"
    "session to a fruitful end.\n"
    "My country has long held that war is no answer.\n"
    "States must not stand aside when crimes against\n"
    "humanity are committed. We said so.\n"
    "Prevention is cheaper than any cure. Early\n"
    "warning must lead to early action.\n";

}  // namespace

TEST_SUITE("line_layout") {
    TEST_CASE("blank lines separate paragraphs as they always have") {
        const std::string text = "First line of one\nparagraph ends here.\n\nSecond one.\n";
        CHECK(read_line_layout(text, 1).layout == Layout::kBlankLines);
        CHECK(paragraphs_of(text) ==
              std::vector<std::string>{"First line of one paragraph ends here.", "Second one."});
    }

    TEST_CASE("long lines without blank lines are one paragraph each") {
        const std::string text = long_sentence("First,") + "\n" + long_sentence("Second,") + "\n" +
                                 long_sentence("Third,") + "\n";
        CHECK(read_line_layout(text, 1).layout == Layout::kOneALine);
        const std::vector<std::string> paragraphs = paragraphs_of(text);
        REQUIRE(paragraphs.size() == 3);
        CHECK(paragraphs[1] == long_sentence("Second,"));
        CHECK(lines_of(text) == std::vector<std::size_t>{1, 2, 3});
    }

    TEST_CASE("a long line cut on a bare word by a page break goes on in the next line") {
        const std::string text = long_sentence("First,") + " Our region, from the Horn to South\n" +
                                 "4 12-51234\n" + "Africa, stands ready.\n" +
                                 long_sentence("Second,") + "\n";
        const std::vector<std::string> paragraphs = paragraphs_of(text);
        REQUIRE(paragraphs.size() == 2);
        CHECK(paragraphs[0].ends_with("from the Horn to South Africa, stands ready."));
    }

    TEST_CASE("a leading space marks each new paragraph of hard-wrapped text") {
        const r2p::detail::LineLayout layout = read_line_layout(kIndented, 1);
        CHECK(layout.layout == Layout::kIndentedFirstLine);
        const std::vector<std::string> paragraphs = paragraphs_of(kIndented);
        REQUIRE(paragraphs.size() == 3);
        CHECK(paragraphs[0] ==
              "Allow me first to congratulate you on your election. We trust your guidance "
              "will bring this session to a fruitful end.");
        CHECK(paragraphs[2] ==
              "Prevention is cheaper than any cure. Early warning must lead to early action.");
        CHECK(lines_of(kIndented) == std::vector<std::size_t>{1, 4, 8});
    }

    TEST_CASE("unmarked hard-wrapped text breaks where a short line ends a sentence") {
        const r2p::detail::LineLayout layout = read_line_layout(kRagged, 1);
        CHECK(layout.layout == Layout::kRaggedRight);
        CHECK(layout.wrap_width == 48);
        const std::vector<std::string> paragraphs = paragraphs_of(kRagged);
        REQUIRE(paragraphs.size() == 3);
        // "... no answer." fills its line: the width forced that break, so the paragraph goes on.
        CHECK(paragraphs[1] ==
              "My country has long held that war is no answer. States must not stand aside when "
              "crimes against humanity are committed. We said so.");
        CHECK(lines_of(kRagged) == std::vector<std::size_t>{1, 4, 7});
    }

    TEST_CASE("page furniture between two halves of a sentence is dropped and the halves joined") {
        const std::vector<std::string> breaks = {
            "\n\n14\n\n",
            "\n\n12-51234 14\n\n",
            "\n9 12-51234\n",
            "\n25/09 12-51234\n",
            "\n03/10/2011 A/66/PV.20\n\n",
            "\n\nA/PV.987\n\n",
            "\n\n12 General Assembly - Fifty-first session\n\n",
            "\n\nForty-eighth session - 9 October l993 12\n\n",
            "\n\nGeneral Assembly\nSixty-third session\n14\n\n",
            "\n\xEF\xBB\xBF\n",
            "\n(spoke in French)\n",
        };
        for (const std::string& page_break : breaks) {
            CAPTURE(page_break);
            const std::string text = "We stand with every people whose\nleaders fail them," +
                                     page_break + "and we will not look away.\n\nWe thank you.\n";
            CHECK(paragraphs_of(text) ==
                  std::vector<std::string>{
                      "We stand with every people whose leaders fail them, and we will not look "
                      "away.",
                      "We thank you."});
        }
    }

    TEST_CASE("a page break in blank-line text joins a sentence that goes on in capitals") {
        const std::string text =
            "We stand with the people of\n\n12-51234 14\n\nSouth Sudan today.\n\nWe thank you.\n";
        CHECK(paragraphs_of(text) ==
              std::vector<std::string>{"We stand with the people of South Sudan today.",
                                       "We thank you."});
    }

    TEST_CASE("a drop capital on its own line opens the first sentence, not a title") {
        const std::string text =
            "I\nwould like to thank you, Sir, for your\nguidance of our work this year.\n";
        r2p::DocumentMeta meta;
        const r2p::Document doc = r2p::parse_document(text, meta);
        CHECK(doc.meta.title.empty());
        REQUIRE(doc.paragraphs.size() == 1);
        CHECK(doc.paragraphs[0].text ==
              "I would like to thank you, Sir, for your guidance of our work this year.");
    }

    TEST_CASE("an interpreter's note over two lines is not the speaker's words") {
        const std::string text =
            "(spoke in Italian; English text furnished by the\ndelegation)\n\n"
            "We thank you, Sir.\n";
        CHECK(paragraphs_of(text) == std::vector<std::string>{"We thank you, Sir."});
    }

    TEST_CASE("hyphens at line ends are joined or kept by the document's vocabulary") {
        const std::string text =
            "Our co-operation is old. This co-\noperation and the forty-\nninth session and "
            "the Secretary-\nGeneral and pre-\nand post-conflict work and peace- building.\n";
        const std::vector<std::string> paragraphs = paragraphs_of(text);
        REQUIRE(paragraphs.size() == 1);
        CHECK(paragraphs[0] ==
              "Our co-operation is old. This co-operation and the forty-ninth session and the "
              "Secretary-General and pre- and post-conflict work and peace-building.");
    }
}  // TEST_SUITE
