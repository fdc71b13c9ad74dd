// The values of boolean fields (theme: role: kind: doc: year: country:) as queries and filters give
// them, checked and put in the index's form.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "r2p/schema.hpp"
#include "r2p/taxonomy.hpp"
#include "search/query_tokens.hpp"

namespace r2p::detail {

/// A country code in the index's form: "USA" -> "usa". Throws UsageError for a value that is
/// not three letters (after folding: "Åland" is not a code, "ÅLA" folds to one).
std::string country_code(std::string_view value);

/// `value` of boolean `field` in the index's form (folded, lower-case; a speaker's name as
/// fold_name gives it). Throws UsageError, naming the known values, for a theme or role
/// `taxonomy` does not have, a kind other than paragraph or quote, a year that is not YYYY,
/// or a country that is not three letters.
std::string boolean_value(const Taxonomy& taxonomy, schema::Field field, std::string_view value);

/// Lower-cases and checks the values of the boolean fields in `tokens` (QueryParser keeps
/// them verbatim, and the index holds them lower-case), and rewrites `speaker:"a name"`
/// into `(speaker:a AND speaker:name)`. Throws UsageError as boolean_value does.
void normalize_fields(std::vector<QueryToken>& tokens, const Taxonomy& taxonomy);

}  // namespace r2p::detail
