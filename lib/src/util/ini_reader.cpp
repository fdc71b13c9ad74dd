#include "util/ini_reader.hpp"

#include <cstdlib>
#include <utility>

#include "text/unicode_utf8.hpp"

namespace r2p {

std::string_view ini_trim(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

IniReader::IniReader(std::string name, std::string_view text, Raise raise,
                     std::optional<std::string> utf8_hint)
    : name_(std::move(name)), text_(text), raise_(raise), utf8_hint_(std::move(utf8_hint)) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
}

std::optional<std::string_view> IniReader::next() {
    while (pos_ < text_.size()) {
        std::size_t nl = text_.find('\n', pos_);
        if (nl == std::string_view::npos) nl = text_.size();
        const std::string_view line = ini_trim(text_.substr(pos_, nl - pos_));
        pos_ = nl + 1;
        ++line_;
        if (utf8_hint_) {
            if (const std::size_t bad = detail::first_invalid_utf8(line); bad != line.npos) {
                fail("invalid UTF-8 at column " + std::to_string(bad + 1) + " (" + *utf8_hint_ +
                     ")");
            }
        }
        if (!line.empty() && line.front() != '#') return line;
    }
    return std::nullopt;
}

std::string_view IniReader::section(std::string_view line) const {
    if (line.back() != ']') fail("unterminated section header (missing ']')");
    return ini_trim(line.substr(1, line.size() - 2));
}

IniReader::KeyValue IniReader::key_value(std::string_view line) const {
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) fail("expected 'key = value' or '[section]'");
    KeyValue kv{std::string(ini_trim(line.substr(0, eq))), ini_trim(line.substr(eq + 1))};
    if (kv.key.empty()) fail("missing key before '='");
    if (kv.value.empty()) fail("empty value for '" + kv.key + "'");
    return kv;
}

void IniReader::fail_at(std::size_t line, const std::string& reason) const {
    raise_(name_ + ":" + std::to_string(line) + ": " + reason);
    std::abort();  // a Raise that returns breaks its contract
}

}  // namespace r2p
