// Byte-level UTF-8 scanning shared by decoding and folding (no ICU, no allocation).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace r2p::detail {

/// Length of the well-formed UTF-8 sequence starting at `pos` (1 to 4), or 0 when the bytes
/// there are not one (stray continuation byte, overlong form, surrogate, beyond U+10FFFF,
/// truncated sequence). Follows the Unicode "well-formed UTF-8" table exactly.
inline std::size_t utf8_sequence_length(std::string_view s, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(s[i]); };
    const std::uint8_t b0 = byte(pos);
    if (b0 < 0x80) return 1;
    std::size_t len = 0;
    std::uint8_t lo = 0x80;
    std::uint8_t hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        if (b0 == 0xE0) lo = 0xA0;  // overlong below U+0800
        if (b0 == 0xED) hi = 0x9F;  // UTF-16 surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        if (b0 == 0xF0) lo = 0x90;  // overlong below U+10000
        if (b0 == 0xF4) hi = 0x8F;  // beyond U+10FFFF
    } else {
        return 0;  // C0, C1 (always overlong), F5..FF, or a continuation byte
    }
    if (pos + len > s.size()) return 0;
    if (byte(pos + 1) < lo || byte(pos + 1) > hi) return 0;
    for (std::size_t i = 2; i < len; ++i) {
        if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
    }
    return len;
}

/// Offset of the first byte that is not part of well-formed UTF-8, or npos when all of `s` is.
inline std::size_t first_invalid_utf8(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t len = utf8_sequence_length(s, pos);
        if (len == 0) return pos;
        pos += len;
    }
    return std::string_view::npos;
}

/// True when every byte of `s` is ASCII.
inline bool is_ascii(std::string_view s) {
    for (const char c : s) {
        if (static_cast<std::uint8_t>(c) >= 0x80) return false;
    }
    return true;
}

}  // namespace r2p::detail
