// What a search asks for: the request the CLI, `--queries` and the bench fill in.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "r2p/facets.hpp"

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
    // Where and who a statement is from (a collection profile's country, a speakers table).
    std::vector<std::string> countries;  ///< ISO 3166-1 alpha-3 codes, any case ("USA")
    std::vector<std::string> speakers;   ///< whole names, any case and accents ("Jan Eliasson")

    bool empty() const {
        return themes.empty() && roles.empty() && kinds.empty() && docs.empty() &&
               countries.empty() && speakers.empty() && from.empty() && to.empty();
    }
};

/// Result order: BM25 relevance, or newest first with relevance breaking ties.
enum class SortOrder { Relevance, Date };

/// How ranked hits fold (Xapian's collapse keys): not at all; a quote into its paragraph (a
/// paragraph and its own quotes show once, by the best of them); every passage into its
/// document. Counts and facets still count passages.
enum class GroupBy { None, Paragraph, Doc };

/// How facets count: within every filter (drilling down), or each facet without its own
/// field's filter (disjunctive: with two themes chosen, the other themes keep their counts;
/// the year facet leaves out from/to).
enum class FacetMode { Filtered, Disjunctive };

/// A query that matches nothing and has a spelling suggestion: runs the suggestion instead
/// (Auto; the result says so in corrected_query), or stays as asked (Off).
enum class Correction { Auto, Off };

/// Largest limit and offset accepted: more is a usage error, never a silent wrap.
inline constexpr std::size_t kMaxLimit = 10000;
inline constexpr std::size_t kMaxOffset = 100'000'000;

/// The similarity (docs/interface.md: "Sentence similarity") at or above which a sentence
/// counts as the same or a near-identical one for --like, --like-text and r2p-trace.
/// Chosen by the planted-repetition test (tests/like_planted_test.cpp): at 0.5 sentences
/// sharing two stock phrases ("the responsibility to protect", "the Security Council")
/// crept in; from 0.6 on precision and recall were both 1.
inline constexpr double kDefaultMinSimilarity = 0.6;

/// Everything one search needs.
struct SearchRequest {
    std::vector<std::string> databases;  ///< specs for open_databases (used by search())
    std::string query;                   ///< QueryParser syntax; empty: every passage
    std::size_t limit = 10;              ///< at most kMaxLimit; 0 gives counts only
    std::size_t offset = 0;              ///< at most kMaxOffset
    SearchFilters filters;
    std::vector<FacetField> facets;  ///< counted exactly when not empty
    SortOrder sort = SortOrder::Relevance;
    MatchMode match = MatchMode::All;
    GroupBy group = GroupBy::None;
    FacetMode facet_mode = FacetMode::Filtered;
    Correction correct = Correction::Auto;
    bool allow_partial = false;  ///< search the shards that answer (used by search())
    /// Near-duplicate sentence search: passages holding a sentence like one of the sentences
    /// of passage `like` (an id) or of `like_text`, at or above `min_similarity`. At most one
    /// of the two; with either, `query` (if any) further narrows the passages and hits carry
    /// SearchHit::like. Sort by relevance ranks by similarity.
    std::string like;
    std::string like_text;
    double min_similarity = kDefaultMinSimilarity;  ///< in [0, 1]
};

}  // namespace r2p
