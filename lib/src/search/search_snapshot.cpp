#include "search/search_snapshot.hpp"

#include <cstdint>
#include <string_view>

#include "search/facet_counter.hpp"

namespace r2p {

namespace {

// Xapian ranks a match in about 0.6 us at 1M passages (mostly reading its length), a
// LengthTable costs about 0.05 us a passage to build: Auto builds it once Xapian has
// ranked a twelfth of the database's size in matches.
constexpr Xapian::doccount kRankCostInLengths = 12;

// Counting a match from a stored value costs about as much as visiting 8 postings while
// building a table (measured at 1M passages: 0.23 us a match and field, 0.03 us a posting).
// Auto builds the tables once the value counting they would have saved has cost as much as
// building them: never for a one-off query, soon in a session or a benchmark.
constexpr std::uint64_t kValueCountCostInPostings = 8;

// Tries to open the counting handles at the caller's revision before counting on the
// caller's database instead (a writer committing at every moment).
constexpr int kAlignAttempts = 5;

}  // namespace

SearchSnapshot::SearchSnapshot(Xapian::Database db, std::vector<Xapian::Database> shards,
                               std::vector<std::string> shard_paths)
    : db_(std::move(db)), shards_(std::move(shards)), shard_paths_(std::move(shard_paths)) {
    align();
}

void SearchSnapshot::align() {
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

bool SearchSnapshot::refresh(bool force) {
    // Cheap when nothing changed; tables of an older snapshot go with it.
    if (!db_.reopen() && !force) return false;
    tables_.clear();
    lengths_.reset();
    dates_.reset();
    align();
    return true;
}

const LengthTable* SearchSnapshot::length_table() {
    if (lengths_) return &*lengths_;
    if (shards_.empty() || policy_ == TablePolicy::Never) return nullptr;
    if (policy_ == TablePolicy::Auto &&
        static_cast<std::uint64_t>(ranked_by_xapian_) * kRankCostInLengths < db_.get_doccount()) {
        return nullptr;
    }
    lengths_ = LengthTable::build(db_);
    return &*lengths_;
}

const DateTable* SearchSnapshot::date_table() {
    if (dates_) return &*dates_;
    if (shards_.empty() || policy_ == TablePolicy::Never) return nullptr;
    // A date costs about what a length does to read and to build: the same threshold.
    if (policy_ == TablePolicy::Auto &&
        static_cast<std::uint64_t>(sorted_by_xapian_) * kRankCostInLengths < db_.get_doccount()) {
        return nullptr;
    }
    dates_ = DateTable::build(db_);
    return &*dates_;
}

std::vector<FacetField> SearchSnapshot::table_fields(const std::vector<FacetField>& fields) {
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
            for (const Xapian::Database& shard : own_) {
                tables.by_shard.push_back(
                    FacetTable::build(shard, prefix, !facet_spec(field).multi_valued));
            }
        }
        if (tables.usable()) chosen.push_back(field);
    }
    return chosen;
}

void SearchSnapshot::counted_by_value(FacetField field, Xapian::doccount matches) {
    if (!facet_table_prefix(field).empty()) tables_[field].counted_by_value += matches;
}

std::vector<FacetField> SearchSnapshot::facet_tables() const {
    std::vector<FacetField> out;
    for (const auto& [field, tables] : tables_) {
        if (tables.usable()) out.push_back(field);
    }
    return out;
}

}  // namespace r2p
