#include "detail/tag_themes.hpp"

namespace r2p::detail {

ThemeMatcher::ThemeMatcher(const Taxonomy& taxonomy, const Xapian::Stem& stemmer) {
    for (std::size_t t = 0; t < taxonomy.themes.size(); ++t) {
        for (const auto& h : taxonomy.themes[t].headings) headings_.add(h, t, stemmer);
        for (const auto& c : taxonomy.themes[t].cues) cues_.add(c, t, stemmer);
    }
}

std::vector<std::size_t> ThemeMatcher::heading_themes(std::string_view heading,
                                                      const Xapian::Stem& stemmer) const {
    std::vector<std::size_t> themes;
    if (heading.empty()) return themes;
    const std::vector<Token> tokens = tokenize(heading, stemmer);
    std::size_t best = 0;
    std::vector<const PhraseTable::Phrase*> found;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        found.clear();
        headings_.all_at(tokens, i, found);
        for (const auto* p : found) {
            if (p->words.size() > best) {
                best = p->words.size();
                themes.clear();
            }
            if (p->words.size() == best) themes.push_back(p->value);
        }
    }
    return themes;
}

void ThemeMatcher::cue_themes(const std::vector<Token>& tokens, std::vector<bool>& hit) const {
    std::vector<const PhraseTable::Phrase*> found;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        found.clear();
        cues_.all_at(tokens, i, found);
        for (const auto* p : found) hit[p->value] = true;
    }
}

}  // namespace r2p::detail
