// A passage's sentences ready to compare and sign: split, their words folded, their word
// bigrams hashed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "sentences/sentence_words.hpp"

namespace r2p::detail {

/// One sentence of a text.
struct PassageSentence {
    std::size_t begin = 0;  ///< byte offsets [begin, end) in the text
    std::size_t end = 0;
    std::vector<SentenceWord> words;
    /// The hashes (word_pair_hash) of its word bigrams with a content word (not only
    /// function words, "of the"), sorted, each once: what sentence_similarity compares and
    /// what the signature's anchors are drawn from.
    std::vector<std::uint64_t> content_pairs;
};

/// text[begin, end) as one sentence.
PassageSentence make_sentence(std::string_view text, std::size_t begin, std::size_t end);

/// Every sentence of `text` (split_sentences), short ones included (has_signature tells).
std::vector<PassageSentence> passage_sentences(std::string_view text);

}  // namespace r2p::detail
