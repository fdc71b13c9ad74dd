#include "r2p/facets.hpp"

#include <algorithm>

#include "r2p/error.hpp"
#include "r2p/schema.hpp"

namespace r2p {

namespace {

struct FieldInfo {
    FacetField field;
    std::string_view name;
    schema::Slot slot;
    bool multi_valued;
};

constexpr FieldInfo kFields[] = {
    {FacetField::Theme, "theme", schema::Slot::Themes, true},
    {FacetField::Role, "role", schema::Slot::Roles, true},
    {FacetField::Kind, "kind", schema::Slot::Kind, false},
    {FacetField::Doc, "doc", schema::Slot::Doc, false},
    {FacetField::Year, "year", schema::Slot::Year, false},
};

const FieldInfo& info(FacetField field) {
    for (const auto& f : kFields) {
        if (f.field == field) return f;
    }
    return kFields[0];  // unreachable: every enumerator is listed
}

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

}  // namespace

std::string_view facet_name(FacetField field) { return info(field).name; }

FacetField parse_facet_field(std::string_view name) {
    for (const auto& f : kFields) {
        if (f.name == name) return f.field;
    }
    throw UsageError("unknown facet '" + std::string(name) +
                     "' (known: theme, role, kind, doc, year)");
}

Facet facet_from_value_counts(FacetField field,
                              const std::map<std::string, Xapian::doccount>& value_counts,
                              const Taxonomy& taxonomy) {
    std::map<std::string, Xapian::doccount> totals;
    const bool split = info(field).multi_valued;
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

struct FacetCounter::Spy {
    FacetField field;
    Xapian::ValueCountMatchSpy spy;
};

FacetCounter::FacetCounter(const std::vector<FacetField>& fields) {
    for (const FacetField field : fields) {
        const bool seen = std::any_of(spies_.begin(), spies_.end(),
                                      [&](const auto& s) { return s->field == field; });
        if (seen) continue;
        spies_.push_back(std::unique_ptr<Spy>(
            new Spy{field, Xapian::ValueCountMatchSpy(schema::slot(info(field).slot))}));
    }
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
    for (auto& s : spies_) enquire.add_matchspy(&s->spy);
}

std::vector<Facet> FacetCounter::facets(const Taxonomy& taxonomy) const {
    std::vector<Facet> out;
    for (const auto& s : spies_) {
        std::map<std::string, Xapian::doccount> counts;
        for (auto it = s->spy.values_begin(); it != s->spy.values_end(); ++it) {
            counts[*it] += it.get_termfreq();
        }
        out.push_back(facet_from_value_counts(s->field, counts, taxonomy));
    }
    return out;
}

}  // namespace r2p
