// The figures --top ranks a group of uses by (a family of sentences, or the uses of one
// phrase): distinct speakers, documents and years in the period, the boilerplate share over
// the whole corpus's years and the score (repeated_score.hpp), and the oldest use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "trace/corpus_pass.hpp"

namespace r2p {

/// A group's figures.
struct UseCounts {
    /// The oldest use in the period (an index into the uses counted; the first given among
    /// equally old ones); nullopt when none is in the period.
    std::optional<std::size_t> first;
    std::size_t speakers = 0;  ///< distinct, in the period
    std::size_t documents = 0;
    std::size_t years = 0;
    double boilerplate = 0;
    double score = 0;
};

/// Counts groups of uses; keeps its scratch space between groups.
class UseCounter {
  public:
    explicit UseCounter(const CorpusFacts& corpus) : corpus_(corpus) {}

    /// The figures of the uses in `passages` (indices into CorpusFacts::passages, repeats
    /// allowed). Below 2 speakers in the period only `first` and `speakers` are set: such a
    /// group is not repeated across speakers and is not ranked.
    UseCounts count(std::span<const std::uint32_t> passages);

  private:
    const CorpusFacts& corpus_;
    std::vector<std::uint32_t> who_, what_, when_;
    std::vector<std::pair<std::uint16_t, std::uint32_t>> all_years_;  // (year, document)
};

}  // namespace r2p
