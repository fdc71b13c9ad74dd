// A passage's sentences: ICU's English sentence rules with the fixes UN prose needs.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace r2p::detail {

/// A sentence as byte offsets [begin, end) of the text it was split from, without the
/// whitespace around it.
struct SentenceSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// The sentences of `utf8` (valid UTF-8, one passage), in order, every range inside the text
/// and none empty. ICU's sentence rules with its English abbreviation suppressions ("Mr.",
/// "e.g."), then: no break after a short abbreviation UN prose uses ("No. 5", "para. 138",
/// "art.", "Ban K. Moon", "U.N.") and a lone list marker ("1.", "(a)") belongs to no
/// sentence. Semicolons never break. Thread-safe (one ICU iterator per thread).
std::vector<SentenceSpan> split_sentences(std::string_view utf8);

}  // namespace r2p::detail
