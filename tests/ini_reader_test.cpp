// Tests for lib/src/util/ini_reader.cpp: the INI dialect of the taxonomy and genre files.
#include "util/ini_reader.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct TestError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string error_of(const std::string& text, bool (*step)(r2p::IniReader&),
                     std::optional<std::string> hint = std::nullopt) {
    r2p::IniReader reader("f.conf", text, &r2p::raise_as<TestError>, std::move(hint));
    try {
        while (step(reader)) {
        }
    } catch (const TestError& e) {
        return e.what();
    }
    return "";
}

bool read_line(r2p::IniReader& reader) { return reader.next().has_value(); }

bool read_entry(r2p::IniReader& reader) {
    const auto line = reader.next();
    if (!line) return false;
    if (r2p::IniReader::is_section(*line))
        (void)reader.section(*line);
    else
        (void)reader.key_value(*line);
    return true;
}

}  // namespace

TEST_SUITE("ini_reader") {
    TEST_CASE("blank lines and comments are skipped, lines trimmed and numbered") {
        const std::string text =
            "\xEF\xBB\xBF# comment\n\n  [theme prevention] \r\n\tlabel = x\t\n";
        r2p::IniReader reader("f.conf", text, &r2p::raise_as<TestError>);
        auto line = reader.next();
        REQUIRE(line);
        CHECK(*line == "[theme prevention]");
        CHECK(reader.line() == 3);
        CHECK(r2p::IniReader::is_section(*line));
        CHECK(reader.section(*line) == "theme prevention");
        line = reader.next();
        REQUIRE(line);
        CHECK(*line == "label = x");
        CHECK(reader.line() == 4);
        const auto kv = reader.key_value(*line);
        CHECK(kv.key == "label");
        CHECK(kv.value == "x");
        CHECK_FALSE(reader.next());
    }

    TEST_CASE("errors name the file and line and are thrown as the caller's type") {
        CHECK(error_of("[a]\n[b\n", read_entry) ==
              "f.conf:2: unterminated section header (missing ']')");
        CHECK(error_of("\nno equals\n", read_entry) ==
              "f.conf:2: expected 'key = value' or '[section]'");
        CHECK(error_of("= v\n", read_entry) == "f.conf:1: missing key before '='");
        CHECK(error_of("k =  \n", read_entry) == "f.conf:1: empty value for 'k'");
    }

    TEST_CASE(
        "with a hint every line must be UTF-8, comments too, without one nothing is checked") {
        const std::string text = "ok\n# caf\xE9\n";
        CHECK(error_of(text, read_line, "data files are UTF-8") ==
              "f.conf:2: invalid UTF-8 at column 6 (data files are UTF-8)");
        CHECK(error_of(text, read_line) == "");
    }

    TEST_CASE("fail_at names the line it is given") {
        r2p::IniReader reader("f.conf", "a\nb\n", &r2p::raise_as<TestError>);
        (void)reader.next();
        (void)reader.next();
        CHECK_THROWS_WITH_AS(reader.fail_at(1, "why"), "f.conf:1: why", TestError);
    }
}
