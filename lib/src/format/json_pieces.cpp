#include "format/json_pieces.hpp"

#include <cmath>

namespace r2p {

double rounded(double score) { return std::round(score * 10000.0) / 10000.0; }

nlohmann::json country_json(const StoredPassage& p) {
    if (p.doc_country.empty()) return nullptr;
    return {{"code", p.doc_country},
            {"name", p.doc_country_name.empty() ? nlohmann::json(nullptr)
                                                : nlohmann::json(p.doc_country_name)}};
}

}  // namespace r2p
