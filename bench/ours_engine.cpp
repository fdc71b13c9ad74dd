// Ours behind the bench's Engine interface: the library's search path, as r2p-search runs it.
#include "bench/engines.hpp"

#include "r2p/search.hpp"

namespace r2p::bench {

namespace {

class Ours final : public Engine {
  public:
    Ours(const std::vector<std::string>& specs, const Taxonomy& taxonomy)
        : searcher_(specs, taxonomy) {}

    QueryOutcome run(const BenchQuery& query, bool facets) override {
        SearchRequest request;
        request.query = query.text();
        request.limit = 10;
        if (!query.theme.empty()) request.filters.themes = {query.theme};
        if (facets || query.facets) request.facets = {FacetField::Theme, FacetField::Role};
        request.sort = query.sort_date ? SortOrder::Date : SortOrder::Relevance;
        const SearchResult result = searcher_.run(request);
        QueryOutcome outcome;
        outcome.matches = result.matches.estimated;
        outcome.hits = result.hits.size();
        for (const Facet& facet : result.facets) outcome.facet_values += facet.entries.size();
        return outcome;
    }

  private:
    Searcher searcher_;
};

}  // namespace

std::unique_ptr<Engine> open_ours(const std::filesystem::path& db, const Taxonomy& taxonomy) {
    return std::make_unique<Ours>(std::vector<std::string>{db.string()}, taxonomy);
}

std::unique_ptr<Engine> open_ours(const std::vector<std::string>& specs, const Taxonomy& taxonomy) {
    return std::make_unique<Ours>(specs, taxonomy);
}

}  // namespace r2p::bench
