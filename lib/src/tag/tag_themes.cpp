#include "tag/tag_themes.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace r2p::detail {

namespace {

using Titles = std::vector<std::pair<std::size_t, std::size_t>>;

/// Whether [first, end) lies inside a title after its first word; `t` is the first title
/// not ending before `first` ("civil society organisations" still tags civil society).
bool inside_title(const Titles& titles, std::size_t t, std::size_t first, std::size_t end) {
    return t < titles.size() && titles[t].first < first && end <= titles[t].second;
}

/// The stems of a phrase as one key: two weak cues that stem alike are one cue.
std::string stem_key(const PhraseTable::Phrase& p) {
    std::string key;
    for (const auto& w : p.words) {
        key += w;
        key += ' ';
    }
    return key;
}

}  // namespace

ThemeMatcher::ThemeMatcher(const Taxonomy& taxonomy, const Xapian::Stem& stemmer) {
    for (std::size_t t = 0; t < taxonomy.themes.size(); ++t) {
        for (const auto& h : taxonomy.themes[t].headings) headings_.add(h, t, stemmer);
        for (const auto& c : taxonomy.themes[t].cues) cues_.add(c, t, stemmer);
        for (const auto& w : taxonomy.themes[t].weak) weak_.add(w, t, stemmer);
        weak_min_.push_back(taxonomy.themes[t].weak_min);
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

void ThemeMatcher::cue_themes(const std::vector<Token>& tokens, const Titles& titles,
                              std::vector<bool>& hit) const {
    std::vector<const PhraseTable::Phrase*> found;
    std::size_t t = 0;  // the first title not ending before token i
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        found.clear();
        cues_.all_at(tokens, i, found);
        while (t < titles.size() && titles[t].second <= i) ++t;
        for (const auto* p : found) {
            const std::size_t end = i + p->words.size();
            if (!inside_title(titles, t, i, end)) hit[p->value] = true;
        }
    }
}

void ThemeMatcher::weak_themes(const std::vector<Token>& tokens, const Titles& titles,
                               std::vector<bool>& hit) const {
    if (weak_.empty()) return;
    std::vector<std::set<std::string>> distinct(weak_min_.size());
    std::vector<std::size_t> covered_to(weak_min_.size(), 0);  // end of the last counted match
    std::vector<const PhraseTable::Phrase*> found;
    std::size_t t = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        found.clear();
        weak_.all_at(tokens, i, found);
        while (t < titles.size() && titles[t].second <= i) ++t;
        // Longest first per theme: the shorter ones starting here lie inside it.
        std::sort(found.begin(), found.end(),
                  [](const auto* a, const auto* b) { return a->words.size() > b->words.size(); });
        for (const auto* p : found) {
            const std::size_t end = i + p->words.size();
            if (end <= covered_to[p->value] || inside_title(titles, t, i, end)) continue;
            covered_to[p->value] = end;
            distinct[p->value].insert(stem_key(*p));
        }
    }
    for (std::size_t theme = 0; theme < distinct.size(); ++theme)
        if (distinct[theme].size() >= weak_min_[theme]) hit[theme] = true;
}

}  // namespace r2p::detail
