// Synthetic statements in the R2P genre and query sets over them, for benchmarks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "r2p/taxonomy.hpp"

namespace r2p {

/// The genre's scaffolding that is not taxonomy: frequent English words, titles, event lines,
/// places, section headings, country names, attribution sentence frames
/// (bench/data/genre.conf).
struct GenreData {
    std::vector<std::string> function_words;  ///< most frequent first
    std::vector<std::string> titles;          ///< may hold {theme}
    std::vector<std::string> events;          ///< may hold {n} {place} {date}
    std::vector<std::string> places;
    std::vector<std::string> headings_open;
    std::vector<std::string> headings_body;
    std::vector<std::string> headings_close;
    std::vector<std::string> countries;
    std::vector<std::string> statement_titles;  ///< hold {official}
    std::vector<std::string> attendance;        ///< hold {officials}
    std::vector<std::string> reported_speech;   ///< hold {roles} (plural) and {verb}
};

/// Loads a genre file ("[section]" lines, then one entry per line; "#" comments; the
/// function-words section holds whitespace-separated words). Throws CorpusError naming the
/// file (and line) when it cannot be read, a section is unknown or a needed one is empty.
GenreData load_genre_data(const std::filesystem::path& file);

/// Word forms of a word list such as /usr/share/dict/american-english: one per line, in file
/// order, without possessives ("'s") and without duplicates. Throws CorpusError when the
/// file cannot be read.
std::vector<std::string> load_word_list(const std::filesystem::path& file);

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
};

/// Every class, in report order.
const std::vector<QueryClass>& all_query_classes();

/// "frequent-term", "rare-term", "and", "or", "phrase", "theme-filter", "facets",
/// "wildcard", "sort-date".
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

/// Generates statements and query sets. Statement i depends only on (seed, i), so a corpus
/// of N passages is a prefix of every larger one made with the same seed.
class CorpusGenerator {
  public:
    /// `words` is the word list (at least 1,000 forms). The taxonomy gives themes (headings,
    /// cues), roles (aliases) and attribution words. Throws CorpusError when the word list
    /// or the genre data is too small to generate from.
    CorpusGenerator(const Taxonomy& taxonomy, GenreData genre, std::vector<std::string> words,
                    std::uint64_t seed);

    /// How many passages (body paragraphs plus speech quotes) statement `index` holds.
    std::size_t statement_passages(std::size_t index) const;

    /// The text of statement `index` (UTF-8, blank lines between paragraphs).
    std::string statement_text(std::size_t index) const;

    /// How many statements the first `passages` passages take (at least one).
    std::size_t statements_for(std::size_t passages) const;

    /// `per_class` queries of every class for a corpus of about `passages` passages, drawn
    /// deterministically from the generator's own vocabulary (rare terms are chosen so that a
    /// corpus of that size holds a few of them).
    std::vector<BenchQuery> query_set(std::size_t passages, std::size_t per_class) const;

    /// Distinct word forms text is drawn from (function words, then the word list).
    std::size_t vocabulary_size() const;

    std::uint64_t seed() const { return seed_; }

  private:
    struct Plan;
    struct Impl;
    Plan plan(std::size_t index) const;

    std::shared_ptr<const Impl> impl_;  ///< immutable after construction: shared by threads
    std::uint64_t seed_;
};

/// Where statement `index` lives under `root`: ROOT/NNNN/bench-NNNNNNN.txt, 1,000 a folder.
std::filesystem::path statement_path(const std::filesystem::path& root, std::size_t index);

/// What generate_corpus wrote.
struct GeneratedCorpus {
    std::size_t statements = 0;
    std::size_t passages = 0;  ///< as planned by the generator
    std::size_t bytes = 0;
    double seconds = 0;
};

/// Writes the first statements of `generator` holding at least `passages` passages under
/// `root` (created if missing), with `threads` writers (0: one per core). Throws CorpusError
/// when a file cannot be written.
GeneratedCorpus generate_corpus(const CorpusGenerator& generator, const std::filesystem::path& root,
                                std::size_t passages, unsigned threads = 0);

}  // namespace r2p
