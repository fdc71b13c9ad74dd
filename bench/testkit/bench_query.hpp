// Benchmark queries: their classes, and each as r2p-search and the peers are given it.
#pragma once

#include <string>
#include <vector>

namespace r2p {

/// The kinds of benchmark queries.
enum class QueryClass {
    FrequentTerm,
    RareTerm,
    TwoTermAnd,
    TwoTermOr,
    Phrase,
    TermThemeFilter,
    TermFacets,
    Wildcard,
    SortDate,
    // Drawn from a real corpus only (bench/real_query_set.hpp), never generated:
    MidTerm,     ///< a word of middling document frequency
    UserPhrase,  ///< what R2P researchers type ("responsibility to protect", impunity)
    // Generated only, last so that the other classes' queries keep their seeds:
    Synonym,  ///< a taxonomy synonym ("r2p", "drc", "responsibility to protect"): expanded
};

/// The classes of a generated corpus's query set, in report order (MidTerm and UserPhrase
/// are not among them; Synonym comes after Phrase).
const std::vector<QueryClass>& all_query_classes();

/// The classes of a real corpus's query set, in report order: the generated ones plus
/// MidTerm after FrequentTerm and UserPhrase after Phrase.
const std::vector<QueryClass>& real_corpus_query_classes();

/// "frequent-term", "rare-term", "and", "or", "phrase", "theme-filter", "facets",
/// "wildcard", "sort-date", "mid-term", "user-phrase", "synonym".
std::string query_class_name(QueryClass cls);

/// How the words of a BenchQuery combine.
enum class QueryShape { Term, And, Or, Phrase, Prefix };

/// One benchmark query, structured so each engine can be given its own syntax for it.
struct BenchQuery {
    QueryClass cls = QueryClass::FrequentTerm;
    QueryShape shape = QueryShape::Term;
    std::vector<std::string> words;  ///< lower-case ASCII; Prefix: one prefix without '*'
    std::string theme;               ///< theme filter id, or empty
    bool facets = false;             ///< exact theme and role facets
    bool sort_date = false;          ///< newest first

    /// The query text in r2p-search (Xapian QueryParser) syntax: `a`, `a b`, `a OR b`,
    /// `"a b c"`, `ab*`.
    std::string text() const;
    /// The r2p-search command-line form: text() quoted for a shell, then its options
    /// (`--theme ID`, `--facet theme --facet role`, `--sort date`).
    std::string line() const;

    bool operator==(const BenchQuery&) const = default;
};

/// The classes `queries` holds, in the order they first appear there.
std::vector<QueryClass> query_classes_in(const std::vector<BenchQuery>& queries);

}  // namespace r2p
