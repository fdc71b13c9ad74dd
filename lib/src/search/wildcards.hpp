// Wildcards (`protect*`) expanded by the query builder over the whole database.
#pragma once

#include <xapian.h>

#include <string>

namespace r2p::detail {

/// A wildcard expands to at most this many of the most frequent matching terms, so `a*` on
/// a large index costs no more than a long query.
inline constexpr Xapian::termcount kMaxWildcardTerms = 200;

/// `query` with each plain `prefix*` (no field, no +/-) rewritten into the OR of at most
/// kMaxWildcardTerms of `db`'s most frequent words starting so, capitalised so QueryParser
/// keeps them unstemmed; a wildcard nothing matches is left as it is. Throws what
/// Xapian::Database throws.
std::string expand_wildcards(const std::string& query, const Xapian::Database& db);

}  // namespace r2p::detail
