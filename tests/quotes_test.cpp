// find_quotes: quote styles, spans, nesting, apostrophes, unbalanced marks, speech vs scare quotes.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "parse/quotes.hpp"

namespace {

std::vector<std::string> texts_of(const std::vector<r2p::Quote>& quotes) {
    std::vector<std::string> out;
    for (const r2p::Quote& q : quotes) out.push_back(q.text);
    return out;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_SUITE("quotes") {
    TEST_CASE("every supported quote style yields the words between its marks") {
        struct Case {
            const char* name;
            std::string paragraph;
            Texts expected;
        };
        const std::vector<Case> cases = {
            {"straight double", R"(He said "we must act now" today.)", {"we must act now"}},
            {"typographic double",
             "He said \u201Cwe must act now\u201D today.",
             {"we must act now"}},
            {"guillemets", "Il a dit \u00ABnous devons agir\u00BB hier.", {"nous devons agir"}},
            {"guillemets with inner spaces",
             "Il a dit \u00AB nous devons agir \u00BB hier.",
             {"nous devons agir"}},
            {"guillemets with no-break spaces",
             "Il a dit \u00AB\u00A0nous devons agir\u00A0\u00BB.",
             {"nous devons agir"}},
            {"typographic single",
             "She asked \u2018where was the world?\u2019 twice.",
             {"where was the world?"}},
            {"low-high German style",
             "Er sagte \u201Ewir m\u00FCssen handeln\u201C heute.",
             {"wir m\u00FCssen handeln"}},
            {"right marks used both ways",
             "He said \u201Dwe must act now\u201D today.",
             {"we must act now"}},
            {"several in a row",
             R"("one two three four" and "five six seven eight")",
             {"one two three four", "five six seven eight"}},
            {"quote at start and end",
             "\u201CWe act.\u201D He said \u201CNow.\u201D",
             {"We act.", "Now."}},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) { CHECK(texts_of(r2p::find_quotes(c.paragraph)) == c.expected); }
        }
    }

    TEST_CASE("quote spans are byte offsets of the quoted words, marks and spaces excluded") {
        const std::string p = "Intro \u201C  spaced words here \u201D and \u00AB more \u00BB.";
        const auto quotes = r2p::find_quotes(p);
        REQUIRE(quotes.size() == 2);
        for (const r2p::Quote& q : quotes) {
            REQUIRE(q.end <= p.size());
            CHECK(p.substr(q.begin, q.end - q.begin) == q.text);
        }
        CHECK(quotes[0].text == "spaced words here");
        CHECK(quotes[1].text == "more");
    }

    TEST_CASE("nested quotes leave only the outer quote at top level") {
        struct Case {
            const char* name;
            std::string paragraph;
            Texts expected;
        };
        const std::vector<Case> cases = {
            {"single inside double",
             "\u201CHe said \u2018no\u2019 twice\u201D, she noted.",
             {"He said \u2018no\u2019 twice"}},
            {"straight inside typographic",
             "\u201CThe word \"never\" was used\u201D.",
             {"The word \"never\" was used"}},
            {"typographic inside guillemets",
             "\u00AB Il a dit \u201Cnon\u201D deux fois \u00BB",
             {"Il a dit \u201Cnon\u201D deux fois"}},
            {"inner quote ending with the outer",
             "\u201CAs one survivor told me, \u2018they knew.\u2019\u201D",
             {"As one survivor told me, \u2018they knew.\u2019"}},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) { CHECK(texts_of(r2p::find_quotes(c.paragraph)) == c.expected); }
        }
    }

    TEST_CASE("apostrophes and straight single quotes are not quotation marks") {
        struct Case {
            const char* name;
            std::string paragraph;
            Texts expected;
        };
        const std::vector<Case> cases = {
            {"contraction", "We don\u2019t agree and won\u2019t.", {}},
            {"possessive", "The international community\u2019s chain of prevention.", {}},
            {"plural possessive", "The states\u2019 responsibility to protect.", {}},
            {"elided decade", "In the \u201990s the world failed.", {}},
            {"straight apostrophes", "Ban Ki-moon's report and the states' duty.", {}},
            {"straight single quotes", "The 'third pillar' was discussed.", {}},
            {"inch mark", "A 5\" screen.", {}},
            {"apostrophes inside a quote",
             "\u201CThe community\u2019s duty isn\u2019t optional,\u201D he said.",
             {"The community\u2019s duty isn\u2019t optional"}},
            {"possessive after a single quote closes",
             "The \u2018R2P\u2019 idea and the states\u2019 role.",
             {"R2P"}},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) { CHECK(texts_of(r2p::find_quotes(c.paragraph)) == c.expected); }
        }
    }

    TEST_CASE("an unbalanced opening quote runs no further than the paragraph") {
        struct Case {
            const char* name;
            std::string paragraph;
            Texts expected;
        };
        const std::vector<Case> cases = {
            {"typographic runs to the end",
             "He said \u201Cwe must act now and not later",
             {"we must act now and not later"}},
            {"straight runs to the end", "He said \"we must act now.", {"we must act now."}},
            {"guillemet runs to the end", "Il a dit \u00AB nous devons agir", {"nous devons agir"}},
            {"a lone single opener is dropped", "The \u2018first pillar was discussed.", {}},
            {"a quote inside a dropped single opener survives",
             "The \u2018first pillar, \u201Cno country is immune\u201D, they said.",
             {"no country is immune"}},
            {"a stray closer is ignored", "He said no\u201D and left \u00BB.", {}},
            {"a reopened mark drops the earlier one",
             "The \u201Cfirst then \u201Csecond quote here\u201D end.",
             {"second quote here"}},
            {"empty quotes are skipped", "Empty \u201C\u201D and \"\" marks.", {}},
            {"only marks", "\u201C\u201D\u201C\u201D\u00AB\u00BB\"\"", {}},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) { CHECK(texts_of(r2p::find_quotes(c.paragraph)) == c.expected); }
        }
    }

    TEST_CASE("speech quotes are told apart from scare quotes and names of concepts") {
        struct Case {
            const char* name;
            std::string paragraph;
            bool speech;
        };
        const std::vector<Case> cases = {
            {"four words or more are speech", "A Minister said \u201Cno country is immune\u201D.",
             true},
            {"a long fragment is speech",
             "Tools, \"from preventive diplomacy to sanctions to robust monitoring\" were named.",
             true},
            {"one word is a scare quote", "It had \u201Cdistorted\u201D the debate.", false},
            {"two words are a scare quote", "The \"third pillar\" in all its dimensions.", false},
            {"a concept after 'concept of'",
             "The concept of \u201Cresponsibility while protecting\u201D was acknowledged.", false},
            {"a Title Case name", "They welcomed \u2018Human Rights Up Front\u2019 warmly.", false},
            {"a Title Case name of three words",
             "Brazil\u2019s \u201CResponsibility while Protecting\u201D was discussed.", false},
            {"after 'so-called'",
             "The so-called \"responsibility to react to crises\" was debated.", false},
            {"after 'known as'",
             "What is known as \u201Cthe duty to prevent atrocities\u201D grew.", false},
            {"after 'entitled'", "A report entitled \u201CTimely and decisive response\u201D.",
             false},
            {"a short question is speech", "She asked \u2018where was the world?\u2019 again.",
             true},
            {"a short sentence after a colon is speech", "He replied: \u201CNever again.\u201D",
             true},
            {"a short word ending a sentence is not speech", "It had been \u201Cdistorted.\u201D",
             false},
            {"a Title Case sentence with punctuation is speech",
             "He said \u201CThe Hague Is The Final Link.\u201D", true},
            {"attribution after the quote",
             "\u201CWe must act, and act now,\u201D said the Special Adviser.", true},
            {"a short quote opening a sentence, cut off by a comma after the mark",
             "He agreed. \u00ABWords kill\u00BB, he said.", true},
            {"a short quote opening a sentence, cut off by a comma inside the mark",
             "It was documented. \u2018Impunity,\u2019 the High Commissioner added.", true},
            {"a short quote inside a sentence before a comma is a scare quote",
             "The \u201Cthird pillar\u201D, in all its dimensions, was debated.", false},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                const auto quotes = r2p::find_quotes(c.paragraph);
                REQUIRE(quotes.size() == 1);
                CHECK(quotes[0].speech == c.speech);
            }
        }
    }

    TEST_CASE("a quote's text leaves out the punctuation of the sentence around it") {
        struct Case {
            const char* name;
            std::string paragraph;
            Texts expected;
        };
        const std::vector<Case> cases = {
            {"comma inside the closing mark",
             "\u201CWe must act,\u201D she said.",
             {"We must act"}},
            {"semicolon and colon",
             "He listed \u201Cearly warning;\u201D and \u201Cearly action:\u201D both.",
             {"early warning", "early action"}},
            {"comma and spaces", "\u00AB Words kill, \u00BB he said.", {"Words kill"}},
            {"full stop of the quoted sentence stays",
             "She said: \u201CNever again.\u201D",
             {"Never again."}},
            {"question mark stays",
             "\u2018Where was the world?\u2019 she asked.",
             {"Where was the world?"}},
            {"only a comma is no quote", "A stray \u201C,\u201D here.", {}},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                const auto quotes = r2p::find_quotes(c.paragraph);
                CHECK(texts_of(quotes) == c.expected);
                // The span is the text: no comma left between end and the closing mark.
                for (const auto& q : quotes)
                    CHECK(c.paragraph.substr(q.begin, q.end - q.begin) == q.text);
            }
        }
    }

    TEST_CASE("single-quoted speech is found, apostrophes never open a quote") {
        struct Case {
            const char* name;
            std::string paragraph;
            Texts expected;
        };
        const std::vector<Case> cases = {
            {"straight single quotes, attribution after",
             "'Silence is a choice,' said the representative of Ireland.",
             {"Silence is a choice"}},
            {"typographic single quotes, subject before the verb",
             "\u2018Early warning without early action is only a record,\u2019 the High "
             "Commissioner said.",
             {"Early warning without early action is only a record"}},
            {"straight single quotes after a colon",
             "The Special Adviser was blunt: 'The atrocities in the '90s were not a surprise.'",
             {"The atrocities in the '90s were not a surprise."}},
            {"apostrophes of a name, a plural possessive and a decade",
             "In C\u00F4te d'Ivoire the States' obligations were clear by the '90s.",
             {}},
            {"apostrophes around speech do not pair with it",
             "Recalling the States' duty in C\u00F4te d'Ivoire, 'we cannot look away,' she said.",
             {"we cannot look away"}},
            {"a straight-single scare quote is not kept", "The 'third pillar' was discussed.", {}},
            {"an unclosed straight single quote is dropped",
             "He said 'we must act and left the room.",
             {}},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                const auto quotes = r2p::find_quotes(c.paragraph);
                CHECK(texts_of(quotes) == c.expected);
                for (const auto& q : quotes) CHECK(q.speech);
            }
        }
    }

    TEST_CASE("a mark before a full stop opens nothing, before an ellipsis it opens a quote") {
        CHECK(texts_of(r2p::find_quotes("He recalled that \"... in respect of territorial "
                                        "disputes there can be no two opinions\" today.")) ==
              Texts{"... in respect of territorial disputes there can be no two opinions"});
        CHECK(texts_of(r2p::find_quotes("It said \". . .we have come to the point where "
                                        "safety cannot be assumed\" then.")) ==
              Texts{". . .we have come to the point where safety cannot be assumed"});
        // An opinion on " 'the legal consequences'". The rest is not a quote.
        CHECK(texts_of(r2p::find_quotes(
                  "An opinion on \" 'the legal consequences for States of the presence'\". The "
                  "position which the Court has now taken flows from earlier decisions.")) ==
              Texts{"the legal consequences for States of the presence"});
    }

    TEST_CASE("a quote left open at the paragraph's end says so, and still ends there") {
        const std::string open =
            "The Special Adviser told the Council: \u201CWe have seen the warning signs before.";
        const auto unclosed = r2p::find_quotes(open);
        REQUIRE(unclosed.size() == 1);
        CHECK_FALSE(unclosed[0].closed);
        CHECK(unclosed[0].end == open.size());
        CHECK(unclosed[0].text == "We have seen the warning signs before.");

        const auto closed = r2p::find_quotes(
            "\u201CWe have seen it before,\u201D she said, \u201Cand we will see it again.\u201D");
        REQUIRE(closed.size() == 2);
        CHECK(closed[0].closed);
        CHECK(closed[1].closed);

        // A closed quote, then one opened and never closed: only the last is open.
        const auto mixed = r2p::find_quotes(
            "\u201CNo one is immune,\u201D she said. \u201CThen came the killings, and each "
            "time");
        REQUIRE(mixed.size() == 2);
        CHECK(mixed[0].closed);
        CHECK_FALSE(mixed[1].closed);
    }

    TEST_CASE("ten thousand quotes in one paragraph are found in linear time") {
        std::string paragraph;
        for (int i = 0; i < 10000; ++i) paragraph += "She said \u201Cwe act now together\u201D. ";
        std::string nested(20000, ' ');
        for (std::size_t i = 0; i < nested.size(); i += 2) nested[i] = '"';
        std::string openers;
        for (int i = 0; i < 20000; ++i) openers += "\u201C\u2018\u00AB ";

        const auto start = std::chrono::steady_clock::now();
        const auto quotes = r2p::find_quotes(paragraph);
        const auto straight = r2p::find_quotes(nested);
        const auto unbalanced = r2p::find_quotes(openers);
        const auto elapsed = std::chrono::steady_clock::now() - start;

        CHECK(quotes.size() == 10000);
        CHECK(quotes.back().text == "we act now together");
        CHECK(straight.empty());  // every straight quote here is followed by a space
        CHECK(unbalanced.size() <= 1);
        CHECK(elapsed < std::chrono::seconds(2));
    }
}
