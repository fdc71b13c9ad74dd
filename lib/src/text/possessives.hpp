// The possessive ending dropped from words, alike when indexing, querying and highlighting,
// so "Ban Ki-moon's" holds the phrase "ban ki-moon" and "Secretary-General's" the word
// secretary-general.
#pragma once

#include <string>
#include <string_view>

namespace r2p::detail {

/// `text` (UTF-8) with every possessive ending dropped: 's or ’s (any case) closing a word
/// ("Ki-moon's" -> "Ki-moon"), and the apostrophe closing a plural ("states’" -> "states").
/// Apostrophes inside words stay ("O'Sullivan", "d'Ivoire"); other bytes are unchanged.
std::string drop_possessives(std::string_view text);

}  // namespace r2p::detail
