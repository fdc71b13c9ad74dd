// header_lines: UN symbols, masthead lines, report anchors, bylines and salutations.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "parse/header_lines.hpp"

using r2p::detail::byline;
using r2p::detail::is_masthead_line;
using r2p::detail::is_post_line;
using r2p::detail::is_report_anchor;
using r2p::detail::is_salutation;
using r2p::detail::symbol_line;

TEST_SUITE("header_lines") {
    TEST_CASE("symbol lines give the symbols joined by a hyphen") {
        const struct {
            const char* line;
            const char* symbol;
        } cases[] = {
            {"A/73/898\u2013S/2019/463", "A/73/898-S/2019/463"},
            {"A/73/898-S/2019/463", "A/73/898-S/2019/463"},
            {"A/73/898 S/2019/463", "A/73/898-S/2019/463"},
            {"United Nations A/73/898 \u2013 S/2019/463", "A/73/898-S/2019/463"},
            {"A/RES/60/1", "A/RES/60/1"},
            {"S/PV.8185", "S/PV.8185"},
            {"A/63/PV.97", "A/63/PV.97"},
            {"S/2019/463", "S/2019/463"},
            {"GA/12519", "GA/12519"},
            {"SC/14937", "SC/14937"},
            {"SG/SM/21345", "SG/SM/21345"},
            {"HRC/19/23", "HRC/19/23"},
            {"27 June 2022 GA/12519", "GA/12519"},
        };
        for (const auto& c : cases) {
            INFO(c.line);
            const std::optional<std::string> symbol = symbol_line(c.line);
            REQUIRE(symbol.has_value());
            CHECK(*symbol == c.symbol);
        }
    }

    TEST_CASE("lines that only mention a symbol, or hold none, are not symbol lines") {
        for (const char* line :
             {"See document A/73/898 for details.", "GA/ 12519", "A/B/C", "Seventy-third session",
              "General Assembly", "2/3 of States", "A/73/898 and the report", ""}) {
            INFO(line);
            CHECK_FALSE(symbol_line(line).has_value());
        }
    }

    TEST_CASE("masthead lines of reports and press releases are recognised") {
        for (const char* line :
             {"General Assembly", "Security Council", "United Nations", "Distr.: General",
              "Distr.: Limited", "Original: English", "10 June 2019", "Seventy-third session",
              "Seventy-fourth year", "Agenda items 14 and 123", "Agenda item 68 (b)",
              "Item 4 of the provisional agenda",
              "Seventy-sixth session, 95th & 96th Meetings (AM & PM)", "Press Release",
              "Check against delivery", "Meetings Coverage and Press Releases",
              "General Assembly          Distr.: General",
              "Security Council Seventy-fourth year"}) {
            INFO(line);
            CHECK(is_masthead_line(line));
        }
        for (const char* line :
             {"Responsibility to protect: lessons learned for prevention",
              "The General Assembly met this morning.", "Summary", "I. Introduction",
              "In June 2019 the Council met.", "Security Council members agreed on a text."}) {
            INFO(line);
            CHECK_FALSE(is_masthead_line(line));
        }
    }

    TEST_CASE("the line under a report's title is an anchor") {
        CHECK(is_report_anchor("Report of the Secretary-General"));
        CHECK(is_report_anchor("Note by the Secretary-General"));
        CHECK_FALSE(is_report_anchor("Report of the Secretary-General."));
        CHECK_FALSE(is_report_anchor("Responsibility to protect"));
    }

    TEST_CASE("bylines give the speaker as printed and the post") {
        struct Case {
            const char* line;
            const char* speaker;
            const char* post;
        };
        const Case cases[] = {
            {"Statement by H.E. Ambassador Ana Ruiz, Permanent Representative of Chile to the "
             "United Nations",
             "H.E. Ambassador Ana Ruiz", "Permanent Representative of Chile to the United Nations"},
            {"Remarks by Mr. Tomas Varga, Special Adviser on the Prevention of Genocide",
             "Mr. Tomas Varga", "Special Adviser on the Prevention of Genocide"},
            {"Statement delivered by Ms. Lena Holm, Minister for Foreign Affairs of Finland, at "
             "the General Assembly Plenary Debate",
             "Ms. Lena Holm", "Minister for Foreign Affairs of Finland"},
            {"Intervention by Ambassador Kofi Mensah", "Ambassador Kofi Mensah", ""},
            {"**Statement by Dr. Sara Levi, Director, Centre for Prevention**", "Dr. Sara Levi",
             "Director, Centre for Prevention"},
            {"Joint statement on behalf of the Group of Friends of the Responsibility to Protect",
             "", ""},
            {"Statement by the Delegation of Brazil", "", ""},
        };
        for (const Case& c : cases) {
            INFO(c.line);
            const auto b = byline(c.line);
            REQUIRE(b.has_value());
            CHECK(b->speaker == c.speaker);
            CHECK(b->post == c.post);
        }
    }

    TEST_CASE("headlines and prose are not bylines") {
        for (const char* line :
             {"Responsibility to Protect Must Move from Words to Deeds, Secretary-General Tells "
              "General Assembly",
              "Atrocity Prevention Is Everyone's Duty, Says Secretary-General",
              "Speakers Urge Early Action as Risk of Atrocity Crimes Grows",
              "The statement by the Minister was welcomed by all delegations.",
              "Statement of Ghana"}) {
            INFO(line);
            CHECK_FALSE(byline(line).has_value());
        }
    }

    TEST_CASE("a post line under a byline") {
        CHECK(is_post_line("Permanent Representative of Chile to the United Nations"));
        CHECK_FALSE(is_post_line("New York, 27 June 2022"));
        CHECK_FALSE(is_post_line("We thank you."));
        CHECK_FALSE(is_post_line("on behalf of the Group"));
    }

    TEST_CASE("salutations alone are told from sentences that open with one") {
        for (const char* line :
             {"Mr. President,", "Madam President,", "Mr. Chair,", "Excellencies,",
              "Distinguished delegates, ladies and gentlemen,", "Thank you, Mr. President.",
              "I thank you.", "Thank you.", "Madam Chairperson, Excellencies, dear colleagues,",
              "Mr. President, Members of the Council,"}) {
            INFO(line);
            CHECK(is_salutation(line));
        }
        for (const char* line :
             {"Mr. President, we thank you for convening this debate.",
              "Thank you for giving me the floor.", "The President of the Council", "Members,",
              "We thank you.", "Mr. President, 2005 was a turning point.", ""}) {
            INFO(line);
            CHECK_FALSE(is_salutation(line));
        }
    }

    TEST_CASE("a press release's tail is told from its last sentences") {
        for (const char* tail :
             {"For information media. Not an official record.", "ENDS", "\u2014 ENDS \u2014",
              "- END -", "* *** *", "###", "Media contact: press@example.org | +1 212 000 0000"}) {
            CAPTURE(tail);
            CHECK(r2p::detail::is_release_end_line(tail));
        }
        for (const char* text : {"The meeting ended at 1 p.m.", "End impunity now.",
                                 "Ends and means of prevention were discussed at length.",
                                 "Media freedom is part of prevention."}) {
            CAPTURE(text);
            CHECK_FALSE(r2p::detail::is_release_end_line(text));
        }
    }
}
