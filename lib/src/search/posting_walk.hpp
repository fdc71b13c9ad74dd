// Every match of a simple query in docid order, read straight from posting lists: a term,
// or an AND or OR of distinct terms (an OR's may be indexed phrases), optionally FILTERed by AND/OR
// trees of terms and date ranges (answered from a DateTable when the walk has one). Shared by the
// ranked passes (rank_bm25, rank_by_date) and the counting pass, which then skip Xapian's matcher.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "search/date_range_query.hpp"
#include "search/walk_dates.hpp"
#include "tables/phrase_word_table.hpp"
#include "tables/table_file.hpp"

namespace r2p::detail {

/// A word of a phrase walked by its indexed term (WalkTerm::parts): read only to weigh a
/// match, never walked.
struct WalkPart {
    std::string term;
    Xapian::PostingIterator it;
    Xapian::PostingIterator end;
    /// The word's wdf in `did`, a match of its phrase (so the word's too), asked in ascending
    /// docid order; 0 if a damaged database lacks the word there.
    Xapian::termcount wdf_at(Xapian::docid did) {
        if (it != end && *it < did) it.skip_to(did);
        return it != end && *it == did ? it.get_wdf() : 0;
    }
};

/// A term whose matches are walked (and, for ranking, weighed). Alone or under an OR, it may
/// stand for an indexed phrase (search/phrase_rewrite.hpp: `(w1 AND ... AND wn) FILTER XQphrase`):
/// `term` is then the phrase's term, whose postings are exactly the phrase's matches, and
/// `parts` its words, which weigh each match as their AND does (walk_term_weight.hpp).
struct WalkTerm {
    std::string term;
    Xapian::doccount termfreq = 0;  ///< in the walked database
    Xapian::PostingIterator it;
    Xapian::PostingIterator end;
    std::vector<WalkPart> parts;  ///< a phrase's words, in query order; empty for a word
    /// A phrase's words' wdfs from the walked database's table file, when it has them.
    std::optional<PhraseWordCursor> word_rows;
    bool at(Xapian::docid did) const { return it != end && *it == did; }
    /// The docid the term is on, or 0 once it has ended or passed `last` (the walk's last()).
    Xapian::docid docid_upto(Xapian::docid last) const {
        if (it == end) return 0;
        const Xapian::docid did = *it;
        return did <= last ? did : 0;
    }
    /// The wdf of word `j` of the phrase in its match `did`, asked in ascending docid order:
    /// from the table when it holds it, else read from the word's postings.
    Xapian::termcount word_wdf(std::size_t j, Xapian::docid did) {
        if (word_rows) {
            const std::uint8_t* row = word_rows->row_at(did);
            if (row != nullptr && row[j] != kPhraseWdfUnknown) return row[j];
        }
        return parts[j].wdf_at(did);
    }
};

/// A boolean filter: a term, a date range (op OP_VALUE_RANGE, also for >= and <=), or an
/// AND / OR of filters. Asked docids in ascending order.
struct WalkFilter {
    Xapian::Query::op op = Xapian::Query::LEAF_TERM;
    Xapian::PostingIterator it;
    Xapian::PostingIterator end;
    std::vector<WalkFilter> children;
    DateKeyRange range;             // under OP_VALUE_RANGE
    WalkDates dates;                // under OP_VALUE_RANGE
    Xapian::doccount termfreq = 0;  // a term's

    bool has(Xapian::docid did);
    /// A term's first docid at or after `did` (0 once it has ended); asked in ascending order.
    Xapian::docid first_from(Xapian::docid did) {
        if (it != end && *it < did) it.skip_to(did);
        return it != end ? *it : 0;
    }
};

class PostingWalk {
  public:
    /// The walk of `query` over `db`, or nullopt when the query has another shape. Date
    /// ranges in its filter are walked only with `dates` (of db's documents). `file`: db's
    /// table file (db a single database), whose rows then give its phrases' words' wdfs.
    static std::optional<PostingWalk> open(const Xapian::Database& db, const Xapian::Query& query,
                                           const WalkDates* dates = nullptr,
                                           const TableFile* file = nullptr);

    /// Restricts the walk to docids [first, last] (the terms skip to `first` now): every
    /// walk of it (for_each, and the ranked passes' own, which stop past last()) then
    /// visits only matches in that range, so that two threads may walk the halves of one
    /// database. Call it once, before walking.
    void limit_to(Xapian::docid first, Xapian::docid last);
    /// The last docid the walk visits (the largest docid when not limited).
    Xapian::docid last() const { return last_; }

    /// The scored terms, in query order.
    const std::vector<WalkTerm>& terms() const { return terms_; }
    /// The same, to be walked by another merge (max_score, union_walk) instead of for_each.
    std::vector<WalkTerm>& terms() { return terms_; }
    /// Whether the terms are AND-ed (else OR-ed, or a single term).
    bool conjunctive() const { return conjunctive_; }
    /// Whether the query has boolean filters.
    bool filtered() const { return !filters_.empty(); }
    /// Whether `did` passes every filter; ask in ascending docid order. Inline for the
    /// unfiltered walk, which asks it of every match.
    bool passes_filters(Xapian::docid did) { return filters_.empty() || passes_each_filter(did); }

    /// Calls `f(did)` for every match, in ascending docid order. During the call, terms()
    /// that hold `did` are positioned on it (for their wdf): all of them under AND.
    template <class F>
    void for_each(F&& f) {
        if (terms_.empty()) return;
        if (terms_.size() == 1) {
            for_each_of_single_term(f);
            return;
        }
        if (conjunctive_) {
            // Leapfrog: where another term has no posting at the lead's docid, the lead
            // skips to that term's next docid rather than stepping through its postings.
            WalkTerm& lead = terms_[lead_];
            WalkFilter* const guide = guide_filter();
            while (lead.it != lead.end) {
                const Xapian::docid did = *lead.it;
                if (did > last_) return;
                if (guide != nullptr) {
                    // A filter term rarer than the lead (an indexed phrase's): none before its
                    // next docid can pass.
                    const Xapian::docid guided = guide->first_from(did);
                    if (guided == 0) return;
                    if (guided != did) {
                        lead.it.skip_to(guided);
                        continue;
                    }
                }
                const Xapian::docid next = align(did);
                if (next == 0) return;
                if (next != did) {
                    lead.it.skip_to(next);
                    continue;
                }
                if (passes_filters(did)) f(did);
                ++lead.it;
            }
            return;
        }
        if (terms_.size() > kScanTerms) {
            for_each_by_heap(f);
            return;
        }
        for (;;) {
            Xapian::docid did = 0;
            for (const WalkTerm& t : terms_) {
                if (t.it != t.end && (did == 0 || *t.it < did)) did = *t.it;
            }
            if (did == 0 || did > last_) return;
            if (passes_filters(did)) f(did);
            for (WalkTerm& t : terms_) {
                if (t.at(did)) ++t.it;
            }
        }
    }

    /// for_each of a walk of one term (no merge: one docid read per posting). A caller that
    /// knows the shape calls it directly: `f` is then inlined in one loop, where for_each's
    /// every shape of walk made it a call per match (about 13 instructions each).
    template <class F>
    void for_each_of_single_term(F&& f) {
        WalkTerm& only = terms_.front();
        for (; only.it != only.end; ++only.it) {
            const Xapian::docid did = *only.it;
            if (did > last_) return;
            if (passes_filters(did)) f(did);
        }
    }

    /// Up to this many OR-ed terms, for_each finds the next docid by a scan, which beats a
    /// heap; wildcards expand to up to 200 terms.
    static constexpr std::size_t kScanTerms = 4;

  private:
    // The OR walk with a min-heap of terms by their current docid.
    template <class F>
    void for_each_by_heap(F&& f) {
        auto later = [&](std::size_t a, std::size_t b) { return *terms_[a].it > *terms_[b].it; };
        std::vector<std::size_t> heap;
        for (std::size_t i = 0; i < terms_.size(); ++i) {
            if (terms_[i].it != terms_[i].end) heap.push_back(i);
        }
        std::make_heap(heap.begin(), heap.end(), later);
        while (!heap.empty()) {
            const Xapian::docid did = *terms_[heap.front()].it;
            if (did > last_) return;
            if (passes_filters(did)) f(did);
            while (!heap.empty() && *terms_[heap.front()].it == did) {
                std::pop_heap(heap.begin(), heap.end(), later);
                WalkTerm& t = terms_[heap.back()];
                ++t.it;
                if (t.it == t.end) {
                    heap.pop_back();
                } else {
                    std::push_heap(heap.begin(), heap.end(), later);
                }
            }
        }
    }

    // Under AND: moves every term to its first docid at or after `did`. Returns `did` when
    // all hold it, else the first docid past it that some term holds (none before can match
    // them all), or 0 once a term has ended (no match is left).
    Xapian::docid align(Xapian::docid did);
    bool passes_each_filter(Xapian::docid did);

    std::vector<WalkTerm> terms_;
    std::vector<WalkFilter> filters_;
    Xapian::docid last_ = std::numeric_limits<Xapian::docid>::max();
    bool conjunctive_ = false;  // AND (else OR, or a single term)
    std::size_t lead_ = 0;      // under AND: the rarest term, which drives the walk
    // Under AND: where in filters_ a filter term every match must hold, rarer than the lead,
    // stands: {i} for filters_[i], {i, j} for the child j of an AND filters_[i]; empty: none.
    // Indexes, not a pointer, so that a copied walk is guided by its own filter.
    std::vector<std::size_t> guide_;
    WalkFilter* guide_filter() {
        if (guide_.empty()) return nullptr;
        WalkFilter& top = filters_[guide_.front()];
        return guide_.size() == 1 ? &top : &top.children[guide_.back()];
    }
};

/// True when `q` is a single term (not a phrase, wildcard or operator): `term` is then set.
bool leaf_term(const Xapian::Query& q, std::string& term);

/// The terms a walk weighs, as PostingWalk::open reads them from a query's scored part (the
/// query without its FILTER).
struct ScoredTerms {
    std::vector<std::string> terms;  ///< in query order, an OR nested in an OR in its place
    std::vector<std::vector<std::string>> phrase_words;  ///< by term; empty for a word
    bool conjunctive = false;                            ///< AND (else OR, or a single term)
};

/// The part of `query` a walk weighs: the first subquery of a FILTER, whose others filter,
/// but an indexed phrase (`(w1 AND ... AND wn) FILTER t`, t the term IndexedPhrases gives
/// those words, as phrase_rewrite.cpp writes it) whole; any other query whole.
Xapian::Query scored_part(const Xapian::Query& query);

/// The terms of `scored` when it has a shape the walk takes: a term, an indexed phrase, an
/// AND of distinct terms, or an OR of distinct terms, indexed phrases and ORs of them.
/// nullopt for any other shape.
std::optional<ScoredTerms> scored_terms(const Xapian::Query& scored);

}  // namespace r2p::detail
