#include "sentences/sentence_words.hpp"

#include <doctest/doctest.h>

#include <string>

#include "sentences/function_words.hpp"

TEST_SUITE("sentence_words") {
    using r2p::detail::sentence_words;

    TEST_CASE("folded words with byte ranges of the original text") {
        const std::string text = "Intro. Janša’s State, “Søvndal” RESPONSIBILITY-to-protect";
        const auto words = sentence_words(text, 7, text.size());
        REQUIRE(words.size() == 6);
        CHECK(words[0].folded == "jansa's");
        CHECK(text.substr(words[0].begin, words[0].end - words[0].begin) == "Janša’s");
        CHECK(words[1].folded == "state");
        CHECK(words[2].folded == "sovndal");
        CHECK(text.substr(words[2].begin, words[2].end - words[2].begin) == "Søvndal");
        CHECK(words[3].folded == "responsibility");
        CHECK(words[4].folded == "to");
        CHECK(words[5].folded == "protect");
    }

    TEST_CASE("equal folded words hash equal, whatever their case and accents") {
        const std::string a = "Genocide GENOCIDE génocide war";
        const auto words = sentence_words(a, 0, a.size());
        REQUIRE(words.size() == 4);
        CHECK(words[0].hash == words[1].hash);
        CHECK(words[0].hash == words[2].hash);
        CHECK(words[0].hash != words[3].hash);
    }

    TEST_CASE("function words are marked") {
        const std::string a = "the responsibility of States";
        const auto words = sentence_words(a, 0, a.size());
        REQUIRE(words.size() == 4);
        CHECK(words[0].function_word);
        CHECK_FALSE(words[1].function_word);
        CHECK(words[2].function_word);
        CHECK_FALSE(words[3].function_word);
        CHECK(r2p::detail::is_function_word("within"));
        CHECK_FALSE(r2p::detail::is_function_word("genocide"));
    }

    TEST_CASE("an empty or out-of-range sentence has no words") {
        CHECK(sentence_words("abc", 2, 2).empty());
        CHECK(sentence_words("abc", 0, 10).empty());
        CHECK(sentence_words(" , . ", 0, 5).empty());
    }

    TEST_CASE("bigram hashes depend on the order") {
        using r2p::detail::word_pair_hash;
        CHECK(word_pair_hash(1, 2) != word_pair_hash(2, 1));
        CHECK(word_pair_hash(1, 2) == word_pair_hash(1, 2));
    }
}
