// Word and phrase helpers of the corpus generator and its data files (ASCII only).
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::testkit {

/// True for a non-empty word of lower-case ASCII letters only.
bool is_lower_ascii_word(std::string_view word);

/// True for "Anna": three or more letters, an upper-case ASCII letter then lower-case ones.
bool is_given_name(std::string_view word);

/// `text` with its first letter upper-cased (ASCII).
std::string upper_first(std::string text);

/// `text` with every ASCII letter upper-cased.
std::string upper_all(std::string text);

/// The words of `text` between spaces and tabs.
std::vector<std::string> split_words(std::string_view text);

/// `text` with every `from` replaced by `to`, left to right, replacements not rescanned.
std::string replace_all(std::string text, std::string_view from, std::string_view to);

/// "1st", "2nd", "3rd", "4th", "11th", "21st", ...
std::string ordinal(std::size_t n);

/// Plurals a word list would give for one alias: each space- or hyphen-separated part with
/// "s", "es" or "y" -> "ies".
std::set<std::string> plural_forms(const std::string& alias);

}  // namespace r2p::testkit
