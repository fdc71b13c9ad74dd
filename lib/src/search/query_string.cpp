#include "r2p/query_string.hpp"

#include <string>

#include "r2p/error.hpp"
#include "text/unicode_utf8.hpp"

namespace r2p {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A message quotes at most this much of the piece it rejects: a query string may be long.
constexpr std::size_t kQuotedBytes = 40;

std::string quoted(std::string_view piece) {
    return "'" + std::string(piece.substr(0, kQuotedBytes)) +
           (piece.size() > kQuotedBytes ? "...'" : "'");
}

std::string decode(std::string_view piece) {
    std::string out;
    out.reserve(piece.size());
    for (std::size_t i = 0; i < piece.size(); ++i) {
        const char c = piece[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%') {
            const int high = i + 2 < piece.size() ? hex_digit(piece[i + 1]) : -1;
            const int low = i + 2 < piece.size() ? hex_digit(piece[i + 2]) : -1;
            if (high < 0 || low < 0) {
                throw UsageError("query string: malformed percent escape in " + quoted(piece));
            }
            out += static_cast<char>(high * 16 + low);
            i += 2;
        } else {
            out += c;
        }
    }
    if (detail::first_invalid_utf8(out) != std::string_view::npos) {
        throw UsageError("query string: " + quoted(piece) + " is not valid UTF-8");
    }
    return out;
}

}  // namespace

std::vector<RequestField> parse_query_string(std::string_view query) {
    std::vector<RequestField> fields;
    while (!query.empty()) {
        const std::size_t end = query.find('&');
        const std::string_view piece = query.substr(0, end);
        query = end == std::string_view::npos ? std::string_view{} : query.substr(end + 1);
        if (piece.empty()) continue;
        const std::size_t equals = piece.find('=');
        if (equals == std::string_view::npos) {
            fields.emplace_back(decode(piece), std::string());
        } else {
            fields.emplace_back(decode(piece.substr(0, equals)), decode(piece.substr(equals + 1)));
        }
    }
    return fields;
}

}  // namespace r2p
