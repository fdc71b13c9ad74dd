#include "trace/phrase_ranking.hpp"

#include <algorithm>
#include <optional>
#include <queue>
#include <span>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "trace/phrase_grams.hpp"

namespace r2p {

namespace {

// A run used by two speakers or more in the period.
struct Candidate {
    std::uint64_t gram = 0;
    std::uint32_t first = 0;  // its oldest use (a passage)
    UseCounts counts;
};

// Whether `a` speakers are at least about as many as `b`.
bool at_least_similar(std::size_t a, std::size_t b) {
    return static_cast<double>(a) >= kSimilarSpeakers * static_cast<double>(b);
}

bool similar(std::size_t a, std::size_t b) {
    return at_least_similar(a, b) && at_least_similar(b, a);
}

// Whether two speakers of the period use the run (before counting it in full: most runs of
// a corpus are said once or by one speaker).
bool two_speakers(std::span<const PhraseRecord> uses, const CorpusFacts& corpus) {
    std::optional<std::uint32_t> one;
    for (const PhraseRecord& use : uses) {
        const PassageFacts& p = corpus.passages[use.passage];
        if (!p.chosen) continue;
        if (!one) {
            one = p.speaker;
        } else if (p.speaker != *one) {
            return true;
        }
    }
    return false;
}

// The uses of `gram` in the sorted records.
std::span<const PhraseRecord> uses_of(const std::vector<PhraseRecord>& records,
                                      std::uint64_t gram) {
    const auto [lo, hi] = std::equal_range(
        records.begin(), records.end(), PhraseRecord{gram, 0},
        [](const PhraseRecord& a, const PhraseRecord& b) { return a.gram < b.gram; });
    return {lo, hi};
}

// Passages of the period holding every run of `grams`.
std::size_t whole_phrase_uses(const std::vector<PhraseRecord>& records,
                              const std::vector<std::uint64_t>& grams, const CorpusFacts& corpus) {
    std::vector<std::uint32_t> holding;
    for (const PhraseRecord& use : uses_of(records, grams.front())) {
        if (corpus.passages[use.passage].chosen) holding.push_back(use.passage);
    }
    std::vector<std::uint32_t> next;
    for (std::size_t i = 1; i < grams.size() && !holding.empty(); ++i) {
        next.clear();
        const auto uses = uses_of(records, grams[i]);
        for (const std::uint32_t passage : holding) {
            const bool has = std::binary_search(
                uses.begin(), uses.end(), PhraseRecord{grams[i], passage},
                [](const PhraseRecord& a, const PhraseRecord& b) { return a.passage < b.passage; });
            if (has) next.push_back(passage);
        }
        holding.swap(next);
    }
    return holding.size();
}

// A seed run grown into its phrase in its first use's sentence.
struct Grown {
    bool found = false;
    std::size_t sentence = 0, begin = 0, end = 0;
    std::vector<std::uint64_t> runs;      // the phrase's runs
    std::vector<std::uint64_t> overlaps;  // its runs of kPhraseWords - 1 words
    UseCounts counts;                     // the seed's, boilerplate as its wording's
};

Grown grow(const std::vector<Candidate>& candidates, std::size_t seed_index,
           const std::unordered_map<std::uint64_t, std::size_t>& rank_of,
           const SentencesOf& sentences_of) {
    const Candidate& seed = candidates[seed_index];
    Grown out;
    const std::vector<detail::PassageSentence> sentences = sentences_of(seed.first);
    std::vector<detail::PhraseGram> grams;
    std::size_t at = 0;
    for (std::size_t s = 0; s < sentences.size() && !out.found; ++s) {
        grams = detail::phrase_grams(sentences[s].words);
        for (std::size_t k = 0; k < grams.size(); ++k) {
            if (grams[k].hash != seed.gram) continue;
            out.found = true;
            out.sentence = s;
            at = k;
            break;
        }
    }
    if (!out.found) return out;  // the passage changed under us: nothing to show
    const auto ranked = [&](std::size_t k) -> const Candidate* {
        const auto it = rank_of.find(grams[k].hash);
        return it == rank_of.end() ? nullptr : &candidates[it->second];
    };
    // A neighbour joins when it follows word for word, is ranked and has a similar number of
    // speakers.
    const auto joins = [&](std::size_t from, std::size_t to) {
        if (grams[to].word + 1 != grams[from].word && grams[from].word + 1 != grams[to].word) {
            return false;
        }
        const Candidate* c = ranked(to);
        return c != nullptr && similar(c->counts.speakers, seed.counts.speakers);
    };
    std::size_t lo = at, hi = at;
    while (lo > 0 && joins(lo, lo - 1)) --lo;
    while (hi + 1 < grams.size() && joins(hi, hi + 1)) ++hi;
    // The phrase is as much boilerplate as the common wording around it: a run about as
    // common (kSimilarSpeakers) overlapping it ("of the General Assembly at its" around "the
    // General Assembly at its seventy") makes it a dated variant of a steady formula.
    out.counts = seed.counts;
    const std::size_t from = lo > 0 ? lo - 1 : lo;
    const std::size_t to = hi + 1 < grams.size() ? hi + 1 : hi;
    for (std::size_t k = from; k <= to; ++k) {
        const Candidate* c = ranked(k);
        if (c == nullptr || !at_least_similar(c->counts.speakers, seed.counts.speakers)) continue;
        if (grams[k].word + detail::kPhraseWords <= grams[lo].word ||
            grams[hi].word + detail::kPhraseWords <= grams[k].word) {
            continue;  // not overlapping the phrase
        }
        out.counts.boilerplate = std::max(out.counts.boilerplate, c->counts.boilerplate);
    }
    out.counts.score =
        repeated_score(out.counts.speakers, out.counts.years, out.counts.boilerplate);
    const auto& words = sentences[out.sentence].words;
    out.begin = words[grams[lo].word].begin;
    const std::size_t last = grams[hi].word + detail::kPhraseWords;  // one past its words
    out.end = words[last - 1].end;
    for (std::size_t k = lo; k <= hi; ++k) out.runs.push_back(grams[k].hash);
    for (std::size_t w = grams[lo].word; w + detail::kPhraseWords - 1 <= last; ++w) {
        out.overlaps.push_back(detail::run_hash(words, w, detail::kPhraseWords - 1));
    }
    return out;
}

}  // namespace

std::vector<RankedPhrase> rank_phrases(std::vector<PhraseRecord>& records,
                                       const CorpusFacts& corpus, const SentencesOf& sentences_of,
                                       std::size_t top) {
    std::sort(records.begin(), records.end(), [](const PhraseRecord& a, const PhraseRecord& b) {
        return a.gram != b.gram ? a.gram < b.gram : a.passage < b.passage;
    });
    records.erase(std::unique(records.begin(), records.end(),
                              [](const PhraseRecord& a, const PhraseRecord& b) {
                                  return a.gram == b.gram && a.passage == b.passage;
                              }),
                  records.end());

    std::vector<Candidate> candidates;
    UseCounter counter(corpus);
    std::vector<std::uint32_t> passages;
    for (std::size_t start = 0; start < records.size();) {
        std::size_t end = start + 1;
        while (end < records.size() && records[end].gram == records[start].gram) ++end;
        const std::span<const PhraseRecord> uses(records.data() + start, end - start);
        start = end;
        if (uses.size() < 2 || !two_speakers(uses, corpus)) continue;
        passages.clear();
        for (const PhraseRecord& use : uses) passages.push_back(use.passage);
        const UseCounts counts = counter.count(passages);
        candidates.push_back({uses.front().gram, passages[*counts.first], counts});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.counts.score != b.counts.score) return a.counts.score > b.counts.score;
        if (a.counts.speakers != b.counts.speakers) return a.counts.speakers > b.counts.speakers;
        return a.gram < b.gram;
    });
    std::unordered_map<std::uint64_t, std::size_t> rank_of;
    rank_of.reserve(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) rank_of.emplace(candidates[i].gram, i);

    // Best first, lazily: a seed is grown when it comes up; if its wording lowers its score
    // it goes back in at that score. A phrase sharing kPhraseWords - 1 words with one listed
    // before is a variant of it ("2030 Agenda for Sustainable Development and") and is not
    // listed; the runs of a listed phrase are taken and grow nothing.
    using Entry = std::tuple<double, std::size_t, bool>;  // score, candidate, grown
    const auto later = [](const Entry& a, const Entry& b) {
        if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
        return std::get<1>(a) > std::get<1>(b);
    };
    std::priority_queue<Entry, std::vector<Entry>, decltype(later)> queue(later);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        queue.emplace(candidates[i].counts.score, i, false);
    }
    std::vector<char> taken(candidates.size(), 0);
    std::unordered_map<std::size_t, Grown> grown;
    std::unordered_set<std::uint64_t> listed_overlaps;
    std::vector<RankedPhrase> phrases;
    while (!queue.empty() && phrases.size() < top) {
        const auto [score, i, done] = queue.top();
        queue.pop();
        if (taken[i]) continue;
        if (!done) {
            Grown g = grow(candidates, i, rank_of, sentences_of);
            if (!g.found) continue;
            const double now = g.counts.score;
            grown.emplace(i, std::move(g));
            if (now < score) {
                queue.emplace(now, i, true);
                continue;
            }
        }
        const Grown& g = grown.at(i);
        const bool variant = std::any_of(g.overlaps.begin(), g.overlaps.end(),
                                         [&](auto run) { return listed_overlaps.count(run) > 0; });
        for (const std::uint64_t run : g.runs) {
            const auto it = rank_of.find(run);
            if (it != rank_of.end()) taken[it->second] = 1;
        }
        if (variant) continue;
        listed_overlaps.insert(g.overlaps.begin(), g.overlaps.end());
        RankedPhrase phrase;
        phrase.passage = candidates[i].first;
        phrase.sentence = g.sentence;
        phrase.begin = g.begin;
        phrase.end = g.end;
        phrase.counts = g.counts;
        phrase.verbatim = whole_phrase_uses(records, g.runs, corpus);
        phrases.push_back(phrase);
    }
    return phrases;
}

}  // namespace r2p
