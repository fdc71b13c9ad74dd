// Which passes answer the query shapes QueryBuilder produces for the benchmark's query
// classes: a parser change that silently sends a term query to Xapian's matcher fails here.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "generated_db_fixture.hpp"
#include "r2p/indexing.hpp"
#include "r2p/search.hpp"
#include "taxonomy_fixture.hpp"
#include "test_support.hpp"

namespace {

// Enough for every query class to be drawn (rare terms need a few hundred statements).
constexpr std::size_t kPassages = 1000;

const r2p::CorpusGenerator& generator() { return r2p::test::bench_generator(11); }

// A generated corpus indexed once into `shards` shards (0: one database).
std::string bench_db(unsigned shards) { return r2p::test::generated_db(kPassages, 11, shards); }

// The request r2p-bench's own engine makes of a benchmark query.
r2p::SearchRequest request_for(const r2p::BenchQuery& query) {
    r2p::SearchRequest request;
    request.query = query.text();
    if (!query.theme.empty()) request.filters.themes = {query.theme};
    if (query.facets) request.facets = {r2p::FacetField::Theme, r2p::FacetField::Role};
    request.sort = query.sort_date ? r2p::SortOrder::Date : r2p::SortOrder::Relevance;
    return request;
}

struct Path {
    r2p::RankedBy ranked_by;
    r2p::CountedBy counted_by;
};

// The path each class is meant to take once every table is built.
Path meant_path(r2p::QueryClass cls) {
    using C = r2p::QueryClass;
    switch (cls) {
        case C::FrequentTerm:
        case C::MidTerm:
        case C::RareTerm:
        case C::TwoTermAnd:
        case C::TwoTermOr:
        case C::TermThemeFilter:
        case C::Wildcard:  // QueryBuilder expands the prefix to an OR of terms itself
            return {r2p::RankedBy::PostingWalk, r2p::CountedBy::None};
        case C::SortDate:  // from the date table
            return {r2p::RankedBy::PostingWalk, r2p::CountedBy::None};
        case C::TermFacets:
            return {r2p::RankedBy::PostingWalk, r2p::CountedBy::PostingWalk};
        case C::Phrase:  // Xapian's matcher finds the matches, the length table weighs them
        case C::UserPhrase:
        case C::Synonym:  // an OR of the group's words and indexed phrases
            return {r2p::RankedBy::PostingWalk, r2p::CountedBy::None};
    }
    return {r2p::RankedBy::Xapian, r2p::CountedBy::None};
}

}  // namespace

TEST_SUITE("search_paths") {
    TEST_CASE("every benchmark query class takes the path meant for it once tables are built") {
        const std::vector<r2p::BenchQuery> queries = generator().query_set(kPassages, 3);
        for (const unsigned shards : {0U, 2U}) {
            CAPTURE(shards);
            r2p::Searcher searcher({bench_db(shards)}, r2p::test::source_taxonomy());
            searcher.set_table_policy(r2p::TablePolicy::Always);
            std::vector<r2p::QueryClass> seen;
            for (const r2p::BenchQuery& query : queries) {
                CAPTURE(r2p::query_class_name(query.cls));
                CAPTURE(query.line());
                const r2p::SearchResult result = searcher.run(request_for(query));
                const Path meant = meant_path(query.cls);
                CHECK(result.stats.ranked_by == meant.ranked_by);
                CHECK(result.stats.counted_by == meant.counted_by);
                CHECK(result.stats.length_table);
                if (query.facets) CHECK(result.stats.facet_tables.size() == 2);
                seen.push_back(query.cls);
            }
            for (const r2p::QueryClass cls : r2p::all_query_classes()) {
                CAPTURE(r2p::query_class_name(cls));
                CHECK(std::find(seen.begin(), seen.end(), cls) != seen.end());
            }
        }
    }

    TEST_CASE("date order and date ranges from the date table: the results Xapian gives") {
        const std::vector<r2p::BenchQuery> queries = generator().query_set(kPassages, 3);
        for (const unsigned shards : {0U, 2U}) {
            CAPTURE(shards);
            r2p::Searcher walked({bench_db(shards)}, r2p::test::source_taxonomy());
            walked.set_table_policy(r2p::TablePolicy::Always);
            r2p::Searcher xapian({bench_db(shards)}, r2p::test::source_taxonomy());
            xapian.set_table_policy(r2p::TablePolicy::Never);
            for (const r2p::BenchQuery& query : queries) {
                if (query.cls != r2p::QueryClass::SortDate &&
                    query.cls != r2p::QueryClass::TermFacets) {
                    continue;
                }
                for (const bool facets : {false, true}) {
                    for (const auto& range : {std::pair<std::string, std::string>{"", ""},
                                              {"2008", "2014-06"},
                                              {"2013-05-01", ""},
                                              {"", "2009"}}) {
                        // Named copies: clang cannot capture structured bindings (CAPTURE).
                        const std::string& from = range.first;
                        const std::string& to = range.second;
                        r2p::SearchRequest request = request_for(query);
                        request.sort = r2p::SortOrder::Date;
                        request.offset = 2;
                        request.filters.from = from;
                        request.filters.to = to;
                        if (facets)
                            request.facets = {r2p::FacetField::Theme, r2p::FacetField::Role};
                        CAPTURE(query.line());
                        CAPTURE(from);
                        CAPTURE(to);
                        const r2p::SearchResult ours = walked.run(request);
                        const r2p::SearchResult theirs = xapian.run(request);
                        CHECK(ours.stats.ranked_by == r2p::RankedBy::PostingWalk);
                        if (facets) CHECK(ours.stats.counted_by == r2p::CountedBy::PostingWalk);
                        CHECK(ours.matches.lower == theirs.matches.lower);
                        REQUIRE(ours.hits.size() == theirs.hits.size());
                        for (std::size_t i = 0; i < ours.hits.size(); ++i) {
                            CHECK(ours.hits[i].passage.id == theirs.hits[i].passage.id);
                            CHECK(ours.hits[i].score == doctest::Approx(theirs.hits[i].score));
                        }
                        REQUIRE(ours.facets.size() == theirs.facets.size());
                        for (std::size_t f = 0; f < ours.facets.size(); ++f) {
                            const auto& a = ours.facets[f].entries;
                            const auto& b = theirs.facets[f].entries;
                            REQUIRE(a.size() == b.size());
                            for (std::size_t v = 0; v < a.size(); ++v) {
                                CHECK(a[v].value == b[v].value);
                                CHECK(a[v].count == b[v].count);
                            }
                        }
                    }
                }
            }
        }
    }

    TEST_CASE("with tables never built, every query is ranked by Xapian and counted by spies") {
        r2p::Searcher searcher({bench_db(0)}, r2p::test::source_taxonomy());
        searcher.set_table_policy(r2p::TablePolicy::Never);
        for (const r2p::BenchQuery& query : generator().query_set(kPassages, 1)) {
            CAPTURE(query.line());
            const r2p::SearchResult result = searcher.run(request_for(query));
            CHECK(result.stats.ranked_by == r2p::RankedBy::Xapian);
            CHECK(result.stats.counted_by ==
                  (query.facets ? r2p::CountedBy::Spies : r2p::CountedBy::None));
            CHECK_FALSE(result.stats.length_table);
            CHECK(result.stats.facet_tables.empty());
        }
    }
}
