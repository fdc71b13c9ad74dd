// The bench genre's data files: scaffolding text (bench/data/genre.conf) and a word list.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace r2p {

/// The genre's scaffolding that is not taxonomy: frequent English words, titles, event lines,
/// places, section headings, country names, attribution sentence frames
/// (bench/data/genre.conf).
struct GenreData {
    std::vector<std::string> function_words;  ///< most frequent first
    std::vector<std::string> titles;          ///< may hold {theme}
    std::vector<std::string> events;          ///< may hold {n} {place} {date}
    std::vector<std::string> places;
    std::vector<std::string> headings_open;
    std::vector<std::string> headings_body;
    std::vector<std::string> headings_close;
    std::vector<std::string> countries;
    std::vector<std::string> statement_titles;  ///< hold {official}
    std::vector<std::string> attendance;        ///< hold {officials}
    std::vector<std::string> reported_speech;   ///< hold {roles} (plural) and {verb}
};

/// Loads a genre file ("[section]" lines, then one entry per line; "#" comments; the
/// function-words section holds whitespace-separated words). Throws CorpusError naming the
/// file (and line) when it cannot be read, a section is unknown or a needed one is empty.
GenreData load_genre_data(const std::filesystem::path& file);

/// Word forms of a word list such as /usr/share/dict/american-english: one per line, in file
/// order, without possessives ("'s") and without duplicates. Throws CorpusError when the
/// file cannot be read.
std::vector<std::string> load_word_list(const std::filesystem::path& file);

}  // namespace r2p
