#include "search/highlight_terms.hpp"

#include <cctype>

#include "r2p/schema.hpp"
#include "text/unicode.hpp"

namespace r2p::detail {

using schema::kStemPrefix;

HighlightTerms highlight_terms(const Xapian::Query& query, const std::vector<QueryToken>& tokens) {
    HighlightTerms h;
    std::set<std::string> phrase_words;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& t = tokens[i];
        const bool after_field = i > 0 && tokens[i - 1].kind == QueryToken::Word &&
                                 !tokens[i - 1].text.empty() && tokens[i - 1].text.back() == ':';
        if (t.kind == QueryToken::Quoted && !after_field) {
            auto words = folded_words(quoted_content(t.text));
            if (words.empty()) continue;
            phrase_words.insert(words.begin(), words.end());
            h.phrases.push_back(std::move(words));
        } else if (t.kind == QueryToken::Word && field_of(t.text).empty() && t.text.back() == '*') {
            std::string_view core = strip_love_hate(t.text);
            core.remove_suffix(1);
            if (!core.empty()) h.prefixes.push_back(fold(core));
        }
    }
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        const std::string term = *it;
        if (term.empty()) continue;
        const unsigned char first = static_cast<unsigned char>(term[0]);
        if (term.compare(0, kStemPrefix.size(), kStemPrefix) == 0 && term.size() > 1 &&
            !std::isupper(static_cast<unsigned char>(term[1]))) {
            h.terms.insert(term);
        } else if (!std::isupper(first) && phrase_words.count(term) == 0) {
            h.terms.insert(term);
        }
    }
    return h;
}

}  // namespace r2p::detail
