#include "sentences/sentence_split.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "text/ascii_case.hpp"

namespace r2p::detail {

namespace {

// Abbreviations UN documents write before a number or a name that ICU's English
// suppressions do not know (it keeps "Mr.", "e.g.", "No." only before some words).
constexpr std::array<std::string_view, 31> kAbbreviations = {
    "no", "nos",  "para", "paras", "art", "arts", "p",      "pp",    "vol", "cf", "fig",
    "ch", "chap", "sect", "sec",   "op",  "res",  "doc",    "mr",    "mrs", "ms", "dr",
    "st", "amb",  "prof", "gen",   "gov", "rev",  "approx", "annex", "corr"};

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_ascii_letter(unsigned char c) { return (c | 0x20U) >= 'a' && (c | 0x20U) <= 'z'; }

// A trailing "X." where X is an abbreviation above, a single letter (an initial: "Ban K.
// Moon") or dotted letters ("U.N.", "i.e.").
bool ends_with_abbreviation(std::string_view s) {
    if (s.empty() || s.back() != '.') return false;
    s.remove_suffix(1);
    std::size_t start = s.size();
    while (start > 0 &&
           (is_ascii_letter(static_cast<unsigned char>(s[start - 1])) || s[start - 1] == '.')) {
        --start;
    }
    const std::string_view word = s.substr(start);
    if (word.empty()) return false;
    if (start > 0 && !is_space(static_cast<unsigned char>(s[start - 1])) && s[start - 1] != '(')
        return false;  // "A/RES/60/1." or "2005." ends a sentence
    if (word.size() == 1) {
        // An initial follows a capitalised name ("Ban K. Moon"); "annex I." ends a sentence.
        std::size_t prev_end = start;
        while (prev_end > 0 && is_space(static_cast<unsigned char>(s[prev_end - 1]))) --prev_end;
        std::size_t prev_begin = prev_end;
        while (prev_begin > 0 && !is_space(static_cast<unsigned char>(s[prev_begin - 1])))
            --prev_begin;
        return prev_begin < prev_end && s[prev_begin] >= 'A' && s[prev_begin] <= 'Z';
    }
    if (word.find('.') != std::string_view::npos) {
        // Dotted letters: every part one letter.
        for (std::size_t i = 0; i < word.size(); ++i) {
            const bool letter_place = i % 2 == 0;
            if (letter_place != is_ascii_letter(static_cast<unsigned char>(word[i]))) return false;
        }
        return true;
    }
    const std::string lower = ascii_lower(word);
    for (const auto abbreviation : kAbbreviations) {
        if (lower == abbreviation) return true;
    }
    return false;
}

// "1.", "12.", "(a)", "a)", "iv.", "(iv)": a list item's marker standing alone.
bool is_list_marker(std::string_view s) {
    if (s.empty() || s.size() > 6) return false;
    std::size_t i = 0;
    if (s[0] == '(') ++i;
    const std::size_t first = i;
    bool digits = true;
    bool letters = true;
    while (i < s.size() && s[i] != '.' && s[i] != ')') {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < '0' || c > '9') digits = false;
        if (!is_ascii_letter(c)) letters = false;
        ++i;
    }
    if (i == first || i + 1 != s.size()) return false;
    if (!digits && !(letters && i - first <= 4)) return false;
    return s[0] != '(' || s[i] == ')';
}

std::string_view trimmed(std::string_view text, std::size_t& begin, std::size_t& end) {
    while (begin < end && is_space(static_cast<unsigned char>(text[begin]))) ++begin;
    while (end > begin && is_space(static_cast<unsigned char>(text[end - 1]))) --end;
    return text.substr(begin, end - begin);
}

icu::BreakIterator& sentence_iterator() {
    // "ss=standard": ICU's sentence-break suppressions for English abbreviations (ULI).
    thread_local const std::unique_ptr<icu::BreakIterator> iterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> made(
            icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
        if (U_FAILURE(status) || !made) {
            throw std::runtime_error(std::string("ICU sentence iterator: ") + u_errorName(status));
        }
        return made;
    }();
    return *iterator;
}

// ICU's sentence boundaries as byte offsets (a UTF-8 UText's native indexes are bytes).
std::vector<std::size_t> icu_boundaries(std::string_view utf8) {
    std::vector<std::size_t> bounds;
    UErrorCode status = U_ZERO_ERROR;
    UText text = UTEXT_INITIALIZER;
    utext_openUTF8(&text, utf8.data(), static_cast<std::int64_t>(utf8.size()), &status);
    auto& iterator = sentence_iterator();
    iterator.setText(&text, status);
    if (U_FAILURE(status)) {
        utext_close(&text);
        return {0, utf8.size()};
    }
    for (std::int32_t at = iterator.first(); at != icu::BreakIterator::DONE; at = iterator.next()) {
        bounds.push_back(static_cast<std::size_t>(at));
    }
    utext_close(&text);
    if (bounds.empty() || bounds.front() != 0) bounds.insert(bounds.begin(), 0);
    if (bounds.back() != utf8.size()) bounds.push_back(utf8.size());
    return bounds;
}

}  // namespace

std::vector<SentenceSpan> split_sentences(std::string_view utf8) {
    std::vector<SentenceSpan> sentences;
    if (utf8.empty()) return sentences;
    const std::vector<std::size_t> bounds = icu_boundaries(utf8);
    std::size_t start = bounds.front();
    for (std::size_t i = 1; i < bounds.size(); ++i) {
        std::size_t begin = start;
        std::size_t end = bounds[i];
        const std::string_view piece = trimmed(utf8, begin, end);
        const bool last = i + 1 == bounds.size();
        if (!last && ends_with_abbreviation(piece)) continue;  // joined with what follows
        start = bounds[i];
        if (piece.empty() || is_list_marker(piece)) continue;
        sentences.push_back({begin, end});
    }
    return sentences;
}

}  // namespace r2p::detail
