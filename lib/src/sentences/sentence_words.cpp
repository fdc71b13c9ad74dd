#include "sentences/sentence_words.hpp"

#include "sentences/function_words.hpp"
#include "text/unicode.hpp"
#include "text/word_spans.hpp"
#include "util/fnv1a.hpp"

namespace r2p::detail {

namespace {

// splitmix64's finaliser: every input bit reaches every output bit.
std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

bool is_ascii_word(std::string_view word) {
    for (const char c : word) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

}  // namespace

std::vector<SentenceWord> sentence_words(std::string_view text, std::size_t begin,
                                         std::size_t end) {
    std::vector<SentenceWord> words;
    if (begin >= end || end > text.size()) return words;
    const std::string_view sentence = text.substr(begin, end - begin);
    const std::vector<WordSpan> spans = find_words(sentence);
    words.reserve(spans.size());
    for (const WordSpan& span : spans) {
        SentenceWord word;
        word.begin = begin + span.begin;
        word.end = begin + span.end;
        const std::string_view text_word = sentence.substr(span.begin, span.end - span.begin);
        if (is_ascii_word(text_word)) {
            // fold's own ASCII path, without its allocation: most words of most statements.
            word.folded.assign(text_word);
            for (char& c : word.folded) {
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            }
        } else {
            word.folded = fold(text_word);
        }
        Fnv1a hash;
        hash.add_bytes(word.folded);
        word.hash = hash.value();
        word.function_word = is_function_word_hash(word.hash);
        words.push_back(std::move(word));
    }
    return words;
}

std::uint64_t word_pair_hash(std::uint64_t first, std::uint64_t second) {
    return mix64(first * 0x9e3779b97f4a7c15ULL + mix64(second));
}

}  // namespace r2p::detail
