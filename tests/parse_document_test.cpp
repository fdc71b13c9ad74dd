// parse_document and make_passages: title, date, headings, run-in headings, joined paragraphs,
// lists, robustness, and the seed and sample statements in other conventions.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parse/parse_document.hpp"
#include "parse/passage.hpp"

namespace {

std::string read_source_file(const std::string& relative) {
    std::ifstream in(std::string(R2P_SOURCE_DIR) + "/" + relative, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << relative);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

r2p::Document parse(const std::string& text, const std::string& id = "doc") {
    r2p::DocumentMeta meta;
    meta.id = id;
    return r2p::parse_document(text, meta);
}

r2p::Document parse_file(const std::string& relative, const std::string& id) {
    return parse(read_source_file(relative), id);
}

std::vector<std::string> paragraph_texts(const r2p::Document& doc) {
    std::vector<std::string> out;
    for (const r2p::Paragraph& p : doc.paragraphs) out.push_back(p.text);
    return out;
}

std::vector<std::string> run_ins(const r2p::Document& doc) {
    std::vector<std::string> out;
    for (const r2p::Paragraph& p : doc.paragraphs) out.push_back(p.run_in_heading);
    return out;
}

struct QuoteSummary {
    std::vector<std::string> speech;
    std::vector<std::string> other;
};

QuoteSummary quotes_of(const r2p::Document& doc) {
    QuoteSummary s;
    for (const r2p::Paragraph& p : doc.paragraphs) {
        for (const r2p::Quote& q : p.quotes) (q.speech ? s.speech : s.other).push_back(q.text);
    }
    return s;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// Words of `text` (header lines aside) that appear in neither the title, a heading nor a
// paragraph: none should. Words are compared with markdown marks and hyphens dropped.
std::vector<std::string> lost_words(std::string text, const r2p::Document& doc,
                                    const std::vector<std::string>& header_lines = {}) {
    for (const std::string& h : header_lines) {
        const std::size_t at = text.find(h);
        REQUIRE_MESSAGE(at != std::string::npos, "header line not in text: " << h);
        text.erase(at, h.size());
    }
    std::string all = doc.meta.title + " ";
    for (const std::string& s : doc.sections) all += s + " ";
    for (const r2p::Paragraph& p : doc.paragraphs) all += p.text + " ";
    std::vector<std::string> lost;
    std::istringstream words(text);
    std::string w;
    while (words >> w) {
        std::string bare;
        for (char c : w) {
            if (c != '*' && c != '#' && c != '_' && c != '-' && c != '>') bare += c;
        }
        if (bare.size() < 3) continue;  // list markers, "1.", dashes
        std::string all_bare;
        if (!contains(all, bare)) {
            // hyphens may have been joined across lines: compare without them
            for (char c : all) {
                if (c != '-') all_bare += c;
            }
            if (!contains(all_bare, bare)) lost.push_back(w);
        }
    }
    return lost;
}

const char* const kSeed = "corpus/r2p-ministerial-meeting-2012.txt";

}  // namespace

TEST_SUITE("paragraphs") {
    TEST_CASE("the seed statement parses into its title, sections and eight paragraphs") {
        const r2p::Document doc = parse_file(kSeed, "r2p-ministerial-meeting-2012");
        CHECK(doc.meta.title ==
              "The Responsibility to Protect: Deepening our Commitment to Mass Atrocity "
              "Prevention");
        CHECK(doc.meta.id == "r2p-ministerial-meeting-2012");
        CHECK(doc.sections ==
              std::vector<std::string>{"Overview", "Key Themes of the Discussion", "Conclusion"});
        REQUIRE(doc.paragraphs.size() == 8);

        SUBCASE("paragraphs start on their lines and stand in their sections") {
            const std::vector<std::size_t> lines = {10, 12, 14, 18, 20, 24, 26, 30};
            for (std::size_t i = 0; i < lines.size(); ++i)
                CHECK(doc.paragraphs[i].line == lines[i]);
            CHECK(doc.paragraphs[0].section == "Overview");
            CHECK(doc.paragraphs[4].section == "Key Themes of the Discussion");
            CHECK(doc.paragraphs[7].section == "Conclusion");
            CHECK(doc.paragraphs[0].text.substr(0, 24) == "Coinciding with the open");
        }
        SUBCASE("the paragraph broken by a blank line is joined back") {
            CHECK(contains(doc.paragraphs[4].text,
                           "international network of supportive governments"));
            CHECK(contains(doc.paragraphs[4].text, "serve as a R2P Focal Point."));
        }
        SUBCASE("run-in headings are found in paragraphs 4 to 7 only") {
            CHECK(run_ins(doc) ==
                  std::vector<std::string>{"", "", "", "Improving Preventive Capacities",
                                           "R2P Focal Points", "When Prevention Fails",
                                           "Ending impunity", ""});
            CHECK(doc.paragraphs[6].text.substr(0, 25) == "Ending impunity. Several ");
        }
        SUBCASE("nine quotes, seven of them speech, with exact texts") {
            const QuoteSummary q = quotes_of(doc);
            CHECK(q.other ==
                  std::vector<std::string>{"distorted", "Responsibility while Protecting"});
            CHECK(q.speech ==
                  std::vector<std::string>{
                      "no country is immune",
                      "from preventive diplomacy to sanctions to robust human rights monitoring "
                      "and accountability",
                      "R2P is basically a tool of prevention",
                      "If we act early enough the choice does not have to be between doing "
                      "nothing or using force \u2013 we already have a broad range of tools "
                      "available and all three pillars of R2P support them.",
                      "The Hague is the final link in the international community\u2019s chain of "
                      "prevention \u2013 ending impunity is both a beginning and an end in the R2P "
                      "process.",
                      "The news from Syria reminds us every day of our failure to prevent.",
                      "We have not embraced R2P because it is easy, but because it is right."});
        }
    }

    TEST_CASE("the date comes from the header block when no sidecar gives one") {
        const r2p::Document doc = parse_file(kSeed, "seed");
        CHECK(doc.meta.date == "2012-09-28");
    }

    TEST_CASE("a date that a body sentence mentions is not the statement's date") {
        const r2p::Document doc = parse(
            "Seventy years have passed since the Charter was signed on 26 June 1945 in San "
            "Francisco, and we meet again.\n\nWe thank you.\n");
        CHECK(doc.meta.date.empty());
    }

    TEST_CASE("a dateline of its own gives the date") {
        const r2p::Document doc = parse(
            "We meet again, as every year, to take stock of our work.\n\nGeneva, 14 March "
            "2019\n\nWe thank you.\n");
        CHECK(doc.meta.date == "2019-03-14");
        const r2p::Document release = parse(
            "BERN (3 May 2016) \u2013 The Council met today, as it does in May, to hear the "
            "reports of 1994.\n");
        CHECK(release.meta.date == "2016-05-03");
    }

    TEST_CASE("sidecar title and date win over the text") {
        r2p::DocumentMeta meta;
        meta.id = "seed";
        meta.title = "From the sidecar";
        meta.date = "2013-01";
        meta.event = "An event";
        const r2p::Document doc = r2p::parse_document(read_source_file(kSeed), meta);
        CHECK(doc.meta.title == "From the sidecar");
        CHECK(doc.meta.date == "2013-01");
        CHECK(doc.meta.event == "An event");
        CHECK(doc.paragraphs.size() == 8);
    }

    TEST_CASE("with a sidecar title, a first line that does not repeat it stays in the text") {
        struct Case {
            const char* name;
            std::string sidecar_title;
            std::size_t paragraphs;
        };
        const std::vector<Case> cases = {
            {"a different title", "Remarks by the Minister", 2},
            {"the same title", "Opening of the debate on prevention", 1},
            {"the title in other words", "Prevention: The Debate Opening", 1},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                r2p::DocumentMeta meta;
                meta.title = c.sidecar_title;
                const r2p::Document doc = r2p::parse_document(
                    "Opening of the debate on prevention\n\nWe thank you.\n", meta);
                CHECK(doc.meta.title == c.sidecar_title);
                CHECK(doc.paragraphs.size() == c.paragraphs);
            }
        }
    }

    TEST_CASE("the title is the first lines, with markdown stripped") {
        struct Case {
            const char* name;
            std::string text;
            std::string title;
            std::size_t paragraphs;
        };
        const std::vector<Case> cases = {
            {"bold over two lines", "**The Title:\nIts Second Line**\n\nBody text here.\n",
             "The Title: Its Second Line", 1},
            {"markdown heading", "# A Statement on Prevention\n\nBody text here.\n",
             "A Statement on Prevention", 1},
            {"underline emphasis", "__Remarks to the Council__\n\nBody text here.\n",
             "Remarks to the Council", 1},
            {"ALL CAPS over two lines", "OPENING REMARKS AT THE\nMINISTERIAL MEETING\n\nBody.\n",
             "OPENING REMARKS AT THE MINISTERIAL MEETING", 1},
            {"sentence-case single line", "Remarks at the debate on prevention\n\nWe act.\n",
             "Remarks at the debate on prevention", 1},
            {"body right after the title line",
             "Statement of Ghana\nMr. President, we thank you for this debate.\nWe agree.\n",
             "Statement of Ghana", 1},
            {"leading blank lines", "\n\n\nThe Title\n\nBody text here.\n", "The Title", 1},
            {"a title block with lower-case continuation",
             "Statement by Ambassador Jane Doe\nPermanent Representative of Canada\non behalf of "
             "the Group of Friends\n\nNew York, 6 September 2016\n\nExcellencies,\n\nWe act.\n",
             "Statement by Ambassador Jane Doe Permanent Representative of Canada on behalf of the "
             "Group of Friends",
             1},
            {"a salutation is no title", "Mr. President,\n\nWe thank you.\n", "", 1},
            {"front matter", "---\ntitle: \"Front Title\"\ndate: 2014-02-03\n---\nBody text.\n",
             "Front Title", 1},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                const r2p::Document doc = parse(c.text);
                CHECK(doc.meta.title == c.title);
                CHECK(doc.paragraphs.size() == c.paragraphs);
            }
        }
    }

    TEST_CASE("a text that opens with prose has no title and keeps all of its words") {
        const std::string text =
            "The Security Council met today and heard from the Special Adviser on the\n"
            "prevention of genocide, who said that the risk of atrocities was growing.\n";
        const r2p::Document doc = parse(text);
        CHECK(doc.meta.title.empty());
        REQUIRE(doc.paragraphs.size() == 1);
        CHECK(doc.paragraphs[0].text.substr(0, 26) == "The Security Council met t");
    }

    TEST_CASE("header lines, speaker lines and salutations are not paragraphs") {
        const std::string text =
            "Title of the Statement\n\n"
            "Ministerial Meeting, New York, 28 September 2012\n\n"
            "Statement by H.E. Ms. Anna Berg, Minister for Foreign Affairs of Norway\n\n"
            "Check against delivery\n\n"
            "Mr. President,\n\n"
            "Norway welcomes this debate.\n";
        const r2p::Document doc = parse(text);
        CHECK(doc.meta.date == "2012-09-28");
        CHECK(paragraph_texts(doc) == std::vector<std::string>{"Norway welcomes this debate."});
        CHECK(doc.meta.speaker == "H.E. Ms. Anna Berg");
        CHECK(doc.meta.speaker_post == "Minister for Foreign Affairs of Norway");
        CHECK(doc.sections.empty());
    }

    TEST_CASE("headings, run-in headings and short sentences are told apart") {
        struct Case {
            const char* name;
            std::string block;  // stands between a title and a closing paragraph
            std::string section;
            std::string run_in;
        };
        const std::vector<Case> cases = {
            {"Title Case heading", "Key Themes of the Discussion", "Key Themes of the Discussion",
             ""},
            {"ALL CAPS heading", "KEY THEMES OF THE DISCUSSION", "KEY THEMES OF THE DISCUSSION",
             ""},
            {"one-word heading", "Conclusion", "Conclusion", ""},
            {"markdown heading", "## Early Warning and Assessment", "Early Warning and Assessment",
             ""},
            {"sentence-case markdown heading", "### From early warning to early action",
             "From early warning to early action", ""},
            {"bold heading", "**The Way Forward**", "The Way Forward", ""},
            {"numbered heading", "II. Timely and Decisive Response",
             "II. Timely and Decisive Response", ""},
            {"setext heading", "Accountability\n==============", "Accountability", ""},
            {"run-in heading", "Ending impunity. Several speakers argued for accountability.", "",
             "Ending impunity"},
            {"Title Case run-in", "R2P Focal Points. A number of states referred to them.", "",
             "R2P Focal Points"},
            {"run-in with a Roman numeral", "Pillar II. States bear the primary responsibility.",
             "", "Pillar II"},
            {"run-in ending in Pillar I", "Pillar I. States bear the primary responsibility.", "",
             "Pillar I"},
            {"the pronoun I", "I agree. States bear the primary responsibility.", "", ""},
            {"ALL CAPS run-in", "ENDING IMPUNITY. Several speakers argued for accountability.", "",
             "ENDING IMPUNITY"},
            {"bold run-in", "**Ending impunity.** Several speakers argued for accountability.", "",
             "Ending impunity"},
            {"bold run-in with the stop outside", "**Prevention first**. Sweden doubled its aid.",
             "", "Prevention first"},
            {"short sentence with a pronoun", "We agree. The Council must act.", "", ""},
            {"short sentence with a verb", "Syria is burning. The Council must act.", "", ""},
            {"thanks", "Thank you. The Council must act.", "", ""},
            {"honorific", "Mr. President. The Council must act.", "", ""},
            {"speaker line", "Statement by H.E. Ms. Anna Berg. The Council must act.", "", ""},
            {"comma in the first sentence", "In short, prevention. The Council must act.", "", ""},
            {"a number", "In 2012. The Council must act.", "", ""},
            {"too long",
             "Improving the preventive capacities of the United Nations system. The "
             "Council must act.",
             "", ""},
            {"lower case after the stop", "Ending impunity. several speakers argued.", "", ""},
            {"sentence with final stop is no heading", "Prevention Works.", "", ""},
            {"sentence-case line", "We must act now", "", ""},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                const std::string text = "The Title\n\nAn opening paragraph of prose.\n\n" +
                                         c.block + "\n\nA closing paragraph of prose.\n";
                const r2p::Document doc = parse(text);
                REQUIRE_FALSE(doc.paragraphs.empty());
                CHECK(doc.paragraphs.back().section == c.section);
                if (c.section.empty()) {
                    CHECK(doc.sections.empty());
                    REQUIRE(doc.paragraphs.size() == 3);
                    CHECK(doc.paragraphs[1].run_in_heading == c.run_in);
                } else {
                    CHECK(doc.sections == std::vector<std::string>{c.section});
                    CHECK(doc.paragraphs.size() == 2);
                }
            }
        }
    }

    TEST_CASE("lines of one paragraph are joined and split paragraphs rejoined") {
        struct Case {
            const char* name;
            std::string body;
            std::vector<std::string> paragraphs;
        };
        const std::vector<Case> cases = {
            {"hard-wrapped lines",
             "The meeting opened\nwith statements\nfrom the hosts.",
             {"The meeting opened with statements from the hosts."}},
            {"hyphenated word de-hyphenated",
             "building inter-\nnational consensus.",
             {"building international consensus."}},
            {"hyphenated name kept",
             "the Secretary-\nGeneral spoke.",
             {"the Secretary-General spoke."}},
            {"dash at line end",
             "using force -\nwe already act.",
             {"using force - we already act."}},
            {"blank line mid-sentence",
             "building an international network\n\nof supportive "
             "governments.",
             {"building an international network of supportive governments."}},
            {"blank line mid-word",
             "capacities to inter-\n\nvene early.",
             {"capacities to intervene early."}},
            {"full stop ends the paragraph",
             "The first ends here.\n\nthe second starts lower.",
             {"The first ends here.", "the second starts lower."}},
            {"capital starts a paragraph",
             "No final stop\n\nThe second paragraph.",
             {"No final stop", "The second paragraph."}},
            {"colon ends the paragraph",
             "He said:\n\nthe words follow.",
             {"He said:", "the words follow."}},
            {"closing quote after a stop",
             "He said \u201Cwe act.\u201D\n\nand then left.",
             {"He said \u201Cwe act.\u201D", "and then left."}},
            {"tabs and no-break spaces",
             "Tabs\there\u00A0and\u202Fthere  and   runs.",
             {"Tabs here and there and runs."}},
            {"zero-width characters dropped", "Zero\u200Bwidth\uFEFF text.", {"Zerowidth text."}},
            {"quote block marks",
             "> Quoted block\n> continues here.",
             {"Quoted block continues here."}},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                // An opening paragraph first, so that the case is read as body, not header.
                const r2p::Document doc =
                    parse("The Title\n\nOpening paragraph.\n\n" + c.body + "\n");
                std::vector<std::string> texts = paragraph_texts(doc);
                REQUIRE_FALSE(texts.empty());
                CHECK(texts.front() == "Opening paragraph.");
                texts.erase(texts.begin());
                CHECK(texts == c.paragraphs);
            }
        }
    }

    TEST_CASE("each list item is its own paragraph and no item is lost") {
        const std::string text =
            "The Title\n\n"
            "Sweden will:\n\n"
            "- support the Special Adviser;\n"
            "- appoint a Focal Point, and\n  fund early warning;\n"
            "\u2022 promote accountability.\n\n"
            "1. first numbered item;\n"
            "2) second numbered item.\n\n"
            "(a) lettered item.\n";
        const r2p::Document doc = parse(text);
        CHECK(doc.sections.empty());
        CHECK(paragraph_texts(doc) ==
              std::vector<std::string>{"Sweden will:", "support the Special Adviser;",
                                       "appoint a Focal Point, and fund early warning;",
                                       "promote accountability.", "first numbered item;",
                                       "second numbered item.", "lettered item."});
        std::vector<std::string> labels;
        for (const r2p::Paragraph& p : doc.paragraphs) labels.push_back(p.label);
        CHECK(labels == std::vector<std::string>{"", "", "", "", "1", "2", "(a)"});
        CHECK(doc.paragraphs[3].line == 8);
    }

    TEST_CASE("odd texts never throw and keep their words") {
        SUBCASE("empty text") {
            const r2p::Document doc = parse("");
            CHECK(doc.meta.title.empty());
            CHECK(doc.paragraphs.empty());
            CHECK(doc.sections.empty());
        }
        SUBCASE("blank lines only") {
            const r2p::Document doc = parse("\n \n\t\n\u00A0\n");
            CHECK(doc.paragraphs.empty());
            CHECK(doc.meta.title.empty());
        }
        SUBCASE("only headings") {
            const std::string text = "The Title\n\nOverview\n\nKey Themes\n\nConclusion\n";
            const r2p::Document doc = parse(text);
            CHECK(lost_words(text, doc).empty());
            CHECK(doc.sections.size() + doc.paragraphs.size() == 3);
        }
        SUBCASE("markup only") {
            const r2p::Document doc = parse("Title\n\n**\n\n__\n\n****\n\nBody.\n");
            CHECK(paragraph_texts(doc) == std::vector<std::string>{"Body."});
        }
        SUBCASE("only quotes") {
            const std::string text = "\u201C\u201D\n\n\"\"\"\n\n\u00AB\u00BB\u2018\u2019\n";
            const r2p::Document doc = parse(text);
            CHECK(doc.paragraphs.size() <= 3);
        }
        SUBCASE("a one-megabyte line") {
            std::string line;
            while (line.size() < (1u << 20)) line += "Prevention \u201Cworks well here\u201D, ";
            const auto start = std::chrono::steady_clock::now();
            const r2p::Document doc = parse("The Title\n\n" + line + "\n");
            CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
            REQUIRE(doc.paragraphs.size() == 1);
            CHECK(doc.paragraphs[0].text.size() + 2 >= line.size());
            CHECK(doc.paragraphs[0].quotes.size() > 1000);
        }
        SUBCASE("a one-megabyte first line") {
            const std::string line(1u << 20, 'x');
            const r2p::Document doc = parse(line);
            CHECK(doc.meta.title.empty());
            REQUIRE(doc.paragraphs.size() == 1);
            CHECK(doc.paragraphs[0].text.size() == line.size());
        }
        SUBCASE("invalid bytes are carried, not fatal") {
            const r2p::Document doc = parse("Title\n\nBad \xFF\xFE bytes \xE2\x80 here.\n");
            CHECK(doc.paragraphs.size() == 1);
        }
    }

    TEST_CASE("statements in other conventions parse as expected") {
        SUBCASE("hard-wrapped text with ALL CAPS headings and a quote across lines") {
            const std::string path = "tests/data/statements/ga-dialogue-2012-wrapped.txt";
            const r2p::Document doc = parse_file(path, "ga");
            CHECK(doc.meta.title ==
                  "GENERAL ASSEMBLY INFORMAL INTERACTIVE DIALOGUE ON THE RESPONSIBILITY TO "
                  "PROTECT: TIMELY AND DECISIVE RESPONSE");
            CHECK(doc.meta.date == "2012-09-05");
            CHECK(doc.sections ==
                  std::vector<std::string>{"SUMMARY OF THE DISCUSSION", "PREVENTION",
                                           "TIMELY AND DECISIVE RESPONSE", "CONCLUSION"});
            REQUIRE(doc.paragraphs.size() == 9);
            CHECK(contains(doc.paragraphs[0].text, "Office of the Secretary-General would"));
            CHECK(contains(doc.paragraphs[1].text, "through international cooperation."));
            CHECK(doc.paragraphs[5].text == "targeted sanctions and arms embargoes;");
            const QuoteSummary q = quotes_of(doc);
            CHECK(q.speech.front() ==
                  "prevention and response are not opposites but points on one continuum of "
                  "protection.");
            CHECK(q.speech.size() == 4);
            CHECK(q.other == std::vector<std::string>{"selective", "responsibility to react",
                                                      "Responsibility while Protecting"});
            CHECK(lost_words(read_source_file(path), doc, {"New York, 5 September 2012"}).empty());
        }
        SUBCASE("guillemets, single quotes and attribution after the quote") {
            const std::string path = "tests/data/statements/special-adviser-geneva-2019.txt";
            const r2p::Document doc = parse_file(path, "sa");
            CHECK(doc.meta.date == "2019-03-14");
            CHECK(doc.sections.empty());
            REQUIRE(doc.paragraphs.size() == 4);
            const QuoteSummary q = quotes_of(doc);
            CHECK(q.other == std::vector<std::string>{"Human Rights Up Front"});
            REQUIRE(q.speech.size() == 6);
            // The comma inside the closing mark is the sentence's, not the quote's.
            CHECK(q.speech[0] ==
                  "We have spent too long debating whether to act, and too little time acting");
            CHECK(q.speech[2] ==
                  "Le veto n\u2019est pas un privil\u00E8ge, c\u2019est une "
                  "responsabilit\u00E9");
            CHECK(q.speech[3] == "more than one hundred States");
            CHECK(q.speech[4].substr(0, 28) == "As one survivor told me, \u2018");
            CHECK(lost_words(read_source_file(path), doc, {"Geneva, 14 March 2019"}).empty());
        }
        SUBCASE("a UN press summary in reported speech") {
            const std::string path = "tests/data/statements/ga-press-summary-2012.txt";
            const r2p::Document doc = parse_file(path, "press");
            CHECK(doc.meta.date == "2012-09-05");
            CHECK(doc.sections == std::vector<std::string>{"Background", "Statements"});
            REQUIRE(doc.paragraphs.size() == 5);
            CHECK(doc.paragraphs[1].text.substr(0, 30) == "The representative of Ghana sa");
            const QuoteSummary q = quotes_of(doc);
            CHECK(q.speech.size() == 4);
            CHECK(q.other ==
                  std::vector<std::string>{"third pillar", "responsibility while protecting"});
            CHECK(lost_words(read_source_file(path), doc,
                             {"5 September 2012\nGA/11270",
                              "General Assembly\nSixty-sixth session\nInformal Interactive "
                              "Dialogue (AM)",
                              "* * *"})
                      .empty());
        }
        SUBCASE("a markdown statement opening with its speaker") {
            const std::string path = "tests/data/statements/sweden-plenary-2018.md";
            const r2p::Document doc = parse_file(path, "se");
            CHECK(doc.meta.title ==
                  "Statement by H.E. Ms. Anna Lindqvist, Minister for Foreign Affairs of Sweden");
            CHECK(doc.meta.date == "2018-06-25");
            CHECK(doc.sections == std::vector<std::string>{"Introduction",
                                                           "From early warning to early action",
                                                           "Our commitments", "Conclusion"});
            CHECK(doc.meta.speaker == "H.E. Ms. Anna Lindqvist");
            CHECK(doc.meta.speaker_post == "Minister for Foreign Affairs of Sweden");
            REQUIRE(doc.paragraphs.size() == 8);  // "Mr. President," is no passage
            CHECK(doc.paragraphs[0].text.substr(0, 36) == "I thank you for convening this debat");
            CHECK(doc.paragraphs[2].run_in_heading == "Prevention first");
            CHECK(doc.paragraphs[2].text.substr(0, 25) == "Prevention first. Sweden ");
            CHECK(doc.paragraphs[3].text == "Sweden will:");
            CHECK(doc.paragraphs[3].section == "Our commitments");
            CHECK(doc.paragraphs[4].label == "1");
            CHECK(doc.paragraphs[4].text ==
                  "continue to support the Joint Office of the Special "
                  "Advisers;");
            CHECK(quotes_of(doc).speech.size() == 2);
            CHECK(lost_words(read_source_file(path), doc,
                             {"General Assembly Plenary Debate on the Responsibility to Protect",
                              "New York, 25 June 2018", "Check against delivery"})
                      .empty());
        }
    }

    TEST_CASE("passages are the paragraphs, each followed by its speech quotes") {
        const r2p::Document doc = parse_file(kSeed, "r2p-ministerial-meeting-2012");
        const std::vector<r2p::Passage> passages = r2p::make_passages(doc);
        REQUIRE(passages.size() == 15);  // 8 paragraphs + 7 speech quotes

        std::vector<std::string> ids;
        for (const r2p::Passage& p : passages) ids.push_back(p.id);
        const std::string d = "r2p-ministerial-meeting-2012/";
        CHECK(ids == std::vector<std::string>{d + "p1", d + "p2", d + "p3", d + "p4", d + "p4/q1",
                                              d + "p4/q2", d + "p5", d + "p5/q1", d + "p6",
                                              d + "p6/q1", d + "p7", d + "p7/q1", d + "p7/q2",
                                              d + "p8", d + "p8/q1"});

        SUBCASE("a paragraph passage") {
            const r2p::Passage& p = passages[0];
            CHECK(p.kind == r2p::PassageKind::Paragraph);
            CHECK(p.text == doc.paragraphs[0].text);
            CHECK(p.parent_id.empty());
            CHECK(p.paragraph_index == 0);
            CHECK_FALSE(p.quote_index.has_value());
            CHECK(p.themes.empty());
            CHECK(p.roles.empty());
            CHECK_FALSE(p.speaker.has_value());
        }
        SUBCASE("a quote numbered among speech quotes, indexed among all quotes") {
            const r2p::Passage& q = passages[9];  // p6/q1: after two scare quotes
            CHECK(q.kind == r2p::PassageKind::Quote);
            CHECK(q.parent_id == d + "p6");
            CHECK(q.paragraph_index == 5);
            REQUIRE(q.quote_index.has_value());
            CHECK(*q.quote_index == 2);
            CHECK(q.text.substr(0, 25) == "If we act early enough th");
        }
        SUBCASE("kind names") {
            CHECK(r2p::kind_name(r2p::PassageKind::Paragraph) == "paragraph");
            CHECK(r2p::kind_name(r2p::PassageKind::Quote) == "quote");
        }
        SUBCASE("an empty document has no passages") {
            CHECK(r2p::make_passages(parse("")).empty());
        }
    }
}

TEST_SUITE("statement structure") {
    TEST_CASE("a UN report's masthead is header: symbol to meta, the title found below it") {
        const std::string path = "tests/data/statements/sg-report-lessons-prevention-2019.txt";
        const r2p::Document doc = parse_file(path, "report");
        CHECK(doc.meta.symbol == "A/73/898-S/2019/463");
        CHECK(doc.meta.title == "Responsibility to protect: lessons learned for prevention");
        CHECK(doc.meta.date == "2019-06-10");
        CHECK(doc.sections == std::vector<std::string>{"Summary", "I. Introduction",
                                                       "II. Lessons learned for prevention",
                                                       "A. Early warning and assessment",
                                                       "III. THE WAY FORWARD"});
        std::vector<std::string> labels;
        for (const r2p::Paragraph& p : doc.paragraphs) labels.push_back(p.label);
        CHECK(labels ==
              std::vector<std::string>{"", "1", "2", "3", "4", "(a)", "(b)", "4 bis", "5"});
        REQUIRE(doc.paragraphs.size() == 9);
        CHECK(doc.paragraphs[0].text.substr(0, 19) == "The present report ");
        CHECK(doc.paragraphs[1].text.substr(0, 18) == "In paragraphs 138 ");
        CHECK(doc.paragraphs[1].section == "I. Introduction");
        // A hard-wrapped numbered paragraph is joined, its number out of its text.
        CHECK(doc.paragraphs[3].text ==
              "Atrocity crimes are processes, not events. They are preceded by warning signs "
              "that can be read and acted upon well before violence reaches its peak.");
        CHECK(doc.paragraphs[3].section == "II. Lessons learned for prevention");
        CHECK(doc.paragraphs[4].section == "A. Early warning and assessment");
        CHECK(doc.paragraphs[5].text ==
              "designate national focal points for the responsibility "
              "to protect;");
        CHECK(doc.paragraphs[8].section == "III. THE WAY FORWARD");
        // Quote offsets are into the text without its number.
        const r2p::Paragraph& bis = doc.paragraphs[7];
        REQUIRE(bis.quotes.size() == 1);
        CHECK(bis.text.substr(bis.quotes[0].begin, bis.quotes[0].end - bis.quotes[0].begin) ==
              bis.quotes[0].text);
        CHECK(bis.quotes[0].text.substr(0, 24) == "warning without action i");
        for (const r2p::Paragraph& p : doc.paragraphs) {
            CHECK_FALSE(contains(p.text, "A/73/898"));
            CHECK_FALSE(contains(p.text, "Distr."));
            CHECK_FALSE(contains(p.text, "Report of the Secretary-General"));
        }
    }

    TEST_CASE("a report whose title is \"Report of ...\" under an agenda item's name") {
        const r2p::Document doc = parse(
            "A/HRC/19/23\n\nGeneral Assembly\n\nDistr.: General\n10 February 2012\n\n"
            "Human Rights Council\nNineteenth session\nAgenda item 3\n\n"
            "Promotion and protection of all human rights, civil, political, economic, social "
            "and cultural rights, including the right to development\n\n"
            "Report of the Special Adviser on the Prevention of Genocide\n\nSummary\n\n"
            "The present report is submitted pursuant to Human Rights Council resolution 7/25.\n");
        CHECK(doc.meta.symbol == "A/HRC/19/23");
        CHECK(doc.meta.date == "2012-02-10");
        CHECK(doc.meta.title == "Report of the Special Adviser on the Prevention of Genocide");
        CHECK(doc.sections == std::vector<std::string>{"Summary"});
        CHECK(paragraph_texts(doc) ==
              std::vector<std::string>{"The present report is submitted pursuant to Human Rights "
                                       "Council resolution 7/25."});
    }

    TEST_CASE("a symbol line above a title is never the title, whatever the symbol") {
        for (const char* symbol : {"A/RES/60/1", "S/PV.8185", "A/63/PV.97", "S/2019/463",
                                   "SC/14937", "SG/SM/21345", "HRC/19/23"}) {
            INFO(symbol);
            const r2p::Document doc = parse(std::string(symbol) +
                                            "\n\nProtecting Civilians in Armed Conflict\n\n"
                                            "The Council met to discuss the protection of "
                                            "civilians.\n");
            CHECK(doc.meta.symbol == symbol);
            CHECK(doc.meta.title == "Protecting Civilians in Armed Conflict");
            CHECK(doc.sections.empty());
            CHECK(paragraph_texts(doc) ==
                  std::vector<std::string>{
                      "The Council met to discuss the protection of civilians."});
        }
    }

    TEST_CASE("a symbol from the sidecar is kept") {
        r2p::DocumentMeta meta;
        meta.symbol = "A/74/1";
        const r2p::Document doc = r2p::parse_document("GA/12519\n\nThe Title\n\nBody.\n", meta);
        CHECK(doc.meta.symbol == "A/74/1");
        CHECK(doc.meta.title == "The Title");
    }

    TEST_CASE("a press release's symbol and date are header, its headline the title") {
        const std::string path = "tests/data/statements/ga-press-release-r2p-debate-2022.txt";
        const r2p::Document doc = parse_file(path, "press");
        CHECK(doc.meta.symbol == "GA/12519");
        CHECK(doc.meta.date == "2022-06-27");
        CHECK(doc.meta.title ==
              "Responsibility to Protect Must Move from Words to Deeds, Secretary-General Tells "
              "General Assembly");
        CHECK(doc.meta.speaker.empty());  // a headline is no byline
        CHECK(doc.sections.empty());
        REQUIRE(doc.paragraphs.size() == 3);
        CHECK(doc.paragraphs[0].text.substr(0, 22) == "NEW YORK, 27 June (UN)");
        for (const r2p::Paragraph& p : doc.paragraphs) CHECK(p.section.empty());
    }

    TEST_CASE("a symbol and a dateline after the title are header, never a section") {
        const r2p::Document doc = parse(
            "Secretary-General Urges Prevention\n\nSG/SM/21345\n\nNew York, 27 June 2022\n\n"
            "The Secretary-General said today that prevention saves lives.\n\nHe added that "
            "early warning must lead to early action.\n");
        CHECK(doc.meta.symbol == "SG/SM/21345");
        CHECK(doc.meta.date == "2022-06-27");
        CHECK(doc.sections.empty());
        REQUIRE(doc.paragraphs.size() == 2);
        CHECK(doc.paragraphs[1].section.empty());
    }

    TEST_CASE("Roman-numeral and lettered headings head sections, long-ish and sentence case") {
        const r2p::Document doc = parse(
            "The Title\n\nOpening paragraph.\n\nII. Lessons learned for prevention in the "
            "decade since the World Summit\n\nA paragraph on lessons.\n\nA. Early warning and "
            "assessment\n\nA paragraph on warning.\n\nIII. THE WAY FORWARD\n\nA closing "
            "paragraph.\n");
        CHECK(doc.sections ==
              std::vector<std::string>{
                  "II. Lessons learned for prevention in the decade since the World Summit",
                  "A. Early warning and assessment", "III. THE WAY FORWARD"});
        REQUIRE(doc.paragraphs.size() == 4);
        CHECK(doc.paragraphs[0].section.empty());
        CHECK(doc.paragraphs[1].section == doc.sections[0]);
        CHECK(doc.paragraphs[2].section == doc.sections[1]);
        CHECK(doc.paragraphs[3].section == doc.sections[2]);
    }

    TEST_CASE("a byline is header and names the speaker, salutations are no passages") {
        const std::string body =
            "Mr. President,\n\n"
            "Chile thanks you for convening this debate on the responsibility to protect.\n\n"
            "Excellencies,\n\nDistinguished delegates, ladies and gentlemen,\n\n"
            "Mr. President, prevention is the first duty of every State.\n\n"
            "Thank you, Mr. President.\n";
        const std::string titled =
            "General Assembly Plenary Debate on the Responsibility to "
            "Protect\n\nNew York, 27 June 2022\n\n";
        const std::string byline =
            "Statement by H.E. Ambassador Ana Ruiz, Permanent Representative of Chile to the "
            "United Nations\n\n";
        const r2p::Document with = parse(titled + byline + body);
        CHECK(with.meta.title ==
              "General Assembly Plenary Debate on the Responsibility to Protect");
        CHECK(with.meta.speaker == "H.E. Ambassador Ana Ruiz");
        CHECK(with.meta.speaker_post == "Permanent Representative of Chile to the United Nations");
        CHECK(with.meta.date == "2022-06-27");
        CHECK(paragraph_texts(with) ==
              std::vector<std::string>{
                  "Chile thanks you for convening this debate on the responsibility to protect.",
                  "Mr. President, prevention is the first duty of every State."});

        SUBCASE("ids and texts do not depend on the byline or the salutations") {
            const r2p::Document without = parse(
                titled +
                "Chile thanks you for convening this debate on the responsibility to protect.\n\n"
                "Mr. President, prevention is the first duty of every State.\n");
            const std::vector<r2p::Passage> a = r2p::make_passages(with);
            const std::vector<r2p::Passage> b = r2p::make_passages(without);
            REQUIRE(a.size() == b.size());
            for (std::size_t i = 0; i < a.size(); ++i) {
                CHECK(a[i].id == b[i].id);
                CHECK(a[i].text == b[i].text);
            }
            CHECK(without.meta.speaker.empty());
        }
        SUBCASE("a sidecar's speaker wins over the byline's") {
            r2p::DocumentMeta meta;
            meta.id = "doc";
            meta.speaker = "Ana Ruiz Tagle";
            const r2p::Document doc = r2p::parse_document(titled + byline + body, meta);
            CHECK(doc.meta.speaker == "Ana Ruiz Tagle");
            CHECK(doc.meta.speaker_post.empty());
            CHECK(doc.paragraphs.size() == 2);
        }
        SUBCASE("a byline over two lines, opening the statement") {
            const r2p::Document doc = parse(
                "Remarks by Mr. Tomas Varga\nSpecial Adviser on the Prevention of Genocide\n\n" +
                body);
            CHECK(doc.meta.speaker == "Mr. Tomas Varga");
            CHECK(doc.meta.speaker_post == "Special Adviser on the Prevention of Genocide");
            CHECK(doc.paragraphs.size() == 2);
        }
        SUBCASE("a joint statement on behalf of a group names no speaker") {
            const r2p::Document doc =
                parse(titled +
                      "Joint statement on behalf of the Group of Friends of the Responsibility to "
                      "Protect\n\n" +
                      body);
            CHECK(doc.meta.speaker.empty());
            CHECK(doc.paragraphs.size() == 2);
        }
    }

    TEST_CASE("a headline that ends in what someone tells or says is a title, not a byline") {
        for (const char* headline :
             {"Prevention Must Come First, Secretary-General Tells General Assembly",
              "Atrocity Prevention Is Everyone's Duty, Says Secretary-General",
              "Speakers Urge Council to Act Early on Warning Signs"}) {
            INFO(headline);
            const r2p::Document doc =
                parse(std::string(headline) + "\n\nThe Assembly met today to debate R2P.\n");
            CHECK(doc.meta.title == headline);
            CHECK(doc.meta.speaker.empty());
            CHECK(doc.paragraphs.size() == 1);
        }
    }

    TEST_CASE("numbered paragraphs carry their number as a label, not in their text") {
        const r2p::Document doc = parse(
            "The Title\n\n1.\tThe first paragraph, which runs on over two lines of the\n"
            "printed page.\n\n2. The second paragraph says \"act now\", he said.\n\n"
            "12 bis. An inserted paragraph.\n");
        REQUIRE(doc.paragraphs.size() == 3);
        CHECK(doc.paragraphs[0].label == "1");
        CHECK(doc.paragraphs[0].text ==
              "The first paragraph, which runs on over two lines of the printed page.");
        CHECK(doc.paragraphs[1].label == "2");
        REQUIRE(doc.paragraphs[1].quotes.size() == 1);
        const r2p::Quote& q = doc.paragraphs[1].quotes[0];
        CHECK(doc.paragraphs[1].text.substr(q.begin, q.end - q.begin) == "act now");
        CHECK(doc.paragraphs[2].label == "12 bis");
        CHECK(doc.paragraphs[2].text == "An inserted paragraph.");

        SUBCASE("a numbered paragraph broken by a page break goes on unnumbered") {
            const r2p::Document broken = parse(
                "The Title\n\n7. The Council must act on early warning, and it must do so "
                "well before the\n\nviolence begins, not after it.\n\n8. A new paragraph.\n");
            REQUIRE(broken.paragraphs.size() == 2);
            CHECK(broken.paragraphs[0].label == "7");
            CHECK(broken.paragraphs[0].text ==
                  "The Council must act on early warning, and it must do so well before the "
                  "violence begins, not after it.");
        }
        SUBCASE("a number set down mid-sentence by a scanned page break numbers nothing") {
            const r2p::Document scanned = parse(
                "The Title\n\nThe Assembly has learned that the first duty of\n"
                "12.\tevery State is to protect its own people.\n");
            REQUIRE(scanned.paragraphs.size() == 1);
            CHECK(scanned.paragraphs[0].label.empty());
            CHECK(scanned.paragraphs[0].text ==
                  "The Assembly has learned that the first duty of 12. every State is to protect "
                  "its own people.");
        }
    }

    TEST_CASE("a Markdown statement: front matter, inline marks, table, block quote") {
        const std::string path = "tests/data/statements/joint-ngo-statement-hrc-2023.md";
        const r2p::Document doc = parse_file(path, "ngo");
        CHECK(doc.meta.title == "Joint NGO Statement on Atrocity Prevention");
        CHECK(doc.meta.date == "2023-03-21");
        CHECK(doc.meta.speaker == "Ms. Amara Okafor");
        CHECK(doc.meta.speaker_post == "Executive Director, Atrocity Watch Network");
        CHECK(doc.meta.event == "Human Rights Council, 52nd session");
        CHECK(doc.meta.place == "Geneva");
        CHECK(doc.meta.symbol == "A/HRC/52/L.12");
        CHECK(doc.meta.source_url == "https://example.org/statements/hrc52");
        CHECK(doc.sections == std::vector<std::string>{"What we documented"});
        CHECK(paragraph_texts(doc) ==
              std::vector<std::string>{
                  "We speak on behalf of thirty-two civil society organisations from five "
                  "regions. The full list of signatories is on our website and at .",
                  "Our monitors recorded attacks on hospitals, schools and markets in the "
                  "northern provinces between January and March:",
                  "Province; Attacks; Civilians killed", "Northern; 14; 212",
                  "Eastern | Lakes; 9; 87", "As the Special Adviser told this Council last year:",
                  "Warning signs do not stay silent; it is we who choose not to hear them.",
                  "Recommendation 1: renew the mandate of the Commission of Inquiry.",
                  "We ask the Council to act on these findings.[^1]",
                  "[^1]: See the report of the Commission of Inquiry, A/HRC/51/27."});
        const r2p::Paragraph& block = doc.paragraphs[6];
        REQUIRE(block.quotes.size() == 1);
        CHECK(block.quotes[0].block);
        CHECK(block.quotes[0].speech);
        CHECK(block.quotes[0].begin == 0);
        CHECK(block.quotes[0].end == block.text.size());
        CHECK(block.quotes[0].text == block.text);
        const std::vector<r2p::Passage> passages = r2p::make_passages(doc);
        CHECK(std::count_if(passages.begin(), passages.end(),
                            [](const r2p::Passage& p) { return p.id == "ngo/p7/q1"; }) == 1);
    }

    TEST_CASE("a reader's marked title stays the title above a report's masthead and agenda") {
        // As the PDF reader writes a report: the title it found by type size first, then the
        // masthead, the agenda item's name and "Report of the Secretary-General".
        const std::string text =
            "# Advancing atrocity prevention\n\nA/76/844\u2013S/2022/401\n\n"
            "Distr.: General\n\nGeneral Assembly\n\n10 May 2022\n\nSeventy-sixth session\n\n"
            "Agenda item 129\n\nThe responsibility to protect and the prevention of genocide,\n\n"
            "war crimes, ethnic cleansing and crimes against humanity\n\n"
            "Report of the Secretary-General\n\n## I. Introduction\n\n"
            "1. The present report reviews the year.\n";
        const r2p::Document doc = parse(text);
        CHECK(doc.meta.title == "Advancing atrocity prevention");
        CHECK(doc.meta.symbol == "A/76/844-S/2022/401");
        CHECK(doc.meta.date == "2022-05-10");
        REQUIRE(doc.paragraphs.size() == 1);
        CHECK(doc.paragraphs[0].text == "The present report reviews the year.");
        CHECK(doc.paragraphs[0].section == "I. Introduction");
    }

    TEST_CASE(
        "a letterhead is header, and a byline under a title is no deck: it names the "
        "speaker") {
        const std::string text =
            "Permanent Mission of the Republic of Palau to the United Nations\n\n"
            "# Statement at the General Assembly Plenary Debate on the Responsibility to "
            "Protect\n\n"
            "Statement by H.E. Ambassador Miriam Tellei, Permanent Representative of Palau to the "
            "United Nations\n\nNew York, 29 June 2022\n\nMr. President,\n\n"
            "Palau thanks the Secretary-General for his report.\n";
        const r2p::Document doc = parse(text);
        CHECK(doc.meta.title ==
              "Statement at the General Assembly Plenary Debate on the Responsibility to Protect");
        CHECK(doc.meta.speaker.find("Miriam Tellei") != std::string::npos);
        CHECK(doc.meta.speaker_post == "Permanent Representative of Palau to the United Nations");
        REQUIRE(doc.paragraphs.size() == 1);
        CHECK(doc.paragraphs[0].text == "Palau thanks the Secretary-General for his report.");
    }

    TEST_CASE("a table row of numbers or cells heads no section") {
        const r2p::Document doc = parse(
            "The Vote\n\nThe Assembly voted as follows.\n\nIn favour; Against; Abstentions\n\n"
            "115; 28; 21\n\nThe Assembly will meet again tomorrow.\n");
        CHECK(doc.sections.empty());
        REQUIRE(doc.paragraphs.size() == 4);
        CHECK(doc.paragraphs[2].text == "115; 28; 21");
        CHECK(doc.paragraphs[3].section.empty());
    }

    TEST_CASE("the structured text of the PDF, HTML and DOCX readers parses as intended") {
        const std::string text =
            "# Responsibility to Protect: Lessons Learned for Prevention\n\n"
            "A/73/898-S/2019/463\n\n"
            "## I. Introduction\n\n"
            "1. The first numbered paragraph of the report, on one line as the reader writes "
            "it.\n\n"
            "2. The second, which quotes the Special Adviser:\n\n"
            "> Prevention is a duty, not an option.\n\n"
            "## II. Lessons learned\n\n"
            "Member States should:\n\n"
            "- designate focal points;\n\n"
            "- share assessments.\n\n"
            "An unnumbered closing paragraph.\n";
        const r2p::Document doc = parse(text);
        CHECK(doc.meta.title == "Responsibility to Protect: Lessons Learned for Prevention");
        CHECK(doc.meta.symbol == "A/73/898-S/2019/463");
        CHECK(doc.sections == std::vector<std::string>{"I. Introduction", "II. Lessons learned"});
        REQUIRE(doc.paragraphs.size() == 7);
        CHECK(doc.paragraphs[0].label == "1");
        CHECK(doc.paragraphs[1].label == "2");
        CHECK(doc.paragraphs[1].text == "The second, which quotes the Special Adviser:");
        REQUIRE(doc.paragraphs[2].quotes.size() == 1);
        CHECK(doc.paragraphs[2].quotes[0].block);
        CHECK(doc.paragraphs[2].section == "I. Introduction");
        CHECK(doc.paragraphs[4].text == "designate focal points;");
        CHECK(doc.paragraphs[6].text == "An unnumbered closing paragraph.");
        CHECK(doc.paragraphs[6].section == "II. Lessons learned");
    }
}
