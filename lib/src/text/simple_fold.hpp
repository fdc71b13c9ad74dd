// Folding a word's common non-ASCII characters without ICU's transliterator. Creating the
// transliterator costs about 15 ms of CPU, once per process: most of a one-shot
// `r2p-search` (its snippets fold passages that hold a curly quote or an accented name).
#pragma once

#include <string>
#include <string_view>

namespace r2p::detail {

/// Appends `word` folded as the transliterator "NFD; [[:Mn:]&[:Zinh:]] Remove; Latin-ASCII;
/// [Lower;] NFC" would fold it (Lower when `lower`), and returns true, when every character
/// of the word is ASCII, a character of the Latin fold table (latin_fold_table.hpp:
/// typographic punctuation and spaces, "ø", "ß"), or a letter that NFD splits into ASCII
/// and inherited-script combining marks ("é", "ç", "š"). Otherwise
/// returns false and appends nothing: the caller folds the word with ICU.
bool append_simply_folded(std::string& out, std::string_view word, bool lower);

}  // namespace r2p::detail
