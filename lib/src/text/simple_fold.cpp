#include "text/simple_fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include "text/latin_fold_table.hpp"

namespace r2p::detail {

namespace {

bool is_removed_mark(UChar32 c) {
    if (u_charType(c) != U_NON_SPACING_MARK) return false;
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(c, &status) == USCRIPT_INHERITED && U_SUCCESS(status);
}

}  // namespace

bool append_simply_folded(std::string& out, std::string_view word, bool lower) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return false;
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    const icu::UnicodeString split = nfd->normalize(text, status);
    if (U_FAILURE(status)) return false;
    std::string folded;
    folded.reserve(word.size());
    for (int32_t i = 0; i < split.length(); i = split.moveIndex32(i, 1)) {
        const UChar32 c = split.char32At(i);
        if (c < 0x80) {
            const bool upper = c >= 'A' && c <= 'Z';
            folded += static_cast<char>(lower && upper ? c - 'A' + 'a' : c);
        } else if (const LatinFold* latin = latin_fold(c)) {
            const char* ascii_fold = lower ? latin->lower : latin->cased;
            if (ascii_fold == nullptr) return false;  // its rule looks at the neighbours
            folded += ascii_fold;
        } else if (!is_removed_mark(c)) {
            return false;  // U+FFFD from invalid UTF-8 lands here too
        }
    }
    out += folded;
    return true;
}

}  // namespace r2p::detail
