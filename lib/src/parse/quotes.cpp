// find_quotes: top-level quotations of one paragraph, and whether each is someone's speech.
#include "parse/quotes.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parse/parse_text.hpp"

namespace r2p {
namespace {

using detail::code_point_at;
using detail::code_point_before;
using detail::is_alnum;
using detail::is_letter;
using detail::is_space;

// Families of marks that pair with each other. A straight single quote (') is an apostrophe
// far more often than a quotation mark, so it opens only before a letter after a boundary
// ('Silence is a choice,' not d'Ivoire or '90s) and closes only outside a word.
enum class Family { Double, Straight, Guillemet, Single, SingleGuillemet, StraightSingle };
constexpr std::size_t kFamilies = 6;

std::size_t family_index(Family f) { return static_cast<std::size_t>(f); }

// An unbalanced opener of these families runs to the paragraph's end; single quotes do not,
// because a stray ‘ is far more often a misplaced apostrophe (‘90s) than an opened quote.
bool runs_to_end(Family f) {
    return f != Family::Single && f != Family::SingleGuillemet && f != Family::StraightSingle;
}

struct Open {
    Family family;
    std::size_t mark_begin;     // first byte of the opening mark
    std::size_t content_begin;  // first byte after it
};

struct Span {
    std::size_t mark_begin;
    std::size_t begin;
    std::size_t end;
    std::size_t after_close;  // first byte after the closing mark (== end when unbalanced)
    bool closed;              // false: the paragraph ended first
    Family family;
};

// Words that, right before a quotation, say it names a concept or a title rather than
// reporting words spoken: the brief's "the concept of “Responsibility while Protecting”".
// These describe how English introduces names, not R2P vocabulary.
constexpr std::array<std::string_view, 25> kNamingCues = {
    "concept of", "so-called", "so called",    "known as",   "entitled",    "titled",  "called",
    "term",       "notion of", "principle of", "initiative", "doctrine of", "idea of", "phrase",
    "slogan",     "motto",     "dubbed",       "label",      "labelled",    "report",  "theme",
    "campaign",   "programme", "program",      "resolution",
};

// Scans marks left to right with a stack of open quotes. Every step is amortised O(1): an
// opener is pushed once and popped once, and each family keeps a count of its open marks so a
// closer never searches a stack that holds none of its family.
class QuoteScanner {
  public:
    explicit QuoteScanner(std::string_view text) : text_(text) {}

    std::vector<Span> scan() {
        std::size_t pos = 0;
        char32_t prev = 0;
        while (pos < text_.size()) {
            const std::size_t start = pos;
            const char32_t c = detail::next_code_point(text_, pos);
            if (detail::is_quote_mark(c)) handle(c, start, pos, prev);
            prev = c;
        }
        finish();
        return std::move(spans_);
    }

  private:
    // Whether a mark at [start, end) may open: at the start, after a space, bracket, dash or
    // another quote mark, and followed by something other than a space.
    bool may_open(std::size_t start, std::size_t end, char32_t prev) const {
        const bool after_boundary = start == 0 || is_space(prev) || prev == U'(' || prev == U'[' ||
                                    prev == U'{' || prev == U'-' || prev == U'\u2013' ||
                                    prev == U'\u2014' || prev == U'/' ||
                                    detail::is_quote_mark(prev);
        const char32_t next = code_point_at(text_, end);
        // A mark before a full stop or comma closes something (" '…'". ) and opens nothing;
        // before an ellipsis ("... in respect of", ". . .we") it opens an elided quotation.
        const char32_t after = next == U'.' ? code_point_at(text_, end + 1) : 0;
        const bool ellipsis = after == U'.' || after == U',' ||
                              (after == U' ' && code_point_at(text_, end + 2) == U'.');
        const bool before_punctuation =
            (next == U'.' && !ellipsis) || next == U',' || next == U';' || next == U':';
        return after_boundary && next != 0 && !is_space(next) && !before_punctuation;
    }

    void handle(char32_t c, std::size_t start, std::size_t end, char32_t prev) {
        switch (c) {
            case U'\u201C':  // “ opens; closes in the „…“ convention
            case U'\u201E':  // „
            case U'\u201F':  // ‟
                if (c == U'\u201C' && is_open(Family::Double) && start > 0 && !is_space(prev) &&
                    !is_alnum(code_point_at(text_, end))) {
                    close(Family::Double, start, end);
                } else {
                    open(Family::Double, start, end);
                }
                break;
            case U'\u201D':  // ” closes; opens only where ” is used for both marks
                if (is_open(Family::Double)) {
                    close(Family::Double, start, end);
                } else if (may_open(start, end, prev)) {
                    open(Family::Double, start, end);
                }
                break;
            case U'"':
                if (is_open(Family::Straight)) {
                    close(Family::Straight, start, end);
                } else if (may_open(start, end, prev)) {
                    open(Family::Straight, start, end);
                }
                break;
            case U'\u00AB':  // «
                open(Family::Guillemet, start, end);
                break;
            case U'\u00BB':  // »
                if (is_open(Family::Guillemet)) close(Family::Guillemet, start, end);
                break;
            case U'\u2039':  // ‹
                open(Family::SingleGuillemet, start, end);
                break;
            case U'\u203A':  // ›
                if (is_open(Family::SingleGuillemet)) close(Family::SingleGuillemet, start, end);
                break;
            case U'\u2018':  // ‘
                if (may_open(start, end, prev)) open(Family::Single, start, end);
                break;
            case U'\u2019':  // ’ is an apostrophe between letters (don’t) or without an open ‘
                if (is_alnum(prev) && is_alnum(code_point_at(text_, end))) break;
                if (is_open(Family::Single) && start > 0 && !is_space(prev)) {
                    close(Family::Single, start, end);
                }
                break;
            case U'\'':
                if (is_alnum(prev) && is_alnum(code_point_at(text_, end))) break;  // d'Ivoire
                if (is_open(Family::StraightSingle) && start > 0 && !is_space(prev)) {
                    close(Family::StraightSingle, start, end);
                } else if (may_open(start, end, prev) && is_letter(code_point_at(text_, end))) {
                    open(Family::StraightSingle, start, end);
                }
                break;
            default:
                break;
        }
    }

    bool is_open(Family f) const { return open_count_[family_index(f)] > 0; }

    void pop() {
        --open_count_[family_index(stack_.back().family)];
        stack_.pop_back();
    }

    void open(Family f, std::size_t start, std::size_t end) {
        // The same family opening again before it closed: typographic nesting alternates
        // families, so the earlier mark was unbalanced. Drop it (and what it holds open).
        if (is_open(f)) {
            while (stack_.back().family != f) pop();
            pop();
        }
        stack_.push_back(Open{f, start, end});
        ++open_count_[family_index(f)];
    }

    void close(Family f, std::size_t start, std::size_t end) {
        while (stack_.back().family != f) pop();  // unbalanced inner marks
        const Open o = stack_.back();
        pop();
        spans_.push_back(Span{o.mark_begin, o.content_begin, start, end, true, f});
    }

    void finish() {
        for (const Open& o : stack_) {
            if (runs_to_end(o.family)) {
                spans_.push_back(Span{o.mark_begin, o.content_begin, text_.size(), text_.size(),
                                      false, o.family});
                break;
            }
        }
    }

    std::string_view text_;
    std::vector<Open> stack_;
    std::array<std::size_t, kFamilies> open_count_{};
    std::vector<Span> spans_;
};

// Spans nest or stand apart (the scanner closes them in stack order), so after sorting by
// start the top-level ones are those not inside the last one kept.
std::vector<Span> top_level(std::vector<Span> spans) {
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
        return a.mark_begin != b.mark_begin ? a.mark_begin < b.mark_begin
                                            : a.after_close > b.after_close;
    });
    std::vector<Span> kept;
    for (const Span& s : spans) {
        if (!kept.empty() && s.mark_begin < kept.back().after_close) continue;
        kept.push_back(s);
    }
    return kept;
}

// The last non-space character before byte `pos`, or 0 at the start.
char last_visible_before(std::string_view text, std::size_t pos) {
    while (pos > 0) {
        const char32_t c = code_point_before(text, pos);
        if (!is_space(c)) return c < 0x80 ? static_cast<char>(c) : '\x01';
        --pos;
        while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
    }
    return 0;
}

// The first non-space character at or after byte `pos` (ASCII only), or 0 at the end.
char first_visible_after(std::string_view text, std::size_t pos) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    return pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80 ? text[pos] : 0;
}

bool introduced_as_name(std::string_view text, std::size_t mark_begin) {
    const std::size_t from = mark_begin > 40 ? mark_begin - 40 : 0;
    const std::string before =
        detail::ascii_lower(detail::trim(text.substr(from, mark_begin - from)));
    for (std::string_view cue : kNamingCues) {
        if (before.size() < cue.size() ||
            before.compare(before.size() - cue.size(), cue.size(), cue) != 0) {
            continue;
        }
        // The cue must be whole words: "determ" is not "term".
        const std::size_t at = before.size() - cue.size();
        if (at == 0 || !is_alnum(static_cast<unsigned char>(before[at - 1]))) return true;
    }
    return false;
}

bool has_any(std::string_view s, std::string_view chars) {
    return s.find_first_of(chars) != std::string_view::npos;
}

// Speech or not. Four words or more are someone's words unless they are introduced as a name
// ("the concept of …") or are shaped like one (Title Case, no sentence punctuation: “Human
// Rights Up Front”). One to three words are a scare quote (“distorted”) unless they are a
// sentence of their own: a question or exclamation (‘where was the world?’), or ending in a
// full stop and standing after a colon, a comma or another sentence (said: “No.”).
bool is_speech(std::string_view text, const Span& span, std::string_view words) {
    if (introduced_as_name(text, span.mark_begin)) return false;
    const detail::WordShape shape = detail::word_shape(words, 12);
    if (shape.words == 0) return false;
    const bool sentence_end = detail::ends_with_any(words, ".!?");
    if (shape.words >= 4) {
        const bool name_shaped =
            shape.words <= 10 && !has_any(words, ".!?;,") && detail::is_title_case(shape);
        return !name_shaped;
    }
    const char before = last_visible_before(text, span.mark_begin);
    const bool opens_sentence =
        before == 0 || before == '.' || before == '!' || before == '?' || before == ':';
    // “Words kill”, he said / ‘Impunity,’ the High Commissioner added: a short quote that
    // opens its sentence and is cut off by a comma is the head of an attributed utterance.
    if (opens_sentence &&
        (detail::ends_with_any(words, ",") || first_visible_after(text, span.after_close) == ',')) {
        return true;
    }
    if (!sentence_end) return false;
    if (detail::ends_with_any(words, "!?")) return true;  // a question or a cry is uttered
    return opens_sentence || before == ',';
}

// "“We must act,” she said": the comma inside the marks is the surrounding sentence's
// (the American convention), so the quote ends before it; a full stop, question or
// exclamation mark ends the quoted sentence itself and stays.
std::string_view without_sentence_punctuation(std::string_view words) {
    while (!words.empty() && (words.back() == ',' || words.back() == ';' || words.back() == ':'))
        words = detail::trim(words.substr(0, words.size() - 1));
    return words;
}

}  // namespace

std::vector<Quote> find_quotes(std::string_view paragraph) {
    std::vector<Quote> quotes;
    for (const Span& span : top_level(QuoteScanner(paragraph).scan())) {
        const std::string_view inner = paragraph.substr(span.begin, span.end - span.begin);
        const std::string_view words = detail::trim(inner);
        const std::string_view kept = without_sentence_punctuation(words);
        if (kept.empty()) continue;
        Quote q;
        q.begin = span.begin + static_cast<std::size_t>(words.data() - inner.data());
        q.end = q.begin + kept.size();
        q.text = std::string(kept);
        q.speech = is_speech(paragraph, span, words);
        // A straight-single pair that is not speech is as likely two apostrophes ("the
        // States' and the peoples' duty") as a scare quote: not worth a quote.
        if (span.family == Family::StraightSingle && !q.speech) continue;
        q.closed = span.closed;
        quotes.push_back(std::move(q));
    }
    return quotes;
}

}  // namespace r2p
