// What a search answers: ranked hits with snippets, exact counts and facets.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "r2p/facets.hpp"
#include "r2p/search_request.hpp"

namespace r2p {

/// A passage as stored in the index and shown in results.
struct StoredPassage {
    std::string id;
    std::string kind;  ///< "paragraph" | "quote"
    std::string text;  ///< original text, NFC (not folded)
    std::vector<std::string> themes;
    std::vector<std::string> roles;
    std::optional<std::string> speaker;
    std::string parent;  ///< paragraph id of a quote, else empty
    std::string section;
    std::string doc_id;
    std::string doc_title;
    std::string doc_date;
    std::string doc_path;
    std::size_t line = 0;        ///< line of the paragraph in the file (1-based)
    std::string doc_event;       ///< from the sidecar; empty when not given
    std::string doc_place;       ///< from the sidecar; empty when not given
    std::string doc_source_url;  ///< from the sidecar; empty when not given
    // From a collection profile and its speakers table; empty when not read under one.
    std::string doc_country;       ///< ISO 3166-1 alpha-3, lower case ("usa")
    std::string doc_country_name;  ///< "United States of America"
    std::string doc_session;       ///< the collection's session number ("63")
    // Stored after the fields above; empty when not given or read from older data.
    std::string label;       ///< the paragraph's printed number ("12"), also on its quotes
    std::string doc_symbol;  ///< the document's UN symbol ("A/73/898-S/2019/463")
};

/// A piece of original text with the byte ranges [first, second) that matched.
struct Snippet {
    std::string text;  ///< original text, "…" where it was cut
    std::vector<std::pair<std::size_t, std::size_t>> marks;  ///< sorted, non-overlapping
};

/// Where a passage holds a sentence like an asked one (--like, --like-text, r2p-trace).
struct SentenceMatch {
    double similarity = 0;  ///< in [0, 1]; see docs/interface.md, "Sentence similarity"
    /// The asked sentence word for word (folded), alone or inside a longer sentence (then
    /// `differing` marks the words around it).
    bool verbatim = false;
    std::size_t asked = 0;  ///< which asked sentence it is like (0-based; like_sentences)
    /// The passage's sentence as byte offsets [begin, end) in StoredPassage::text.
    std::size_t begin = 0;
    std::size_t end = 0;
    /// Words of that sentence the asked one does not have, as byte ranges of
    /// StoredPassage::text: sorted, non-overlapping, inside [begin, end).
    std::vector<std::pair<std::size_t, std::size_t>> differing;
    /// Words of the asked sentence this one lacks, in their order (folded).
    std::vector<std::string> missing;
};

/// One ranked passage.
struct SearchHit {
    std::size_t rank = 0;  ///< 1-based over the whole result list (offset counted)
    double score = 0;      ///< BM25 weight (0 for a query of filters only)
    StoredPassage passage;
    Snippet snippet;  ///< marks where the query matched the original text
    /// With a GroupBy: how many other matching passages of its group this hit stands for,
    /// exact (counted per hit: the query AND its group's id terms); 0 when not grouped.
    std::size_t folded = 0;
    /// With SearchRequest::like or like_text: its best sentence match; else nullopt.
    std::optional<SentenceMatch> like;
};

/// Match counts are exact (every match checked) whenever a query has at most this many
/// matches, whatever the table policy; above, they may be estimates (see MatchCounts).
inline constexpr Xapian::doccount kExactMatchesUpTo = 100'000;

/// Grouped (GroupBy), the groups are counted exactly whenever a query has at most this many
/// matching passages; above, SearchResult::groups may be Xapian's estimate (the passages
/// are still counted exactly). Checking every match would read every match's collapse key:
/// at 100k passages a grouped query of 16k matches took 32 ms instead of 4.
inline constexpr Xapian::doccount kExactGroupsUpTo = 2'000;

/// How many passages match: exact (all three equal) up to kExactMatchesUpTo matches and
/// whenever facets or a GroupBy were asked for; otherwise Xapian's bounds and estimate. Never fewer
/// than the hits shown (offset counted).
struct MatchCounts {
    Xapian::doccount lower = 0;
    Xapian::doccount estimated = 0;
    Xapian::doccount upper = 0;

    /// True when the count is known, not estimated.
    bool exact() const { return lower == upper; }
};

/// Which pass ranked a search: Xapian's matcher, or the posting-list walk (BM25 read straight
/// from posting lists with passage lengths in memory; see --tables).
enum class RankedBy { Xapian, PostingWalk };

/// How a search counted its matches and facets exactly: not at all (no facets asked for);
/// by walking posting lists with every facet from a table; by Xapian's matcher with every
/// facet from a table; by Xapian's matcher with a match spy reading stored values.
enum class CountedBy { None, PostingWalk, Tables, Spies };

/// Where a searcher's tables came from: none held; some built in memory from the database;
/// every one read from the shards' table files (written by r2p-index at the same commit).
enum class TableSource { None, Built, File };

/// How a search was answered, for benchmarks and tests: results are the same on every path.
struct SearchStats {
    RankedBy ranked_by = RankedBy::Xapian;
    CountedBy counted_by = CountedBy::None;
    bool length_table = false;             ///< the searcher holds a LengthTable (after the search)
    std::vector<FacetField> facet_tables;  ///< counted from tables from now on (field order)
    TableSource tables = TableSource::None;  ///< where the tables held came from
};

/// The answer to a SearchRequest.
struct SearchResult {
    std::string query;
    MatchCounts matches;
    std::size_t offset = 0;
    std::size_t limit = 0;
    std::vector<SearchHit> hits;
    std::vector<Facet> facets;              ///< only those asked for, in the order asked
    std::optional<std::string> suggestion;  ///< "did you mean" when a word is unknown
    /// The suggestion run instead of `query`, which matched nothing (Correction::Auto).
    std::optional<std::string> corrected_query;
    GroupBy group = GroupBy::None;  ///< how the hits were folded
    /// With a GroupBy: how many groups match (Xapian's collapsed counts, exact up to
    /// kExactGroupsUpTo matching passages, else bounds and an estimate); offset and limit
    /// page through groups then. Else nullopt.
    std::optional<MatchCounts> groups;
    /// With SearchRequest::like or like_text: the sentences searched for (original text),
    /// those too short to have a signature left out. Else empty.
    std::vector<std::string> like_sentences;
    std::vector<std::string> missing_shards;  ///< not searched (only with allow_partial)
    SearchStats stats;                        ///< which paths ran
};

/// A passage where it stands in its statement (Searcher::passage).
struct PassageContext {
    StoredPassage passage;
    std::optional<StoredPassage> parent;  ///< a quote's paragraph
    std::vector<StoredPassage>
        quotes;  ///< a paragraph's quotes (a quote's: its paragraph's), in order
    std::vector<StoredPassage>
        before;  ///< paragraphs before it (a quote's: its paragraph's), in order
    std::vector<StoredPassage> after;  ///< paragraphs after it, in order
};

}  // namespace r2p
