// Near-duplicate sentence search (--like, --like-text): the asked sentences, the candidate
// passages their anchors find, and those verified on their stored text.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "r2p/search_request.hpp"
#include "r2p/search_result.hpp"
#include "sentences/passage_sentences.hpp"

namespace r2p {

/// The lowest min_similarity a like search (and a trace) takes: below it, sentences share
/// only a stock phrase or two, and a search would read and keep most of a corpus (UNGDC at
/// 0: 26 s and 740 MB for one request).
inline constexpr double kLowestLikeSimilarity = 0.3;
/// Most anchor postings one like search reads (every posting of every probe anchor): a
/// sentence made of stock phrases past it is refused rather than read for seconds while a
/// server's searcher waits. Measured on UNGDC (395k passages): the 2005 R2P formula 6,622,
/// a courtesy formula 45,968, "The maintenance of international peace and security is the
/// primary responsibility of the Security Council ..." 140,266 (0.28 s in all), a 1.5 KB run
/// of stock phrases 407,221.
inline constexpr std::size_t kMaxLikePostings = 250000;

/// The sentences a like search looks for.
struct AskedSentences {
    std::string text;  ///< the asked passage's text, or like_text
    /// Those with a signature (long enough), in order; offsets into `text`.
    std::vector<detail::PassageSentence> sentences;

    /// Each sentence's original text (SearchResult::like_sentences).
    std::vector<std::string> texts() const;
};

/// A passage holding a sentence like an asked one.
struct LikePassage {
    Xapian::docid docid = 0;  ///< in the database searched
    StoredPassage passage;
    SentenceMatch match;  ///< its best sentence (highest similarity, then first)
};

/// Throws UsageError unless every database of `shards` (one or more) was signed with this
/// build's scheme (schema::kSignatureSchemeKey): "re-index" otherwise.
void require_signatures(const std::vector<Xapian::Database>& shards);

/// The sentences of request.like (a passage id, read from `db`) or request.like_text.
/// Throws UsageError when both or neither is given, for an unknown passage id, for a
/// min_similarity outside [0, 1], and when no sentence is long enough to have a signature.
AskedSentences asked_sentences(const Xapian::Database& db, const SearchRequest& request);

/// Every passage of `db` with a sentence at or above `min_similarity` to one of `asked`
/// (anchors find candidates, each verified on its stored text), in docid order.
std::vector<LikePassage> find_like_passages(const Xapian::Database& db, const AskedSentences& asked,
                                            double min_similarity);

/// The hit order of a like search: by similarity (highest first) for SortOrder::Relevance,
/// else oldest first (a sentence's history); ties by date (oldest first), then passage id.
/// Undated passages come after dated ones.
void sort_like_passages(std::vector<LikePassage>& passages, SortOrder sort);

/// A query matching exactly `passages` (their id terms).
Xapian::Query passages_query(const std::vector<LikePassage>& passages);

/// The hit's snippet: its matching sentence, the differing words marked.
Snippet like_snippet(const LikePassage& found);

}  // namespace r2p
