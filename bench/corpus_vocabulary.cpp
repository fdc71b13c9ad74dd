#include "bench/corpus_vocabulary.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string_view>
#include <unordered_map>

namespace r2p::bench {

namespace {

constexpr std::size_t kMinWordLength = 3;

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A byte that continues a token: letters, digits and every byte of a UTF-8 sequence.
bool is_token_byte(char c) {
    return is_ascii_letter(c) || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// Calls `word(w)` for each token of `text` that is a countable word (lower-cased), and
// `word("")` for every other token, which separates bigrams.
template <typename OnWord>
void for_each_word(std::string_view text, std::string& buffer, OnWord&& word) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_token_byte(text[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        bool letters_only = true;
        while (i < text.size() && is_token_byte(text[i])) {
            letters_only = letters_only && is_ascii_letter(text[i]);
            ++i;
        }
        if (!letters_only || i - start < kMinWordLength) {
            word(std::string_view());
            continue;
        }
        buffer.assign(text.substr(start, i - start));
        for (char& c : buffer) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        word(std::string_view(buffer));
    }
}

// A count of passages that does not count one passage twice.
struct PassageCount {
    std::size_t passages = 0;
    std::size_t last = 0;  ///< 1-based index of the passage counted last
    void add(std::size_t passage) {
        if (last == passage) return;
        last = passage;
        ++passages;
    }
};

}  // namespace

CorpusVocabulary count_vocabulary(const std::vector<PeerPassage>& passages,
                                  const std::set<std::string>& stopwords) {
    CorpusVocabulary vocabulary;
    vocabulary.passages = passages.size();
    std::unordered_map<std::string, PassageCount> words;
    std::map<std::string, std::size_t> themes;
    std::string buffer;
    for (std::size_t p = 0; p < passages.size(); ++p) {
        for_each_word(passages[p].text, buffer, [&](std::string_view w) {
            if (!w.empty()) words[std::string(w)].add(p + 1);
        });
        for (const std::string& theme : passages[p].themes) ++themes[theme];
    }
    for (auto& [text, count] : words) {
        if (!stopwords.count(text)) vocabulary.words.push_back({text, count.passages});
    }
    std::sort(vocabulary.words.begin(), vocabulary.words.end(), [](const auto& a, const auto& b) {
        return a.passages != b.passages ? a.passages > b.passages : a.text < b.text;
    });

    // Bigrams among the most frequent words only: a key is their two ranks.
    std::unordered_map<std::string, std::uint32_t> rank;
    const std::size_t bigram_words = std::min(kBigramWords, vocabulary.words.size());
    for (std::size_t r = 0; r < bigram_words; ++r)
        rank.emplace(vocabulary.words[r].text, static_cast<std::uint32_t>(r));
    std::unordered_map<std::uint64_t, PassageCount> bigrams;
    for (std::size_t p = 0; p < passages.size(); ++p) {
        std::int64_t previous = -1;
        for_each_word(passages[p].text, buffer, [&](std::string_view w) {
            const auto it = w.empty() ? rank.end() : rank.find(std::string(w));
            // Not `?:` over -1 and the unsigned rank: that would make -1 unsigned.
            std::int64_t current = -1;
            if (it != rank.end()) current = it->second;
            if (previous >= 0 && current >= 0) {
                bigrams[static_cast<std::uint64_t>(previous) * kBigramWords +
                        static_cast<std::uint64_t>(current)]
                    .add(p + 1);
            }
            previous = current;
        });
    }
    for (const auto& [key, count] : bigrams) {
        vocabulary.bigrams.push_back({vocabulary.words[key / kBigramWords].text,
                                      vocabulary.words[key % kBigramWords].text, count.passages});
    }
    std::sort(vocabulary.bigrams.begin(), vocabulary.bigrams.end(),
              [](const auto& a, const auto& b) {
                  if (a.passages != b.passages) return a.passages > b.passages;
                  return a.first != b.first ? a.first < b.first : a.second < b.second;
              });
    for (const auto& [id, count] : themes) vocabulary.themes.push_back({id, count});
    std::stable_sort(vocabulary.themes.begin(), vocabulary.themes.end(),
                     [](const auto& a, const auto& b) { return a.passages > b.passages; });
    return vocabulary;
}

}  // namespace r2p::bench
