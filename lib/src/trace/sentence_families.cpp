#include "trace/sentence_families.hpp"

#include <algorithm>
#include <numeric>

namespace r2p {

std::size_t SentenceSketches::add(std::span<const std::uint64_t> anchors,
                                  std::span<const std::uint64_t> pairs) {
    const auto index = static_cast<std::uint32_t>(size());
    pairs_.insert(pairs_.end(), pairs.begin(), pairs.end());
    pair_offsets_.push_back(pairs_.size());
    for (const std::uint64_t anchor : anchors) anchors_.emplace_back(anchor, index);
    return index;
}

std::span<const std::uint64_t> SentenceSketches::pairs(std::size_t sentence) const {
    return std::span<const std::uint64_t>(pairs_).subspan(
        pair_offsets_[sentence], pair_offsets_[sentence + 1] - pair_offsets_[sentence]);
}

namespace {

// Union-find whose root is always the lowest index of its set (the family's oldest use).
class Families {
  public:
    explicit Families(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0U); }
    std::uint32_t find(std::uint32_t x) {
        while (parent_[x] != x) {
            parent_[x] = parent_[parent_[x]];
            x = parent_[x];
        }
        return x;
    }
    void join(std::uint32_t a, std::uint32_t b) {
        a = find(a);
        b = find(b);
        if (a == b) return;
        if (b < a) std::swap(a, b);
        parent_[b] = a;
    }

  private:
    std::vector<std::uint32_t> parent_;
};

}  // namespace

std::vector<std::uint32_t> sentence_families(const SentenceSketches& sketches,
                                             double min_similarity,
                                             double (*similarity)(std::span<const std::uint64_t>,
                                                                  std::span<const std::uint64_t>)) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> buckets = sketches.anchors();
    // By anchor, then sentence: a bucket's members in the order given (oldest first).
    std::sort(buckets.begin(), buckets.end());
    Families families(sketches.size());
    std::vector<std::uint32_t> representatives;
    for (std::size_t start = 0; start < buckets.size();) {
        std::size_t end = start;
        while (end < buckets.size() && buckets[end].first == buckets[start].first) ++end;
        representatives.clear();
        for (std::size_t i = start; i < end; ++i) {
            const std::uint32_t member = buckets[i].second;
            if (!representatives.empty() && representatives.back() == member) continue;
            bool joined = false;
            for (const std::uint32_t rep : representatives) {
                if (families.find(rep) == families.find(member) ||
                    similarity(sketches.pairs(rep), sketches.pairs(member)) >= min_similarity) {
                    families.join(rep, member);
                    joined = true;
                    break;
                }
            }
            if (!joined && representatives.size() < kRepresentativesPerBucket) {
                representatives.push_back(member);
            }
        }
        start = end;
    }
    std::vector<std::uint32_t> out(sketches.size());
    for (std::uint32_t i = 0; i < out.size(); ++i) out[i] = families.find(i);
    return out;
}

}  // namespace r2p
