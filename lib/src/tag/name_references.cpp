#include "tag/name_references.hpp"

#include <algorithm>

namespace r2p::detail {

NameReferences::NameReferences(const RoleNames& names, const Xapian::Stem& stemmer) {
    for (std::size_t role = 0; role < names.size(); ++role) {
        for (const Holder& h : names[role]) {
            const std::vector<Token> tokens = tokenize(h.name, stemmer);
            if (tokens.empty()) continue;
            Person p;
            p.name = h.name;
            p.role = role;
            p.paragraph = h.paragraph;
            for (const Token& t : tokens) p.words.push_back(t.norm);
            // The surname is the last space-separated word: "Ban Ki-moon" -> "Ki-moon".
            const std::size_t space = h.name.find_last_of(' ');
            const std::size_t from = space == std::string::npos ? 0 : space + 1;
            p.surname_words = static_cast<std::size_t>(std::count_if(
                tokens.begin(), tokens.end(), [&](const Token& t) { return t.begin >= from; }));
            if (p.surname_words == 0) continue;
            const std::string key = p.words[p.words.size() - p.surname_words];
            const auto it = by_surname_.find(key);
            if (it != by_surname_.end()) {
                Person& other = people_[it->second];
                // The same person named for a second role keeps the first; two people
                // sharing a surname make it ambiguous.
                if (other.name != p.name) other.ambiguous = true;
                continue;
            }
            by_surname_.emplace(key, people_.size());
            surnames_.push_back(h.name.substr(from));
            people_.push_back(std::move(p));
        }
    }
}

bool NameReferences::may_occur(std::string_view text) const {
    return std::any_of(surnames_.begin(), surnames_.end(), [&](const std::string& s) {
        return text.find(s) != std::string_view::npos;
    });
}

std::vector<Mention> NameReferences::find(std::string_view text, const std::vector<Token>& tokens,
                                          std::size_t paragraph,
                                          const SpeakerMatcher& matcher) const {
    std::vector<Mention> out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!tokens[i].capitalized) continue;
        const auto it = by_surname_.find(tokens[i].norm);
        if (it == by_surname_.end()) continue;
        const Person& p = people_[it->second];
        if (p.ambiguous || p.paragraph > paragraph) continue;
        const std::size_t first_names = p.words.size() - p.surname_words;
        bool match = i + p.surname_words <= tokens.size();
        for (std::size_t k = 1; match && k < p.surname_words; ++k)
            match = tokens[i + k].norm == p.words[first_names + k];
        if (!match) continue;
        // Capitalized words right before must be this person's first names (or honorifics,
        // which the caller's text writes with a period: "Ms. Okafor").
        std::size_t back = 0;
        while (back < i && back < first_names) {
            const Token& before = tokens[i - back - 1];
            const std::string_view g = text.substr(before.end, tokens[i - back].begin - before.end);
            if (g != " " || !before.capitalized || matcher.title_word(before)) break;
            if (before.norm != p.words[first_names - back - 1]) {
                match = false;
                break;
            }
            ++back;
        }
        if (match && back == 0 && i > 0) {
            // "John Okafor": another first name directly before the surname.
            const Token& before = tokens[i - 1];
            const std::string_view g = text.substr(before.end, tokens[i].begin - before.end);
            if (g == " " && before.capitalized && !before.possessive &&
                !matcher.title_word(before) && first_names > 0)
                match = false;
        }
        if (!match) continue;
        // "the United Nations Development Group", "the Okafor Foundation": a capitalized
        // word right after makes it the name of something else.
        const std::size_t after = i + p.surname_words;
        if (after < tokens.size() && tokens[after].capitalized &&
            text.substr(tokens[after - 1].end, tokens[after].begin - tokens[after - 1].end) ==
                " " &&
            !tokens[after - 1].possessive)
            continue;
        Mention m;
        m.first = i - back;
        m.last = i + p.surname_words;
        m.role = p.role;
        m.name = p.name;
        m.by_name = true;
        // "Okafor's statement", "Luns' own party": the person owns, not speaks.
        const Token& last = tokens[m.last - 1];
        m.possessive = last.possessive || text.substr(last.end, 1) == "'" ||
                       text.substr(last.end, 3) == "\u2019";
        out.push_back(m);
        i = m.last - 1;
    }
    return out;
}

}  // namespace r2p::detail
