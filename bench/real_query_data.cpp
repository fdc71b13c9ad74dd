#include "bench/real_query_data.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "bench/testkit/generator_words.hpp"
#include "bench/workspace.hpp"
#include "r2p/error.hpp"
#include "util/ini_reader.hpp"

namespace r2p::bench {

std::filesystem::path default_real_query_file() {
    return default_data_file("real-corpus-queries.conf");
}

RealQueryData load_real_query_data(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw CorpusError(file.string() + ": cannot read the real-corpus query data");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    RealQueryData data;
    enum class Section { None, UserPhrases, Stopwords } section = Section::None;
    IniReader reader(file.string(), text, &raise_as<CorpusError>);
    while (const auto line = reader.next()) {
        if (IniReader::is_section(*line)) {
            const std::string name(reader.section(*line));
            if (name == "user-phrases")
                section = Section::UserPhrases;
            else if (name == "stopwords")
                section = Section::Stopwords;
            else
                reader.fail("unknown section [" + name + "]");
            continue;
        }
        if (section == Section::None) reader.fail("entry before any [section]");
        std::vector<std::string> words = testkit::split_words(*line);
        // Queries are given to three engines in their own syntax: plain words only.
        if (!std::all_of(words.begin(), words.end(), testkit::is_lower_ascii_word))
            reader.fail("expected lower-case ASCII words, got '" + std::string(*line) + "'");
        if (section == Section::Stopwords) {
            if (words.size() != 1) reader.fail("a stopword is one word");
            data.stopwords.insert(words[0]);
        } else {
            data.user_phrases.push_back(std::move(words));
        }
    }
    if (data.user_phrases.empty())
        throw CorpusError(file.string() + ": section [user-phrases] is missing or empty");
    if (data.stopwords.empty())
        throw CorpusError(file.string() + ": section [stopwords] is missing or empty");
    return data;
}

}  // namespace r2p::bench
