#include "search/query_tokens.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "text/unicode.hpp"
#include "text/word_spans.hpp"

namespace r2p::detail {

std::vector<QueryToken> tokenize_query(std::string_view q) {
    std::vector<QueryToken> tokens;
    std::size_t i = 0;
    while (i < q.size()) {
        const char c = q[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            std::size_t j = i;
            while (j < q.size() && std::isspace(static_cast<unsigned char>(q[j]))) ++j;
            tokens.push_back({QueryToken::Space, std::string(q.substr(i, j - i))});
            i = j;
        } else if (c == '(' || c == ')') {
            tokens.push_back({c == '(' ? QueryToken::Open : QueryToken::Close, std::string(1, c)});
            ++i;
        } else if (c == '"') {
            const std::size_t close = q.find('"', i + 1);
            const std::size_t j = close == std::string_view::npos ? q.size() : close + 1;
            tokens.push_back({QueryToken::Quoted, std::string(q.substr(i, j - i))});
            i = j;
        } else {
            std::size_t j = i;
            while (j < q.size() && !std::isspace(static_cast<unsigned char>(q[j])) && q[j] != '(' &&
                   q[j] != ')' && q[j] != '"') {
                ++j;
            }
            tokens.push_back({QueryToken::Word, std::string(q.substr(i, j - i))});
            i = j;
        }
    }
    return tokens;
}

std::string fold_query(std::string_view text) {
    std::string out = fold_accents(text);
    for (const std::string_view mark : {"\u201C", "\u201D", "\u201E"}) {
        for (auto at = out.find(mark); at != std::string::npos; at = out.find(mark, at + 1)) {
            out.replace(at, mark.size(), "\"");
        }
    }
    return out;
}

std::string join_tokens(const std::vector<QueryToken>& tokens) {
    std::string out;
    for (const auto& t : tokens) out += t.text;
    return out;
}

std::string quoted_content(const std::string& quoted) {
    std::string inner = quoted.substr(1);
    if (!inner.empty() && inner.back() == '"') inner.pop_back();
    return inner;
}

bool is_operator(std::string_view word) {
    static const std::set<std::string_view> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    const auto slash = word.find('/');
    return kOperators.count(word.substr(0, slash)) != 0;
}

bool is_proximity_operator(std::string_view word) {
    const auto head = word.substr(0, word.find('/'));
    return head == "NEAR" || head == "ADJ";
}

std::string_view strip_love_hate(std::string_view word) {
    while (!word.empty() && (word.front() == '+' || word.front() == '-')) word.remove_prefix(1);
    return word;
}

std::string_view field_of(std::string_view word) {
    word = strip_love_hate(word);
    const auto colon = word.find(':');
    if (colon == std::string_view::npos || colon == 0) return {};
    const auto name = word.substr(0, colon);
    const bool alpha = std::all_of(name.begin(), name.end(), [](char ch) {
        return std::isalpha(static_cast<unsigned char>(ch));
    });
    return alpha ? name : std::string_view{};
}

bool is_plain_word(const QueryToken& t) {
    return t.kind == QueryToken::Word && !is_operator(t.text) && field_of(t.text).empty() &&
           t.text.find_first_of("+-*:") == std::string::npos;
}

std::vector<std::string> folded_words(std::string_view text) {
    std::vector<std::string> words;
    for (const auto& w : find_words(text)) {
        words.push_back(fold(text.substr(w.begin, w.end - w.begin)));
    }
    return words;
}

bool is_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
    });
}

}  // namespace r2p::detail
