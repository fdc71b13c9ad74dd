// A sentence's near-duplicate signature: the anchor terms written under
// schema::kSentencePrefix at index time and looked up by --like and r2p-trace.
//
// Scheme (docs/interface.md, "Sentence similarity"): the sentence's word bigrams (folded
// words), those made only of function words left out ("of the"), each hashed; the
// kAnchorsPerSentence lowest hashes (a bottom-k sketch) are its anchors, each written as the
// hash's bucket among kAnchorBuckets. A search probes with every content bigram of the asked
// sentence, so a stored sentence is a candidate as soon as one of its k anchors is among
// them: it is missed only when none of its k lowest bigrams is shared, about (1-s)^k for a
// share s of its bigrams. Buckets bound the number of distinct terms; a collision only adds
// a candidate that verification (sentence_similarity) drops.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sentences/sentence_words.hpp"

namespace r2p::detail {

/// Sentences of fewer words have no signature: too short to be "agreed language", and too
/// short for a similarity figure to mean much ("We thank you, Mr. President." is not traced).
inline constexpr std::size_t kMinSignatureWords = 8;
/// Anchors per sentence (k of the bottom-k sketch).
inline constexpr std::size_t kAnchorsPerSentence = 8;
/// Anchor terms are the hash's low kAnchorBucketBits bits: at most 2^20 distinct terms.
inline constexpr unsigned kAnchorBucketBits = 20;
/// The value of schema::kSignatureSchemeKey for databases written with this scheme. A
/// change of any constant above or of the hashing is a new scheme (re-index).
inline constexpr std::string_view kSignatureScheme = "bottomk-bigram-v1 k=8 buckets=2^20";

/// True when a sentence of these words gets a signature (kMinSignatureWords or more words,
/// one bigram not only of function words).
bool has_signature(const std::vector<SentenceWord>& words);

/// The anchor terms (schema::kSentencePrefix + bucket) of a sentence, appended to `terms`:
/// none when !has_signature, else at most kAnchorsPerSentence distinct ones.
void append_sentence_anchors(const std::vector<SentenceWord>& words,
                             std::vector<std::string>& terms);

/// The terms a search looks up for an asked sentence: the bucket of every content bigram,
/// each once, in no particular order (empty when !has_signature).
std::vector<std::string> probe_anchors(const std::vector<SentenceWord>& words);

/// The anchor term of a bigram hash: schema::kSentencePrefix and 4 base-32 characters.
std::string anchor_term(std::uint64_t pair_hash);

}  // namespace r2p::detail
