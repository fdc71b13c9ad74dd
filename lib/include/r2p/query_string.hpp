// An HTTP query string ("q=impunity&theme=prevention") as the fields of a request's text form.
#pragma once

#include <string_view>
#include <vector>

#include "r2p/request_text.hpp"

namespace r2p {

/// The key/value pairs of `query` (the part of a URL after '?', without the '?'), in their
/// order, percent-decoded with '+' as a space (application/x-www-form-urlencoded), ready for
/// parse_request. Empty pieces ("a=1&&b=2") are skipped; a key without '=' has an empty
/// value. Throws UsageError for a malformed percent escape ("%zz", a '%' near the end) and
/// for a key or value that does not decode to valid UTF-8.
std::vector<RequestField> parse_query_string(std::string_view query);

}  // namespace r2p
