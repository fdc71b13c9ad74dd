// Reading CSV tables (RFC 4180) such as a collection's speakers table: quoted fields holding
// commas, doubled quotes and line breaks; CRLF or LF; a UTF-8 BOM; errors naming file and line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace r2p {

/// One record of a CSV text.
struct CsvRow {
    std::size_t line = 0;             ///< 1-based line where the record starts
    std::vector<std::string> fields;  ///< unquoted, doubled quotes made single
};

/// Throws the caller's error type with `message`; never returns (see IniReader::Raise).
using CsvRaise = void (*)(const std::string& message);

/// Every record of `text`, in order; blank lines are skipped, a leading UTF-8 BOM is ignored.
/// Errors are raised as "NAME:LINE: reason": a quote inside an unquoted field, text after a
/// closing quote, a quoted field that never ends, invalid UTF-8.
std::vector<CsvRow> read_csv(const std::string& name, std::string_view text, CsvRaise raise);

}  // namespace r2p
