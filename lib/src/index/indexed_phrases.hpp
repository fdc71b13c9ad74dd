// Indexed phrases: multi-word phrases a database marks with one boolean term per passage
// (schema::kPhrasePrefix + the phrase's terms), so that a quoted phrase among them is matched
// from posting lists alone instead of Xapian reading two or more position lists for every
// passage holding all its words (search/phrase_rewrite.hpp).
//
// A phrase is kept as the terms Xapian's QueryParser gives a quoted phrase (unstemmed, in
// order), and a passage gets its term exactly when Xapian's phrase matcher would match it:
// the terms at consecutive positions of the passage's text. Which phrases a database indexes
// is fixed when it is created (the taxonomy's multi-word phrases then) and stored in its
// metadata (schema::kIndexedPhrasesKey), so that every passage of it, written by any later
// run whatever its taxonomy, carries the terms of the same phrases.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "r2p/schema.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p {

namespace schema {
/// Metadata key listing a database's indexed phrases, one a line, terms separated by a space.
/// Absent: the database indexes none (it predates them, or was written without).
constexpr std::string_view kIndexedPhrasesKey = "r2p:indexed-phrases";
}  // namespace schema

/// A phrase as the terms of a quoted phrase query, in order.
using PhraseTerms = std::vector<std::string>;

/// The terms of `query` when it is an exact phrase: OP_PHRASE of two or more distinct
/// single terms whose window is their number (a quoted phrase or a hyphenated word, not
/// `a ADJ/3 b`). nullopt for anything else.
std::optional<PhraseTerms> exact_phrase_terms(const Xapian::Query& query);

class IndexedPhrases {
  public:
    IndexedPhrases() = default;
    /// Keeps the phrases that can be indexed: two or more distinct terms, none empty or
    /// holding a space, a newline or NUL, whose phrase term fits in a Xapian term.
    explicit IndexedPhrases(const std::vector<PhraseTerms>& phrases);

    /// Every multi-word phrase of `taxonomy` (theme labels, headings, cues and weak cues,
    /// role labels and aliases, synonyms) as a quoted query of it parses: folded as queries
    /// are, a hyphenated word giving a phrase too ("secretary-general").
    static IndexedPhrases of_taxonomy(const Taxonomy& taxonomy);
    /// The phrases a database's metadata value (metadata()) lists; lines that cannot be
    /// indexed are left out.
    static IndexedPhrases from_metadata(std::string_view value);
    /// The phrases `db` indexes (none when it has no schema::kIndexedPhrasesKey). For a
    /// database of several shards, only its first shard's.
    static IndexedPhrases of_database(const Xapian::Database& db);

    /// The metadata value listing the phrases: one a line, terms separated by a space.
    std::string metadata() const;

    bool empty() const { return phrases_.empty(); }
    std::size_t size() const { return phrases_.size(); }
    const std::set<PhraseTerms>& phrases() const { return phrases_; }
    bool contains(const PhraseTerms& terms) const { return phrases_.count(terms) != 0; }
    /// Whether every phrase of `other` is one of these.
    bool includes(const IndexedPhrases& other) const;
    /// The phrases of both (what every one of several shards indexes).
    IndexedPhrases common_with(const IndexedPhrases& other) const;
    /// The phrases of either.
    IndexedPhrases joined_with(const IndexedPhrases& other) const;

    /// The boolean term marking passages that hold `terms` as a phrase.
    static std::string term_of(const PhraseTerms& terms);

    /// Adds the term of every phrase whose terms stand at consecutive positions of `xdoc`
    /// (a document TermGenerator has filled; its unprefixed terms are the passage's words).
    void add_terms(Xapian::Document& xdoc) const;

  private:
    std::set<PhraseTerms> phrases_;
    // Every term of a phrase, sorted and once; each phrase's terms as indexes into it.
    std::vector<std::string> words_;
    std::vector<std::vector<std::size_t>> word_ids_;
};

}  // namespace r2p
