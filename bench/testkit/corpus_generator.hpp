// Synthetic statements in the R2P genre and query sets over them, for benchmarks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bench/testkit/bench_query.hpp"
#include "bench/testkit/genre_data.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p {

/// Generates statements and query sets. Statement i depends only on (seed, i), so a corpus
/// of N passages is a prefix of every larger one made with the same seed.
class CorpusGenerator {
  public:
    /// `words` is the word list (at least 1,000 forms). The taxonomy gives themes (headings,
    /// cues), roles (aliases) and attribution words. Throws CorpusError when the word list
    /// or the genre data is too small to generate from.
    CorpusGenerator(const Taxonomy& taxonomy, GenreData genre, std::vector<std::string> words,
                    std::uint64_t seed);

    /// How many passages (body paragraphs plus speech quotes) statement `index` holds.
    std::size_t statement_passages(std::size_t index) const;

    /// The text of statement `index` (UTF-8, blank lines between paragraphs).
    std::string statement_text(std::size_t index) const;

    /// How many statements the first `passages` passages take (at least one).
    std::size_t statements_for(std::size_t passages) const;

    /// `per_class` queries of every class for a corpus of about `passages` passages, drawn
    /// deterministically from the generator's own vocabulary (rare terms are chosen so that a
    /// corpus of that size holds a few of them).
    std::vector<BenchQuery> query_set(std::size_t passages, std::size_t per_class) const;

    /// Distinct word forms text is drawn from (function words, then the word list).
    std::size_t vocabulary_size() const;

    std::uint64_t seed() const { return seed_; }

  private:
    struct Plan;
    struct Impl;
    Plan plan(std::size_t index) const;

    std::shared_ptr<const Impl> impl_;  ///< immutable after construction: shared by threads
    std::uint64_t seed_;
};

}  // namespace r2p
