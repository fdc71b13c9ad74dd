// Text from bytes (encoding detection, NFC, line endings) and folding for matching.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace r2p {

/// A byte of a UTF-8 text that is not UTF-8 and was read as Windows-1252.
struct StrayByte {
    std::size_t offset = 0;  ///< 0-based byte offset in the file
    std::size_t line = 0;    ///< 1-based line (counting LF in the raw bytes)
    unsigned char value = 0;
};

/// Text decoded from a file's bytes.
struct DecodedText {
    std::string text;  ///< valid UTF-8, NFC, LF line endings, no BOM
    /// What the bytes were: "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", or
    /// "UTF-8+windows-1252" (UTF-8 with stray Windows-1252 bytes, see `stray_bytes`).
    std::string encoding;
    bool converted = false;              ///< true when the bytes were not UTF-8 already
    std::vector<StrayByte> stray_bytes;  ///< in file order
};

/// Decodes a statement file's bytes: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, or
/// legacy 8-bit (Windows-1252 / Latin-1) when the bytes are clearly not meant as UTF-8.
/// In UTF-8 text, a stray byte that does not start a broken UTF-8 sequence (a Windows-1252
/// apostrophe 0x92 pasted in) is read as Windows-1252 and listed in `stray_bytes`. CRLF and
/// CR become LF; the result is NFC. Throws DecodeError (with line and byte offset) for
/// broken UTF-8 sequences (a lead byte followed by continuation bytes that do not make a
/// character, or a lead byte ending the file: truncated, overlong, surrogates), bytes
/// Windows-1252 leaves undefined, undecodable UTF-16, and NUL bytes (a binary file).
DecodedText decode_text(std::string_view bytes);

/// Case- and accent-folded form for matching: "Søvndal" -> "sovndal", "Janša" -> "jansa",
/// "Straße" -> "strasse", typographic quotes and dashes to ASCII. Input must be valid UTF-8.
/// ASCII input takes a fast path. Thread-safe.
std::string fold(std::string_view utf8);

/// Folds accents only, keeping letter case: "Søvndal AND Janša" -> "Sovndal AND Jansa".
/// Used on queries, whose operators (AND, OR, NOT) must keep their case. Thread-safe.
std::string fold_accents(std::string_view utf8);

namespace detail {
/// `word` folded by ICU's transliterator alone (fold's rules, `lower` as fold, else as
/// fold_accents), for tests of the paths that avoid it.
std::string fold_word_with_icu(std::string_view word, bool lower);
}  // namespace detail

}  // namespace r2p
