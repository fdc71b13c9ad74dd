// The vocabulary of a real corpus as the bench draws queries from it: how many passages hold
// each word and each frequent bigram, and how many carry each theme.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "bench/peer_passages.hpp"

namespace r2p::bench {

/// Counts over the passages our pipeline made of a real corpus.
struct CorpusVocabulary {
    struct Word {
        std::string text;
        std::size_t passages = 0;  ///< passages holding it (document frequency)
    };
    struct Bigram {
        std::string first;
        std::string second;
        std::size_t passages = 0;  ///< passages holding the two words side by side
    };
    struct Theme {
        std::string id;
        std::size_t passages = 0;
    };
    std::size_t passages = 0;
    /// Lower-case ASCII words of at least three letters, stopwords left out; most passages
    /// first, then by text.
    std::vector<Word> words;
    /// Side-by-side pairs of the kBigramWords most frequent words; most passages first.
    std::vector<Bigram> bigrams;
    std::vector<Theme> themes;  ///< themes tagged on at least one passage; most passages first
};

/// How many of the most frequent words bigrams are counted among: enough for the phrases a
/// corpus repeats ("security council"), few enough to count them in memory.
inline constexpr std::size_t kBigramWords = 2000;

/// Counts the words, bigrams and themes of `passages`. A word is a run of ASCII letters folded
/// to lower case; a run touching digits or non-ASCII bytes ("côte", "r2p") is no word and,
/// like a stopword or a shorter word, separates bigrams. Never throws but std::bad_alloc.
CorpusVocabulary count_vocabulary(const std::vector<PeerPassage>& passages,
                                  const std::set<std::string>& stopwords);

}  // namespace r2p::bench
