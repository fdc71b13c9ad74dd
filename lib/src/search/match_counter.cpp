#include "r2p/match_counter.hpp"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <stdexcept>
#include <string>
#include <thread>

#include "search/facet_counter.hpp"
#include "search/posting_walk.hpp"
#include "r2p/error.hpp"

namespace r2p {

namespace {

// Counting a match from a stored value costs about as much as visiting 8 postings while
// building a table (measured at 1M passages: 0.23 us a match and field, 0.03 us a posting).
// Auto builds the tables once the value counting they would have saved has cost as much as
// building them: never for a one-off query, soon in a session or a benchmark.
constexpr std::uint64_t kValueCountCostInPostings = 8;

// Tries to open the counter's handles at the caller's revision before counting on the
// caller's database instead (a writer committing at every moment).
constexpr int kAlignAttempts = 5;

struct PassCount {
    Xapian::doccount matches = 0;
    FacetTotals totals;
};

// One counting pass over `db`: every match checked (so the count is exact), unscored.
PassCount count_pass(const Xapian::Database& db, const Xapian::Query& query,
                     const std::vector<FacetField>& fields,
                     const std::map<FacetField, const FacetTable*>& tables) {
    FacetCounter counter(fields, tables);
    PassCount out;
    // Every field from a table and a simple query: walk the posting lists, no matcher.
    if (counter.all_from_tables()) {
        if (auto walk = detail::PostingWalk::open(db, query)) {
            walk->for_each([&](Xapian::docid did) {
                ++out.matches;
                counter.add_match(did);
            });
            counter.add_to(out.totals);
            return out;
        }
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    counter.attach(enquire);
    const Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());
    out.matches = mset.get_matches_estimated();
    counter.add_to(out.totals);
    return out;
}

}  // namespace

struct MatchCounter::Running {
    std::vector<FacetField> fields;
    std::vector<FacetField> from_tables;
    Xapian::Query query;                                          // for passes run in finish()
    std::vector<std::map<FacetField, const FacetTable*>> tables;  // per shard of own_
    std::vector<PassCount> passes;
    std::vector<std::exception_ptr> failures;
    std::vector<std::thread> threads;  // none: finish() counts
};

MatchCounter::MatchCounter(Xapian::Database db, std::vector<Xapian::Database> shards,
                           std::vector<std::string> shard_paths)
    : db_(std::move(db)), shards_(std::move(shards)), shard_paths_(std::move(shard_paths)) {
    align();
}

MatchCounter::~MatchCounter() { wait(); }

void MatchCounter::align() {
    own_.clear();
    if (shard_paths_.empty() || shard_paths_.size() != shards_.size()) return;
    try {
        std::vector<Xapian::Database> own;
        for (const auto& path : shard_paths_) own.emplace_back(path, Xapian::DB_BACKEND_GLASS);
        for (int attempt = 0; attempt < kAlignAttempts; ++attempt) {
            bool same = true;
            for (std::size_t i = 0; i < own.size(); ++i) {
                same = same && own[i].get_revision() == shards_[i].get_revision();
            }
            if (same) {
                own_ = std::move(own);
                return;
            }
            // A writer committed between the opens: both sides take the newest revision.
            db_.reopen();
            for (auto& d : own) d.reopen();
        }
    } catch (const Xapian::Error&) {
        // Then counting runs on db_ itself, after the ranked pass: slower, never wrong.
    }
}

void MatchCounter::wait() noexcept {
    if (!running_) return;
    for (auto& thread : running_->threads) {
        if (thread.joinable()) thread.join();
    }
    running_.reset();
}

void MatchCounter::reopened() {
    wait();
    tables_.clear();
    align();
}

bool MatchCounter::has_table(FacetField field) const {
    const auto it = tables_.find(field);
    return it != tables_.end() && it->second.usable();
}

void MatchCounter::build(FacetField field, FieldTables& tables) {
    const std::string_view prefix = facet_table_prefix(field);
    for (const Xapian::Database& shard : own_) {
        tables.by_shard.push_back(FacetTable::build(shard, prefix));
    }
}

std::vector<FacetField> MatchCounter::table_fields(const std::vector<FacetField>& fields) {
    std::vector<FacetField> chosen;
    if (own_.empty() || policy_ == TablePolicy::Never) return chosen;
    for (const FacetField field : fields) {
        const std::string_view prefix = facet_table_prefix(field);
        if (prefix.empty()) continue;
        FieldTables& tables = tables_[field];
        if (tables.by_shard.empty()) {
            if (policy_ == TablePolicy::Auto) {
                if (tables.postings == 0) {
                    for (const auto& shard : own_)
                        tables.postings += FacetTable::postings(shard, prefix);
                }
                if (tables.counted_by_value * kValueCountCostInPostings < tables.postings) continue;
            }
            build(field, tables);
        }
        if (tables.usable()) chosen.push_back(field);
    }
    return chosen;
}

void MatchCounter::start(const Xapian::Query& query, const std::vector<FacetField>& fields) {
    wait();  // a count whose caller failed before finish()
    running_ = std::make_unique<Running>();
    Running& r = *running_;
    r.fields = fields;
    r.query = query;
    if (own_.empty()) return;  // finish() counts on db_
    r.from_tables = table_fields(fields);
    r.tables.resize(own_.size());
    for (std::size_t i = 0; i < own_.size(); ++i) {
        for (const FacetField field : r.from_tables) {
            r.tables[i][field] = &*tables_.at(field).by_shard[i];
        }
    }
    r.passes.resize(own_.size());
    r.failures.resize(own_.size());
    if (db_.get_doccount() < threads_from_) return;  // finish() counts on own_
    // Each thread gets its own copy of the query: Xapian's reference counts are not atomic.
    const std::string serialised = query.serialise();
    for (std::size_t i = 0; i < own_.size(); ++i) {
        r.threads.emplace_back([this, &r, i, serialised] {
            try {
                r.passes[i] = count_pass(own_[i], Xapian::Query::unserialise(serialised), r.fields,
                                         r.tables[i]);
            } catch (...) {
                r.failures[i] = std::current_exception();
            }
        });
    }
}

CountedMatches MatchCounter::finish(const Taxonomy& taxonomy) {
    if (!running_) throw std::logic_error("MatchCounter::finish without start");
    for (auto& thread : running_->threads) thread.join();
    const std::unique_ptr<Running> r = std::move(running_);
    if (own_.empty()) {
        r->passes.push_back(count_pass(db_, r->query, r->fields, {}));
    } else if (r->threads.empty()) {
        for (std::size_t i = 0; i < own_.size(); ++i) {
            r->passes[i] = count_pass(own_[i], r->query, r->fields, r->tables[i]);
        }
    }
    for (const auto& failure : r->failures) {
        if (failure) std::rethrow_exception(failure);
    }

    CountedMatches counted;
    FacetTotals totals;
    for (const PassCount& pass : r->passes) {
        counted.matches += pass.matches;
        totals.merge(pass.totals);
    }
    for (const FacetField field : r->fields) {
        const bool by_value =
            std::find(r->from_tables.begin(), r->from_tables.end(), field) == r->from_tables.end();
        if (by_value && !facet_table_prefix(field).empty()) {
            tables_[field].counted_by_value += counted.matches;
        }
    }
    counted.facets = totals.facets(taxonomy);
    return counted;
}

}  // namespace r2p
