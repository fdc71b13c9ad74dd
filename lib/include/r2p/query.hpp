// What a request asks of the passages besides its words: how they combine, and filters.
#pragma once

#include <string>
#include <vector>

namespace r2p {

/// How the words of a multi-word query combine: every word (AND) or any word (OR).
enum class MatchMode { All, Any };

/// Filters from options. Values of one filter are alternatives; different filters all apply.
struct SearchFilters {
    std::vector<std::string> themes;  ///< theme ids (checked against the taxonomy)
    std::vector<std::string> roles;   ///< role ids (checked against the taxonomy)
    std::vector<std::string> kinds;   ///< "paragraph" | "quote"
    std::vector<std::string> docs;    ///< document ids
    std::string from;                 ///< "YYYY[-MM[-DD]]" or empty: no lower bound
    std::string to;                   ///< "YYYY[-MM[-DD]]" or empty: no upper bound

    bool empty() const {
        return themes.empty() && roles.empty() && kinds.empty() && docs.empty() && from.empty() &&
               to.empty();
    }
};

}  // namespace r2p
