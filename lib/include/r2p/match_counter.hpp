// A search's exact counting pass: every match of the query visited once, unscored, counting
// the matches and the facets asked for; from FacetTables where they pay off.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "r2p/facet_table.hpp"
#include "r2p/facets.hpp"
#include "r2p/table_policy.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p {

/// What a counting pass found.
struct CountedMatches {
    Xapian::doccount matches = 0;  ///< exact
    std::vector<Facet> facets;     ///< the fields asked for, in that order
};

/// Counts over one open set of databases; keeps its tables for later queries.
///
/// Over local shards the counter opens handles of its own on them (at the revision the
/// caller's database shows) and counts each shard on a thread of its own, so the caller
/// ranks the same query meanwhile: a faceted query then costs about the longer of the two
/// passes, not their sum. Xapian hands a match spy the docid within its shard, so tables
/// are per shard anyway. With a remote shard, counting runs on the caller's database, in
/// finish(), with Xapian's own spies (a stock xapian-tcpsrv runs them).
class MatchCounter {
  public:
    /// `db` is every shard as one database. `shards` lists the same shards one by one
    /// (sharing db's handles: their revisions are db's) and `shard_paths` their folders;
    /// both empty when some shard is remote.
    MatchCounter(Xapian::Database db, std::vector<Xapian::Database> shards,
                 std::vector<std::string> shard_paths);
    ~MatchCounter();
    MatchCounter(const MatchCounter&) = delete;
    MatchCounter& operator=(const MatchCounter&) = delete;

    void set_policy(TablePolicy policy) { policy_ = policy; }
    TablePolicy policy() const { return policy_; }

    /// Counting runs on threads of its own from this many passages (default 20,000; below,
    /// a pass is shorter than starting a thread).
    void set_threads_from(Xapian::doccount passages) { threads_from_ = passages; }

    /// Starts counting every match of `query`, with the facets of `fields` (duplicates
    /// once). Call finish() next; the caller may search `db` in between.
    void start(const Xapian::Query& query, const std::vector<FacetField>& fields);

    /// The count started last. Rethrows what counting threw (Xapian errors included).
    CountedMatches finish(const Taxonomy& taxonomy);

    /// Whether `field` is now counted from tables.
    bool has_table(FacetField field) const;

    /// After the caller reopened `db`: brings the counter's handles to its revision and
    /// drops the tables (docids may have changed). Waits for a count still running.
    void reopened();

  private:
    struct FieldTables {
        std::vector<std::optional<FacetTable>> by_shard;  // empty: not built (yet)
        Xapian::doccount postings = 0;                    // the build's cost, read once
        Xapian::doccount counted_by_value = 0;            // matches counted from stored values

        // Built, and every shard has its table (none has too many values).
        bool usable() const {
            return !by_shard.empty() && std::all_of(by_shard.begin(), by_shard.end(),
                                                    [](const auto& t) { return t.has_value(); });
        }
    };
    struct Running;

    // The fields to count from tables now (building them when the policy says so).
    std::vector<FacetField> table_fields(const std::vector<FacetField>& fields);
    void build(FacetField field, FieldTables& tables);
    // Opens or reopens own_ at the revisions of shards_; own_ stays empty when that fails.
    void align();
    void wait() noexcept;

    Xapian::Database db_;
    std::vector<Xapian::Database> shards_;  // db_'s handles, for their revisions
    std::vector<std::string> shard_paths_;
    std::vector<Xapian::Database> own_;  // ours, one per shard, for the counting threads
    TablePolicy policy_ = TablePolicy::Auto;
    Xapian::doccount threads_from_ = 20'000;
    std::map<FacetField, FieldTables> tables_;  // of own_'s revision
    std::unique_ptr<Running> running_;
};

}  // namespace r2p
