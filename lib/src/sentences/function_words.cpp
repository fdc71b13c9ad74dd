#include "sentences/function_words.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "util/fnv1a.hpp"

namespace r2p::detail {

namespace {

// Sorted for binary search.
constexpr std::array<std::string_view, 96> kFunctionWords = {
    "a",    "about",  "after",   "all",   "also",  "am",     "among", "an",    "and",    "any",
    "are",  "as",     "at",      "be",    "been",  "before", "being", "both",  "but",    "by",
    "can",  "could",  "did",     "do",    "does",  "each",   "for",   "from",  "had",    "has",
    "have", "he",     "her",     "his",   "i",     "if",     "in",    "into",  "is",     "it",
    "its",  "may",    "more",    "most",  "must",  "my",     "no",    "not",   "of",     "on",
    "only", "or",     "other",   "our",   "ours",  "over",   "shall", "she",   "should", "so",
    "some", "such",   "than",    "that",  "the",   "their",  "them",  "there", "these",  "they",
    "this", "those",  "through", "to",    "under", "upon",   "us",    "very",  "was",    "we",
    "were", "what",   "when",    "where", "which", "while",  "who",   "whom",  "whose",  "will",
    "with", "within", "without", "would", "you",   "your"};

static_assert(std::is_sorted(kFunctionWords.begin(), kFunctionWords.end()));

}  // namespace

bool is_function_word_hash(std::uint64_t hash) {
    static const std::vector<std::uint64_t> hashes = [] {
        std::vector<std::uint64_t> out;
        for (const std::string_view word : kFunctionWords) {
            Fnv1a h;
            h.add_bytes(word);
            out.push_back(h.value());
        }
        std::sort(out.begin(), out.end());
        return out;
    }();
    return std::binary_search(hashes.begin(), hashes.end(), hash);
}

bool is_function_word(std::string_view folded) {
    if (folded.size() > 7) return false;  // the longest is "through", "without"
    return std::binary_search(kFunctionWords.begin(), kFunctionWords.end(), folded);
}

}  // namespace r2p::detail
