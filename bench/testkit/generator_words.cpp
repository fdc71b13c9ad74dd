#include "bench/testkit/generator_words.hpp"

#include <algorithm>

namespace r2p::testkit {

bool is_lower_ascii_word(std::string_view word) {
    return !word.empty() &&
           std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_given_name(std::string_view word) {
    return word.size() >= 3 && word[0] >= 'A' && word[0] <= 'Z' &&
           is_lower_ascii_word(word.substr(1));
}

std::string upper_first(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 32);
    return text;
}

std::string upper_all(std::string text) {
    for (char& c : text) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    return text;
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        if (c == ' ' || c == '\t') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

std::string ordinal(std::size_t n) {
    const std::size_t tens = n % 100;
    const char* suffix = "th";
    if (tens < 11 || tens > 13) {
        if (n % 10 == 1) suffix = "st";
        if (n % 10 == 2) suffix = "nd";
        if (n % 10 == 3) suffix = "rd";
    }
    return std::to_string(n) + suffix;
}

std::set<std::string> plural_forms(const std::string& alias) {
    std::set<std::string> forms;
    std::size_t start = 0;
    while (start <= alias.size()) {
        std::size_t end = alias.find_first_of(" -", start);
        if (end == std::string::npos) end = alias.size();
        const std::string head = alias.substr(0, end);
        const std::string tail = alias.substr(end);
        forms.insert(head + "s" + tail);
        forms.insert(head + "es" + tail);
        if (!head.empty() && head.back() == 'y') {
            forms.insert(head.substr(0, head.size() - 1) + "ies" + tail);
        }
        start = end + 1;
    }
    return forms;
}

}  // namespace r2p::testkit
