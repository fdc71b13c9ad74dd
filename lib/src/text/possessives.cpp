#include "text/possessives.hpp"

namespace r2p::detail {

namespace {

constexpr std::string_view kRightQuote = "\u2019";  // ’, the typographic apostrophe

// Whether the byte belongs to a word: ASCII letters and digits, and every byte of a non-ASCII
// character (letters, in the texts we index; marks and other punctuation are rare there).
bool word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

// The length of the apostrophe at `at` (' or ’), or 0.
std::size_t apostrophe_at(std::string_view text, std::size_t at) {
    if (text[at] == '\'') return 1;
    return text.substr(at, kRightQuote.size()) == kRightQuote ? kRightQuote.size() : 0;
}

bool word_ends_at(std::string_view text, std::size_t at) {
    return at >= text.size() || !word_byte(text[at]) || apostrophe_at(text, at) != 0;
}

}  // namespace

std::string drop_possessives(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t apostrophe = apostrophe_at(text, i);
        if (apostrophe == 0 || out.empty()) {
            out += text[i++];
            continue;
        }
        const char before = out.back();
        const std::size_t after = i + apostrophe;
        // Ki-moon's: the 's goes when a word stands before it and nothing of a word after.
        if (word_byte(before) && after < text.size() &&
            (text[after] == 's' || text[after] == 'S') && word_ends_at(text, after + 1)) {
            i = after + 1;
            continue;
        }
        // states': the apostrophe goes after a plural's s.
        if ((before == 's' || before == 'S') && word_ends_at(text, after)) {
            i = after;
            continue;
        }
        out.append(text.substr(i, apostrophe));
        i = after;
    }
    return out;
}

}  // namespace r2p::detail
