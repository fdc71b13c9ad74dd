// Counting along the ranked walk (search/walked_count.*): the counts and facets of a term, an
// AND or an OR are those of Xapian's Enquire and MatchSpies, in one database and across
// shards.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "generated_db_fixture.hpp"
#include "r2p/databases.hpp"
#include "r2p/schema.hpp"
#include "r2p/search.hpp"
#include "search/date_ranked_pass.hpp"
#include "search/facet_counter.hpp"
#include "search/match_counter.hpp"
#include "search/query_builder.hpp"
#include "search/ranked_pass.hpp"
#include "search/running_searches.hpp"
#include "search/search_snapshot.hpp"
#include "search/walked_count.hpp"
#include "tables/date_table.hpp"
#include "tables/facet_table.hpp"
#include "tables/length_table.hpp"
#include "taxonomy_fixture.hpp"

namespace {

constexpr std::size_t kPassages = 1000;

std::string bench_db(unsigned shards) { return r2p::test::generated_db(kPassages, 11, shards); }

// The request r2p-bench's own engine makes of a benchmark query, with theme and role facets.
r2p::SearchRequest faceted_request(const r2p::BenchQuery& query) {
    r2p::SearchRequest request;
    request.query = query.text();
    if (!query.theme.empty()) request.filters.themes = {query.theme};
    request.facets = {r2p::FacetField::Theme, r2p::FacetField::Role};
    request.sort = query.sort_date ? r2p::SortOrder::Date : r2p::SortOrder::Relevance;
    return request;
}

// Two results' facets, value by value.
void check_same_facets(const r2p::SearchResult& ours, const r2p::SearchResult& theirs) {
    REQUIRE(ours.facets.size() == theirs.facets.size());
    for (std::size_t f = 0; f < ours.facets.size(); ++f) {
        CHECK(ours.facets[f].field == theirs.facets[f].field);
        const auto& a = ours.facets[f].entries;
        const auto& b = theirs.facets[f].entries;
        REQUIRE(a.size() == b.size());
        for (std::size_t v = 0; v < a.size(); ++v) {
            CHECK(a[v].value == b[v].value);
            CHECK(a[v].count == b[v].count);
        }
    }
}

// Counting along the ranked walk of every query: one core, always busy.
r2p::SearcherOptions riding_options() {
    r2p::SearcherOptions riding;
    riding.counting_threads_from = 0;
    riding.cores = 1;
    return riding;
}

// Runs each request, over one database and over 2 shards, on a searcher walking posting
// lists with every table (under each of `options`) and on one left to Xapian's matcher and
// spies: the same counts, passages and facets, and what `check(ours, theirs)` asks besides.
template <class Check>
void check_against_xapian(const std::vector<r2p::SearchRequest>& requests,
                          const std::vector<r2p::SearcherOptions>& options, Check check) {
    for (const unsigned shards : {0U, 2U}) {
        CAPTURE(shards);
        r2p::Searcher xapian({bench_db(shards)}, r2p::test::source_taxonomy());
        xapian.set_table_policy(r2p::TablePolicy::Never);
        for (const r2p::SearcherOptions& option : options) {
            CAPTURE(option.counting_threads_from);
            CAPTURE(option.cores);
            r2p::Searcher walked({bench_db(shards)}, r2p::test::source_taxonomy(), false, option);
            walked.set_table_policy(r2p::TablePolicy::Always);
            for (const r2p::SearchRequest& request : requests) {
                CAPTURE(request.query);
                CAPTURE(request.offset);
                CAPTURE(request.sort == r2p::SortOrder::Date);
                const r2p::SearchResult ours = walked.run(request);
                const r2p::SearchResult theirs = xapian.run(request);
                CHECK(ours.matches.lower == theirs.matches.lower);
                CHECK(ours.matches.upper == theirs.matches.upper);
                REQUIRE(ours.hits.size() == theirs.hits.size());
                for (std::size_t i = 0; i < ours.hits.size(); ++i) {
                    CHECK(ours.hits[i].passage.id == theirs.hits[i].passage.id);
                }
                check_same_facets(ours, theirs);
                check(ours, theirs);
            }
        }
    }
}

}  // namespace

TEST_SUITE("walked_count") {
    TEST_CASE("both ranked walks count terms, ANDs and ORs, Xapian's matcher none") {
        using r2p::RankedWalk;
        const Xapian::Query a("apple");
        const Xapian::Query b("pear");
        const Xapian::Query filter("XTprevention");
        const Xapian::Query both(Xapian::Query::OP_AND, a, b);
        const Xapian::Query either(Xapian::Query::OP_OR, a, b);
        for (const RankedWalk walk : {RankedWalk::Relevance, RankedWalk::Date}) {
            CHECK(r2p::ranked_walk_visits_every_match(a, walk));
            CHECK(r2p::ranked_walk_visits_every_match(both, walk));
            CHECK(r2p::ranked_walk_visits_every_match(
                Xapian::Query(Xapian::Query::OP_FILTER, a, filter), walk));
            CHECK(r2p::ranked_walk_visits_every_match(
                Xapian::Query(Xapian::Query::OP_FILTER, both, filter), walk));
            // A phrase is Xapian's; so is an AND holding an OR.
            CHECK_FALSE(r2p::ranked_walk_visits_every_match(
                Xapian::Query(Xapian::Query::OP_PHRASE, a, b), walk));
            CHECK_FALSE(r2p::ranked_walk_visits_every_match(
                Xapian::Query(Xapian::Query::OP_AND, a, either), walk));
            // An OR too: by relevance its union is counted after MaxScore (or_union_count).
            CHECK(r2p::ranked_walk_visits_every_match(either, walk));
            CHECK(r2p::ranked_walk_visits_every_match(
                Xapian::Query(Xapian::Query::OP_FILTER, either, filter), walk));
        }
        CHECK_FALSE(r2p::ranked_walk_visits_every_match(a, RankedWalk::None));
        CHECK_FALSE(r2p::ranked_walk_visits_every_match(either, RankedWalk::None));
        // Only an OR by relevance is counted after its ranking.
        CHECK(r2p::ranked_walk_counts_after_ranking(either, RankedWalk::Relevance));
        CHECK(r2p::ranked_walk_counts_after_ranking(
            Xapian::Query(Xapian::Query::OP_FILTER, either, filter), RankedWalk::Relevance));
        CHECK_FALSE(r2p::ranked_walk_counts_after_ranking(either, RankedWalk::Date));
        CHECK_FALSE(r2p::ranked_walk_counts_after_ranking(both, RankedWalk::Relevance));
        CHECK_FALSE(r2p::ranked_walk_counts_after_ranking(a, RankedWalk::Relevance));
        CHECK_FALSE(r2p::ranked_walk_counts_after_ranking(
            Xapian::Query(Xapian::Query::OP_AND, a, either), RankedWalk::Relevance));
    }

    TEST_CASE("a ranked walk's visits count what Enquire and its spies count, across shards") {
        const std::vector<r2p::BenchQuery> queries =
            r2p::test::bench_generator(11).query_set(kPassages, 3);
        for (const unsigned shards : {0U, 2U}) {
            CAPTURE(shards);
            const r2p::OpenedDatabases opened = r2p::open_databases({bench_db(shards)}, false);
            const Xapian::Database& db = opened.db;
            const r2p::LengthTable lengths = r2p::LengthTable::build(db);
            const r2p::DateTable dates = r2p::DateTable::build(db);
            const std::vector<r2p::FacetField> fields = {r2p::FacetField::Theme,
                                                         r2p::FacetField::Role};
            // Each shard's tables, read by its own docids, as the counting pass has them.
            std::vector<r2p::FacetTable> built;
            built.reserve(opened.parts.size() * fields.size());
            std::vector<std::map<r2p::FacetField, const r2p::FacetTable*>> tables(
                opened.parts.size());
            for (std::size_t i = 0; i < opened.parts.size(); ++i) {
                for (const r2p::FacetField field : fields) {
                    built.push_back(
                        *r2p::FacetTable::build(opened.parts[i], r2p::facet_table_prefix(field)));
                    tables[i][field] = &built.back();
                }
            }
            REQUIRE(tables.size() == (shards == 0 ? 1U : shards));
            r2p::QueryBuilder builder(r2p::test::source_taxonomy());
            int walked = 0;
            for (const r2p::BenchQuery& query : queries) {
                CAPTURE(query.line());
                const r2p::SearchRequest request = faceted_request(query);
                const Xapian::Query q =
                    builder.build(request.query, request.match, request.filters, db).query;
                r2p::WalkedCount count(fields, tables);
                bool ranked = false;
                if (query.sort_date) {
                    ranked = r2p::rank_by_date(db, lengths, dates, q, 0, 10, &count).has_value();
                    CHECK(count.complete() == ranked);
                } else {
                    ranked = r2p::rank_bm25(db, lengths, q, 0, 10, r2p::RankCounts::BoundsOnly,
                                            nullptr, &count)
                                 .has_value();
                    CHECK(count.complete() == (ranked && r2p::ranked_walk_visits_every_match(
                                                             q, r2p::RankedWalk::Relevance)));
                }
                if (!count.complete()) continue;
                ++walked;
                Xapian::Enquire enquire(db);
                enquire.set_query(q);
                enquire.set_weighting_scheme(Xapian::BoolWeight());
                Xapian::ValueCountMatchSpy themes(r2p::schema::slot(r2p::schema::Slot::Themes));
                Xapian::ValueCountMatchSpy roles(r2p::schema::slot(r2p::schema::Slot::Roles));
                enquire.add_matchspy(&themes);
                enquire.add_matchspy(&roles);
                const Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());
                CHECK(count.matches() == mset.get_matches_estimated());
                r2p::FacetTotals totals;
                count.add_to(totals);
                const std::vector<r2p::Facet> ours = totals.facets(r2p::test::source_taxonomy());
                for (std::size_t f = 0; f < fields.size(); ++f) {
                    std::map<std::string, Xapian::doccount> by_value;
                    const Xapian::ValueCountMatchSpy& spy = f == 0 ? themes : roles;
                    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
                        by_value[*it] += it.get_termfreq();
                    }
                    const r2p::Facet theirs = r2p::facet_from_value_counts(
                        fields[f], by_value, r2p::test::source_taxonomy());
                    REQUIRE(ours.at(f).entries.size() == theirs.entries.size());
                    for (std::size_t v = 0; v < theirs.entries.size(); ++v) {
                        CHECK(ours.at(f).entries[v].value == theirs.entries[v].value);
                        CHECK(ours.at(f).entries[v].count == theirs.entries[v].count);
                    }
                }
            }
            CHECK(walked > 0);  // the term, AND, theme-filter and sort-date classes at least
        }
    }

    TEST_CASE(
        "an OR's count rides on its ranked walk while every core runs a search, or on "
        "shards walked at once") {
        const Xapian::Query either(Xapian::Query::OP_OR, Xapian::Query("apple"),
                                   Xapian::Query("pear"));
        const Xapian::Query term("apple");
        const std::vector<r2p::FacetField> fields = {r2p::FacetField::Theme, r2p::FacetField::Role};
        r2p::OpenedDatabases opened = r2p::open_databases({bench_db(0)}, false);
        r2p::SearchSnapshot snapshot(opened.db, opened.parts, opened.part_paths);
        snapshot.set_policy(r2p::TablePolicy::Always);
        REQUIRE(snapshot.table_fields(fields).size() == 2);
        const unsigned before = r2p::RunningSearch::count();
        {
            const r2p::RunningSearch running;
            CHECK(r2p::RunningSearch::count() == before + 1);
            // Two cores, one search running: a core is free for the count beside the OR.
            r2p::MatchCounter beside(snapshot, 0, before + 2);
            beside.start(either, fields, r2p::RankedWalk::Relevance);
            CHECK(beside.visitor() == nullptr);
            beside.finish(r2p::test::source_taxonomy());
            // Unless the ranked walk walks the shards at once: each shard's walk counts.
            beside.start(either, fields, r2p::RankedWalk::Relevance, true);
            CHECK(beside.visitor() != nullptr);
            beside.wait();
            // A term rides whatever the cores.
            beside.start(term, fields, r2p::RankedWalk::Relevance);
            CHECK(beside.visitor() != nullptr);
            beside.wait();
            // As many searches as cores: the OR's count rides on its ranked walk.
            r2p::MatchCounter busy(snapshot, 0, before + 1);
            busy.start(either, fields, r2p::RankedWalk::Relevance);
            CHECK(busy.visitor() != nullptr);
            busy.wait();
        }
        CHECK(r2p::RunningSearch::count() == before);
        CHECK(r2p::search_cores(3) == 3);
        CHECK(r2p::search_cores(0) >= 1);
    }

    TEST_CASE("a searcher counting along its walk answers as Xapian's matcher and spies do") {
        std::vector<r2p::SearchRequest> requests;
        for (const r2p::BenchQuery& query :
             r2p::test::bench_generator(11).query_set(kPassages, 3)) {
            for (const std::size_t offset : {std::size_t{0}, std::size_t{3}}) {
                requests.push_back(faceted_request(query));
                requests.back().offset = offset;
            }
        }
        // Counted after ranking (below the threads' size), on a thread beside the ranking,
        // and along the ranked walk of every query (one core, always busy).
        r2p::SearcherOptions beside;
        beside.counting_threads_from = 0;
        beside.cores = 1000;
        // And walked at once whatever the postings: 2 shards, or one database's two halves.
        r2p::SearcherOptions at_once = beside;
        at_once.shards_at_once_from_postings = 0;
        check_against_xapian(requests, {r2p::SearcherOptions{}, beside, at_once, riding_options()},
                             [](const r2p::SearchResult&, const r2p::SearchResult& theirs) {
                                 CHECK(theirs.stats.counted_by == r2p::CountedBy::Spies);
                             });
    }

    TEST_CASE("queries with synonyms (indexed phrases under an OR) are walked, as Xapian answers") {
        // The taxonomy's synonyms turn each into an OR holding "responsibility to protect" or
        // another indexed phrase; some nest that OR in another; "security council" becomes
        // an OR of two phrases sharing words.
        std::vector<r2p::SearchRequest> requests;
        for (const char* text : {"r2p", "\"responsibility to protect\"", "drc", "r2p OR genocide",
                                 "icc OR drc", "responsibility to protect", "security council"}) {
            for (const r2p::SortOrder sort : {r2p::SortOrder::Relevance, r2p::SortOrder::Date}) {
                for (const std::size_t offset : {std::size_t{0}, std::size_t{4}}) {
                    r2p::SearchRequest request;
                    request.query = text;
                    request.sort = sort;
                    request.offset = offset;
                    request.facets = {r2p::FacetField::Theme, r2p::FacetField::Role};
                    requests.push_back(request);
                }
            }
        }
        // Also with threads from the first passage and posting: 2 shards, or one database's
        // two halves, are then walked at once.
        r2p::SearcherOptions threads;
        threads.counting_threads_from = 0;
        threads.cores = 1000;
        threads.shards_at_once_from_postings = 0;
        check_against_xapian(requests, {r2p::SearcherOptions{}, riding_options(), threads},
                             [](const r2p::SearchResult& ours, const r2p::SearchResult& theirs) {
                                 CHECK(ours.stats.ranked_by == r2p::RankedBy::PostingWalk);
                                 CHECK(ours.stats.counted_by == r2p::CountedBy::PostingWalk);
                                 CHECK(theirs.stats.ranked_by == r2p::RankedBy::Xapian);
                                 CHECK(ours.matches.lower > 0);
                                 for (std::size_t i = 0;
                                      i < ours.hits.size() && i < theirs.hits.size(); ++i) {
                                     CHECK(ours.hits[i].score ==
                                           doctest::Approx(theirs.hits[i].score).epsilon(1e-9));
                                 }
                             });
    }

    TEST_CASE("a lone indexed phrase is walked by its term, as Xapian answers") {
        // Theme cues the taxonomy indexes as phrases, alone and under a theme filter.
        std::vector<r2p::SearchRequest> requests;
        for (const char* text : {"\"crimes against humanity\"", "\"war crimes\"",
                                 "\"early warning\"", "\"ethnic cleansing\""}) {
            for (const r2p::SortOrder sort : {r2p::SortOrder::Relevance, r2p::SortOrder::Date}) {
                for (const bool filtered : {false, true}) {
                    r2p::SearchRequest request;
                    request.query = text;
                    request.sort = sort;
                    if (filtered) request.filters.themes = {"atrocity-crimes"};
                    request.facets = {r2p::FacetField::Theme, r2p::FacetField::Role};
                    requests.push_back(request);
                }
            }
        }
        std::size_t found = 0;
        check_against_xapian(requests, {r2p::SearcherOptions{}, riding_options()},
                             [&](const r2p::SearchResult& ours, const r2p::SearchResult& theirs) {
                                 CHECK(ours.stats.ranked_by == r2p::RankedBy::PostingWalk);
                                 CHECK(ours.stats.counted_by == r2p::CountedBy::PostingWalk);
                                 CHECK(theirs.stats.ranked_by == r2p::RankedBy::Xapian);
                                 if (ours.matches.lower > 0) ++found;
                                 for (std::size_t i = 0;
                                      i < ours.hits.size() && i < theirs.hits.size(); ++i) {
                                     CHECK(ours.hits[i].score ==
                                           doctest::Approx(theirs.hits[i].score).epsilon(1e-9));
                                 }
                             });
        CHECK(found >= requests.size() / 2);
    }
}
