// The most repeated sentences: every sentence of the corpus read from the database, grouped
// into families of near-identical sentences (sentence_families), each family counted in the
// period (speakers, documents, years) and over the whole corpus (documents per year, for its
// boilerplate share), ranked by repeated_score. The phrase unit is repeated_phrases.
#include <algorithm>
#include <numeric>
#include <span>
#include <string>

#include "index/stored_passage.hpp"
#include "index/stored_passage_reader.hpp"
#include "r2p/search.hpp"
#include "r2p/trace.hpp"
#include "sentences/passage_sentences.hpp"
#include "sentences/sentence_signature.hpp"
#include "sentences/sentence_similarity.hpp"
#include "trace/corpus_pass.hpp"
#include "trace/repeated_phrases.hpp"
#include "trace/sentence_families.hpp"
#include "trace/signatures_check.hpp"
#include "trace/use_counts.hpp"
#include "util/fnv1a.hpp"

namespace r2p {

namespace {

// One sentence with a signature.
struct SentenceFacts {
    std::uint32_t passage = 0;  // index into the CorpusFacts' passages
    std::uint32_t number = 0;   // among the passage's sentences (0-based)
    std::uint64_t words = 0;    // hash of its folded words in order: equal when verbatim
};

// One sentence as a worker sketches it.
struct Sketch {
    std::uint32_t number = 0;
    std::uint64_t words = 0;
    std::vector<std::uint64_t> anchors;
    std::vector<std::uint64_t> pairs;
};

// On the pool: the passage's sentences with a signature, sketched.
std::vector<Sketch> sketch_sentences(std::vector<detail::PassageSentence>&& sentences) {
    std::vector<Sketch> out;
    std::vector<std::string> terms;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        detail::PassageSentence& sentence = sentences[i];
        if (!detail::has_signature(sentence.words)) continue;
        Sketch sketch;
        sketch.number = static_cast<std::uint32_t>(i);
        detail::Fnv1a words;
        for (const auto& word : sentence.words) words.add(word.folded);
        sketch.words = words.value();
        terms.clear();
        detail::append_sentence_anchors(sentence.words, terms);
        for (const std::string& term : terms) {
            detail::Fnv1a anchor;
            anchor.add_bytes(term);
            sketch.anchors.push_back(anchor.value());
        }
        sketch.pairs = std::move(sentence.content_pairs);
        out.push_back(std::move(sketch));
    }
    return out;
}

// Families are of near-identical sentences: the Dice coefficient of their bigram sets,
// 2|A∩B| / (|A| + |B|). The like search's measure (over the smaller set) finds a formula
// quoted inside a longer sentence; grouping by it would chain unlike long sentences through
// a short one they both contain. Over the larger set, a formula inside a sentence twice its
// length would fall out of its family; Dice keeps it at 2/3.
double family_similarity(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
    const std::size_t both = a.size() + b.size();
    if (both == 0) return 0;
    return 2.0 * static_cast<double>(detail::shared_pair_count(a, b)) / static_cast<double>(both);
}

// A family's counts.
struct Family {
    std::uint32_t first = 0;  // its oldest use in the period (a sentence index)
    std::size_t speakers = 0, documents = 0, years = 0, verbatim = 0;
    double boilerplate = 0, score = 0;
};

}  // namespace

RepeatedResult repeated_sentences(Searcher& searcher, const RepeatedRequest& request) {
    const Xapian::Database& db = searcher.database();
    require_signatures(db);
    if (request.unit == RepeatedUnit::Phrase) return repeated_phrases(searcher, request);

    std::vector<SentenceFacts> sentences;
    SentenceSketches sketches;
    const CorpusFacts corpus = read_corpus<std::vector<Sketch>>(
        searcher, request.filters, &sketch_sentences,
        [&](std::uint32_t passage, std::vector<Sketch>& sketched) {
            for (const Sketch& sketch : sketched) {
                sketches.add(sketch.anchors, sketch.pairs);
                sentences.push_back({passage, sketch.number, sketch.words});
            }
            return sketched.size();
        });
    RepeatedResult result;
    result.passages_read = corpus.passages_read;
    result.sentences_read = corpus.sentences_read;
    const std::vector<PassageFacts>& passages = corpus.passages;

    const std::vector<std::uint32_t> family_of =
        sentence_families(sketches, request.min_similarity, &family_similarity);
    // Sentences by family; a family's members in sentence order (docid order).
    std::vector<std::uint32_t> order(sentences.size());
    std::iota(order.begin(), order.end(), 0U);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return family_of[a] < family_of[b]; });

    std::vector<Family> families;
    UseCounter counter(corpus);
    std::vector<std::uint32_t> uses;  // a family's passages, in sentence order
    for (std::size_t start = 0; start < order.size();) {
        std::size_t end = start;
        while (end < order.size() && family_of[order[end]] == family_of[order[start]]) ++end;
        if (end - start < 2) {
            start = end;
            continue;
        }
        uses.clear();
        for (std::size_t i = start; i < end; ++i) uses.push_back(sentences[order[i]].passage);
        const UseCounts counts = counter.count(uses);
        if (!counts.first || counts.speakers < 2) {
            start = end;
            continue;
        }
        Family family;
        family.first = order[start + *counts.first];
        family.speakers = counts.speakers;
        family.documents = counts.documents;
        family.years = counts.years;
        family.boilerplate = counts.boilerplate;
        family.score = counts.score;
        for (std::size_t i = start; i < end; ++i) {
            const SentenceFacts& s = sentences[order[i]];
            if (passages[s.passage].chosen && s.words == sentences[family.first].words) {
                ++family.verbatim;
            }
        }
        families.push_back(family);
        start = end;
    }
    std::sort(families.begin(), families.end(), [](const Family& a, const Family& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.speakers != b.speakers) return a.speakers > b.speakers;
        return a.first < b.first;
    });
    if (families.size() > request.top) families.resize(request.top);

    StoredPassageReader reader(db);
    for (const Family& family : families) {
        const SentenceFacts& s = sentences[family.first];
        RepeatedSentence out;
        out.first_use.passage = reader.read(passages[s.passage].docid);
        const auto all = detail::passage_sentences(out.first_use.passage.text);
        out.first_use.match = detail::match_sentence(all.at(s.number), all.at(s.number));
        out.speakers = family.speakers;
        out.documents = family.documents;
        out.years = family.years;
        out.verbatim = family.verbatim;
        out.boilerplate = family.boilerplate;
        out.score = family.score;
        result.sentences.push_back(std::move(out));
    }
    return result;
}

}  // namespace r2p
