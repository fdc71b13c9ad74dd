// Recognises the date-range filters filter_query builds (OP_VALUE_RANGE, OP_VALUE_GE and
// OP_VALUE_LE on Slot::Date), so a posting walk can answer them from a DateTable.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>

namespace r2p::detail {

/// An inclusive range of DateTable keys. Passages without a date (key 0) are never in it:
/// Xapian's value ranges skip documents without the value.
struct DateKeyRange {
    std::uint32_t lo = 0;
    std::uint32_t hi = UINT32_MAX;
    bool has(std::uint32_t key) const { return key != 0 && lo <= key && key <= hi; }
};

/// The key range of `q` when it is a value range, >= or <= on Slot::Date with 8-digit
/// bounds; nullopt for anything else (which Xapian's matcher must then answer). Xapian 1.4
/// does not expose a value range's slot and bounds: they are read from its description,
/// strictly (any other form is declined, never misread).
std::optional<DateKeyRange> date_key_range(const Xapian::Query& q);

}  // namespace r2p::detail
