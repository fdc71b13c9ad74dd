// Speaker turns at the start of a record's paragraphs: who, title, country, language.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "tag/speaker_turns.hpp"
#include "taxonomy_fixture.hpp"

namespace {

std::optional<r2p::detail::SpeakerTurn> turn_of(const std::string& text) {
    return r2p::detail::find_speaker_turn(text,
                                          r2p::test::source_taxonomy().attribution.honorifics);
}

}  // namespace

TEST_SUITE("speaker_turns") {
    TEST_CASE("a record's turn gives the person, the country and the language, not the title") {
        struct Case {
            std::string text, name, title, country, language, turn;
        };
        const std::vector<Case> cases = {
            {"The President: I now give the floor to the representative of Nigeria.", "",
             "President", "", "", "The President:"},
            {"The Acting President: I call on the next speaker.", "", "Acting President", "", "",
             "The Acting President:"},
            {"The Secretary-General: I thank the President.", "", "Secretary-General", "", "",
             "The Secretary-General:"},
            {"The President (spoke in French): The meeting is called to order.", "", "President",
             "", "French", "The President (spoke in French):"},
            {"Mr. Okafor (Nigeria): Nigeria aligns itself with the statement.", "Okafor", "",
             "Nigeria", "", "Mr. Okafor (Nigeria):"},
            {"Ms. Lindqvist (Sweden) (spoke in French): We share the concern.", "Lindqvist", "",
             "Sweden", "French", "Ms. Lindqvist (Sweden) (spoke in French):"},
            {"Mrs. Thomas-Greenfield (United States of America): Thank you.", "Thomas-Greenfield",
             "", "United States of America", "",
             "Mrs. Thomas-Greenfield (United States of America):"},
            {"Mr. Nebenzia (Russian Federation) (spoke in Russian): We listened.", "Nebenzia", "",
             "Russian Federation", "Russian",
             "Mr. Nebenzia (Russian Federation) (spoke in Russian):"},
            {"Mr. De La Fuente Ramírez (Mexico) (spoke in Spanish): Gracias.",
             "De La Fuente Ramírez", "", "Mexico", "Spanish",
             "Mr. De La Fuente Ramírez (Mexico) (spoke in Spanish):"},
            {"Mr. Takht Ravanchi (Iran (Islamic Republic of)): We reject it.", "Takht Ravanchi", "",
             "Iran (Islamic Republic of)", "", "Mr. Takht Ravanchi (Iran (Islamic Republic of)):"},
            {"Mr. van Oosterom (Netherlands): The Kingdom aligns itself.", "van Oosterom", "",
             "Netherlands", "", "Mr. van Oosterom (Netherlands):"},
            {"Mr. ADODO (Togo) (interpretation from French): Mr. President, thank you.", "ADODO",
             "", "Togo", "French", "Mr. ADODO (Togo) (interpretation from French):"},
            {"H.E. Mr. Okafor (Nigeria): We meet again.", "Okafor", "", "Nigeria", "",
             "H.E. Mr. Okafor (Nigeria):"},
        };
        for (const Case& c : cases) {
            CAPTURE(c.text);
            const auto turn = turn_of(c.text);
            REQUIRE(turn);
            CHECK(turn->name == c.name);
            CHECK(turn->title == c.title);
            CHECK(turn->country == c.country);
            CHECK(turn->language == c.language);
            CHECK(c.text.substr(0, turn->length) == c.turn);
        }
    }

    TEST_CASE("prose that opens like a turn is not one") {
        const std::vector<std::string> prose = {
            "We meet today in a difficult year.",
            "Kenya (2008): a case study in prevention.",
            "Côte d'Ivoire (2011): the Council acted.",
            "Mr. Okafor (2019): the year of the report.",
            "Okafor (Nigeria): no honorific, no turn.",
            "Mr. Okafor (Nigeria) said: we must act.",
            "Mr. Okafor (Nigeria):the colon is not followed by a space.",
            "The responsibility to protect: three pillars.",
            "The President said: we must act.",
            "The President of the Republic, Mr. Okafor (Nigeria): too long a title.",
            "In 2005, the World Summit agreed on this: Mr. Okafor (Nigeria): no.",
            "Mr. (Nigeria): no name.",
            "Mr. Okafor (nigeria): the bracket is not a country.",
            "The President (2019): not a language.",
            "The President (spoke in 1998): not a language.",
            ": an empty turn.",
        };
        for (const std::string& text : prose) {
            CAPTURE(text);
            CHECK_FALSE(turn_of(text));
        }
    }
}  // TEST_SUITE
