// The data a real corpus's query set is drawn with: the phrases users type and the stopwords
// kept out of the frequency classes (bench/data/real-corpus-queries.conf).
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace r2p::bench {

/// What load_real_query_data read.
struct RealQueryData {
    /// The [user-phrases] in file order, each as its lower-case ASCII words (one word: a term).
    std::vector<std::vector<std::string>> user_phrases;
    std::set<std::string> stopwords;  ///< the [stopwords], lower-case ASCII
};

/// bench/data/real-corpus-queries.conf under the working directory when present, else the
/// source tree's.
std::filesystem::path default_real_query_file();

/// Loads a real-corpus query file: "[user-phrases]" and "[stopwords]" sections, one entry a
/// line, "#" comments. Throws CorpusError "FILE:LINE: reason" for an unknown section, an entry
/// before any section or one that is not lower-case ASCII words (stopwords: one word), and
/// "FILE: reason" when it cannot be read or a section is missing or empty.
RealQueryData load_real_query_data(const std::filesystem::path& file);

}  // namespace r2p::bench
