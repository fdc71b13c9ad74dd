#include "text/latin_fold_table.hpp"

#include <algorithm>
#include <iterator>

namespace r2p::detail {

namespace {

// Generated: tests/latin_fold_table_test.cpp prints the table ICU gives when this one differs.
constexpr LatinFold kTable[] = {
#include "text/latin_fold_table.inc"
};

}  // namespace

const LatinFold* latin_fold_begin() { return std::begin(kTable); }
const LatinFold* latin_fold_end() { return std::end(kTable); }

const LatinFold* latin_fold(UChar32 c) {
    const LatinFold* it = std::lower_bound(std::begin(kTable), std::end(kTable), c,
                                           [](const LatinFold& e, UChar32 x) { return e.c < x; });
    return it != std::end(kTable) && it->c == c ? it : nullptr;
}

}  // namespace r2p::detail
