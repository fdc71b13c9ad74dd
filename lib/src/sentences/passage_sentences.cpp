#include "sentences/passage_sentences.hpp"

#include <algorithm>

#include "sentences/sentence_split.hpp"

namespace r2p::detail {

PassageSentence make_sentence(std::string_view text, std::size_t begin, std::size_t end) {
    PassageSentence sentence;
    sentence.begin = begin;
    sentence.end = end;
    sentence.words = sentence_words(text, begin, end);
    const auto& words = sentence.words;
    if (words.size() >= 2) sentence.pairs.reserve(words.size() - 1);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const std::uint64_t pair = word_pair_hash(words[i].hash, words[i + 1].hash);
        sentence.pairs.push_back(pair);
        if (!words[i].function_word || !words[i + 1].function_word) {
            sentence.content_pairs.push_back(pair);
        }
    }
    for (auto* set : {&sentence.pairs, &sentence.content_pairs}) {
        std::sort(set->begin(), set->end());
        set->erase(std::unique(set->begin(), set->end()), set->end());
    }
    return sentence;
}

std::vector<PassageSentence> passage_sentences(std::string_view text) {
    std::vector<PassageSentence> sentences;
    for (const SentenceSpan& span : split_sentences(text)) {
        sentences.push_back(make_sentence(text, span.begin, span.end));
    }
    return sentences;
}

}  // namespace r2p::detail
