// Reading the small INI dialect of the project's data files (the taxonomy's, the bench's
// genre data): comments, [section] headers, entries and key = value lines, every error
// naming the file and line.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace r2p {

/// `s` without leading and trailing spaces, tabs and CRs.
std::string_view ini_trim(std::string_view s);

/// Reads an INI-like text line by line. A UTF-8 BOM is skipped; lines are trimmed
/// (ini_trim); blank lines and lines starting with '#' are skipped. Errors are thrown by
/// `raise` with the message "NAME:LINE: reason", so each data file keeps its own error type.
/// Holds a view of `text`, which must outlive the reader.
class IniReader {
  public:
    /// Throws the caller's error type with `message`; never returns.
    using Raise = void (*)(const std::string& message);

    /// With a `utf8_hint`, every line (comments too) must be valid UTF-8: else an error
    /// "invalid UTF-8 at column N (HINT)".
    IniReader(std::string name, std::string_view text, Raise raise,
              std::optional<std::string> utf8_hint = std::nullopt);

    /// The next line that is neither blank nor a comment, trimmed; nullopt at the end.
    std::optional<std::string_view> next();

    /// True for a "[...]" line.
    static bool is_section(std::string_view line) { return !line.empty() && line[0] == '['; }

    /// What stands between '[' and ']' of a section line, trimmed. A line not ending in ']'
    /// is an error "unterminated section header (missing ']')".
    std::string_view section(std::string_view line) const;

    struct KeyValue {
        std::string key;
        std::string_view value;
    };
    /// "key = value", both trimmed. Errors: no '=' ("expected 'key = value' or '[section]'"),
    /// nothing before it ("missing key before '='"), nothing after it ("empty value for 'KEY'").
    KeyValue key_value(std::string_view line) const;

    /// Throws "NAME:LINE: reason" for the line last read.
    [[noreturn]] void fail(const std::string& reason) const { fail_at(line_, reason); }
    /// Throws "NAME:LINE: reason" for `line`.
    [[noreturn]] void fail_at(std::size_t line, const std::string& reason) const;

    /// The 1-based number of the line last read.
    std::size_t line() const { return line_; }

  private:
    std::string name_;
    std::string_view text_;
    Raise raise_;
    std::optional<std::string> utf8_hint_;
    std::size_t pos_ = 0;
    std::size_t line_ = 0;
};

/// An IniReader::Raise that throws `E(message)`.
template <typename E>
[[noreturn]] void raise_as(const std::string& message) {
    throw E(message);
}

}  // namespace r2p
