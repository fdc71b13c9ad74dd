// A search's exact counting pass: every match of the query visited once, unscored, counting
// the matches and the facets asked for; from FacetTables where they pay off.
#pragma once

#include <xapian.h>

#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "r2p/facet_table.hpp"
#include "r2p/facets.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p {

/// When theme, role, kind and year facets are counted from FacetTables instead of stored
/// values. A table costs one pass over the field's postings to build and then makes
/// counting several times cheaper; remote shards always count stored values (their spies
/// run on the server, which knows only Xapian's own).
enum class FacetTablePolicy {
    Auto,    ///< build a field's tables once value counting has cost about as much
    Always,  ///< build them for the first query that counts the field
    Never,   ///< always count stored values
};

/// "auto" / "always" / "never" -> FacetTablePolicy. Throws UsageError for anything else.
FacetTablePolicy parse_facet_table_policy(std::string_view name);

/// What a counting pass found.
struct CountedMatches {
    Xapian::doccount matches = 0;  ///< exact
    std::vector<Facet> facets;     ///< the fields asked for, in that order
};

/// Counts over one open set of databases; keeps its tables for later queries.
class MatchCounter {
  public:
    /// `db` is every shard as one database; `parts` the same shards one by one, or empty
    /// when some shard is remote. Xapian hands a match spy the docid within its shard, so
    /// tables are per shard and table passes run shard by shard.
    MatchCounter(Xapian::Database db, std::vector<Xapian::Database> parts);

    void set_policy(FacetTablePolicy policy) { policy_ = policy; }

    /// Counts every match of `query`, with the facets of `fields` (duplicates once).
    CountedMatches count(const Xapian::Query& query, const std::vector<FacetField>& fields,
                         const Taxonomy& taxonomy);

    /// Whether `field` is now counted from tables.
    bool has_table(FacetField field) const;

    /// Drops the tables: the databases were reopened, docids may have changed.
    void forget_tables() { tables_.clear(); }

  private:
    struct FieldTables {
        std::vector<std::optional<FacetTable>> by_part;  // empty: not built (yet)
        bool usable = false;                             // built, and every part has its table
        Xapian::doccount postings = 0;                   // the build's cost, read once
        Xapian::doccount counted_by_value = 0;           // matches counted from stored values
    };

    // The fields to count from tables now (building them when the policy says so).
    std::vector<FacetField> table_fields(const std::vector<FacetField>& fields);
    void build(FacetField field, FieldTables& tables);

    Xapian::Database db_;
    std::vector<Xapian::Database> parts_;
    FacetTablePolicy policy_ = FacetTablePolicy::Auto;
    std::map<FacetField, FieldTables> tables_;
};

}  // namespace r2p
