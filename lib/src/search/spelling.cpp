#include "search/spelling.hpp"

#include <set>

#include "r2p/schema.hpp"
#include "search/query_tokens.hpp"
#include "text/unicode.hpp"
#include "text/word_spans.hpp"

namespace r2p::detail {

using schema::kStemPrefix;

std::optional<std::string> spelling_suggestion(std::string_view text,
                                               const std::vector<SynonymGroup>& synonyms,
                                               const Xapian::Database& db) {
    std::set<std::string> synonym_words;
    for (const auto& g : synonyms) {
        for (const auto& p : g.phrases) {
            for (auto& w : folded_words(p)) synonym_words.insert(std::move(w));
        }
    }
    const Xapian::Stem stem = schema::make_stemmer();
    const std::string folded = fold_query(text);
    std::string out;
    bool changed = false;
    for (const auto& t : tokenize_query(folded)) {
        const bool checkable = (t.kind == QueryToken::Quoted) || (is_plain_word(t));
        if (!checkable) {
            out += t.text;
            continue;
        }
        std::size_t at = 0;
        for (const auto& span : detail::find_words(t.text)) {
            const std::string word =
                fold(std::string_view(t.text).substr(span.begin, span.end - span.begin));
            out.append(t.text, at, span.begin - at);
            at = span.end;
            std::string replacement;
            if (!is_digits(word) && synonym_words.count(word) == 0 && db.get_termfreq(word) == 0 &&
                db.get_termfreq(std::string(kStemPrefix) + stem(word)) == 0) {
                replacement = db.get_spelling_suggestion(word);
            }
            if (!replacement.empty() && replacement != word) {
                out += replacement;
                changed = true;
            } else {
                out.append(t.text, span.begin, span.end - span.begin);
            }
        }
        out.append(t.text, at, std::string::npos);
    }
    if (!changed) return std::nullopt;
    return out;
}

}  // namespace r2p::detail
