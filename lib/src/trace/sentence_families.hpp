// Near-identical sentences grouped into families, in memory, for the repeated sentences:
// sentences sharing an anchor are candidates (LSH buckets), their similarity decides, and
// union-find joins them. Each bucket keeps a few representatives and compares every member
// with those only, so a bucket of a very common anchor costs linear, never quadratic, time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace r2p {

/// Representatives a bucket compares its members with, at most.
inline constexpr std::size_t kRepresentativesPerBucket = 8;

/// The sentences to group, each as its anchors and its sorted bigram hashes (what the
/// similarity compares), appended in the order that makes a family's first member its
/// oldest use.
class SentenceSketches {
  public:
    /// Adds a sentence; returns its index.
    std::size_t add(std::span<const std::uint64_t> anchors, std::span<const std::uint64_t> pairs);

    std::size_t size() const { return pair_offsets_.size() - 1; }
    std::span<const std::uint64_t> pairs(std::size_t sentence) const;

    /// (anchor, sentence) for every anchor of every sentence.
    const std::vector<std::pair<std::uint64_t, std::uint32_t>>& anchors() const { return anchors_; }

  private:
    std::vector<std::uint64_t> pairs_;
    std::vector<std::size_t> pair_offsets_{0};
    std::vector<std::pair<std::uint64_t, std::uint32_t>> anchors_;
};

/// The family of every sentence: the index of its family's first (lowest-index) member.
/// Two sentences are in one family when a chain of bucket representatives links them, each
/// link at `min_similarity` or more by `similarity` (on the sentences' sorted bigram hashes).
std::vector<std::uint32_t> sentence_families(const SentenceSketches& sketches,
                                             double min_similarity,
                                             double (*similarity)(std::span<const std::uint64_t>,
                                                                  std::span<const std::uint64_t>));

}  // namespace r2p
