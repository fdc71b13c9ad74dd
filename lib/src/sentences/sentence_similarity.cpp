#include "sentences/sentence_similarity.hpp"

#include <algorithm>

namespace r2p::detail {

std::size_t shared_pair_count(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
    std::size_t shared = 0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++shared;
            ++i;
            ++j;
        }
    }
    return shared;
}

namespace {

bool same_words(const PassageSentence& a, const PassageSentence& b) {
    if (a.words.size() != b.words.size()) return false;
    for (std::size_t i = 0; i < a.words.size(); ++i) {
        if (a.words[i].hash != b.words[i].hash) return false;
    }
    return true;
}

// True when `found` holds every word of `asked` in order with nothing between them: the
// sentence repeated word for word, alone or inside a longer one.
bool holds_words(const PassageSentence& found, const PassageSentence& asked) {
    const auto same = [](const SentenceWord& a, const SentenceWord& b) { return a.hash == b.hash; };
    return !asked.words.empty() &&
           std::search(found.words.begin(), found.words.end(), asked.words.begin(),
                       asked.words.end(), same) != found.words.end();
}

// Every bigram hash of `sentence`, sorted (function-word bigrams too: here they show where
// two sentences differ word by word).
std::vector<std::uint64_t> all_pairs(const PassageSentence& sentence) {
    std::vector<std::uint64_t> pairs;
    const auto& words = sentence.words;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        pairs.push_back(word_pair_hash(words[i].hash, words[i + 1].hash));
    }
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

// Which words of `sentence` stand in no bigram of `other` (other_pairs: all_pairs(other)).
std::vector<bool> unshared_words(const PassageSentence& sentence, const PassageSentence& other,
                                 const std::vector<std::uint64_t>& other_pairs) {
    const auto& words = sentence.words;
    std::vector<bool> unshared(words.size(), true);
    if (words.size() < 2) {
        if (words.size() == 1 && same_words(sentence, other)) unshared[0] = false;
        return unshared;
    }
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const std::uint64_t pair = word_pair_hash(words[i].hash, words[i + 1].hash);
        if (std::binary_search(other_pairs.begin(), other_pairs.end(), pair)) {
            unshared[i] = false;
            unshared[i + 1] = false;
        }
    }
    return unshared;
}

}  // namespace

double sentence_similarity(const PassageSentence& asked, const PassageSentence& found) {
    if (asked.words.empty() || found.words.empty()) return 0;
    if (asked.content_pairs.empty() || found.content_pairs.empty()) {
        return same_words(asked, found) ? 1 : 0;
    }
    const auto asked_pairs = static_cast<double>(asked.content_pairs.size());
    const double measured_against =
        std::clamp(static_cast<double>(found.content_pairs.size()), asked_pairs / 2, asked_pairs);
    return static_cast<double>(shared_pair_count(asked.content_pairs, found.content_pairs)) /
           measured_against;
}

SentenceMatch match_sentence(const PassageSentence& asked, const PassageSentence& found) {
    SentenceMatch match;
    match.similarity = sentence_similarity(asked, found);
    match.verbatim = holds_words(found, asked);
    match.begin = found.begin;
    match.end = found.end;
    if (match.verbatim && found.words.size() == asked.words.size()) return match;
    const std::vector<bool> differing = unshared_words(found, asked, all_pairs(asked));
    for (std::size_t i = 0; i < differing.size(); ++i) {
        if (!differing[i]) continue;
        const std::size_t begin = found.words[i].begin;
        if (i > 0 && differing[i - 1] && !match.differing.empty()) {
            match.differing.back().second = found.words[i].end;
        } else {
            match.differing.emplace_back(begin, found.words[i].end);
        }
    }
    // Missing: the asked sentence's words found does not have anywhere (a word it has in
    // another place is not missing, only moved).
    std::vector<std::uint64_t> found_words;
    found_words.reserve(found.words.size());
    for (const auto& word : found.words) found_words.push_back(word.hash);
    std::sort(found_words.begin(), found_words.end());
    for (const auto& word : asked.words) {
        if (!std::binary_search(found_words.begin(), found_words.end(), word.hash)) {
            match.missing.push_back(word.folded);
        }
    }
    return match;
}

}  // namespace r2p::detail
