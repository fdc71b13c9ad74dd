#include "tag/tag_themes.hpp"

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

void ThemeMatcher::cue_themes(const std::vector<Token>& tokens,
                              const std::vector<std::pair<std::size_t, std::size_t>>& titles,
                              std::vector<bool>& hit) const {
    std::vector<const PhraseTable::Phrase*> found;
    std::size_t t = 0;  // the first title not ending before token i
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        found.clear();
        cues_.all_at(tokens, i, found);
        while (t < titles.size() && titles[t].second <= i) ++t;
        for (const auto* p : found) {
            const std::size_t end = i + p->words.size();
            // Inside a title after its first word ("civil society organisations" still
            // tags civil society).
            const bool in_title =
                t < titles.size() && titles[t].first < i && end <= titles[t].second;
            if (!in_title) hit[p->value] = true;
        }
    }
}

}  // namespace r2p::detail
