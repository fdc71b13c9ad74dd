#include "parse/markdown_inline.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "parse/parse_text.hpp"

namespace r2p::detail {
namespace {

// How far a bracket, backtick or comment looks for its closing mark: keeps "[[[[" and
// "` ` `" linear; real links and code spans are far shorter.
constexpr std::size_t kMaxSpan = 2000;

bool is_ascii_punctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

// A run of `*` or `_` that may open or close emphasis, by the characters around it.
struct DelimiterRun {
    std::size_t out_pos = 0;  // where the run starts in the output
    std::size_t length = 0;
    std::size_t remaining = 0;  // marks not yet matched, taken from the inner end
    char mark = 0;
    bool can_open = false;
    bool can_close = false;
};

enum class Around { kSpace, kPunctuation, kWord };

Around classify(char32_t c) {
    if (c == 0 || is_space(c)) return Around::kSpace;
    return is_alnum(c) ? Around::kWord : Around::kPunctuation;
}

// Finds `closing` at or after `from` within kMaxSpan bytes.
std::size_t find_near(std::string_view s, std::string_view closing, std::size_t from) {
    const std::size_t limit = std::min(s.size(), from + kMaxSpan);
    const std::size_t at = s.substr(0, limit).find(closing, from);
    return at == std::string_view::npos ? std::string_view::npos : at;
}

bool starts_url(std::string_view s) {
    return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("mailto:") ||
           s.starts_with("www.");
}

class InlineReader {
  public:
    explicit InlineReader(std::string_view s) : s_(s) {}

    std::string run() {
        std::size_t i = 0;
        while (i < s_.size()) i = step(i);
        return resolve_emphasis();
    }

  private:
    // Reads what starts at `i`; returns where the next piece starts.
    std::size_t step(std::size_t i) {
        const char c = s_[i];
        if (c == '\\' && i + 1 < s_.size() && is_ascii_punctuation(s_[i + 1])) {
            out_ += s_[i + 1];
            return i + 2;
        }
        if (c == '`') return code_span(i);
        if (c == '<') return angle(i);
        if (c == '!' && i + 1 < s_.size() && s_[i + 1] == '[') {
            if (const std::size_t end = link_end(i + 1); end != std::string_view::npos) {
                return end;  // an image: its alt text is no part of the statement
            }
        }
        if (c == '[') {
            const std::size_t close = find_near(s_, "]", i + 1);
            if (close != std::string_view::npos && s_.substr(i + 1, 1) != "^") {
                const std::size_t end = link_end(i);
                if (end != std::string_view::npos) {
                    out_ += strip_inline_markdown(s_.substr(i + 1, close - i - 1));
                    return end;
                }
            }
        }
        if (c == '*' || c == '_') return delimiter_run(i);
        // Plain text up to the next character that may open markup, in one piece.
        std::size_t end = s_.find_first_of(kMarkupStarts, i + 1);
        if (end == std::string_view::npos) end = s_.size();
        out_.append(s_.substr(i, end - i));
        return end;
    }

    static constexpr std::string_view kMarkupStarts = "\\`<![*_";

    // "[text](url)" or "[text][ref]" starting at `open`: one past its end, or npos.
    std::size_t link_end(std::size_t open) const {
        const std::size_t close = find_near(s_, "]", open + 1);
        if (close == std::string_view::npos || close + 1 >= s_.size())
            return std::string_view::npos;
        const char next = s_[close + 1];
        if (next != '(' && next != '[') return std::string_view::npos;
        const std::size_t end = find_near(s_, next == '(' ? ")" : "]", close + 2);
        if (end == std::string_view::npos) return std::string_view::npos;
        // A target holds no spaces (a title in quotes aside): "(see para. 3)" is not one.
        const std::string_view target = s_.substr(close + 2, end - close - 2);
        if (next == '(' && target.find(' ') != std::string_view::npos &&
            target.find('"') == std::string_view::npos) {
            return std::string_view::npos;
        }
        return end + 1;
    }

    std::size_t code_span(std::size_t i) {
        std::size_t run = i;
        while (run < s_.size() && s_[run] == '`') ++run;
        const std::string_view ticks = s_.substr(i, run - i);
        std::size_t close = find_near(s_, ticks, run);
        // The closing run must be exactly as long.
        while (close != std::string_view::npos && close + ticks.size() < s_.size() &&
               s_[close + ticks.size()] == '`') {
            std::size_t past = close;
            while (past < s_.size() && s_[past] == '`') ++past;
            close = find_near(s_, ticks, past);
        }
        if (close == std::string_view::npos) {
            out_.append(ticks);
            return run;
        }
        out_.append(trim(s_.substr(run, close - run)));
        return close + ticks.size();
    }

    std::size_t angle(std::size_t i) {
        const std::string_view rest = s_.substr(i + 1);
        if (rest.starts_with("!--")) {
            const std::size_t end =
                comment_may_close_ ? find_near(s_, "-->", i + 4) : std::string_view::npos;
            if (end != std::string_view::npos) return end + 3;
            comment_may_close_ = false;
        } else if (starts_url(rest)) {
            const std::size_t end = find_near(s_, ">", i + 1);
            if (end != std::string_view::npos &&
                s_.substr(i + 1, end - i - 1).find(' ') == std::string_view::npos) {
                return end + 1;  // an autolink: the address is no part of the words
            }
        }
        out_ += '<';
        return i + 1;
    }

    std::size_t delimiter_run(std::size_t i) {
        const char mark = s_[i];
        std::size_t end = i;
        while (end < s_.size() && s_[end] == mark) ++end;
        const Around before = classify(code_point_before(s_, i));
        const Around after = classify(end < s_.size() ? code_point_at(s_, end) : 0);
        DelimiterRun run;
        run.out_pos = out_.size();
        run.length = end - i;
        run.remaining = run.length;
        run.mark = mark;
        // Opens before a word and after a space or punctuation; closes the other way round.
        run.can_open = after != Around::kSpace && before != Around::kWord;
        run.can_close = before != Around::kSpace && after != Around::kWord;
        runs_.push_back(run);
        out_.append(s_.substr(i, end - i));
        return end;
    }

    std::string resolve_emphasis() {
        if (runs_.empty()) return std::move(out_);
        std::vector<bool> drop(out_.size(), false);
        std::vector<std::size_t> openers;
        for (std::size_t r = 0; r < runs_.size(); ++r) {
            DelimiterRun& closer = runs_[r];
            if (closer.can_close) {
                while (closer.remaining > 0 && !openers.empty()) {
                    // The nearest opener of the same mark; others between are left as text.
                    auto it = std::find_if(openers.rbegin(), openers.rend(), [&](std::size_t o) {
                        return runs_[o].mark == closer.mark;
                    });
                    if (it == openers.rend()) break;
                    DelimiterRun& opener = runs_[*it];
                    const std::size_t k =
                        std::min({opener.remaining, closer.remaining, std::size_t{2}});
                    for (std::size_t j = 0; j < k; ++j) {
                        drop[opener.out_pos + opener.remaining - 1 - j] = true;
                        drop[closer.out_pos + (closer.length - closer.remaining) + j] = true;
                    }
                    opener.remaining -= k;
                    closer.remaining -= k;
                    if (opener.remaining == 0) openers.erase(std::next(it).base(), openers.end());
                }
            }
            if (closer.remaining > 0 && closer.can_open) openers.push_back(r);
        }
        // Unmatched doubled marks ("**" left by a line break) are markup all the same.
        for (const DelimiterRun& run : runs_) {
            if (run.remaining >= 2) {
                const std::size_t from = run.out_pos + (run.length - run.remaining);
                for (std::size_t j = 0; j < run.remaining; ++j) drop[from + j] = true;
            }
        }
        if (std::find(drop.begin(), drop.end(), true) == drop.end()) return std::move(out_);
        std::string result;
        result.reserve(out_.size());
        for (std::size_t i = 0; i < out_.size(); ++i) {
            if (!drop[i]) result += out_[i];
        }
        return result;
    }

    std::string_view s_;
    std::string out_;
    std::vector<DelimiterRun> runs_;
    bool comment_may_close_ = true;  // false once a comment was found never to close
};

}  // namespace

std::string strip_inline_markdown(std::string_view s) { return InlineReader(s).run(); }

}  // namespace r2p::detail
