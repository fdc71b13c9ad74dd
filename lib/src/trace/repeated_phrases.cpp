#include "trace/repeated_phrases.hpp"

#include <algorithm>

#include "index/stored_passage.hpp"
#include "index/stored_passage_reader.hpp"
#include "r2p/search.hpp"
#include "sentences/sentence_similarity.hpp"
#include "trace/corpus_pass.hpp"
#include "trace/phrase_grams.hpp"
#include "trace/phrase_ranking.hpp"

namespace r2p {

namespace {

// On the pool: the distinct runs of a passage, and how many of its sentences have one.
struct PassageRuns {
    std::vector<std::uint64_t> grams;
    std::size_t sentences = 0;
};

PassageRuns passage_runs(std::vector<detail::PassageSentence>&& sentences) {
    PassageRuns out;
    for (const detail::PassageSentence& sentence : sentences) {
        const auto grams = detail::phrase_grams(sentence.words);
        if (grams.empty()) continue;
        ++out.sentences;
        for (const auto& gram : grams) out.grams.push_back(gram.hash);
    }
    std::sort(out.grams.begin(), out.grams.end());
    out.grams.erase(std::unique(out.grams.begin(), out.grams.end()), out.grams.end());
    return out;
}

}  // namespace

RepeatedResult repeated_phrases(Searcher& searcher, const RepeatedRequest& request) {
    const Xapian::Database& db = searcher.database();
    std::vector<PhraseRecord> records;
    const CorpusFacts corpus = read_corpus<PassageRuns>(
        searcher, request.filters, &passage_runs, [&](std::uint32_t passage, PassageRuns& runs) {
            for (const std::uint64_t gram : runs.grams) records.push_back({gram, passage});
            return runs.sentences;
        });
    StoredPassageReader reader(db);
    const auto stored = [&](std::uint32_t passage) {
        return reader.read(corpus.passages[passage].docid);
    };
    const std::vector<RankedPhrase> phrases = rank_phrases(
        records, corpus,
        [&](std::uint32_t passage) { return detail::passage_sentences(stored(passage).text); },
        request.top);

    RepeatedResult result;
    result.passages_read = corpus.passages_read;
    result.sentences_read = corpus.sentences_read;
    for (const RankedPhrase& phrase : phrases) {
        RepeatedSentence out;
        out.first_use.passage = stored(phrase.passage);
        const auto sentences = detail::passage_sentences(out.first_use.passage.text);
        const auto& sentence = sentences.at(phrase.sentence);
        // The phrase's range, as a match of its sentence with itself would give.
        out.first_use.match = detail::match_sentence(sentence, sentence);
        out.first_use.match.begin = phrase.begin;
        out.first_use.match.end = phrase.end;
        out.speakers = phrase.counts.speakers;
        out.documents = phrase.counts.documents;
        out.years = phrase.counts.years;
        out.verbatim = phrase.verbatim;
        out.boilerplate = phrase.counts.boilerplate;
        out.score = phrase.counts.score;
        result.sentences.push_back(std::move(out));
    }
    return result;
}

}  // namespace r2p
