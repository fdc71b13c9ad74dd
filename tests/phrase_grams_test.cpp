#include "trace/phrase_grams.hpp"

#include <doctest/doctest.h>

#include <string>

#include "sentences/passage_sentences.hpp"

TEST_SUITE("phrase_grams") {
    namespace {

    std::vector<r2p::detail::PhraseGram> grams_of(const std::string& text) {
        return r2p::detail::phrase_grams(r2p::detail::make_sentence(text, 0, text.size()).words);
    }

    }  // namespace

    TEST_CASE("every run of six words, folded: case and punctuation do not matter") {
        const auto grams = grams_of("We condemn terrorism in all its forms and manifestations.");
        REQUIRE(grams.size() == 4);  // 9 words
        CHECK(grams[0].word == 0);
        CHECK(grams[3].word == 3);
        const auto other = grams_of("TERRORISM, in all its forms and manifestations");
        REQUIRE(other.size() == 2);
        CHECK(other[0].hash == grams[2].hash);
        CHECK(other[1].hash == grams[3].hash);
        CHECK(grams[1].hash != grams[2].hash);
    }

    TEST_CASE("word order counts, and runs of grammar words are left out") {
        CHECK(grams_of("manifestations and forms its all in")[0].hash !=
              grams_of("in all its forms and manifestations")[0].hash);
        // "it is of the utmost ..." has one content word in its first six.
        const auto grams = grams_of("and it is of the utmost importance to all");
        for (const auto& gram : grams) CHECK(gram.word >= 1);
        CHECK(grams_of("Five short words only here").empty());
    }
}
