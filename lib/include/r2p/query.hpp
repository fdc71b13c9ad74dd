// Query text and filters -> Xapian::Query: folding, field prefixes, synonyms, spelling.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "r2p/snippets.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p {

/// How the words of a multi-word query combine: every word (AND) or any word (OR).
enum class MatchMode { All, Any };

/// Filters from options. Values of one filter are alternatives; different filters all apply.
struct SearchFilters {
    std::vector<std::string> themes;  ///< theme ids (checked against the taxonomy)
    std::vector<std::string> roles;   ///< role ids (checked against the taxonomy)
    std::vector<std::string> kinds;   ///< "paragraph" | "quote"
    std::vector<std::string> docs;    ///< document ids
    std::string from;                 ///< "YYYY[-MM[-DD]]" or empty: no lower bound
    std::string to;                   ///< "YYYY[-MM[-DD]]" or empty: no upper bound

    bool empty() const {
        return themes.empty() && roles.empty() && kinds.empty() && docs.empty() && from.empty() &&
               to.empty();
    }
};

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

/// The inclusive "YYYYMMDD" bounds of Slot::Date for --from / --to ("2012" -> "20120000" as
/// a lower bound, "20129999" as an upper one). Throws UsageError for a malformed date or
/// one the calendar does not have (2023-02-30, 2023-13, 2023-04-00; 2024-02-29 is fine).
std::string date_lower_bound(std::string_view date);
std::string date_upper_bound(std::string_view date);

/// Rewrites every synonym of `groups` standing in `query` outside quotes (or as a whole
/// quoted phrase) into the OR of the group's phrases: `R2P` -> `(R2P OR RtoP OR
/// "responsibility to protect")`. Words carrying a field prefix, +/-, a wildcard, or next
/// to NEAR/ADJ are left alone. Matching is case- and accent-insensitive.
std::string expand_synonyms(std::string_view query, const std::vector<SynonymGroup>& groups);

/// Builds queries against one taxonomy. Stateless apart from the taxonomy reference (which
/// must outlive the builder): safe to share between threads.
class QueryBuilder {
  public:
    explicit QueryBuilder(const Taxonomy& taxonomy);

    /// Parses `text` with Xapian's QueryParser syntax (AND OR NOT, "phrases", NEAR,
    /// prefix*, +must -mustnot, theme: role: kind: doc: year: speaker:) after folding its
    /// accents (case kept, so operators stay operators), and applies `filters` as a boolean
    /// filter. `db` is used to expand wildcards. Throws UsageError for a malformed or too
    /// long query, an unknown theme or role id, a bad filter value.
    BuiltQuery build(std::string_view text, MatchMode mode, const SearchFilters& filters,
                     const Xapian::Database& db) const;

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
