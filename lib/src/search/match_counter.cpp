#include "search/match_counter.hpp"

#include <algorithm>
#include <array>
#include <future>
#include <map>
#include <stdexcept>
#include <string>

#include "search/facet_counter.hpp"
#include "search/posting_walk.hpp"
#include "search/running_searches.hpp"
#include "search/union_walk.hpp"
#include "search/walked_count.hpp"
#include "tables/facet_table.hpp"

namespace r2p {

namespace {

struct PassCount {
    Xapian::doccount matches = 0;
    FacetTotals totals;
    CountedBy counted_by = CountedBy::None;
};

// One counting pass over `db`: every match checked (so the count is exact), unscored.
// Date ranges are walked with `dates` (when it has a table).
PassCount count_pass(const Xapian::Database& db, const Xapian::Query& query,
                     const std::vector<FacetField>& fields,
                     const std::map<FacetField, const FacetTable*>& tables,
                     const detail::WalkDates& dates) {
    FacetCounter counter(fields, tables);
    PassCount out;
    // Every field from a table and a simple query: walk the posting lists, no matcher.
    if (counter.all_from_tables()) {
        if (auto walk = detail::PostingWalk::open(db, query, &dates)) {
            // Counted a batch at a time: the counter's tight loop, a field at a time.
            std::array<Xapian::docid, 256> batch{};
            std::size_t batched = 0;
            detail::for_each_match(*walk, db.get_lastdocid(), [&](Xapian::docid did) {
                batch[batched++] = did;
                if (batched == batch.size()) {
                    counter.add_matches(batch);
                    out.matches += static_cast<Xapian::doccount>(batched);
                    batched = 0;
                }
            });
            counter.add_matches({batch.data(), batched});
            out.matches += static_cast<Xapian::doccount>(batched);
            counter.add_to(out.totals);
            out.counted_by = CountedBy::PostingWalk;
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
    out.counted_by = counter.all_from_tables() ? CountedBy::Tables : CountedBy::Spies;
    return out;
}

}  // namespace

struct MatchCounter::Running {
    std::vector<FacetField> fields;
    std::vector<FacetField> from_tables;
    Xapian::Query query;                                          // for passes run in finish()
    std::vector<std::map<FacetField, const FacetTable*>> tables;  // per counting shard
    std::vector<detail::WalkDates> dates;                         // per counting shard
    std::vector<PassCount> passes;
    std::vector<std::future<void>> tasks;  // none: finish() counts
    std::unique_ptr<WalkedCount> walked;   // counting along the ranked walk
};

MatchCounter::MatchCounter(SearchSnapshot& snapshot, Xapian::doccount threads_from, unsigned cores)
    : snapshot_(snapshot), threads_from_(threads_from), cores_(cores) {}

MatchCounter::~MatchCounter() { wait(); }

void MatchCounter::wait() noexcept {
    if (!running_) return;
    for (auto& task : running_->tasks) {
        if (task.valid()) task.wait();
    }
    running_.reset();
}

MatchVisitor* MatchCounter::visitor() { return running_ ? running_->walked.get() : nullptr; }

void MatchCounter::start(const Xapian::Query& query, const std::vector<FacetField>& fields,
                         RankedWalk walk, bool shards_at_once) {
    wait();  // a count whose caller failed before finish()
    running_ = std::make_unique<Running>();
    Running& r = *running_;
    r.fields = fields;
    r.query = query;
    // Local shards, by the snapshot's own handles; none when some shard is remote.
    const std::size_t shard_count = snapshot_.db_shards().size();
    if (shard_count == 0) return;  // finish() counts on the snapshot's db()
    r.from_tables = snapshot_.table_fields(fields);
    r.tables.resize(shard_count);
    // The snapshot's dates (if built) are of all shards as one database.
    const DateTable* dates = snapshot_.has_date_table() ? snapshot_.date_table() : nullptr;
    for (std::size_t i = 0; i < shard_count; ++i) {
        r.dates.push_back(
            {dates, static_cast<Xapian::docid>(shard_count), static_cast<Xapian::docid>(i)});
        for (const FacetField field : r.from_tables) {
            r.tables[i][field] = &snapshot_.facet_table(field, i);
        }
    }
    const bool all_from_tables = std::all_of(fields.begin(), fields.end(), [&](FacetField f) {
        return std::find(r.from_tables.begin(), r.from_tables.end(), f) != r.from_tables.end();
    });
    // An OR is counted on the pool, beside its ranking (see ranked_walk_counts_after_ranking),
    // while a core is free for it: riding made a lone query wait for both passes in turn (at
    // 1M compacted its warm faceted p50 went 3.5 -> 8.5 ms, the wildcard p99 5.3 -> 11.9).
    // When every core runs a search, the pool's thread finds none free: riding then took
    // the faceted OR class from 280 to 373 queries/s on 2 threads at 1M compacted, the
    // wildcards from 579 to 681, the whole faceted query set from 780-800 to 872-916.
    // Walked shard by shard on threads of their own, an OR is counted on the walk of each
    // shard, which reads every posting once (rank_bm25's scan).
    const bool cores_busy = RunningSearch::count() >= cores_;
    const bool rides =
        ranked_walk_visits_every_match(query, walk) &&
        (cores_busy || shards_at_once || !ranked_walk_counts_after_ranking(query, walk));
    if (all_from_tables && rides) {
        r.walked = std::make_unique<WalkedCount>(fields, r.tables);
        return;  // counted along the ranked walk, else in finish()
    }
    // A pass of its own: on the counting handles, opened now if not yet.
    const std::vector<Xapian::Database>& shards = snapshot_.counting_shards();
    if (shards.empty()) return;  // finish() counts on the snapshot's db()
    r.passes.resize(shards.size());
    if (snapshot_.db().get_doccount() < threads_from_) return;  // finish() counts on shards
    if (!pool_) pool_ = std::make_unique<WorkerPool>(static_cast<unsigned>(shards.size()));
    // Each task gets its own copy of the query: Xapian's reference counts are not atomic.
    const std::string serialised = query.serialise();
    for (std::size_t i = 0; i < shards.size(); ++i) {
        r.tasks.push_back(pool_->submit([&r, &shards, i, serialised] {
            r.passes[i] = count_pass(shards[i], Xapian::Query::unserialise(serialised), r.fields,
                                     r.tables[i], r.dates[i]);
        }));
    }
}

CountedMatches MatchCounter::finish(const Taxonomy& taxonomy) {
    if (!running_) throw std::logic_error("MatchCounter::finish without start");
    for (auto& task : running_->tasks) task.wait();
    const std::unique_ptr<Running> r = std::move(running_);
    if (r->walked && r->walked->complete()) {
        r->passes.assign(1, PassCount{});
        r->passes[0].matches = r->walked->matches();
        r->walked->add_to(r->passes[0].totals);
        for (const FacetField field : r->fields) r->passes[0].totals.list(field);
        r->passes[0].counted_by = CountedBy::PostingWalk;
    } else if (r->tasks.empty()) {
        // Counted here, after the ranked pass: on the counting handles when they can be had.
        const std::vector<Xapian::Database>& shards = snapshot_.counting_shards();
        if (shards.empty() || r->tables.size() != shards.size()) {
            r->passes.assign(1, count_pass(snapshot_.db(), r->query, r->fields, {}, {}));
        } else {
            r->passes.resize(shards.size());
            for (std::size_t i = 0; i < shards.size(); ++i) {
                r->passes[i] =
                    count_pass(shards[i], r->query, r->fields, r->tables[i], r->dates[i]);
            }
        }
    }
    for (auto& task : r->tasks) task.get();  // rethrows the first failure, by shard

    CountedMatches counted;
    FacetTotals totals;
    for (const PassCount& pass : r->passes) {
        counted.matches += pass.matches;
        totals.merge(pass.totals);
        // Shards share their tables' fields; the slowest way any of them took is reported.
        counted.counted_by = std::max(counted.counted_by, pass.counted_by);
    }
    for (const FacetField field : r->fields) {
        const bool by_value =
            std::find(r->from_tables.begin(), r->from_tables.end(), field) == r->from_tables.end();
        if (by_value) snapshot_.counted_by_value(field, counted.matches);
    }
    counted.facets = totals.facets(taxonomy);
    return counted;
}

}  // namespace r2p
