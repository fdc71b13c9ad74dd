// A StoredPassage as the bytes of its Xapian document's data, and back.
#pragma once

#include <string>
#include <string_view>

#include "r2p/search_result.hpp"

namespace r2p {

/// Serialises for Xapian::Document::set_data (length-prefixed fields, see the .cpp).
std::string encode_stored_passage(const StoredPassage& passage);

/// Reads what encode_stored_passage wrote. Throws IndexError on data it cannot read.
StoredPassage decode_stored_passage(std::string_view data);

}  // namespace r2p
