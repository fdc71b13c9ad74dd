#include "search/facet_counter.hpp"

#include <algorithm>
#include <optional>

#include "r2p/schema.hpp"
#include "tables/facet_table.hpp"

namespace r2p {

namespace {

std::string label_of(FacetField field, const std::string& value, const Taxonomy& taxonomy) {
    if (field == FacetField::Theme) {
        if (const Theme* t = taxonomy.find_theme(value); t != nullptr && !t->label.empty()) {
            return t->label;
        }
    } else if (field == FacetField::Role) {
        if (const Role* r = taxonomy.find_role(value); r != nullptr && !r->label.empty()) {
            return r->label;
        }
    }
    return value;
}

// The number of `did` in a column by docid; 0 past its end.
template <typename Number>
Number number_at(std::span<const Number> column, Xapian::docid did) {
    return did < column.size() ? column[did] : 0;
}

// Adds `counts` (bit i = values[i]) to `field`'s totals, the values counted at least once.
void add_bit_counts(FacetField field, const std::vector<std::string>& values,
                    const FacetBitCounts& counts, FacetTotals& totals) {
    for (std::size_t bit = 0; bit < values.size(); ++bit) {
        if (counts.count(bit) > 0) totals.add(field, values[bit], counts.count(bit));
    }
}

}  // namespace

std::string_view facet_table_prefix(FacetField field) {
    const auto& spec = facet_spec(field);
    return spec.facet_table ? spec.prefix : std::string_view{};
}

Facet facet_from_value_counts(FacetField field,
                              const std::map<std::string, Xapian::doccount>& value_counts,
                              const Taxonomy& taxonomy) {
    std::map<std::string, Xapian::doccount> totals;
    const bool split = facet_spec(field).multi_valued;
    for (const auto& [value, count] : value_counts) {
        if (!split) {
            if (!value.empty()) totals[value] += count;
            continue;
        }
        std::size_t start = 0;
        while (start <= value.size()) {
            auto end = value.find(schema::kListSeparator, start);
            if (end == std::string::npos) end = value.size();
            if (end > start) totals[value.substr(start, end - start)] += count;
            start = end + 1;
        }
    }
    Facet facet;
    facet.field = field;
    for (const auto& [value, count] : totals) {
        facet.entries.push_back({value, label_of(field, value, taxonomy), count});
    }
    std::stable_sort(facet.entries.begin(), facet.entries.end(),
                     [](const FacetEntry& a, const FacetEntry& b) {
                         if (a.count != b.count) return a.count > b.count;
                         return a.value < b.value;
                     });
    return facet;
}

void FacetTotals::list(FacetField field) {
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
}

void FacetTotals::add(FacetField field, const std::string& value, Xapian::doccount count) {
    list(field);
    counts[field][value] += count;
}

void FacetTotals::merge(const FacetTotals& other) {
    for (const FacetField field : other.fields) list(field);
    for (const auto& [field, values] : other.counts) {
        for (const auto& [value, count] : values) counts[field][value] += count;
    }
}

std::vector<Facet> FacetTotals::facets(const Taxonomy& taxonomy) const {
    std::vector<Facet> out;
    for (const FacetField field : fields) {
        const auto it = counts.find(field);
        out.push_back(facet_from_value_counts(
            field, it == counts.end() ? std::map<std::string, Xapian::doccount>{} : it->second,
            taxonomy));
    }
    return out;
}

struct FacetCounter::Field {
    FacetField field;
    const FacetTable* table;                          // counted from its bits when set
    std::unique_ptr<Xapian::ValueCountMatchSpy> spy;  // else from stored values
    FacetBitCounts counts;                            // from a multi-valued table
    std::optional<FacetIndexCounts> index_counts;     // from a single-valued table
};

// One spy for every table-counted field: a docid lookup per field and match.
class FacetCounter::TableSpy : public Xapian::MatchSpy {
  public:
    explicit TableSpy(FacetCounter& counter) : counter_(counter) {}
    void operator()(const Xapian::Document& doc, double) override {
        counter_.add_match(doc.get_docid());
    }

  private:
    FacetCounter& counter_;
};

FacetCounter::FacetCounter(const std::vector<FacetField>& fields,
                           const std::map<FacetField, const FacetTable*>& tables) {
    bool any_table = false;
    for (const FacetField field : fields) {
        const bool seen = std::any_of(fields_.begin(), fields_.end(),
                                      [&](const auto& f) { return f->field == field; });
        if (seen) continue;
        auto f = std::make_unique<Field>();
        f->field = field;
        const auto table = tables.find(field);
        f->table = table == tables.end() ? nullptr : table->second;
        if (f->table != nullptr) {
            any_table = true;
            TableLookup lookup;
            if (f->table->single_valued() || f->table->by_combination()) {
                f->index_counts.emplace(*f->table);
                lookup.index = f->table->index_by_docid();
                lookup.index_counts = &*f->index_counts;
            } else {
                lookup.bits = f->table->bits_by_docid();
                lookup.bit_counts = &f->counts;
            }
            lookups_.push_back(lookup);
        } else {
            f->spy =
                std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot(*facet_spec(field).slot));
        }
        fields_.push_back(std::move(f));
    }
    if (any_table) table_spy_ = std::make_unique<TableSpy>(*this);
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
    for (auto& f : fields_) {
        if (f->spy) enquire.add_matchspy(f->spy.get());
    }
    if (table_spy_) enquire.add_matchspy(table_spy_.get());
}

bool FacetCounter::all_from_tables() const {
    return std::all_of(fields_.begin(), fields_.end(), [](const auto& f) { return !f->spy; });
}

void FacetCounter::add_match(Xapian::docid did) {
    for (const TableLookup& lookup : lookups_) {
        if (lookup.bit_counts != nullptr) {
            lookup.bit_counts->add(number_at(lookup.bits, did));
        } else {
            lookup.index_counts->add(number_at(lookup.index, did));
        }
    }
}

void FacetCounter::add_matches(std::span<const Xapian::docid> dids) {
    for (const TableLookup& lookup : lookups_) {
        if (lookup.bit_counts != nullptr) {
            for (const Xapian::docid did : dids) {
                lookup.bit_counts->add(number_at(lookup.bits, did));
            }
        } else {
            for (const Xapian::docid did : dids) {
                lookup.index_counts->add(number_at(lookup.index, did));
            }
        }
    }
}

void FacetCounter::add_to(FacetTotals& totals) const {
    for (const auto& f : fields_) {
        totals.list(f->field);
        if (f->spy) {
            for (auto it = f->spy->values_begin(); it != f->spy->values_end(); ++it) {
                totals.add(f->field, *it, it.get_termfreq());
            }
        } else if (f->index_counts && f->table->by_combination()) {
            // Each combination's matches go to each of its values.
            FacetBitCounts by_bit;
            const std::span<const std::uint64_t> combinations = f->table->combinations();
            for (std::size_t i = 0; i < combinations.size(); ++i) {
                const Xapian::doccount count = f->index_counts->count(i);
                if (count > 0) by_bit.add(combinations[i], count);
            }
            add_bit_counts(f->field, f->table->values(), by_bit, totals);
        } else if (f->index_counts) {
            const auto& values = f->table->values();
            for (std::size_t i = 0; i < values.size(); ++i) {
                if (f->index_counts->count(i) > 0)
                    totals.add(f->field, values[i], f->index_counts->count(i));
            }
        } else {
            add_bit_counts(f->field, f->table->values(), f->counts, totals);
        }
    }
}

}  // namespace r2p
