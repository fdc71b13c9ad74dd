#include "tag/speaker_turns.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

#include "text/ascii_case.hpp"

namespace r2p::detail {

namespace {

/// A turn is a short prefix: a colon further in is prose ("In 2005 the Summit agreed: ...").
constexpr std::size_t kMaxTurnBytes = 200;
constexpr std::size_t kMaxNameWords = 6;
constexpr std::size_t kMaxTitleWords = 4;
/// How records print the language a speech was given in (older records: "interpretation").
constexpr std::array<std::string_view, 2> kLanguageLeads = {"spoke in ", "interpretation from "};

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

/// Starts with a capital letter; a non-ASCII first byte counts ("Ökland", "Émile").
bool capitalised(std::string_view w) {
    if (w.empty()) return false;
    const auto c = static_cast<unsigned char>(w.front());
    return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string_view> words_of(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > start) out.push_back(s.substr(start, i - start));
    }
    return out;
}

/// Takes the bracket `head` ends with ("(Iran (Islamic Republic of))" as a whole) off
/// `head` and returns its inside; nullopt when `head` does not end with a balanced bracket.
std::optional<std::string_view> take_bracket(std::string_view& head) {
    if (head.empty() || head.back() != ')') return std::nullopt;
    int depth = 0;
    for (std::size_t i = head.size(); i-- > 0;) {
        if (head[i] == ')') ++depth;
        if (head[i] == '(' && --depth == 0) {
            const std::string_view inside = trim(head.substr(i + 1, head.size() - i - 2));
            head = trim(head.substr(0, i));
            return inside;
        }
    }
    return std::nullopt;
}

bool is_honorific(std::string_view word, const std::vector<std::string>& honorifics) {
    const std::string w = ascii_lower(word);
    return std::find(honorifics.begin(), honorifics.end(), w) != honorifics.end();
}

/// Plain words of a name or title: no digits or sentence punctuation.
bool plain_words(const std::vector<std::string_view>& words) {
    return std::none_of(words.begin(), words.end(), [](std::string_view w) {
        return has_digit(w) || w.find_first_of(",;\"()“”") != std::string_view::npos;
    });
}

}  // namespace

std::optional<SpeakerTurn> find_speaker_turn(std::string_view paragraph,
                                             const std::vector<std::string>& honorifics) {
    const std::size_t colon = paragraph.substr(0, kMaxTurnBytes).find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    if (colon + 1 < paragraph.size() && paragraph[colon + 1] != ' ') return std::nullopt;
    std::string_view head = paragraph.substr(0, colon);
    if (head.empty() || head.front() == ' ' || head.back() == ' ') return std::nullopt;

    SpeakerTurn turn;
    turn.length = colon + 1;
    std::string_view rest = head;
    if (auto inside = take_bracket(rest)) {
        const std::string folded = ascii_lower(*inside);
        bool language = false;
        for (std::string_view lead : kLanguageLeads) {
            if (folded.rfind(lead, 0) != 0) continue;
            turn.language = std::string(inside->substr(lead.size()));
            language = capitalised(turn.language) && !has_digit(turn.language);
            if (!language) return std::nullopt;
        }
        if (!language) rest = head;  // the bracket is the country's: read it again below
    }
    const std::vector<std::string_view> title = words_of(rest);
    if (!title.empty() && title.front() == "The") {
        if (title.size() < 2 || title.size() > kMaxTitleWords + 1) return std::nullopt;
        if (!plain_words(title)) return std::nullopt;
        if (!std::all_of(title.begin() + 1, title.end(), capitalised)) return std::nullopt;
        const auto from = static_cast<std::size_t>(title[1].data() - rest.data());
        turn.title = std::string(rest.substr(from));
        return turn;
    }

    const auto country = take_bracket(rest);
    // Nested brackets are part of some official names: "Iran (Islamic Republic of)".
    if (!country || !capitalised(*country) || has_digit(*country)) return std::nullopt;
    if (country->find_first_of(",;\"“”") != std::string_view::npos) return std::nullopt;
    turn.country = std::string(*country);
    const std::vector<std::string_view> words = words_of(rest);
    std::size_t i = 0;
    while (i < words.size() && is_honorific(words[i], honorifics)) ++i;
    if (i == 0 || i == words.size() || words.size() - i > kMaxNameWords) return std::nullopt;
    const std::vector<std::string_view> name(words.begin() + static_cast<std::ptrdiff_t>(i),
                                             words.end());
    if (!plain_words(name) || !capitalised(name.back())) return std::nullopt;
    const auto from = static_cast<std::size_t>(name.front().data() - rest.data());
    turn.name = std::string(rest.substr(from));
    return turn;
}

}  // namespace r2p::detail
