// A sentence's uses (passages holding it) -> its history: first use, years, totals.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "r2p/trace.hpp"

namespace r2p {

/// Who said a passage, for counting distinct speakers: the whole folded name, or, when the
/// passage has none, its document ("doc:" + id), which counts as a speaker of its own.
std::string speaker_key(const StoredPassage& passage);

/// "YYYY" of a passage's document date, "" when it has none.
std::string passage_year(const StoredPassage& passage);

/// Whether `a` comes before `b` in a history: dated before undated, older date first,
/// then document id, then passage id with numbers compared as numbers ("p2" before "p10").
bool used_before(const StoredPassage& a, const StoredPassage& b);

/// The history of `sentence` from all its `uses` (any order): uses sorted oldest first, the
/// first `limit` of them listed, per year (oldest first, undated last) the speakers using it
/// verbatim, those using it only modified, the uses and the countries; the totals.
TraceResult build_trace(std::string sentence, std::vector<SentenceUse> uses, std::size_t limit);

}  // namespace r2p
