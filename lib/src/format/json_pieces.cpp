#include "format/json_pieces.hpp"

#include <cmath>

#include "search/snippets.hpp"

namespace r2p {

double rounded(double score) { return std::round(score * 10000.0) / 10000.0; }

nlohmann::json country_json(const StoredPassage& p) {
    if (p.doc_country.empty()) return nullptr;
    return {{"code", p.doc_country},
            {"name", p.doc_country_name.empty() ? nlohmann::json(nullptr)
                                                : nlohmann::json(p.doc_country_name)}};
}

nlohmann::json sentence_match_json(const StoredPassage& passage, const SentenceMatch& match) {
    // code_point_marks converts sorted, non-overlapping byte ranges: the sentence's range
    // and its differing words (inside it) go through it apart.
    const std::size_t end = std::min(match.end, passage.text.size());
    const std::size_t begin = std::min(match.begin, end);
    const auto span = code_point_marks(Snippet{passage.text, {{begin, end}}});
    const auto differing = code_point_marks(Snippet{passage.text, match.differing});
    nlohmann::json ranges = nlohmann::json::array();
    for (const auto& [from, to] : differing) ranges.push_back({from, to});
    return {
        {"similarity", rounded(match.similarity)},
        {"verbatim", match.verbatim},
        {"asked", match.asked},
        {"sentence", passage.text.substr(begin, end - begin)},
        {"begin", span.empty() ? 0 : span.front().first},
        {"end", span.empty() ? 0 : span.front().second},
        {"differing", std::move(ranges)},
        {"missing", match.missing},
    };
}

}  // namespace r2p
