#include "parse/hyphenation.hpp"

#include <array>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "parse/parse_text.hpp"

namespace r2p::detail {
namespace {

constexpr std::array<const char*, 2> kWordLists = {
    "/usr/share/dict/american-english",
    "/usr/share/dict/british-english",
};

// After "pre-" these words show a suspended compound ("pre- and post-conflict"), so the
// hyphen stays and so does the space.
constexpr std::array<std::string_view, 4> kSuspendingWords = {"and", "or", "nor", "to"};

bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
}

// The letters of `s` with punctuation trimmed from both ends ("national," -> "national").
std::string_view bare(std::string_view s) {
    while (!s.empty() && !is_word_byte(s.front())) s.remove_prefix(1);
    while (!s.empty() && !is_word_byte(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace

const std::unordered_set<std::string>& system_words() {
    static const std::unordered_set<std::string> words = [] {
        std::unordered_set<std::string> out;
        for (const char* path : kWordLists) {
            std::ifstream in(path);
            std::string line;
            while (std::getline(in, line)) {
                if (line.find('\'') != std::string::npos) continue;  // "nation's"
                out.insert(ascii_lower(line));
            }
        }
        return out;
    }();
    return words;
}

void LineEndHyphens::count_words() {
    counted_ = true;
    lower_ = ascii_lower(document_);
    const std::string_view text = lower_;
    // Only words that open as a split word's first half does can decide anything, so first
    // mark the first two bytes of every stem before a hyphen that ends a line or stands before
    // a space; then count only the words that open so (hashing every word would double the
    // cost of parsing).
    std::vector<bool> opening(1u << 16, false);
    auto key = [](std::string_view w) {
        const unsigned first = static_cast<unsigned char>(w[0]);
        const unsigned second = w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0u;
        return (first << 8) | second;
    };
    for (std::size_t dash = text.find('-'); dash != std::string_view::npos;
         dash = text.find('-', dash + 1)) {
        if (dash == 0 || !is_word_byte(text[dash - 1])) continue;
        std::size_t after = dash + 1;
        while (after < text.size() &&
               (text[after] == ' ' || text[after] == '\t' || text[after] == '\r')) {
            ++after;
        }
        if (after == dash + 1 && after < text.size() && text[after] != '\n') continue;
        std::size_t begin = dash;
        while (begin > 0 && is_word_byte(text[begin - 1])) --begin;
        const std::string_view stem = text.substr(begin, dash - begin);
        opening[key(stem)] = true;
        if (stem.size() == 1) opening[key(stem.substr(0, 1)) | 0xFFu] = true;
    }
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && !is_word_byte(text[pos])) ++pos;
        std::size_t end = pos;
        // A word runs on through inner hyphens ("secretary-general"), not a final one.
        while (end < text.size() &&
               (is_word_byte(text[end]) ||
                (text[end] == '-' && end + 1 < text.size() && is_word_byte(text[end + 1])))) {
            ++end;
        }
        if (end > pos && (end == text.size() || text[end] != '-')) {
            const std::string_view word = text.substr(pos, end - pos);
            if (opening[key(word)] || opening[key(word.substr(0, 1)) | 0xFFu]) ++counts_[word];
        }
        pos = end + 1;
    }
}

std::size_t LineEndHyphens::uses(const std::string& lower_word) const {
    const auto it = counts_.find(std::string_view(lower_word));
    return it == counts_.end() ? 0 : it->second;
}

HyphenJoin LineEndHyphens::decide(std::string_view left, std::string_view right) {
    const std::string_view head = bare(left);
    const std::string_view tail = bare(right);
    if (head.empty() || tail.empty()) return HyphenJoin::kKeepHyphen;
    const std::string tail_lower = ascii_lower(tail);
    for (std::string_view w : kSuspendingWords) {
        if (tail_lower == w) return HyphenJoin::kKeepHyphenAndSpace;
    }
    // Only the last part of the left word is split: "post-con-" + "flict" joins "con".
    const std::size_t inner = head.rfind('-');
    const std::string_view stem = inner == std::string_view::npos ? head : head.substr(inner + 1);
    const std::string joined = ascii_lower(stem) + tail_lower;
    const std::string hyphenated = ascii_lower(stem) + "-" + tail_lower;

    // 1. The document's own usage.
    if (!counted_) count_words();
    const std::size_t joined_uses = uses(joined);
    const std::size_t hyphenated_uses = uses(hyphenated);
    if (joined_uses > hyphenated_uses) return HyphenJoin::kDropHyphen;
    if (hyphenated_uses > joined_uses) return HyphenJoin::kKeepHyphen;

    // A capital after the hyphen names something ("Secretary-General", "East-West").
    const char32_t first_right = code_point_at(tail, 0);
    if (is_upper(first_right)) return HyphenJoin::kKeepHyphen;

    // 2. The system word lists.
    const std::unordered_set<std::string>& dictionary =
        words_ != nullptr ? *words_ : system_words();
    if (!dictionary.empty()) {
        if (dictionary.count(joined) != 0) return HyphenJoin::kDropHyphen;
        if (dictionary.count(hyphenated) != 0) return HyphenJoin::kKeepHyphen;
        if (dictionary.count(ascii_lower(stem)) != 0 && dictionary.count(tail_lower) != 0) {
            return HyphenJoin::kKeepHyphen;  // two words: "forty-" + "ninth", "East-" + "west"
        }
    }

    // 3. The shape: lower case on both sides of the hyphen reads as one word split.
    const char32_t last_left = code_point_before(stem, stem.size());
    return is_lower(last_left) && is_lower(first_right) ? HyphenJoin::kDropHyphen
                                                        : HyphenJoin::kKeepHyphen;
}

std::string rejoin_split_words(std::string_view text, LineEndHyphens& hyphens) {
    std::string out;
    std::size_t done = 0;  // bytes of `text` already copied to `out`
    std::size_t at = 0;
    while ((at = text.find("- ", at)) != std::string_view::npos) {
        const std::size_t next = at + 2;
        if (at == 0 || next >= text.size() || !is_word_byte(text[at - 1]) ||
            !is_word_byte(text[next])) {
            at = next;
            continue;
        }
        if (out.empty()) out.reserve(text.size());
        std::size_t word_begin = text.rfind(' ', at);
        word_begin = word_begin == std::string_view::npos ? 0 : word_begin + 1;
        std::size_t word_end = text.find(' ', next);
        if (word_end == std::string_view::npos) word_end = text.size();
        const HyphenJoin join = hyphens.decide(text.substr(word_begin, at + 1 - word_begin),
                                               text.substr(next, word_end - next));
        if (join != HyphenJoin::kKeepHyphenAndSpace) {
            out.append(text.substr(done, at - done));
            if (join == HyphenJoin::kKeepHyphen) out += '-';
            done = next;
        }
        at = next;
    }
    if (done == 0) return std::string(text);
    out.append(text.substr(done));
    return out;
}

}  // namespace r2p::detail
