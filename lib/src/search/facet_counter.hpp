// Exact facet counts (theme, role, kind, doc, year, country, speaker) over every match of a
// query.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "r2p/facets.hpp"
#include "r2p/taxonomy.hpp"
#include "tables/facet_table.hpp"

namespace r2p {

/// Per-value totals from the counts of stored value strings. Theme and role values hold a
/// passage's sorted id set joined by schema::kListSeparator; each such combination's count
/// goes to every id in it, which is exact because an id occurs at most once per passage.
/// Labels come from `taxonomy`; entries are sorted by count desc, then value.
Facet facet_from_value_counts(FacetField field,
                              const std::map<std::string, Xapian::doccount>& value_counts,
                              const Taxonomy& taxonomy);

/// Value counts per field, gathered over one or more counting passes (one per shard), in
/// the order the fields were first asked for. Values are single ids or, from stored
/// values, joined id sets (see facet_from_value_counts).
struct FacetTotals {
    std::vector<FacetField> fields;
    std::map<FacetField, std::map<std::string, Xapian::doccount>> counts;

    /// Adds `count` matches carrying `value` to `field` (a field is listed when first seen).
    void add(FacetField field, const std::string& value, Xapian::doccount count);
    /// Adds every count of `other` (its fields listed after ours).
    void merge(const FacetTotals& other);
    /// Lists `field` (after those listed already) even when it gets no counts.
    void list(FacetField field);
    /// The facets, labelled from `taxonomy` and sorted.
    std::vector<Facet> facets(const Taxonomy& taxonomy) const;
};

/// The boolean term prefix under which a FacetTable can count `field` (theme, role, kind,
/// year, country, speaker); empty for doc, whose ids are unbounded in number and need not
/// fit in a term.
std::string_view facet_table_prefix(FacetField field);

/// Counts facets while Xapian matches. A field given a FacetTable is counted from its bits;
/// the others by one built-in ValueCountMatchSpy each (which also work across remote
/// shards, where custom spies cannot: give no tables there). Counts are exact only when the
/// Enquire checks every match: pass the database size as check_at_least to get_mset.
/// A counter counts one get_mset call: make a new one to run the query again.
class FacetCounter {
  public:
    /// Counts `fields` (duplicates are counted once). `tables` (which must outlive the
    /// counter) holds the FacetTable of a field where one is to be used.
    explicit FacetCounter(const std::vector<FacetField>& fields,
                          const std::map<FacetField, const FacetTable*>& tables = {});
    ~FacetCounter();
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;

    /// Registers the spies on `enquire`; the counter must outlive its get_mset calls.
    void attach(Xapian::Enquire& enquire);

    /// Whether every field is counted from a table: then add_match can count without Xapian.
    bool all_from_tables() const;

    /// Counts passage `did` of the tables' database (every field from its table).
    void add_match(Xapian::docid did);
    /// Counts passages `dids`, as add_match each (a field at a time: a tight loop).
    void add_matches(std::span<const Xapian::docid> dids);

    /// Adds what was counted to `totals` (every field is listed, even with no counts).
    void add_to(FacetTotals& totals) const;

  private:
    struct Field;
    class TableSpy;
    // A table-counted field as add_match reads it: the column and the counts, flat (one
    // lookup per match and field, no pointer chase through Field and FacetTable).
    struct TableLookup {
        std::span<const std::uint64_t> bits;   // multi-valued by bits, else empty
        std::span<const std::uint16_t> index;  // single-valued or by combination, else empty
        FacetBitCounts* bit_counts = nullptr;
        FacetIndexCounts* index_counts = nullptr;
    };
    std::vector<std::unique_ptr<Field>> fields_;
    std::vector<TableLookup> lookups_;
    std::unique_ptr<TableSpy> table_spy_;
};

}  // namespace r2p
