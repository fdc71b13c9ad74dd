// The fields results can be counted by, and the counts a search answers with.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "r2p/schema.hpp"

namespace r2p {

/// A field results can be counted by: schema::kFields' fields with a value slot, in its order.
enum class FacetField { Theme, Role, Kind, Doc, Year, Country, Speaker };

static_assert(
    [] {
        constexpr std::size_t kFacets = static_cast<std::size_t>(FacetField::Speaker) + 1;
        for (std::size_t i = 0; i < std::size(schema::kFields); ++i) {
            if (schema::kFields[i].slot.has_value() != (i < kFacets)) return false;
        }
        return true;
    }(),
    "FacetField lists the registry's fields with a value slot, first in it");

/// The registry's row for `field`.
constexpr const schema::FieldSpec& facet_spec(FacetField field) {
    return schema::field_spec(static_cast<schema::Field>(field));
}

/// "theme", "role", "kind", "doc", "year", "country", "speaker": the name in options and JSON.
constexpr std::string_view facet_name(FacetField field) { return facet_spec(field).name; }

/// One value of a facet and how many matches carry it.
struct FacetEntry {
    std::string value;  ///< id as indexed ("accountability", "2012", "usa", "jan eliasson")
    /// Taxonomy label for themes and roles; the stored label for country ("United States of
    /// America") and speaker (the name as written); else (or none stored) the value itself.
    std::string label;
    Xapian::doccount count = 0;
};

/// The counts of one field, sorted by count (highest first), then value.
struct Facet {
    FacetField field = FacetField::Theme;
    std::vector<FacetEntry> entries;
};

}  // namespace r2p
