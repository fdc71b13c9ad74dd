// What ICU's Latin-ASCII (then Lower) makes of single characters that NFD leaves whole (ø ß
// æ ł þ, no-break and typographic spaces, « », fullwidth forms): generated from the
// transliterator itself (tests/latin_fold_table_test.cpp checks every entry and that none is
// missing), so that folding them needs no transliterator, whose creation costs a one-shot
// search about 15 ms.
#pragma once

#include <unicode/umachine.h>

namespace r2p::detail {

struct LatinFold {
    UChar32 c;
    const char* lower;  ///< the character's fold with Lower
    const char* cased;  ///< without Lower; nullptr where the rules look at the neighbours
                        ///< ("Æ" before a lower-case letter gives "Ae", else "AE")
};

/// The entry of `c`, or nullptr when the transliterator must fold it.
const LatinFold* latin_fold(UChar32 c);

/// Every entry, in ascending code point order.
const LatinFold* latin_fold_begin();
const LatinFold* latin_fold_end();

}  // namespace r2p::detail
