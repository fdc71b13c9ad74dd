#include "r2p/search.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <string_view>

#include "index/stored_passage.hpp"
#include "index/stored_passage_reader.hpp"
#include "r2p/databases.hpp"
#include "r2p/error.hpp"
#include "r2p/request_text.hpp"
#include "r2p/schema.hpp"
#include "r2p/search_request.hpp"
#include "search/date_walk_top_k.hpp"
#include "search/disjunctive_facets.hpp"
#include "search/like_search.hpp"
#include "search/match_counter.hpp"
#include "search/passage_context.hpp"
#include "search/phrase_pass.hpp"
#include "search/query_builder.hpp"
#include "search/result_groups.hpp"
#include "search/running_searches.hpp"
#include "search/search_snapshot.hpp"
#include "search/snippets.hpp"
#include "search/stored_labels.hpp"
#include "search/top_k_pass.hpp"

namespace r2p {

namespace {

// A writer committing while we read invalidates old revisions; a few reopen-and-retry
// rounds always get a consistent view unless the writer commits continuously.
constexpr int kModifiedRetries = 5;

// Every shard's handle, remote ones too (sharing the combined database's revision).
std::vector<Xapian::Database> shard_handles(const std::vector<OpenedShard>& shards) {
    std::vector<Xapian::Database> handles;
    for (const OpenedShard& shard : shards) handles.push_back(shard.db);
    return handles;
}

// A count never below what is shown: an estimate above kExactMatchesUpTo may undercut it.
void at_least_shown(MatchCounts& counts, Xapian::doccount shown) {
    if (counts.lower >= shown) return;
    counts.lower = shown;
    counts.estimated = std::max(counts.estimated, shown);
    counts.upper = std::max(counts.upper, shown);
}

}  // namespace

// The snapshot and its tables, the two ranked passes and the counting pass, composed.
struct Searcher::Impl {
    Impl(OpenedDatabases opened, const Taxonomy& taxonomy, const SearcherOptions& options)
        : labels_(shard_handles(opened.shards)),
          shards_(shard_handles(opened.shards)),
          snapshot_(opened.db, std::move(opened.parts), std::move(opened.part_paths)),
          counter_(snapshot_, options.counting_threads_from, search_cores(options.cores)),
          threads_from_(options.counting_threads_from),
          cores_(search_cores(options.cores)),
          at_once_from_postings_(options.shards_at_once_from_postings),
          missing_(std::move(opened.missing)),
          taxonomy_(taxonomy),
          builder_(taxonomy) {}

    // Runs `attempt` on the latest commit, reopening and retrying when a writer replaced
    // the revision read; Xapian's other errors become IndexError("<what> failed: ...").
    template <typename Attempt>
    auto on_latest_commit(std::string_view what, Attempt attempt);

    // The request, corrected (Correction::Auto) when it matches nothing as asked.
    SearchResult run_once(const SearchRequest& request);
    // The request with `text` as its query.
    SearchResult run_text(const SearchRequest& request, const std::string& text);
    // A like search (request.like or like_text): the passages verified alike, then the
    // query and filters, counts and facets over them; hits in sort_like_passages' order.
    SearchResult run_like(const SearchRequest& request);
    // The ranked pass: the posting walk where the snapshot has lengths and the walk can
    // rank the query, else Xapian's matcher (always when collapsing on a slot).
    // With `shards_pool`, a posting walk walks the local shards at once (rank_bm25).
    TopK rank(const Xapian::Query& query, const SearchRequest& request,
              std::optional<Xapian::valueno> collapse, RankedBy& ranked_by,
              WorkerPool* shards_pool);
    // The pool on which a ranked walk by relevance walks the local shards at once (the
    // first on the caller's thread; one database in two halves of its docids), or nullptr
    // when they are walked in turn: a database too small for the hand-off to pay
    // (threads_from_), no core free, or one database without a second handle.
    WorkerPool* shards_pool();
    // A phrase query ranked and counted (with the request's facets) from one match of the
    // phrase on every local shard (phrase_pass.hpp); nullopt when the query is no phrase or
    // the snapshot lacks the length table, local shards or a facet's table.
    std::optional<PhraseMatches> match_phrase_once(const Xapian::Query& query,
                                                   const SearchRequest& request);
    // The exact counts of the request's facets and matches; under FacetMode::Disjunctive a
    // facet with a filter of its own is counted by a pass without that filter. The main
    // pass was started with `shared_fields` (the others).
    // `within` (if any) narrows every pass's query (a like search's passages).
    CountedMatches finish_counts(const SearchRequest& request, const std::string& text,
                                 const std::vector<FacetField>& own_filtered,
                                 const Xapian::Query* within = nullptr);

    // The snapshot's indexed phrases, for QueryBuilder::build (read when a query has one).
    PhraseSource phrase_source() {
        return [this]() -> const IndexedPhrases& { return snapshot_.indexed_phrases(); };
    }

    StoredLabels labels_;                   // of the facets of fields with stored labels
    std::vector<Xapian::Database> shards_;  // one by one: each must be signed for --like
    SearchSnapshot snapshot_;
    MatchCounter counter_;                    // reads snapshot_'s tables: declared after it
    Xapian::doccount threads_from_;           // shards are matched on threads from this size
    unsigned cores_;                          // how many searches at once keep every core busy
    Xapian::doccount at_once_from_postings_;  // shards walked at once from this many postings
    std::unique_ptr<WorkerPool>
        phrase_pool_;  // a thread per shard (2 at least), at the first phrase
    std::unique_ptr<WorkerPool> ranking_pool_;  // of shards_pool(), made at its first use
    std::vector<std::string> missing_;
    const Taxonomy& taxonomy_;
    QueryBuilder builder_;
};

Searcher::Searcher(const std::vector<std::string>& databases, const Taxonomy& taxonomy,
                   bool allow_partial, SearcherOptions options)
    : Searcher(open_databases(databases, allow_partial), taxonomy, options) {}

Searcher::Searcher(OpenedDatabases opened, const Taxonomy& taxonomy, SearcherOptions options)
    : impl_(std::make_unique<Impl>(std::move(opened), taxonomy, options)) {}

Searcher::~Searcher() = default;

const Xapian::Database& Searcher::database() const { return impl_->snapshot_.db(); }

const Taxonomy& Searcher::taxonomy() const { return impl_->taxonomy_; }

template <typename Attempt>
auto Searcher::Impl::on_latest_commit(std::string_view what, Attempt attempt) {
    bool modified = false;
    for (int tries = 1;; ++tries) {
        try {
            // Each call sees the latest commit (cheap when nothing changed).
            counter_.wait();  // a count an earlier attempt left running
            if (snapshot_.refresh(modified)) labels_.clear();
            modified = false;
            return attempt();
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (tries == kModifiedRetries) {
                throw IndexError("database keeps changing while searched: " + e.get_msg() +
                                 " (try again)");
            }
            modified = true;  // reopened at the top of the next attempt
        } catch (const Xapian::Error& e) {
            throw IndexError(std::string(what) + " failed: " + e.get_description());
        }
    }
}

std::optional<PassageContext> Searcher::passage(const std::string& id, std::size_t around) {
    if (around > kMaxAround) {
        throw UsageError("around: " + std::to_string(around) + " paragraphs is too many (at most " +
                         std::to_string(kMaxAround) + ")");
    }
    return impl_->on_latest_commit(
        "passage lookup", [&] { return read_passage_context(impl_->snapshot_.db(), id, around); });
}

void Searcher::set_table_policy(TablePolicy policy) { impl_->snapshot_.set_policy(policy); }

SearchResult Searcher::run(const SearchRequest& request) {
    check_paging(request.limit, request.offset);
    const RunningSearch running;
    return impl_->on_latest_commit("search", [&] { return impl_->run_once(request); });
}

WorkerPool* Searcher::Impl::shards_pool() {
    const std::size_t shards = snapshot_.db_shards().size();
    if (shards == 0 || snapshot_.db().get_doccount() < threads_from_ ||
        RunningSearch::count() >= cores_) {
        return nullptr;
    }
    // A single database is walked in two halves of its docids, the upper through a handle
    // of its own.
    if (shards == 1 && snapshot_.second_handle() == nullptr) return nullptr;
    // A thread for each other shard, whatever the cores: with fewer, the caller's thread
    // would finish its shard and wait while the others take theirs in turn.
    if (!ranking_pool_)
        ranking_pool_ = std::make_unique<WorkerPool>(
            static_cast<unsigned>(std::max<std::size_t>(shards - 1, 1)));
    return ranking_pool_.get();
}

TopK Searcher::Impl::rank(const Xapian::Query& query, const SearchRequest& request,
                          std::optional<Xapian::valueno> collapse, RankedBy& ranked_by,
                          WorkerPool* shards_pool) {
    const Xapian::Database& db = snapshot_.db();
    const bool by_date = request.sort == SortOrder::Date;
    const bool date_range = !request.filters.from.empty() || !request.filters.to.empty();
    // The posting walk does not collapse: grouped queries are Xapian's.
    if (!collapse) {
        const LengthTable* lengths = snapshot_.length_table();
        // Dates are read for date order and ranges only (the table is built for them).
        const DateTable* dates = by_date || date_range ? snapshot_.date_table() : nullptr;
        std::optional<TopK> top;
        if (lengths && by_date && dates) {
            const DateWalkTopK walk(db, *lengths, *dates, counter_.visitor(),
                                    snapshot_.db_shards());
            top = walk.run(query, request.offset, request.limit, request.sort);
        } else if (lengths && !by_date) {
            // With facets the counting pass counts every match: the walk need not.
            const PostingWalkTopK walk(
                db, *lengths, request.facets.empty() ? RankCounts::Exact : RankCounts::BoundsOnly,
                dates, counter_.visitor(), snapshot_.db_shards(),
                ShardThreads{shards_pool, at_once_from_postings_,
                             shards_pool != nullptr ? snapshot_.second_handle() : nullptr},
                snapshot_.table_files());
            top = walk.run(query, request.offset, request.limit, request.sort);
        }
        if (top) {
            ranked_by = RankedBy::PostingWalk;
            return std::move(*top);
        }
    }
    const XapianTopK xapian(db, collapse);
    TopK top = *xapian.run(query, request.offset, request.limit, request.sort);
    ranked_by = xapian.kind();
    // Xapian read a length per match (whatever the order), and a date per match when
    // sorting or filtering by date: the costs the tables would save.
    if (!by_date || !collapse) snapshot_.ranked_by_xapian(top.matches.estimated);
    if ((by_date || date_range) && !collapse) snapshot_.sorted_by_xapian(top.matches.estimated);
    return top;
}

std::optional<PhraseMatches> Searcher::Impl::match_phrase_once(const Xapian::Query& query,
                                                               const SearchRequest& request) {
    if (!phrase_terms(query)) return std::nullopt;
    const LengthTable* lengths = snapshot_.length_table();
    const std::vector<Xapian::Database>& shards = snapshot_.counting_shards();
    if (lengths == nullptr || shards.empty()) return std::nullopt;
    const std::vector<FacetField> from_tables = snapshot_.table_fields(request.facets);
    for (const FacetField field : request.facets) {
        if (std::find(from_tables.begin(), from_tables.end(), field) == from_tables.end()) {
            return std::nullopt;
        }
    }
    std::vector<PhraseShard> phrase_shards;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        PhraseShard shard{shards[i], {}};
        for (const FacetField field : from_tables) {
            shard.tables[field] = &snapshot_.facet_table(field, i);
        }
        phrase_shards.push_back(std::move(shard));
    }
    // One database is matched in two halves: two threads at least.
    WorkerPool* pool = nullptr;
    if (snapshot_.db().get_doccount() >= threads_from_) {
        if (!phrase_pool_) {
            phrase_pool_ = std::make_unique<WorkerPool>(
                static_cast<unsigned>(std::max<std::size_t>(shards.size(), 2)));
        }
        pool = phrase_pool_.get();
    }
    return match_phrase(snapshot_.db(), phrase_shards, *lengths, query, request.offset,
                        request.limit, request.facets, pool);
}

SearchResult Searcher::Impl::run_once(const SearchRequest& request) {
    if (!request.like.empty() || !request.like_text.empty()) return run_like(request);
    SearchResult asked = run_text(request, request.query);
    const bool nothing = asked.matches.upper == 0;
    if (request.correct == Correction::Off || !nothing || !asked.suggestion ||
        *asked.suggestion == request.query) {
        return asked;
    }
    // What the user most likely meant, shown at once; kept as asked when it finds nothing
    // either (or cannot be run: a suggestion is never the user's fault).
    SearchResult corrected;
    try {
        corrected = run_text(request, *asked.suggestion);
    } catch (const UsageError&) {
        return asked;
    }
    if (corrected.matches.upper == 0) return asked;
    corrected.query = request.query;
    corrected.corrected_query = asked.suggestion;
    corrected.suggestion = asked.suggestion;
    return corrected;
}

SearchResult Searcher::Impl::run_text(const SearchRequest& request, const std::string& text) {
    const Xapian::Database& db = snapshot_.db();
    const BuiltQuery built =
        builder_.build(text, request.match, request.filters, db, phrase_source());
    const std::optional<Xapian::valueno> collapse = collapse_slot(request.group);
    if (collapse) check_groupable(db, request.group);

    // Facets and match counts are exact only when every match is looked at. That happens in
    // a pass of its own without BM25 (on other threads when the shards are local, while
    // this one ranks), so the ranked pass keeps Xapian's early termination and the counting
    // pass scores nothing. Counting apart also keeps spies off value-sorted matches, which
    // Xapian 1.4 over-counts on remote shards.
    // Grouped, the ranked pass's passage counts are Xapian's uncollapsed ones, which remote
    // shards only estimate: the counting pass makes them exact on every layout.
    const bool counting = !request.facets.empty() || collapse.has_value();
    const std::vector<FacetField> own_filtered =
        request.facet_mode == FacetMode::Disjunctive
            ? self_filtered_facets(request.facets, request.filters)
            : std::vector<FacetField>{};
    // A date range is walked with the date table, built now when the policy says so (the
    // counting pass, started first, reads it too).
    if (!request.filters.from.empty() || !request.filters.to.empty()) snapshot_.date_table();
    std::optional<PhraseMatches> phrase;
    if (!collapse && request.sort == SortOrder::Relevance && own_filtered.empty()) {
        phrase = match_phrase_once(built.query, request);
    }
    // One database is walked at once only in halves, for few terms: else its OR's count
    // runs beside the ranking, not on the walk.
    const bool one_database = snapshot_.db_shards().size() == 1;
    WorkerPool* const pool = !phrase && !collapse && request.sort == SortOrder::Relevance &&
                                     (!one_database || walked_in_halves(built.query))
                                 ? shards_pool()
                                 : nullptr;
    if (counting && !phrase) {
        std::vector<FacetField> shared_fields;
        for (const FacetField field : request.facets) {
            if (std::find(own_filtered.begin(), own_filtered.end(), field) == own_filtered.end()) {
                shared_fields.push_back(field);
            }
        }
        // When rank() walks the postings (see there), the count may ride on that walk.
        RankedWalk walk = RankedWalk::None;
        if (!collapse && snapshot_.length_table() != nullptr) {
            if (request.sort == SortOrder::Relevance) walk = RankedWalk::Relevance;
            if (request.sort == SortOrder::Date && snapshot_.date_table()) walk = RankedWalk::Date;
        }
        counter_.start(built.query, shared_fields, walk, pool != nullptr);
    }

    SearchResult result;
    result.query = text;
    result.offset = request.offset;
    result.limit = request.limit;
    result.group = request.group;
    TopK top;
    if (phrase) {
        top = top_k_of(db, phrase->ranked);
        result.stats.ranked_by = RankedBy::PostingWalk;
    } else {
        top = rank(built.query, request, collapse, result.stats.ranked_by, pool);
    }
    StoredPassageReader passages(snapshot_.db());
    for (TopKHit& h : top.hits) {
        SearchHit hit;
        hit.rank = request.offset + result.hits.size() + 1;
        hit.score = h.weight;
        hit.passage = passages.decode(h.docid, h.data);
        hit.snippet = make_snippet(hit.passage.text, built.highlight);
        result.hits.push_back(std::move(hit));
    }
    result.matches = top.matches;
    result.groups = top.groups;
    const auto shown = static_cast<Xapian::doccount>(request.offset + result.hits.size());
    if (!result.hits.empty()) {
        at_least_shown(result.matches, shown);
        if (result.groups) at_least_shown(*result.groups, shown);
    }
    if (!text.empty()) result.suggestion = builder_.suggest(text, db);
    result.missing_shards = missing_;

    if (counting && phrase) {
        result.facets = phrase->totals.facets(taxonomy_);
        labels_.label(result.facets);
        result.stats.counted_by = CountedBy::Tables;
    } else if (counting) {
        CountedMatches counted = finish_counts(request, text, own_filtered);
        result.matches = {counted.matches, counted.matches, counted.matches};
        result.facets = std::move(counted.facets);
        labels_.label(result.facets);
        result.stats.counted_by = counted.counted_by;
    }
    // After the counting pass: it gives the exact passage count that bounds the groups.
    count_groups(db, built.query, request.group, result);
    result.stats.length_table = snapshot_.has_length_table();
    result.stats.facet_tables = snapshot_.facet_tables();
    result.stats.tables = snapshot_.table_source();
    return result;
}

CountedMatches Searcher::Impl::finish_counts(const SearchRequest& request, const std::string& text,
                                             const std::vector<FacetField>& own_filtered,
                                             const Xapian::Query* within) {
    CountedMatches counted = counter_.finish(taxonomy_);
    if (own_filtered.empty()) return counted;
    std::vector<Facet> facets = std::move(counted.facets);
    counted.facets.clear();
    for (const FacetField field : own_filtered) {
        const BuiltQuery without =
            builder_.build(text, request.match, without_own_filter(request.filters, field),
                           snapshot_.db(), phrase_source());
        counter_.start(within ? Xapian::Query(Xapian::Query::OP_FILTER, without.query, *within)
                              : without.query,
                       {field});
        CountedMatches own = counter_.finish(taxonomy_);
        counted.counted_by = std::max(counted.counted_by, own.counted_by);
        facets.push_back(std::move(own.facets.front()));
    }
    // In the order asked, each field once.
    for (const FacetField field : request.facets) {
        const auto it = std::find_if(facets.begin(), facets.end(),
                                     [&](const Facet& f) { return f.field == field; });
        if (it == facets.end()) continue;
        counted.facets.push_back(std::move(*it));
        facets.erase(it);
    }
    return counted;
}

SearchResult Searcher::Impl::run_like(const SearchRequest& request) {
    const Xapian::Database& db = snapshot_.db();
    if (request.group != GroupBy::None) {
        throw UsageError(std::string(kGroupKey) + " cannot be combined with " +
                         std::string(kLikeKey) + " or " + std::string(kLikeTextKey));
    }
    require_signatures(shards_.empty() ? std::vector<Xapian::Database>{db} : shards_);
    const AskedSentences asked = asked_sentences(db, request);
    std::vector<LikePassage> alike = find_like_passages(db, asked, request.min_similarity);
    // The query and filters narrow the passages alike; counts and facets count what is left.
    const Xapian::Query within = passages_query(alike);
    const BuiltQuery built =
        builder_.build(request.query, request.match, request.filters, db, phrase_source());
    const Xapian::Query query(Xapian::Query::OP_FILTER, built.query, within);
    const std::vector<FacetField> own_filtered =
        request.facet_mode == FacetMode::Disjunctive
            ? self_filtered_facets(request.facets, request.filters)
            : std::vector<FacetField>{};
    if (!request.facets.empty()) {
        std::vector<FacetField> shared_fields;
        for (const FacetField field : request.facets) {
            if (std::find(own_filtered.begin(), own_filtered.end(), field) == own_filtered.end()) {
                shared_fields.push_back(field);
            }
        }
        counter_.start(query, shared_fields);
    }
    // Which of them the query and filters keep.
    std::vector<Xapian::docid> kept;
    if (!alike.empty()) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(alike.size()));
        for (auto it = mset.begin(); it != mset.end(); ++it) kept.push_back(*it);
        std::sort(kept.begin(), kept.end());
    }
    std::erase_if(alike, [&](const LikePassage& p) {
        return !std::binary_search(kept.begin(), kept.end(), p.docid);
    });
    sort_like_passages(alike, request.sort);

    SearchResult result;
    result.query = request.query;
    result.offset = request.offset;
    result.limit = request.limit;
    result.like_sentences = asked.texts();
    const auto total = static_cast<Xapian::doccount>(alike.size());
    result.matches = {total, total, total};
    for (std::size_t i = request.offset; i < alike.size() && i < request.offset + request.limit;
         ++i) {
        SearchHit hit;
        hit.rank = i + 1;
        hit.score = alike[i].match.similarity;
        hit.snippet = like_snippet(alike[i]);
        hit.like = alike[i].match;
        hit.passage = std::move(alike[i].passage);
        result.hits.push_back(std::move(hit));
    }
    result.missing_shards = missing_;
    if (!request.facets.empty()) {
        CountedMatches counted = finish_counts(request, request.query, own_filtered, &within);
        result.facets = std::move(counted.facets);
        labels_.label(result.facets);
        result.stats.counted_by = counted.counted_by;
    }
    result.stats.length_table = snapshot_.has_length_table();
    result.stats.facet_tables = snapshot_.facet_tables();
    result.stats.tables = snapshot_.table_source();
    return result;
}

SearchResult search(const SearchRequest& request, const Taxonomy& taxonomy) {
    Searcher searcher(request.databases, taxonomy, request.allow_partial);
    return searcher.run(request);
}

}  // namespace r2p
