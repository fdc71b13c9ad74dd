#include "sentences/sentence_similarity.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "sentences/passage_sentences.hpp"

TEST_SUITE("sentence_similarity") {
    using namespace r2p::detail;

    namespace {

    PassageSentence whole(const std::string& text) { return make_sentence(text, 0, text.size()); }

    double similarity(const std::string& a, const std::string& b) {
        return sentence_similarity(whole(a), whole(b));
    }

    std::vector<std::string> differing(const std::string& asked, const std::string& found) {
        std::vector<std::string> out;
        for (const auto& [b, e] : match_sentence(whole(asked), whole(found)).differing) {
            out.push_back(found.substr(b, e - b));
        }
        return out;
    }

    const std::string kFormula =
        "Each individual State has the responsibility to protect its populations from "
        "genocide, war crimes, ethnic cleansing and crimes against humanity.";

    }  // namespace

    TEST_CASE("verbatim: 1, verbatim flag, whatever case and punctuation") {
        const auto match =
            match_sentence(whole(kFormula), whole("EACH individual State has the responsibility "
                                                  "to protect its populations from genocide war "
                                                  "crimes, ethnic cleansing and crimes against "
                                                  "humanity"));
        CHECK(match.similarity == doctest::Approx(1.0));
        CHECK(match.verbatim);
        CHECK(match.differing.empty());
        CHECK(match.missing.empty());
    }

    TEST_CASE("one word changed: high, the word marked and missing") {
        const std::string changed =
            "Each individual State has the responsibility to protect its citizens from "
            "genocide, war crimes, ethnic cleansing and crimes against humanity.";
        const double s = similarity(kFormula, changed);
        CHECK(s > 0.85);
        CHECK(s < 1.0);
        const auto match = match_sentence(whole(kFormula), whole(changed));
        CHECK_FALSE(match.verbatim);
        CHECK(differing(kFormula, changed) == std::vector<std::string>{"citizens"});
        CHECK(match.missing == std::vector<std::string>{"populations"});
    }

    TEST_CASE("a clause added: the formula quoted inside a longer sentence is found whole") {
        const std::string longer =
            "We reaffirm that each State has the responsibility to protect its populations "
            "from genocide, war crimes, ethnic cleansing and crimes against humanity, as "
            "agreed at the 2005 World Summit.";
        // 16 of the formula's 18 content bigrams ("has the" is function words only; "each
        // individual State" reads "each State").
        CHECK(similarity(kFormula, longer) == doctest::Approx(16.0 / 18.0));
        CHECK(similarity(longer, kFormula) == doctest::Approx(similarity(kFormula, longer)));
        CHECK(differing(kFormula, longer) ==
              std::vector<std::string>{"We reaffirm that each",
                                       "as agreed at the 2005 World Summit"});
        const auto match = match_sentence(whole(kFormula), whole(longer));
        // "each" stands elsewhere in it ("that each State"): moved, not missing.
        CHECK(match.missing == std::vector<std::string>{"individual"});
    }

    TEST_CASE("a clause dropped") {
        const std::string shorter =
            "Each individual State has the responsibility to protect its populations from "
            "genocide and crimes against humanity.";
        CHECK(similarity(kFormula, shorter) > 0.85);
        const auto match = match_sentence(whole(kFormula), whole(shorter));
        // The dropped "war crimes" leaves "crimes" in "crimes against humanity": not missing.
        CHECK(match.missing == std::vector<std::string>{"war", "ethnic", "cleansing"});
    }

    TEST_CASE("clauses reordered") {
        const std::string a =
            "Prevention is the best protection, and the international community must help "
            "States build capacity before crises break out.";
        const std::string b =
            "The international community must help States build capacity before crises break "
            "out, and prevention is the best protection.";
        CHECK(similarity(a, b) > 0.75);
    }

    TEST_CASE("bigrams of function words only do not count") {
        // Shared: "of the", "in the", "to the" only.
        CHECK(similarity("The future of the region rests in the hands of its leaders today.",
                         "We turn to the question of the budget in the committee this year.") ==
              0.0);
    }

    TEST_CASE("unrelated sentences on the same topic stay low") {
        CHECK(similarity(kFormula,
                         "The responsibility to protect rests first with the State and then "
                         "with the international community acting through the Council.") < 0.35);
        CHECK(similarity(kFormula,
                         "We welcome the report of the Secretary-General on climate "
                         "finance and sustainable development.") == 0.0);
    }

    TEST_CASE("differing ranges are sorted, disjoint and inside the found sentence") {
        const std::string text = "Intro sentence here. " + kFormula;
        const auto found = make_sentence(text, 21, text.size());
        const auto match =
            match_sentence(whole("Each State must protect its people from genocide and from war "
                                 "crimes without delay."),
                           found);
        CHECK(match.begin == 21);
        CHECK(match.end == text.size());
        std::size_t last = match.begin;
        for (const auto& [b, e] : match.differing) {
            CHECK(b >= last);
            CHECK(b < e);
            CHECK(e <= match.end);
            last = e;
        }
    }

    TEST_CASE("empty and one-word sentences") {
        CHECK(similarity("", kFormula) == 0.0);
        CHECK(similarity("Genocide.", "genocide") == 1.0);
        CHECK(similarity("Genocide.", "War.") == 0.0);
    }
}
