#include "text/names.hpp"

#include "text/unicode.hpp"

namespace r2p {

std::string fold_name(std::string_view name) {
    const std::string folded = fold(name);
    std::string out;
    out.reserve(folded.size());
    bool space = false;
    for (const char c : folded) {
        // A name typed with a double space or a tab is still the same name.
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace r2p
