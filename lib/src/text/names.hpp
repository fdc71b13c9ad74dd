// A person's name in the one form the index, filters and facets compare it in.
#pragma once

#include <string>
#include <string_view>

namespace r2p {

/// `name` folded as index terms are (fold: lower case, accents off) with runs of spaces
/// made one and none at either end: "  Jan  ELIASSON" and "Jan Eliasson" -> "jan eliasson",
/// "Villy Søvndal" -> "villy sovndal". `name` must be valid UTF-8. Thread-safe.
std::string fold_name(std::string_view name);

}  // namespace r2p
