// Word tokens of a paragraph (folded and stemmed once) and a phrase table matched over them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace r2p::detail {

/// One word of a text. Hyphens and apostrophes split words ("Secretary-General" is two), so
/// a phrase matches whichever way it is spelt; a possessive "'s" is folded into its word.
struct Token {
    std::size_t begin = 0;     ///< byte offset of the word in the text
    std::size_t end = 0;       ///< one past its last byte (before any possessive "'s")
    std::string norm;          ///< folded: lower case, no accents
    std::string stem;          ///< English stem of norm
    bool capitalized = false;  ///< first letter upper case in the text
    bool possessive = false;   ///< followed by "'s" or "’s"
};

/// Splits `text` into words (letters, digits and combining marks), folding each with
/// r2p::fold and stemming it with `stemmer`. `text` must be valid UTF-8.
std::vector<Token> tokenize(std::string_view text, const Xapian::Stem& stemmer);

/// Which token field a phrase table compares.
enum class MatchOn { Stem, Norm };

/// A set of phrases (word sequences) each carrying a value, matched against token runs.
/// Phrases are keyed by their first word so a lookup per token costs one hash probe.
class PhraseTable {
  public:
    struct Phrase {
        std::vector<std::string> words;  ///< stems or norms, as the table matches
        std::vector<std::string> norms;  ///< folded words as written in the taxonomy
        std::size_t value = 0;           ///< caller's index (theme, role, ...)
    };

    explicit PhraseTable(MatchOn on = MatchOn::Stem) : on_(on) {}

    /// Adds `phrase` (tokenized like text) with `value`; phrases without words are ignored.
    void add(std::string_view phrase, std::size_t value, const Xapian::Stem& stemmer);

    /// The longest phrase starting at tokens[i], or nullptr.
    const Phrase* longest_at(const std::vector<Token>& tokens, std::size_t i) const;

    /// Every phrase starting at tokens[i] (any length); appended to `out`.
    void all_at(const std::vector<Token>& tokens, std::size_t i,
                std::vector<const Phrase*>& out) const;

    bool empty() const { return by_first_.empty(); }

  private:
    bool matches(const Phrase& p, const std::vector<Token>& tokens, std::size_t i) const;
    const std::string& key(const Token& t) const { return on_ == MatchOn::Stem ? t.stem : t.norm; }

    MatchOn on_;
    std::unordered_map<std::string, std::vector<Phrase>> by_first_;
};

}  // namespace r2p::detail
