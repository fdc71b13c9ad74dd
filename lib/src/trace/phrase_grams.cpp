#include "trace/phrase_grams.hpp"

namespace r2p::detail {

std::uint64_t run_hash(const std::vector<SentenceWord>& words, std::size_t first,
                       std::size_t count) {
    std::uint64_t hash = words[first].hash;
    // word_pair_hash is order-sensitive: the chain is the run's words in order.
    for (std::size_t i = first + 1; i < first + count; ++i) {
        hash = word_pair_hash(hash, words[i].hash);
    }
    return hash;
}

std::vector<PhraseGram> phrase_grams(const std::vector<SentenceWord>& words) {
    std::vector<PhraseGram> grams;
    if (words.size() < kPhraseWords) return grams;
    grams.reserve(words.size() - kPhraseWords + 1);
    for (std::size_t first = 0; first + kPhraseWords <= words.size(); ++first) {
        std::size_t content = 0;
        for (std::size_t i = first; i < first + kPhraseWords; ++i) {
            if (!words[i].function_word) ++content;
        }
        if (content >= kPhraseContentWords) {
            grams.push_back({run_hash(words, first, kPhraseWords), first});
        }
    }
    return grams;
}

}  // namespace r2p::detail
