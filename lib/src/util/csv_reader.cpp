#include "util/csv_reader.hpp"

#include <cstdlib>

#include "text/unicode_utf8.hpp"

namespace r2p {

std::vector<CsvRow> read_csv(const std::string& name, std::string_view text, CsvRaise raise) {
    const auto fail = [&](std::size_t line, const std::string& reason) {
        raise(name + ":" + std::to_string(line) + ": " + reason);
        std::abort();  // a CsvRaise that returns breaks its contract
    };
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (const std::size_t bad = detail::first_invalid_utf8(text); bad != text.npos) {
        std::size_t line = 1;
        for (std::size_t i = 0; i < bad; ++i) line += text[i] == '\n' ? 1 : 0;
        fail(line, "invalid UTF-8 (a CSV table must be UTF-8 text)");
    }
    std::vector<CsvRow> rows;
    std::size_t line = 1;
    std::size_t pos = 0;
    while (pos < text.size()) {
        // A blank line (LF or CRLF) is no record.
        if (text[pos] == '\n' ||
            (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n')) {
            pos += text[pos] == '\r' ? 2 : 1;
            ++line;
            continue;
        }
        CsvRow row;
        row.line = line;
        bool end_of_record = false;
        while (!end_of_record) {
            std::string field;
            if (pos < text.size() && text[pos] == '"') {
                const std::size_t opened = line;
                ++pos;
                while (true) {
                    if (pos >= text.size()) fail(opened, "quoted field never ends (missing '\"')");
                    const char c = text[pos++];
                    if (c == '"') {
                        if (pos < text.size() && text[pos] == '"') {
                            field += '"';
                            ++pos;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') ++line;
                    field += c;
                }
                if (pos < text.size() && text[pos] != ',' && text[pos] != '\n' &&
                    text[pos] != '\r') {
                    fail(line, "text after a closing quote (a quote inside a field is doubled)");
                }
            } else {
                while (pos < text.size() && text[pos] != ',' && text[pos] != '\n' &&
                       !(text[pos] == '\r' && (pos + 1 == text.size() || text[pos + 1] == '\n'))) {
                    if (text[pos] == '"') {
                        fail(line, "quote inside an unquoted field (quote the whole field)");
                    }
                    field += text[pos++];
                }
            }
            row.fields.push_back(std::move(field));
            if (pos < text.size() && text[pos] == ',') {
                ++pos;
                continue;
            }
            if (pos < text.size() && text[pos] == '\r') ++pos;
            if (pos < text.size() && text[pos] == '\n') ++pos;
            ++line;
            end_of_record = true;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace r2p
