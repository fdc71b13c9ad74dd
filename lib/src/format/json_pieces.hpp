// Pieces of the JSON output that more than one result shape shows (search hits, traces).
#pragma once

#include <nlohmann/json.hpp>

#include "r2p/search_result.hpp"

namespace r2p {

/// Scores are for ordering and eyeballing: four decimals keep the JSON readable.
double rounded(double score);

/// {"code": "usa", "name": "United States of America"}, or null when the passage's document
/// has no country (a name without a code is not shown: the code is what filters by it).
nlohmann::json country_json(const StoredPassage& passage);

/// A sentence match of `passage` (docs/interface.md, "like"): similarity, verbatim, asked,
/// the sentence's text, and begin, end and differing as code point offsets into the
/// passage's text (the unit of "highlights"), missing words.
nlohmann::json sentence_match_json(const StoredPassage& passage, const SentenceMatch& match);

}  // namespace r2p
