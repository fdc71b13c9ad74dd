// Text from bytes (encoding detection, NFC, line endings) and folding for matching.
#pragma once

#include <string>
#include <string_view>

namespace r2p {

/// Text decoded from a file's bytes.
struct DecodedText {
    std::string text;      ///< valid UTF-8, NFC, LF line endings, no BOM
    std::string encoding;  ///< what the bytes were: "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252"
    bool converted = false;  ///< true when the bytes were not UTF-8 already
};

/// Decodes a statement file's bytes: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, or
/// legacy 8-bit (Windows-1252 / Latin-1) when the bytes are clearly not meant as UTF-8.
/// CRLF and CR become LF; the result is NFC. Throws DecodeError (with line and byte offset)
/// for bytes that cannot be decoded and for NUL bytes (a binary file).
DecodedText decode_text(std::string_view bytes);

/// Case- and accent-folded form for matching: "Søvndal" -> "sovndal", "Janša" -> "jansa",
/// "Straße" -> "strasse", typographic quotes and dashes to ASCII. Input must be valid UTF-8.
/// ASCII input takes a fast path. Thread-safe.
std::string fold(std::string_view utf8);

/// Folds accents only, keeping letter case: "Søvndal AND Janša" -> "Sovndal AND Jansa".
/// Used on queries, whose operators (AND, OR, NOT) must keep their case. Thread-safe.
std::string fold_accents(std::string_view utf8);

}  // namespace r2p
