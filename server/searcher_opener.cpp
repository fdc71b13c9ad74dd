#include "server/searcher_opener.hpp"

#include <memory>
#include <optional>
#include <utility>

#include "r2p/databases.hpp"
#include "r2p/stored_taxonomy.hpp"

namespace r2p::serve {

SearcherOpener make_searcher_opener(std::vector<std::string> databases,
                                    cli::NamedTaxonomyFiles named, TablePolicy policy) {
    return [databases = std::move(databases), named = std::move(named), policy] {
        OpenedDatabases opened = open_databases(databases, false);
        std::optional<TaxonomyTexts> stored;
        if (!named.complete()) stored = stored_taxonomy(opened.shards);
        OpenSearcher open;
        open.taxonomy = std::make_shared<const Taxonomy>(cli::resolve_taxonomy(named, stored));
        open.searcher = std::make_unique<Searcher>(std::move(opened), *open.taxonomy);
        open.searcher->set_table_policy(policy);
        return open;
    };
}

}  // namespace r2p::serve
