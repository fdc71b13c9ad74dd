#include "trace/sentence_families.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

TEST_SUITE("sentence_families") {
    namespace {

    // The overlap coefficient of two sorted sets, as the bigram similarity is.
    double overlap(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
        std::vector<std::uint64_t> shared;
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
        const std::size_t smaller = std::min(a.size(), b.size());
        return smaller == 0 ? 0.0
                            : static_cast<double>(shared.size()) / static_cast<double>(smaller);
    }

    std::size_t comparisons = 0;
    double counted_overlap(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
        ++comparisons;
        return overlap(a, b);
    }

    std::vector<std::uint64_t> range(std::uint64_t from, std::uint64_t to) {
        std::vector<std::uint64_t> out;
        for (std::uint64_t i = from; i < to; ++i) out.push_back(i);
        return out;
    }

    }  // namespace

    TEST_CASE("sentences sharing an anchor and alike are one family, rooted at the first") {
        r2p::SentenceSketches sketches;
        const std::vector<std::uint64_t> formula = range(100, 120);
        std::vector<std::uint64_t> modified = formula;  // two bigrams changed
        modified[3] = 900;
        modified[4] = 901;
        std::sort(modified.begin(), modified.end());
        sketches.add(std::vector<std::uint64_t>{1, 2}, formula);       // 0
        sketches.add(std::vector<std::uint64_t>{7, 8}, range(0, 20));  // 1: unrelated
        sketches.add(std::vector<std::uint64_t>{2, 3}, modified);      // 2: shares anchor 2
        sketches.add(std::vector<std::uint64_t>{3}, range(100, 110));  // 3: dropped a clause
        sketches.add(std::vector<std::uint64_t>{9}, formula);          // 4: no shared anchor
        // Shares anchor 7 with sentence 1, but is not like it.
        sketches.add(std::vector<std::uint64_t>{7}, range(500, 520));  // 5
        const auto families = r2p::sentence_families(sketches, 0.5, &overlap);
        CHECK(families == std::vector<std::uint32_t>{0, 1, 0, 0, 4, 5});
    }

    TEST_CASE("a bucket of a very common anchor compares its members with a few representatives") {
        r2p::SentenceSketches sketches;
        constexpr std::uint64_t kCommon = 42;
        constexpr std::size_t kSentences = 2000;
        for (std::size_t i = 0; i < kSentences; ++i) {
            // Every sentence different from every other, all with the common anchor.
            sketches.add(std::vector<std::uint64_t>{kCommon}, range(i * 100, i * 100 + 20));
        }
        comparisons = 0;
        const auto families = r2p::sentence_families(sketches, 0.5, &counted_overlap);
        CHECK(comparisons <= kSentences * r2p::kRepresentativesPerBucket);
        CHECK(std::count(families.begin(), families.end(), families[0]) == 1);
    }
}
