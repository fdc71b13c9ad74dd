// Query text and filters -> Xapian::Query: the steps of query.cpp's jobs composed in order
// (fields checked, synonyms and wildcards expanded, parsed, highlight terms, filters).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "index/indexed_phrases.hpp"
#include "r2p/search_request.hpp"
#include "r2p/taxonomy.hpp"
#include "search/snippets.hpp"

namespace r2p {

/// Longest query accepted, in bytes and in whitespace-separated words; longer ones are a
/// UsageError before any parsing (a pasted document is not a query).
inline constexpr std::size_t kMaxQueryBytes = 10 * 1024;
inline constexpr std::size_t kMaxQueryWords = 1000;

/// A query ready to run, with what the highlighter needs to mark its matches.
struct BuiltQuery {
    Xapian::Query query;       ///< never empty: MatchAll when the text has no words
    HighlightTerms highlight;  ///< terms, phrases and wildcard prefixes of the text
    std::string normalized;    ///< the text as parsed (accents folded, synonyms expanded)
};

/// Where build() reads the phrases a database indexes: asked only of a query that holds a
/// phrase (reading them cost a one-shot search about 60 page faults of fresh memory).
using PhraseSource = std::function<const IndexedPhrases&()>;

/// Builds queries against one taxonomy. Stateless apart from the taxonomy reference (which
/// must outlive the builder): safe to share between threads.
class QueryBuilder {
  public:
    explicit QueryBuilder(const Taxonomy& taxonomy);

    /// Parses `text` with Xapian's QueryParser syntax (AND OR NOT, "phrases", NEAR,
    /// prefix*, +must -mustnot, and the fields of schema::kFields: theme: role: kind: doc:
    /// year: speaker: title:) after folding its accents (case kept, so operators stay
    /// operators), and applies `filters` as a boolean filter. `db` is used to expand
    /// wildcards. Throws UsageError for a malformed or too long query, an unknown theme or
    /// role id, a bad filter value; IndexError when expanding a wildcard fails. Quoted
    /// phrases that `phrases` (what every shard of `db` indexes) holds are matched through
    /// their phrase terms (search/phrase_rewrite.hpp).
    BuiltQuery build(std::string_view text, MatchMode mode, const SearchFilters& filters,
                     const Xapian::Database& db, const PhraseSource& phrases = {}) const;

    /// The boolean filter of `filters` alone (MatchAll when there is none). Throws UsageError
    /// for an unknown theme or role id, kind or date.
    Xapian::Query filter_query(const SearchFilters& filters) const;

    /// "Did you mean": `text` with each word that the index does not know (neither as a word
    /// nor as a stem) replaced by the index's spelling suggestion; nullopt when every word is
    /// known or nothing better is found.
    std::optional<std::string> suggest(std::string_view text, const Xapian::Database& db) const;

  private:
    const Taxonomy& taxonomy_;
};

}  // namespace r2p
