// Query text split just enough to rewrite it safely: words, quoted phrases, parentheses and
// the spaces between them, with what each rewriting step asks of a word.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace r2p::detail {

/// A piece of query text; joining every token's text gives the text back.
struct QueryToken {
    enum Kind { Space, Open, Close, Quoted, Word } kind;
    std::string text;  ///< as typed; a Quoted token keeps its quotes (the closing one if typed)
};

/// Splits `query` into tokens: runs of spaces, ( and ), "quoted phrases" (an unclosed quote
/// runs to the end), and words (everything else). Never throws on odd text.
std::vector<QueryToken> tokenize_query(std::string_view query);

/// The tokens' texts joined: the text they were split from, with any rewrites.
std::string join_tokens(const std::vector<QueryToken>& tokens);

/// Accent-folded query text with typographic double quotes made ASCII, so phrases typed
/// with “curly quotes” are phrases too.
std::string fold_query(std::string_view text);

/// What a Quoted token's quotes hold.
std::string quoted_content(const std::string& quoted);

/// Whether `word` is a QueryParser operator (AND OR NOT XOR NEAR ADJ, NEAR/3 ...).
bool is_operator(std::string_view word);

/// Whether `word` is NEAR or ADJ (with or without a /distance).
bool is_proximity_operator(std::string_view word);

/// `word` without its leading + and - ("+theme:x" -> "theme:x").
std::string_view strip_love_hate(std::string_view word);

/// The field name of a word like "theme:x" or "-kind:quote" (letters before a colon); empty
/// when it has none.
std::string_view field_of(std::string_view word);

/// Whether `t` is a plain word of the text: no field, no +/-, no wildcard, not an operator.
bool is_plain_word(const QueryToken& t);

/// The words of `text` (see find_words), each folded as the index folds them.
std::vector<std::string> folded_words(std::string_view text);

/// Whether `s` is a non-empty run of ASCII digits.
bool is_digits(std::string_view s);

}  // namespace r2p::detail
