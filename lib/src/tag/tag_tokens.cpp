#include "tag/tag_tokens.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "text/unicode.hpp"

namespace r2p::detail {
namespace {

bool is_word_char(UChar32 c) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

}  // namespace

std::vector<Token> tokenize(std::string_view text, const Xapian::Stem& stemmer) {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 6 + 1);
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (!is_word_char(c)) {
            // "’s" after a word and before a non-word is the possessive, not a word "s".
            if (is_apostrophe(c) && !tokens.empty() && tokens.back().end == std::size_t(start) &&
                i < length && (s[i] == 's' || s[i] == 'S') &&
                (i + 1 == length || !is_word_char(s[i + 1] < 0x80 ? s[i + 1] : 0x41))) {
                tokens.back().possessive = true;
                ++i;
            }
            continue;
        }
        Token t;
        t.begin = std::size_t(start);
        t.capitalized = u_isupper(c) || u_istitle(c);
        bool ascii = c < 0x80;
        int32_t end = i;
        while (end < length) {
            int32_t next = end;
            UChar32 d;
            U8_NEXT(s, next, length, d);
            if (!is_word_char(d)) break;
            ascii = ascii && d < 0x80;
            end = next;
        }
        i = end;
        t.end = std::size_t(end);
        const std::string_view word = text.substr(t.begin, t.end - t.begin);
        if (ascii) {
            t.norm.assign(word);
            for (char& ch : t.norm)
                if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        } else {
            t.norm = fold(word);
        }
        t.stem = stemmer(t.norm);
        tokens.push_back(std::move(t));
    }
    return tokens;
}

void PhraseTable::add(std::string_view phrase, std::size_t value, const Xapian::Stem& stemmer) {
    const std::vector<Token> tokens = tokenize(phrase, stemmer);
    if (tokens.empty()) return;
    Phrase p;
    p.value = value;
    for (const Token& t : tokens) {
        p.words.push_back(key(t));
        p.norms.push_back(t.norm);
    }
    auto& bucket = by_first_[p.words.front()];
    // Longest first, so longest_at can stop at the first match.
    const auto pos = std::find_if(bucket.begin(), bucket.end(),
                                  [&](const Phrase& q) { return q.words.size() < p.words.size(); });
    bucket.insert(pos, std::move(p));
}

bool PhraseTable::matches(const Phrase& p, const std::vector<Token>& tokens, std::size_t i) const {
    if (i + p.words.size() > tokens.size()) return false;
    for (std::size_t k = 1; k < p.words.size(); ++k)
        if (key(tokens[i + k]) != p.words[k]) return false;
    return true;
}

const PhraseTable::Phrase* PhraseTable::longest_at(const std::vector<Token>& tokens,
                                                   std::size_t i) const {
    const auto it = by_first_.find(key(tokens[i]));
    if (it == by_first_.end()) return nullptr;
    for (const Phrase& p : it->second)
        if (matches(p, tokens, i)) return &p;
    return nullptr;
}

void PhraseTable::all_at(const std::vector<Token>& tokens, std::size_t i,
                         std::vector<const Phrase*>& out) const {
    const auto it = by_first_.find(key(tokens[i]));
    if (it == by_first_.end()) return;
    for (const Phrase& p : it->second)
        if (matches(p, tokens, i)) out.push_back(&p);
}

}  // namespace r2p::detail
