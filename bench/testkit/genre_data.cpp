#include "bench/testkit/genre_data.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <unordered_set>

#include "bench/testkit/generator_words.hpp"
#include "r2p/error.hpp"
#include "util/ini_reader.hpp"

namespace r2p {

using testkit::split_words;

GenreData load_genre_data(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw CorpusError(file.string() + ": cannot read genre data");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    GenreData data;
    std::vector<std::string>* section = nullptr;
    bool word_section = false;
    IniReader reader(file.string(), text, &raise_as<CorpusError>);
    while (const auto line = reader.next()) {
        if (IniReader::is_section(*line)) {
            const std::string name(reader.section(*line));
            word_section = name == "function-words";
            if (name == "function-words")
                section = &data.function_words;
            else if (name == "titles")
                section = &data.titles;
            else if (name == "events")
                section = &data.events;
            else if (name == "places")
                section = &data.places;
            else if (name == "headings-open")
                section = &data.headings_open;
            else if (name == "headings-body")
                section = &data.headings_body;
            else if (name == "headings-close")
                section = &data.headings_close;
            else if (name == "countries")
                section = &data.countries;
            else if (name == "statement-titles")
                section = &data.statement_titles;
            else if (name == "attendance")
                section = &data.attendance;
            else if (name == "reported-speech")
                section = &data.reported_speech;
            else
                reader.fail("unknown section [" + name + "]");
            continue;
        }
        if (section == nullptr) reader.fail("entry before any [section]");
        if (word_section) {
            for (auto& word : split_words(*line)) {
                if (std::find(section->begin(), section->end(), word) == section->end()) {
                    section->push_back(std::move(word));
                }
            }
        } else {
            section->emplace_back(*line);
        }
    }
    const std::pair<const char*, const std::vector<std::string>*> needed[] = {
        {"function-words", &data.function_words},
        {"titles", &data.titles},
        {"events", &data.events},
        {"places", &data.places},
        {"headings-open", &data.headings_open},
        {"headings-body", &data.headings_body},
        {"headings-close", &data.headings_close},
        {"countries", &data.countries},
        {"statement-titles", &data.statement_titles},
        {"attendance", &data.attendance},
        {"reported-speech", &data.reported_speech}};
    for (const auto& [name, items] : needed) {
        if (items->empty()) throw CorpusError(file.string() + ": section [" + name + "] is empty");
    }
    return data;
}

std::vector<std::string> load_word_list(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw CorpusError(file.string() + ": cannot read word list (install wamerican)");
    std::vector<std::string> words;
    std::unordered_set<std::string> seen;
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (line.empty() || line.find('\'') != std::string::npos) continue;
        if (line.find(' ') != std::string::npos) continue;
        if (seen.insert(line).second) words.push_back(line);
    }
    return words;
}

}  // namespace r2p
