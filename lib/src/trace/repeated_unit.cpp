#include "r2p/error.hpp"
#include "r2p/trace.hpp"

namespace r2p {

std::string_view repeated_unit_name(RepeatedUnit unit) {
    return unit == RepeatedUnit::Phrase ? "phrase" : "sentence";
}

RepeatedUnit parse_repeated_unit(std::string_view option, std::string_view text) {
    if (text == "phrase") return RepeatedUnit::Phrase;
    if (text == "sentence") return RepeatedUnit::Sentence;
    throw UsageError(std::string(option) + " '" + std::string(text) +
                     "': expected phrase or sentence");
}

}  // namespace r2p
