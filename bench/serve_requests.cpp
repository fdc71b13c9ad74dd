#include "bench/serve_requests.hpp"

#include <cstddef>
#include <string_view>

namespace r2p::bench {

namespace {

// The variations of one query, in turn: how a page is used after the first search.
enum class Variation { FirstPage, SecondPage, NewestFirst, ByRole };
constexpr std::size_t kVariations = 4;

ServeRequest vary(ServeRequest request, std::size_t n, const Taxonomy& taxonomy) {
    request.emplace_back("facet", "theme");
    request.emplace_back("facet", "role");
    switch (static_cast<Variation>(n % kVariations)) {
        case Variation::FirstPage:
            break;
        case Variation::SecondPage:
            request.emplace_back("offset", "10");
            break;
        case Variation::NewestFirst:
            request.emplace_back("sort", "date");
            break;
        case Variation::ByRole:
            if (!taxonomy.roles.empty()) {
                request.emplace_back("role",
                                     taxonomy.roles[(n / kVariations) % taxonomy.roles.size()].id);
            }
            break;
    }
    return request;
}

bool has_key(const ServeRequest& request, std::string_view key) {
    for (const auto& [k, v] : request) {
        if (k == key) return true;
    }
    return false;
}

}  // namespace

std::vector<ServeRequest> faceted_requests(const std::vector<BenchQuery>& queries,
                                           const Taxonomy& taxonomy) {
    std::vector<ServeRequest> requests;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const BenchQuery& query = queries[i];
        ServeRequest request = {{"q", query.text()}};
        if (!query.theme.empty()) request.emplace_back("theme", query.theme);
        if (query.sort_date) request.emplace_back("sort", "date");
        ServeRequest varied = vary(std::move(request), i, taxonomy);
        // Sorted by date already: the variation adds nothing a second sort key could.
        if (query.sort_date) {
            std::size_t sorts = 0;
            std::erase_if(varied,
                          [&](const RequestField& f) { return f.first == "sort" && ++sorts > 1; });
        }
        requests.push_back(std::move(varied));
    }
    return requests;
}

std::vector<ServeRequest> phrase_requests(const std::vector<std::vector<std::string>>& phrases,
                                          const Taxonomy& taxonomy) {
    std::vector<ServeRequest> requests;
    // Every phrase once per variation and once more with a theme filter.
    for (std::size_t round = 0; round < 2 * kVariations; ++round) {
        for (std::size_t i = 0; i < phrases.size(); ++i) {
            std::string text;
            for (const std::string& word : phrases[i]) text += (text.empty() ? "" : " ") + word;
            if (phrases[i].size() > 1) text = '"' + text + '"';
            ServeRequest request = {{"q", text}};
            const std::size_t n = round * phrases.size() + i;
            if (round % 2 == 1 && !taxonomy.themes.empty()) {
                request.emplace_back("theme", taxonomy.themes[n % taxonomy.themes.size()].id);
            }
            ServeRequest varied = vary(std::move(request), round / 2, taxonomy);
            if (!has_key(varied, "q")) continue;
            requests.push_back(std::move(varied));
        }
    }
    return requests;
}

std::string api_path(const ServeRequest& request) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    const auto encode = [](std::string_view text, std::string& out) {
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                                    (byte >= '0' && byte <= '9') || c == '-' || c == '.' ||
                                    c == '_' || c == '~';
            if (unreserved) {
                out += c;
            } else {
                out += '%';
                out += kHex[byte >> 4];
                out += kHex[byte & 0x0F];
            }
        }
    };
    std::string path = "/api/search";
    char separator = '?';
    for (const auto& [key, value] : request) {
        path += separator;
        encode(key, path);
        path += '=';
        encode(value, path);
        separator = '&';
    }
    return path;
}

}  // namespace r2p::bench
