#include "bench/real_query_set.hpp"

#include <algorithm>
#include <string>

#include "bench/testkit/generator_rng.hpp"
#include "r2p/error.hpp"

namespace r2p::bench {

namespace {

using testkit::Rng;

// Ranks [lo, hi) of `count` words; when the corpus has fewer, its last half instead.
struct Band {
    std::size_t lo = 0;
    std::size_t hi = 0;
};

Band clamp_band(std::size_t lo, std::size_t hi, std::size_t count) {
    hi = std::min(hi, count);
    if (lo >= hi) return {count / 2, count};
    return {lo, hi};
}

// The ranks of the words in `min`..`max` passages; the rarest fifth when there are none.
Band passages_band(const CorpusVocabulary& v, std::size_t min, std::size_t max) {
    const auto& w = v.words;
    // Words are sorted by passages, most first.
    const auto hi = std::partition_point(w.begin(), w.end(),
                                         [&](const auto& word) { return word.passages >= min; });
    const auto lo = std::partition_point(w.begin(), w.end(),
                                         [&](const auto& word) { return word.passages > max; });
    if (lo < hi) {
        return {static_cast<std::size_t>(lo - w.begin()), static_cast<std::size_t>(hi - w.begin())};
    }
    return {w.size() - std::max<std::size_t>(1, w.size() / 5), w.size()};
}

}  // namespace

std::vector<BenchQuery> real_query_set(const CorpusVocabulary& vocabulary,
                                       const RealQueryData& data, const Taxonomy& taxonomy,
                                       std::size_t per_class, std::uint64_t seed) {
    const auto& words = vocabulary.words;
    if (words.empty())
        throw CorpusError("the corpus has no words to draw queries from (no passage indexed?)");
    const Band frequent = clamp_band(0, kFrequentRanks, words.size());
    const Band mid = clamp_band(kFrequentRanks, kMidRanks, words.size());
    const Band common = clamp_band(0, kCommonRanks, words.size());
    const Band rare = passages_band(vocabulary, kRareMinPassages, kRareMaxPassages);
    // Prefixes long enough to be a stem, short enough to expand to several words.
    std::vector<std::string> prefixes;
    for (std::size_t r = common.lo; r < common.hi; ++r) {
        const std::string& w = words[r].text;
        if (w.size() >= 6) prefixes.push_back(w.substr(0, w.size() >= 8 ? 5 : 4));
    }
    if (prefixes.empty()) prefixes.push_back(words[0].text.substr(0, 3));
    std::vector<std::vector<std::string>> bigrams;
    for (std::size_t i = 0; i < std::min(kPhraseBigrams, vocabulary.bigrams.size()); ++i)
        bigrams.push_back({vocabulary.bigrams[i].first, vocabulary.bigrams[i].second});
    std::vector<double> theme_cumulative;
    std::vector<std::string> theme_ids;
    for (const auto& theme : vocabulary.themes) {
        theme_ids.push_back(theme.id);
        theme_cumulative.push_back(static_cast<double>(theme.passages) +
                                   (theme_cumulative.empty() ? 0.0 : theme_cumulative.back()));
    }
    if (theme_ids.empty()) {
        for (const auto& theme : taxonomy.themes) {
            theme_ids.push_back(theme.id);
            theme_cumulative.push_back(static_cast<double>(theme_ids.size()));
        }
    }

    std::vector<BenchQuery> queries;
    for (const QueryClass cls : real_corpus_query_classes()) {
        Rng rng(testkit::mix(seed, static_cast<std::uint64_t>(cls) + 1, 31));
        auto word_in = [&](Band band) {
            return words[band.lo + rng.below(band.hi - band.lo)].text;
        };
        for (std::size_t i = 0; i < per_class; ++i) {
            BenchQuery q;
            q.cls = cls;
            switch (cls) {
                case QueryClass::FrequentTerm:
                    q.words = {word_in(frequent)};
                    break;
                case QueryClass::MidTerm:
                    q.words = {word_in(mid)};
                    break;
                case QueryClass::RareTerm:
                    q.words = {word_in(rare)};
                    break;
                case QueryClass::TwoTermAnd:
                case QueryClass::TwoTermOr: {
                    q.shape = cls == QueryClass::TwoTermAnd ? QueryShape::And : QueryShape::Or;
                    const std::string a = word_in(common);
                    std::string b = word_in(common);
                    // A corpus of one word cannot give two.
                    for (int tries = 0; b == a && tries < 8; ++tries) b = word_in(common);
                    q.words = {a, b};
                    break;
                }
                case QueryClass::Phrase:
                    q.shape = QueryShape::Phrase;
                    q.words = bigrams.empty()
                                  ? std::vector<std::string>{word_in(common), word_in(common)}
                                  : rng.pick(bigrams);
                    break;
                case QueryClass::UserPhrase:
                    q.words = data.user_phrases[i % data.user_phrases.size()];
                    q.shape = q.words.size() > 1 ? QueryShape::Phrase : QueryShape::Term;
                    break;
                case QueryClass::Synonym:
                    continue;  // generated corpora only: not in real_corpus_query_classes()
                case QueryClass::TermThemeFilter:
                    q.words = {word_in(mid)};
                    if (!theme_ids.empty())
                        q.theme = theme_ids[testkit::draw(rng, theme_cumulative)];
                    break;
                case QueryClass::TermFacets:
                    q.words = {word_in(mid)};
                    q.facets = true;
                    break;
                case QueryClass::Wildcard:
                    q.shape = QueryShape::Prefix;
                    q.words = {rng.pick(prefixes)};
                    break;
                case QueryClass::SortDate:
                    q.words = {word_in(mid)};
                    q.sort_date = true;
                    break;
            }
            queries.push_back(std::move(q));
        }
    }
    return queries;
}

}  // namespace r2p::bench
