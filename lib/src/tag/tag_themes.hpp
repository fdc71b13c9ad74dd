// Theme matching for the tagger: heading aliases, cue phrases and weak cues, compiled once.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "r2p/taxonomy.hpp"
#include "tag/tag_tokens.hpp"

namespace r2p::detail {

/// Compiled theme taxonomy. Values are indices into Taxonomy::themes.
class ThemeMatcher {
  public:
    ThemeMatcher(const Taxonomy& taxonomy, const Xapian::Stem& stemmer);

    /// Themes a heading names: those whose alias the heading contains, keeping only the
    /// longest matching alias ("When Prevention Fails" is response, not prevention).
    std::vector<std::size_t> heading_themes(std::string_view heading,
                                            const Xapian::Stem& stemmer) const;

    /// Sets hit[theme] for every theme with a cue phrase in `tokens`. A cue that lies inside
    /// one of `titles` (token spans [first, last) of role titles, sorted) and starts after
    /// its first word does not count: "the Special Adviser on the Prevention of Genocide"
    /// says who speaks, not that the paragraph is about genocide.
    void cue_themes(const std::vector<Token>& tokens,
                    const std::vector<std::pair<std::size_t, std::size_t>>& titles,
                    std::vector<bool>& hit) const;

    /// Sets hit[theme] for every theme with at least its weak_min distinct weak cues in
    /// `tokens` (titles excluded as for cue_themes). Distinct means different stemmed words
    /// ("civilian" and "civilians" are one), and a weak cue inside a longer one of the same
    /// theme that matched counts once ("international humanitarian law" holds "humanitarian
    /// law").
    void weak_themes(const std::vector<Token>& tokens,
                     const std::vector<std::pair<std::size_t, std::size_t>>& titles,
                     std::vector<bool>& hit) const;

  private:
    PhraseTable headings_{MatchOn::Stem};
    PhraseTable cues_{MatchOn::Stem};
    PhraseTable weak_{MatchOn::Stem};
    std::vector<std::size_t> weak_min_;  // per theme
};

}  // namespace r2p::detail
