// A highlighted snippet: the part of a passage's original text where the query matched.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace r2p {

/// A piece of original text with the byte ranges [first, second) that matched.
struct Snippet {
    std::string text;  ///< original text, "…" where it was cut
    std::vector<std::pair<std::size_t, std::size_t>> marks;  ///< sorted, non-overlapping
};

}  // namespace r2p
