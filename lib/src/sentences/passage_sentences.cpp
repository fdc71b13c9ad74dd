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
    if (words.size() >= 2) sentence.content_pairs.reserve(words.size() - 1);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (words[i].function_word && words[i + 1].function_word) continue;
        sentence.content_pairs.push_back(word_pair_hash(words[i].hash, words[i + 1].hash));
    }
    std::sort(sentence.content_pairs.begin(), sentence.content_pairs.end());
    sentence.content_pairs.erase(
        std::unique(sentence.content_pairs.begin(), sentence.content_pairs.end()),
        sentence.content_pairs.end());
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
