// Dates written in statement text, and the calendar check every stage shares.
#pragma once

#include <string>
#include <string_view>

namespace r2p {

/// "2012-09-28" for "28 September 2012", "September 28, 2012" or "2012-09-28" found in
/// `text`, "2012-09" for "September 2012"; empty when none is found.
std::string find_date(std::string_view text);

/// Whether `lower_word` (lower case) is the full English name of a month ("september"; not
/// "sept").
bool is_month_name(std::string_view lower_word);

/// True when `date` is YYYY, YYYY-MM or YYYY-MM-DD and the calendar has it (2023-02-30,
/// 2023-13 and 2023-04-00 are not; 2024-02-29 is).
bool is_calendar_date(std::string_view date);

}  // namespace r2p
