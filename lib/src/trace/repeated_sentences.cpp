// The most repeated sentences: every sentence of the corpus read from the database, grouped
// into families of near-identical sentences (sentence_families), each family counted in the
// period (speakers, documents, years) and over the whole corpus (documents per year, for its
// boilerplate share), ranked by repeated_score.
#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>

#include "index/stored_passage.hpp"
#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "r2p/search.hpp"
#include "r2p/trace.hpp"
#include "search/query_filters.hpp"
#include "sentences/passage_sentences.hpp"
#include "sentences/sentence_signature.hpp"
#include "sentences/sentence_similarity.hpp"
#include "trace/repeated_score.hpp"
#include "trace/sentence_families.hpp"
#include "trace/signatures_check.hpp"
#include "trace/trace_timeline.hpp"
#include "util/fnv1a.hpp"
#include "util/worker_pool.hpp"

namespace r2p {

namespace {

// Passages read from the database per round (the reading thread's batch).
constexpr std::size_t kBatchPassages = 4096;

// What the ranking needs of one passage.
struct PassageFacts {
    Xapian::docid docid = 0;
    bool chosen = false;  // in the filtered passages (the period)
    std::string year;     // "YYYY" or ""
    std::string date;     // the document's, "" when undated
    std::uint32_t document = 0;
    std::uint32_t speaker = 0;
};

// One sentence with a signature.
struct SentenceFacts {
    std::uint32_t passage = 0;  // index into the PassageFacts
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

// One passage as a worker reads it.
struct ReadPassage {
    std::string doc_id;
    std::string speaker;  // speaker_key
    std::string year;
    std::string date;
    std::vector<Sketch> sentences;
};

ReadPassage read_passage(const std::string& data) {
    const StoredPassage passage = decode_stored_passage(data);
    ReadPassage out;
    out.doc_id = passage.doc_id;
    out.speaker = speaker_key(passage);
    out.year = passage_year(passage);
    out.date = passage.doc_date;
    const auto sentences = detail::passage_sentences(passage.text);
    std::vector<std::string> terms;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        const detail::PassageSentence& sentence = sentences[i];
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
        sketch.pairs = sentence.content_pairs;
        out.sentences.push_back(std::move(sketch));
    }
    return out;
}

// Interns strings as dense ids (documents, speakers).
class Names {
  public:
    std::uint32_t id(const std::string& name) {
        const auto [it, added] = ids_.try_emplace(name, static_cast<std::uint32_t>(ids_.size()));
        return it->second;
    }

  private:
    std::unordered_map<std::string, std::uint32_t> ids_;
};

// The docids the filters choose, sorted.
std::vector<Xapian::docid> chosen_docids(const Xapian::Database& db, const Xapian::Query& filter) {
    Xapian::Enquire enquire(db);
    enquire.set_query(filter);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    std::vector<Xapian::docid> docids;
    docids.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
    std::sort(docids.begin(), docids.end());
    return docids;
}

bool older(const PassageFacts& a, const PassageFacts& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    return a.date < b.date;
}

double bigram_similarity(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
    return detail::pair_overlap(a, b);
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
    const bool filtered = !request.filters.empty();
    // Checked (themes, roles, dates) before any passage is read.
    const Xapian::Query filter = filter_query(request.filters, searcher.taxonomy());
    const std::vector<Xapian::docid> chosen =
        filtered ? chosen_docids(db, filter) : std::vector<Xapian::docid>{};

    // Every passage of the corpus: the whole corpus tells boilerplate from agreed language.
    std::vector<PassageFacts> passages;
    std::vector<SentenceFacts> sentences;
    SentenceSketches sketches;
    Names documents, speakers;
    std::map<std::string, std::set<std::uint32_t>> corpus_years;  // year -> documents
    RepeatedResult result;
    WorkerPool pool;
    std::vector<Xapian::docid> batch;
    std::vector<std::string> data;
    std::vector<ReadPassage> read;
    const auto flush = [&] {
        read.assign(batch.size(), {});
        // Decoding and splitting on the pool; Xapian is read by this thread only.
        const std::size_t parts = pool.size();
        pool.run_all(parts, [&](std::size_t part) {
            for (std::size_t i = part; i < batch.size(); i += parts)
                read[i] = read_passage(data[i]);
        });
        for (std::size_t i = 0; i < batch.size(); ++i) {
            ReadPassage& p = read[i];
            PassageFacts facts;
            facts.docid = batch[i];
            facts.chosen = !filtered || std::binary_search(chosen.begin(), chosen.end(), batch[i]);
            facts.year = p.year;
            facts.date = p.date;
            facts.document = documents.id(p.doc_id);
            facts.speaker = speakers.id(p.speaker);
            corpus_years[p.year].insert(facts.document);
            const auto index = static_cast<std::uint32_t>(passages.size());
            passages.push_back(std::move(facts));
            if (passages.back().chosen) {
                ++result.passages_read;
                result.sentences_read += p.sentences.size();
            }
            for (const Sketch& s : p.sentences) {
                sketches.add(s.anchors, s.pairs);
                sentences.push_back({index, s.number, s.words});
            }
        }
        batch.clear();
        data.clear();
    };
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        batch.push_back(*it);
        data.push_back(db.get_document(*it, Xapian::DOC_ASSUME_VALID).get_data());
        if (batch.size() == kBatchPassages) flush();
    }
    flush();

    const std::vector<std::uint32_t> family_of =
        sentence_families(sketches, request.min_similarity, &bigram_similarity);
    // Sentences by family; a family's members in sentence order (docid order).
    std::vector<std::uint32_t> order(sentences.size());
    std::iota(order.begin(), order.end(), 0U);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return family_of[a] < family_of[b]; });

    DocumentsByYear corpus;
    for (const auto& [year, docs] : corpus_years) corpus[year] = docs.size();
    std::vector<Family> families;
    std::vector<std::uint32_t> who, what, when;
    std::vector<std::pair<std::string, std::uint32_t>> all_years;  // (year, document)
    for (std::size_t start = 0; start < order.size();) {
        std::size_t end = start;
        while (end < order.size() && family_of[order[end]] == family_of[order[start]]) ++end;
        if (end - start < 2) {
            start = end;
            continue;
        }
        who.clear();
        what.clear();
        when.clear();
        all_years.clear();
        std::optional<std::uint32_t> first;
        for (std::size_t i = start; i < end; ++i) {
            const SentenceFacts& s = sentences[order[i]];
            const PassageFacts& p = passages[s.passage];
            all_years.emplace_back(p.year, p.document);
            if (!p.chosen) continue;
            who.push_back(p.speaker);
            what.push_back(p.document);
            if (!p.year.empty()) when.push_back(static_cast<std::uint32_t>(std::stoul(p.year)));
            // The oldest use: dated before undated, the earliest date, then the first read.
            if (!first || older(p, passages[sentences[*first].passage])) first = order[i];
        }
        const auto distinct = [](std::vector<std::uint32_t>& v) {
            std::sort(v.begin(), v.end());
            return static_cast<std::size_t>(std::unique(v.begin(), v.end()) - v.begin());
        };
        Family family;
        family.speakers = distinct(who);
        if (!first || family.speakers < 2) {
            start = end;
            continue;
        }
        family.first = *first;
        family.documents = distinct(what);
        family.years = distinct(when);
        for (std::size_t i = start; i < end; ++i) {
            const SentenceFacts& s = sentences[order[i]];
            if (passages[s.passage].chosen && s.words == sentences[family.first].words) {
                ++family.verbatim;
            }
        }
        std::sort(all_years.begin(), all_years.end());
        all_years.erase(std::unique(all_years.begin(), all_years.end()), all_years.end());
        DocumentsByYear used;
        for (const auto& [year, document] : all_years) ++used[year];
        family.boilerplate = boilerplate_share(used, corpus);
        family.score = repeated_score(family.speakers, family.boilerplate);
        families.push_back(family);
        start = end;
    }
    std::sort(families.begin(), families.end(), [](const Family& a, const Family& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.speakers != b.speakers) return a.speakers > b.speakers;
        return a.first < b.first;
    });
    if (families.size() > request.top) families.resize(request.top);

    for (const Family& family : families) {
        const SentenceFacts& s = sentences[family.first];
        RepeatedSentence out;
        out.first_use.passage =
            decode_stored_passage(db.get_document(passages[s.passage].docid).get_data());
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
