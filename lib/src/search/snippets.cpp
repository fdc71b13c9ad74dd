#include "search/snippets.hpp"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <optional>

#include "r2p/schema.hpp"
#include "text/possessives.hpp"
#include "text/unicode.hpp"
#include "text/word_spans.hpp"

namespace r2p {

namespace {

constexpr std::string_view kEllipsis = "…";
using schema::kStemPrefix;

bool starts_with_any(const std::string& word, const std::vector<std::string>& prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& prefix) {
        return !prefix.empty() && word.compare(0, prefix.size(), prefix) == 0;
    });
}

// The first bytes a folded word can start with and still be marked: those of the terms, of
// the stems (the English stemmer keeps a word's first letter), of the wildcard prefixes and
// of the phrases' words. Nullopt when a phrase holds an empty word (every word could then
// take part in it).
std::optional<std::array<bool, 256>> markable_starts(const HighlightTerms& highlight) {
    std::array<bool, 256> starts{};
    const auto add = [&](std::string_view s) {
        if (!s.empty()) starts[static_cast<unsigned char>(s.front())] = true;
    };
    for (const std::string& term : highlight.terms) {
        add(term);
        if (term.compare(0, kStemPrefix.size(), kStemPrefix) == 0)
            add(std::string_view(term).substr(kStemPrefix.size()));
    }
    for (const std::string& prefix : highlight.prefixes) add(prefix);
    for (const auto& phrase : highlight.phrases) {
        for (const std::string& word : phrase) {
            if (word.empty()) return std::nullopt;
            add(word);
        }
    }
    return starts;
}

// Whether `word` of the text, folded, cannot start with any of `starts`: an ASCII word folds
// to itself in lower case, so its first letter says so without folding it (most words of a
// passage; folding and looking each one up was most of a snippet's time).
bool cannot_be_marked(std::string_view word, const std::array<bool, 256>& starts) {
    for (const char c : word) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    char first = word.front();
    if (first >= 'A' && first <= 'Z') first = static_cast<char>(first - 'A' + 'a');
    return !starts[static_cast<unsigned char>(first)];
}

// Which words of the text the query matched, word by word.
std::vector<bool> matched_words(std::string_view text, const std::vector<detail::WordSpan>& words,
                                const HighlightTerms& highlight) {
    std::vector<bool> marked(words.size(), false);
    if (highlight.empty()) return marked;
    const Xapian::Stem stem = schema::make_stemmer();
    const std::optional<std::array<bool, 256>> starts = markable_starts(highlight);
    // A word that cannot be marked stays empty: it equals no term and no phrase word.
    std::vector<std::string> folded(words.size());
    std::vector<bool> candidate(words.size(), false);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string_view original =
            text.substr(words[i].begin, words[i].end - words[i].begin);
        if (starts && cannot_be_marked(original, *starts)) continue;
        // Compared as indexed: "Secretary-General's" holds the word "general".
        std::string word = fold(original);
        if (word.find('\'') != std::string::npos) word = detail::drop_possessives(word);
        folded[i] = std::move(word);
        candidate[i] = true;
    }

    // The English stemmer keeps a word's first letter, so a word can only stem to a query
    // stem that starts like it: stemming the others (most words) would be wasted, and it
    // was most of a query's time.
    bool stem_starts[256] = {};
    for (auto it = highlight.terms.lower_bound(std::string(kStemPrefix));
         it != highlight.terms.end() && it->compare(0, kStemPrefix.size(), kStemPrefix) == 0;
         ++it) {
        if (it->size() > kStemPrefix.size()) {
            stem_starts[static_cast<unsigned char>((*it)[kStemPrefix.size()])] = true;
        }
    }
    auto stem_matches = [&](const std::string& word) {
        return !word.empty() && stem_starts[static_cast<unsigned char>(word[0])] &&
               highlight.terms.count(std::string(kStemPrefix) + stem(word)) != 0;
    };

    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!candidate[i]) continue;
        const std::string& word = folded[i];
        if (highlight.terms.count(word) != 0 || stem_matches(word) ||
            starts_with_any(word, highlight.prefixes)) {
            marked[i] = true;
        }
    }
    for (const auto& phrase : highlight.phrases) {
        if (phrase.empty() || phrase.size() > folded.size()) continue;
        for (std::size_t i = 0; i + phrase.size() <= folded.size(); ++i) {
            if (std::equal(phrase.begin(), phrase.end(), folded.begin() + static_cast<long>(i))) {
                std::fill_n(marked.begin() + static_cast<long>(i), phrase.size(), true);
            }
        }
    }
    return marked;
}

// First word of the window of `window` words holding the most marked words, shifted so the
// marks sit in the middle of it.
std::size_t window_start(const std::vector<bool>& marked, std::size_t window) {
    const std::size_t n = marked.size();
    if (n <= window) return 0;
    std::size_t count = 0;
    for (std::size_t i = 0; i < window; ++i) count += marked[i] ? 1 : 0;
    std::size_t best = 0;
    std::size_t best_count = count;
    for (std::size_t s = 1; s + window <= n; ++s) {
        count -= marked[s - 1] ? 1 : 0;
        count += marked[s + window - 1] ? 1 : 0;
        if (count > best_count) {
            best_count = count;
            best = s;
        }
    }
    if (best_count == 0) return 0;
    std::size_t first = best;
    while (!marked[first]) ++first;
    std::size_t last = best + window - 1;
    while (!marked[last]) --last;
    const std::size_t slack = window - (last - first + 1);
    std::size_t start = first >= slack / 2 ? first - slack / 2 : 0;
    return std::min(start, n - window);
}

}  // namespace

Snippet make_snippet(std::string_view text, const HighlightTerms& highlight,
                     std::size_t window_words) {
    Snippet snippet;
    const auto words = detail::find_words(text);
    if (words.empty()) {
        snippet.text = std::string(text);
        return snippet;
    }
    const auto marked = matched_words(text, words, highlight);
    const std::size_t window = std::max<std::size_t>(window_words, 1);
    const std::size_t first = window_start(marked, window);
    const std::size_t last = std::min(words.size(), first + window) - 1;

    // Whole text at the ends that are not cut, so closing punctuation stays.
    const std::size_t begin = first == 0 ? 0 : words[first].begin;
    const std::size_t end = last + 1 == words.size() ? text.size() : words[last].end;
    if (first != 0) snippet.text += kEllipsis;
    const std::size_t shift = snippet.text.size();
    snippet.text.append(text.substr(begin, end - begin));
    if (last + 1 != words.size()) snippet.text += kEllipsis;

    for (std::size_t i = first; i <= last; ++i) {
        if (!marked[i]) continue;
        const std::size_t from = words[i].begin - begin + shift;
        const std::size_t to = words[i].end - begin + shift;
        // Adjacent marked words separated only by a space read better as one mark.
        if (!snippet.marks.empty() && i > first && marked[i - 1] &&
            words[i].begin - words[i - 1].end == 1 && text[words[i - 1].end] == ' ') {
            snippet.marks.back().second = to;
        } else {
            snippet.marks.emplace_back(from, to);
        }
    }
    return snippet;
}

namespace {

// Calls text(piece) for the unmarked pieces of the snippet and marked(piece) for the marked
// ones, in order; marks out of order or beyond the text are skipped.
template <typename Text, typename Marked>
void for_each_piece(const Snippet& snippet, Text&& text, Marked&& marked) {
    const std::string_view all = snippet.text;
    std::size_t at = 0;
    for (const auto& [from, to] : snippet.marks) {
        if (from < at || to > all.size() || from > to) continue;
        text(all.substr(at, from - at));
        marked(all.substr(from, to - from));
        at = to;
    }
    text(all.substr(at));
}

// Escaped for HTML text content, where the snippet goes (not for attribute values): quotes
// and apostrophes stay as they are, so "Ki-moon's" reads the same in both forms.
void append_html_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            default:
                out += c;
        }
    }
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string render_snippet(const Snippet& snippet, std::string_view open, std::string_view close) {
    std::string out;
    out.reserve(snippet.text.size() + snippet.marks.size() * (open.size() + close.size()));
    for_each_piece(
        snippet, [&](std::string_view text) { out += text; },
        [&](std::string_view marked) {
            out += open;
            out += marked;
            out += close;
        });
    return out;
}

std::string render_snippet_html(const Snippet& snippet) {
    std::string out;
    out.reserve(snippet.text.size() + snippet.marks.size() * 13);
    for_each_piece(
        snippet, [&](std::string_view text) { append_html_escaped(out, text); },
        [&](std::string_view marked) {
            out += "<mark>";
            append_html_escaped(out, marked);
            out += "</mark>";
        });
    return out;
}

std::vector<std::pair<std::size_t, std::size_t>> code_point_marks(const Snippet& snippet) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    const std::string_view text = snippet.text;
    std::size_t byte = 0;
    std::size_t code_points = 0;
    // Walks the text once: marks are sorted.
    const auto code_point_at = [&](std::size_t offset) {
        for (; byte < offset; ++byte) {
            if (!is_continuation_byte(text[byte])) ++code_points;
        }
        return code_points;
    };
    std::size_t at = 0;
    for (const auto& [from, to] : snippet.marks) {
        if (from < at || to > text.size() || from > to) continue;
        const bool on_boundaries = (from == text.size() || !is_continuation_byte(text[from])) &&
                                   (to == text.size() || !is_continuation_byte(text[to]));
        if (!on_boundaries) continue;
        const std::size_t first = code_point_at(from);
        out.emplace_back(first, code_point_at(to));
        at = to;
    }
    return out;
}

}  // namespace r2p
