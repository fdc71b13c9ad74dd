#include "sentences/sentence_signature.hpp"

#include <algorithm>

#include "r2p/schema.hpp"

namespace r2p::detail {

namespace {

static_assert(kAnchorBucketBits <= 20, "anchor terms hold 4 base-32 characters");

// The hashes of the sentence's bigrams with at least one content word, sorted, each once.
std::vector<std::uint64_t> content_pair_hashes(const std::vector<SentenceWord>& words) {
    std::vector<std::uint64_t> hashes;
    if (words.size() < kMinSignatureWords) return hashes;
    hashes.reserve(words.size() - 1);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (words[i].function_word && words[i + 1].function_word) continue;
        hashes.push_back(word_pair_hash(words[i].hash, words[i + 1].hash));
    }
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    return hashes;
}

}  // namespace

bool has_signature(const std::vector<SentenceWord>& words) {
    if (words.size() < kMinSignatureWords) return false;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (!words[i].function_word || !words[i + 1].function_word) return true;
    }
    return false;
}

std::string anchor_term(std::uint64_t pair_hash) {
    static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuv";
    const auto bucket = static_cast<std::uint32_t>(pair_hash & ((1U << kAnchorBucketBits) - 1));
    std::string term(schema::kSentencePrefix);
    for (int shift = 15; shift >= 0; shift -= 5) term += kDigits[(bucket >> shift) & 0x1fU];
    return term;
}

void append_sentence_anchors(const std::vector<SentenceWord>& words,
                             std::vector<std::string>& terms) {
    const std::vector<std::uint64_t> hashes = content_pair_hashes(words);
    const std::size_t count = std::min(hashes.size(), kAnchorsPerSentence);
    for (std::size_t i = 0; i < count; ++i) terms.push_back(anchor_term(hashes[i]));
}

std::vector<std::string> probe_anchors(const std::vector<SentenceWord>& words) {
    std::vector<std::string> terms;
    for (const std::uint64_t hash : content_pair_hashes(words)) terms.push_back(anchor_term(hash));
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
}

}  // namespace r2p::detail
