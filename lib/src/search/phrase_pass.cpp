#include "search/phrase_pass.hpp"

#include <algorithm>
#include <set>

#include "search/best_hits.hpp"
#include "search/bm25_formula.hpp"
#include "search/posting_walk.hpp"

namespace r2p {

namespace {

// Every term's wdf in the match Xapian weighs, without its length. Xapian clones the weight
// once per query term and, for every match, asks each clone for its part just before it
// shows the match to the spies (matcher order, Xapian 1.4), so each clone notes its wdf in
// its slot and the spy copies the slots. A clone knows its term only by the statistics
// init() sees; the caller maps terms to slots by them (see slot_of).
struct WdfSlot {
    Xapian::doccount termfreq = 0;
    Xapian::termcount collection_freq = 0;
    Xapian::termcount wdf = 0;
};

class WdfWeight final : public Xapian::Weight {
  public:
    explicit WdfWeight(std::vector<WdfSlot>& slots) : slots_(slots) {
        need_stat(WDF);
        need_stat(TERMFREQ);
        need_stat(COLLECTION_FREQ);
    }
    Xapian::Weight* clone() const override { return new WdfWeight(slots_); }
    void init(double) override {
        slot_ = slots_.size();
        slots_.push_back({get_termfreq(), get_collection_freq(), 0});
    }
    double get_sumpart(Xapian::termcount wdf, Xapian::termcount, Xapian::termcount) const override {
        slots_[slot_].wdf = wdf;
        return 1;
    }
    double get_maxpart() const override { return 1; }
    double get_sumextra(Xapian::termcount, Xapian::termcount) const override { return 0; }
    double get_maxextra() const override { return 0; }

  private:
    std::vector<WdfSlot>& slots_;
    std::size_t slot_ = 0;
};

// The slot of the clone that weighs `term` in `db`, or nullopt when no clone or several
// have its statistics.
std::optional<std::size_t> slot_of(const Xapian::Database& db, const std::string& term,
                                   const std::vector<WdfSlot>& slots) {
    const Xapian::doccount termfreq = db.get_termfreq(term);
    const Xapian::termcount collection_freq = db.get_collection_freq(term);
    std::optional<std::size_t> found;
    for (std::size_t s = 0; s < slots.size(); ++s) {
        if (slots[s].termfreq != termfreq || slots[s].collection_freq != collection_freq) continue;
        if (found) return std::nullopt;
        found = s;
    }
    return found;
}

// Every phrase match of one shard and its terms' wdf, as the matcher checks them.
struct ShardPhraseMatches {
    std::vector<Xapian::docid> docids;
    std::vector<Xapian::termcount> wdfs;  // terms.size() a match, in term order
    bool have_wdfs = false;               // else the slots could not be told apart
};

// Copies each term's slot for every match shown.
class WdfSpy final : public Xapian::MatchSpy {
  public:
    WdfSpy(const Xapian::Database& db, const std::vector<std::string>& terms,
           const std::vector<WdfSlot>& slots, ShardPhraseMatches& out)
        : db_(db), terms_(terms), slots_(slots), out_(out) {}
    void operator()(const Xapian::Document& doc, double) override {
        if (!mapped_) map_slots();
        out_.docids.push_back(doc.get_docid());
        if (!out_.have_wdfs) return;
        for (const std::size_t s : slot_by_term_) out_.wdfs.push_back(slots_[s].wdf);
    }

  private:
    // Once every clone was initialised (before the first match).
    void map_slots() {
        mapped_ = true;
        out_.have_wdfs = true;
        for (const std::string& term : terms_) {
            const std::optional<std::size_t> s = slot_of(db_, term, slots_);
            if (!s) {
                out_.have_wdfs = false;
                return;
            }
            slot_by_term_.push_back(*s);
        }
    }

    const Xapian::Database& db_;
    const std::vector<std::string>& terms_;
    const std::vector<WdfSlot>& slots_;
    ShardPhraseMatches& out_;
    std::vector<std::size_t> slot_by_term_;
    bool mapped_ = false;
};

// Every docid in [first, last], as a boolean filter: restricts a match to part of a database,
// so that one database's matches are found on two threads.
class DocidRange final : public Xapian::PostingSource {
  public:
    DocidRange(Xapian::docid first, Xapian::docid last) : first_(first), last_(last) {}
    Xapian::doccount get_termfreq_min() const override { return 0; }  // docids may be unused
    Xapian::doccount get_termfreq_est() const override { return last_ - first_ + 1; }
    Xapian::doccount get_termfreq_max() const override { return last_ - first_ + 1; }
    void init(const Xapian::Database&) override { current_ = 0; }
    void next(double) override { current_ = current_ == 0 ? first_ : current_ + 1; }
    void skip_to(Xapian::docid did, double) override {
        current_ = std::max({current_, did, first_});
    }
    bool at_end() const override { return current_ > last_; }
    Xapian::docid get_docid() const override { return current_; }
    Xapian::PostingSource* clone() const override { return new DocidRange(first_, last_); }

  private:
    Xapian::docid first_;
    Xapian::docid last_;
    Xapian::docid current_ = 0;
};

// What one task matches: a shard, or docids [first, last] of it.
struct PhrasePart {
    const Xapian::Database* db = nullptr;  // used by this task alone
    Xapian::docid shard = 0;               // its index among the shards
    Xapian::docid first = 0;               // 0: every docid
    Xapian::docid last = 0;
    const std::map<FacetField, const FacetTable*>* tables = nullptr;
};

// What every shard's task weighs with: the combined database's statistics.
struct PhraseWeights {
    std::vector<std::string> terms;
    std::vector<double> termweights;  // by term
    double len_factor = 0;
    Xapian::docid shards = 1;
    std::size_t keep = 0;  // offset + limit
};

struct ShardMatches {
    std::vector<RankedMatch> best;
    Xapian::doccount matches = 0;
    FacetTotals totals;
};

// Every phrase match of one shard with its terms' wdf, unweighted.
ShardPhraseMatches phrase_matches(const Xapian::Database& db, const Xapian::Query& query,
                                  const std::vector<std::string>& terms) {
    ShardPhraseMatches out;
    std::vector<WdfSlot> slots;
    WdfSpy spy(db, terms, slots, out);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(WdfWeight(slots));
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    if (!out.have_wdfs) {
        // Two terms with the same statistics: their wdfs read from the posting lists.
        std::sort(out.docids.begin(), out.docids.end());
        out.wdfs.assign(out.docids.size() * terms.size(), 0);
        for (std::size_t i = 0; i < terms.size(); ++i) {
            Xapian::PostingIterator it = db.postlist_begin(terms[i]);
            for (std::size_t j = 0; j < out.docids.size(); ++j) {
                it.skip_to(out.docids[j]);
                out.wdfs[j * terms.size() + i] = it.get_wdf();
            }
        }
        out.have_wdfs = true;
    }
    return out;
}

ShardMatches match_part(const PhrasePart& part, const Xapian::Query& query,
                        const PhraseWeights& weights, const LengthTable& lengths,
                        const std::vector<FacetField>& fields) {
    DocidRange range(part.first, part.last);
    const Xapian::Query within =
        part.first == 0 ? query
                        : Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(&range));
    const ShardPhraseMatches found = phrase_matches(*part.db, within, weights.terms);
    const std::vector<Xapian::docid>& docids = found.docids;
    const std::size_t terms = weights.terms.size();
    ShardMatches out;
    out.matches = static_cast<Xapian::doccount>(docids.size());
    detail::BestHits best(weights.keep);
    for (std::size_t j = 0; j < docids.size(); ++j) {
        const Xapian::docid combined = (docids[j] - 1) * weights.shards + part.shard + 1;
        const Xapian::termcount length = lengths.at(combined);
        double weight = 0;  // summed in query order, as rank_bm25 sums
        for (std::size_t i = 0; i < terms; ++i) {
            weight += detail::bm25_sum_part(weights.termweights[i], found.wdfs[j * terms + i],
                                            length, weights.len_factor);
        }
        best.offer(combined, weight);
    }
    out.best = best.sorted();
    if (!fields.empty()) {
        FacetCounter counter(fields, *part.tables);
        counter.add_matches(docids);
        counter.add_to(out.totals);
    }
    return out;
}

}  // namespace

std::optional<std::vector<std::string>> phrase_terms(const Xapian::Query& query) {
    // Under OP_FILTER only the first subquery is weighed.
    const Xapian::Query phrase =
        query.get_type() == Xapian::Query::OP_FILTER && query.get_num_subqueries() >= 2
            ? query.get_subquery(0)
            : query;
    if (phrase.get_type() != Xapian::Query::OP_PHRASE) return std::nullopt;
    std::vector<std::string> terms;
    for (std::size_t i = 0; i < phrase.get_num_subqueries(); ++i) {
        std::string term;
        if (!detail::leaf_term(phrase.get_subquery(i), term)) return std::nullopt;
        terms.push_back(term);
    }
    if (terms.empty() || std::set<std::string>(terms.begin(), terms.end()).size() != terms.size()) {
        return std::nullopt;
    }
    return terms;
}

std::optional<PhraseMatches> match_phrase(const Xapian::Database& combined,
                                          const std::vector<PhraseShard>& shards,
                                          const LengthTable& lengths, const Xapian::Query& query,
                                          std::size_t offset, std::size_t limit,
                                          const std::vector<FacetField>& fields, WorkerPool* pool) {
    std::optional<std::vector<std::string>> terms = phrase_terms(query);
    if (!terms || shards.empty()) return std::nullopt;
    PhraseWeights weights;
    const Xapian::doccount collection = combined.get_doccount();
    const double average = combined.get_avlength();
    weights.len_factor = average != 0 ? 1 / average : 0;
    for (const std::string& term : *terms) {
        weights.termweights.push_back(
            detail::bm25_term_weight(collection, combined.get_termfreq(term)));
    }
    weights.terms = std::move(*terms);
    weights.shards = static_cast<Xapian::docid>(shards.size());
    weights.keep = offset + limit;

    std::vector<PhrasePart> parts;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        parts.push_back({&shards[i].db, static_cast<Xapian::docid>(i), 0, 0, &shards[i].tables});
    }
    const Xapian::docid last = combined.get_lastdocid();
    if (pool != nullptr && pool->size() > 1 && shards.size() == 1 && last > 1) {
        // One database on two threads: its halves, the second through the combined
        // database's handle (the same shard, opened apart: a handle is one thread's).
        parts[0].last = last / 2;
        parts[0].first = 1;
        parts.push_back({&combined, 0, last / 2 + 1, last, &shards[0].tables});
    }
    std::vector<ShardMatches> by_part(parts.size());
    if (pool == nullptr) {
        for (std::size_t i = 0; i < parts.size(); ++i) {
            by_part[i] = match_part(parts[i], query, weights, lengths, fields);
        }
    } else {
        // Each task gets its own copy of the query: Xapian's reference counts are not atomic.
        const std::string serialised = query.serialise();
        pool->run_all(parts.size(), [&](std::size_t i) {
            by_part[i] = match_part(parts[i], Xapian::Query::unserialise(serialised), weights,
                                    lengths, fields);
        });
    }

    PhraseMatches out;
    detail::BestHits best(weights.keep);
    Xapian::doccount matches = 0;
    for (const ShardMatches& shard : by_part) {
        matches += shard.matches;
        for (const RankedMatch& m : shard.best) best.offer(m.did, m.weight);
        out.totals.merge(shard.totals);
    }
    for (const FacetField field : fields) out.totals.list(field);
    out.ranked.matches = {matches, matches, matches};
    std::vector<RankedMatch> hits = best.sorted();
    if (offset < hits.size()) {
        out.ranked.hits.assign(hits.begin() + static_cast<long>(offset), hits.end());
    }
    return out;
}

}  // namespace r2p
