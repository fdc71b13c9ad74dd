#include "sentences/sentence_signature.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "r2p/schema.hpp"
#include "sentences/sentence_words.hpp"

TEST_SUITE("sentence_signature") {
    using namespace r2p::detail;

    namespace {

    std::vector<SentenceWord> words_of(const std::string& text) {
        return sentence_words(text, 0, text.size());
    }

    std::vector<std::string> anchors(const std::string& text) {
        std::vector<std::string> terms;
        append_sentence_anchors(words_of(text), terms);
        return terms;
    }

    const std::string kFormula =
        "Each individual State has the responsibility to protect its populations from "
        "genocide, war crimes, ethnic cleansing and crimes against humanity.";

    }  // namespace

    TEST_CASE("a long sentence gets k distinct anchors under the sentence prefix") {
        const auto terms = anchors(kFormula);
        CHECK(terms.size() == kAnchorsPerSentence);
        for (const auto& term : terms) {
            CHECK(term.starts_with(r2p::schema::kSentencePrefix));
            CHECK(term.size() == r2p::schema::kSentencePrefix.size() + 4);
        }
        auto sorted = terms;
        std::sort(sorted.begin(), sorted.end());
        CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    }

    TEST_CASE("short sentences get none") {
        // 7 words: one fewer than the minimum.
        CHECK(anchors("We thank you for your kind words.").empty());
        CHECK_FALSE(has_signature(words_of("We thank you for your kind words.")));
        CHECK(has_signature(words_of("We thank you warmly for your kind words.")));
        CHECK(anchors("").empty());
    }

    TEST_CASE("a sentence of function words only gets none") {
        CHECK(anchors("it is what it is and so it was, as it is").empty());
    }

    TEST_CASE("a sentence with few content bigrams gets fewer anchors") {
        const auto terms = anchors("We are here, and we are with you in this hall.");
        CHECK(terms.size() < kAnchorsPerSentence);
        CHECK_FALSE(terms.empty());
    }

    TEST_CASE("anchors do not depend on case, accents or punctuation") {
        CHECK(anchors(kFormula) ==
              anchors("EACH individual State has the responsibility to protect its "
                      "populations from genocide war crimes ethnic cleansing and crimes "
                      "against humanity"));
    }

    TEST_CASE("every stored anchor of a sentence is among the probes of the same sentence") {
        const auto stored = anchors(kFormula);
        const auto probes = probe_anchors(words_of(kFormula));
        CHECK(probes.size() >= stored.size());
        for (const auto& term : stored) {
            CHECK(std::find(probes.begin(), probes.end(), term) != probes.end());
        }
    }

    TEST_CASE("a sentence quoting the formula shares an anchor with the formula's probes") {
        const std::string longer =
            "We reaffirm that each State has the responsibility to protect its populations "
            "from genocide, war crimes, ethnic cleansing and crimes against humanity, as "
            "agreed at the 2005 World Summit.";
        const auto stored = anchors(longer);
        const auto probes = probe_anchors(words_of(kFormula));
        CHECK(std::any_of(stored.begin(), stored.end(), [&](const std::string& term) {
            return std::find(probes.begin(), probes.end(), term) != probes.end();
        }));
    }

    TEST_CASE("unrelated sentences rarely share an anchor") {
        const auto a = anchors(kFormula);
        const auto b = anchors(
            "The delegation of Norway welcomes the report on sustainable development goals "
            "and climate finance presented this morning.");
        for (const auto& term : a) CHECK(std::find(b.begin(), b.end(), term) == b.end());
    }
}
