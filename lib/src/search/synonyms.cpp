#include "search/synonyms.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "search/query_tokens.hpp"
#include "text/unicode.hpp"

namespace r2p {

using detail::folded_words;
using detail::is_plain_word;
using detail::is_proximity_operator;
using detail::QueryToken;
using detail::quoted_content;
using detail::tokenize_query;

namespace {

bool matches_words(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return !a.empty() && a == b;
}

std::string synonym_alternative(const std::string& phrase) {
    const bool single = std::all_of(phrase.begin(), phrase.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) != 0;
    });
    return single ? phrase : "\"" + phrase + "\"";
}

std::string synonym_group_query(const SynonymGroup& group) {
    std::string out = "(";
    std::set<std::string> seen;
    for (const auto& phrase : group.phrases) {
        const std::string alternative = synonym_alternative(fold_accents(phrase));
        if (!seen.insert(alternative).second) continue;
        if (out.size() > 1) out += " OR ";
        out += alternative;
    }
    return out + ")";
}

}  // namespace

std::string expand_synonyms(std::string_view query, const std::vector<SynonymGroup>& groups) {
    if (groups.empty()) return std::string(query);
    // Every phrase of every group as folded words, longest first so "responsibility to
    // protect" wins over a group holding just "responsibility".
    struct Candidate {
        std::vector<std::string> words;
        const SynonymGroup* group;
    };
    std::vector<Candidate> candidates;
    for (const auto& g : groups) {
        for (const auto& p : g.phrases) {
            auto words = folded_words(p);
            if (!words.empty()) candidates.push_back({std::move(words), &g});
        }
    }
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const Candidate& a, const Candidate& b) { return a.words.size() > b.words.size(); });

    const auto tokens = tokenize_query(query);
    // Positions of the non-space tokens, so neighbours can be checked across spaces.
    std::vector<std::size_t> solid;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != QueryToken::Space) solid.push_back(i);
    }
    auto near_proximity = [&](std::size_t first, std::size_t last) {
        const bool before = first > 0 && tokens[solid[first - 1]].kind == QueryToken::Word &&
                            is_proximity_operator(tokens[solid[first - 1]].text);
        const bool after = last + 1 < solid.size() &&
                           tokens[solid[last + 1]].kind == QueryToken::Word &&
                           is_proximity_operator(tokens[solid[last + 1]].text);
        const bool after_field = first > 0 && tokens[solid[first - 1]].kind == QueryToken::Word &&
                                 tokens[solid[first - 1]].text.back() == ':' &&
                                 solid[first - 1] + 1 == solid[first];
        return before || after || after_field;
    };

    std::string out;
    std::size_t emitted = 0;  // tokens [0, emitted) are in `out`
    for (std::size_t s = 0; s < solid.size(); ++s) {
        const QueryToken& t = tokens[solid[s]];
        const Candidate* match = nullptr;
        std::size_t match_last = s;
        if (t.kind == QueryToken::Quoted) {
            const auto words = folded_words(quoted_content(t.text));
            for (const auto& c : candidates) {
                if (matches_words(c.words, words)) {
                    match = &c;
                    break;
                }
            }
        } else if (is_plain_word(t)) {
            for (const auto& c : candidates) {
                if (s + c.words.size() > solid.size()) continue;
                bool ok = true;
                for (std::size_t k = 0; k < c.words.size() && ok; ++k) {
                    const QueryToken& w = tokens[solid[s + k]];
                    ok = is_plain_word(w) && folded_words(w.text) == std::vector{c.words[k]};
                }
                if (ok) {
                    match = &c;
                    match_last = s + c.words.size() - 1;
                    break;
                }
            }
        }
        if (match == nullptr || near_proximity(s, match_last)) continue;
        for (std::size_t i = emitted; i < solid[s]; ++i) out += tokens[i].text;
        out += synonym_group_query(*match->group);
        emitted = solid[match_last] + 1;
        s = match_last;
    }
    for (std::size_t i = emitted; i < tokens.size(); ++i) out += tokens[i].text;
    return out;
}

}  // namespace r2p
