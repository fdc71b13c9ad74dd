#include "sentences/sentence_split.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_SUITE("sentence_split") {
    namespace {

    std::vector<std::string> sentences(const std::string& text) {
        std::vector<std::string> out;
        for (const auto& span : r2p::detail::split_sentences(text)) {
            REQUIRE(span.begin < span.end);
            REQUIRE(span.end <= text.size());
            out.push_back(text.substr(span.begin, span.end - span.begin));
        }
        return out;
    }

    using Sentences = std::vector<std::string>;

    }  // namespace

    TEST_CASE("plain sentences, question and exclamation marks, whitespace trimmed") {
        CHECK(sentences("  We must act now. Why do we wait? Because we fear!  ") ==
              Sentences{"We must act now.", "Why do we wait?", "Because we fear!"});
        CHECK(sentences("").empty());
        CHECK(sentences("   ").empty());
        CHECK(sentences("No final stop here") == Sentences{"No final stop here"});
    }

    TEST_CASE("titles and ICU's English abbreviations do not end a sentence") {
        CHECK(sentences("Mr. President, I congratulate you on your election. We thank "
                        "Mr. Ban Ki-moon and Ms. Bachelet.") ==
              Sentences{"Mr. President, I congratulate you on your election.",
                        "We thank Mr. Ban Ki-moon and Ms. Bachelet."});
        CHECK(sentences("It stresses prevention (e.g. early warning), i.e. capacity.") ==
              Sentences{"It stresses prevention (e.g. early warning), i.e. capacity."});
    }

    TEST_CASE("UN reference abbreviations before numbers") {
        CHECK(sentences("As stated in para. 138 of resolution A/RES/60/1, each State has the "
                        "responsibility to protect. The Council met on 5 May.") ==
              Sentences{"As stated in para. 138 of resolution A/RES/60/1, each State has the "
                        "responsibility to protect.",
                        "The Council met on 5 May."});
        CHECK(sentences("See document No. 5 and art. 4 of the Statute, paras. 138 and 139, "
                        "p. 12 of vol. 2. It is clear.") ==
              Sentences{"See document No. 5 and art. 4 of the Statute, paras. 138 and 139, "
                        "p. 12 of vol. 2.",
                        "It is clear."});
    }

    TEST_CASE("a symbol or year at the end of a sentence still ends it") {
        CHECK(sentences("We recall resolution A/RES/60/1. The text is clear.") ==
              Sentences{"We recall resolution A/RES/60/1.", "The text is clear."});
        CHECK(sentences("It was agreed in 2005. Since then we have met.") ==
              Sentences{"It was agreed in 2005.", "Since then we have met."});
    }

    TEST_CASE("initials and dotted abbreviations") {
        CHECK(sentences("The former Secretary-General Ban K. Moon spoke. The U.N. Security "
                        "Council acted.") ==
              Sentences{"The former Secretary-General Ban K. Moon spoke.",
                        "The U.N. Security Council acted."});
        // A lone capital after a lower-case word is a numeral, not an initial.
        CHECK(sentences("We recall annex I. The text is clear.") ==
              Sentences{"We recall annex I.", "The text is clear."});
    }

    TEST_CASE("semicolons and lettered items stay in one sentence") {
        CHECK(sentences("The next steps are: (a) prevention; (b) assistance; and (c) timely "
                        "and decisive response.") ==
              Sentences{"The next steps are: (a) prevention; (b) assistance; and (c) timely "
                        "and decisive response."});
    }

    TEST_CASE("numbered list markers belong to no sentence") {
        const std::string text =
            "1. The General Assembly reaffirms its commitment. 2. It stresses prevention.";
        CHECK(sentences(text) == Sentences{"The General Assembly reaffirms its commitment.",
                                           "It stresses prevention."});
        CHECK(sentences("138. Each individual State has the responsibility to protect.") ==
              Sentences{"Each individual State has the responsibility to protect."});
    }

    TEST_CASE("quotes and ellipses") {
        CHECK(sentences("He said: \"We will never again allow genocide.\" Then he sat down.") ==
              Sentences{"He said: \"We will never again allow genocide.\"", "Then he sat down."});
        CHECK(sentences("We must act... The world is watching.") ==
              Sentences{"We must act...", "The world is watching."});
    }

    TEST_CASE("non-ASCII text: offsets are bytes of the original") {
        const std::string text = "Mme Søvndal a parlé. «Nous agissons.» Janša répondit.";
        const auto found = sentences(text);
        REQUIRE(found.size() == 3);
        CHECK(found[0] == "Mme Søvndal a parlé.");
        CHECK(found[2] == "Janša répondit.");
    }
}
