#include "index/speakers_table.hpp"

#include <algorithm>
#include <cstdlib>

#include "parse/parse_text.hpp"
#include "r2p/error.hpp"
#include "util/csv_reader.hpp"
#include "util/ini_reader.hpp"

namespace r2p {
namespace {

// File fields and table cells compare case-insensitively and as numbers ("07" is "7"):
// country codes are upper case in the table and lower case in DocumentMeta.
std::string key_value(std::string_view value) {
    std::string out(ini_trim(value));
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    if (!out.empty() &&
        std::all_of(out.begin(), out.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const std::size_t first = out.find_first_not_of('0');
        out = first == std::string::npos ? "0" : out.substr(first);
    }
    return out;
}

// The year a file or row names, 0 when none: the nearest row's country name is the one of
// its time.
long year_of(const FileFields& fields) {
    const auto it = fields.find("year");
    return it == fields.end() ? 0 : std::atol(it->second.c_str());
}

}  // namespace

SpeakersTable::SpeakersTable(const CollectionProfile& profile, std::string name,
                             std::string_view text)
    : name_(std::move(name)) {
    const std::vector<CsvRow> records = read_csv(name_, text, &raise_as<UsageError>);
    if (records.empty()) throw UsageError(name_ + ": speakers table is empty (no header)");
    const CsvRow& header = records.front();
    const auto column_of = [&](const std::string& column) -> std::size_t {
        if (column.empty()) return header.fields.size();  // not used: reads as ""
        // "iso3 | ISO Code": the first of the alternatives the header has.
        for (std::size_t from = 0; from <= column.size();) {
            std::size_t bar = column.find('|', from);
            if (bar == std::string::npos) bar = column.size();
            const std::string_view alternative =
                ini_trim(std::string_view(column).substr(from, bar - from));
            for (std::size_t i = 0; i < header.fields.size(); ++i)
                if (ini_trim(header.fields[i]) == alternative) return i;
            from = bar + 1;
        }
        std::string needed;
        for (const auto& c : profile.table_columns()) needed += (needed.empty() ? "" : ", ") + c;
        throw UsageError(name_ + ":" + std::to_string(header.line) + ": no column '" + column +
                         "' (collection " + profile.name + " needs " + needed + ")");
    };
    std::vector<std::size_t> match_columns;
    for (const auto& [field, column] : profile.match) {
        match_fields_.push_back(field);
        match_columns.push_back(column_of(column));
    }
    const std::size_t country_name = column_of(profile.country_name_column);
    const std::size_t speaker = column_of(profile.speaker_column);
    const std::size_t post = column_of(profile.post_column);
    const auto country_field =
        std::find(match_fields_.begin(), match_fields_.end(), std::string("country"));

    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRow& record = records[r];
        if (record.fields.size() != header.fields.size()) {
            throw UsageError(name_ + ":" + std::to_string(record.line) + ": " +
                             std::to_string(record.fields.size()) + " fields, the header has " +
                             std::to_string(header.fields.size()));
        }
        // A name the source wrapped over two lines ("... Al-Ahmad\nAl-Sabah") reads as one.
        const auto cell = [&](std::size_t column) {
            return column < record.fields.size() ? detail::collapse_spaces(record.fields[column])
                                                 : std::string();
        };
        FileFields fields;
        for (std::size_t m = 0; m < match_columns.size(); ++m)
            fields[match_fields_[m]] = record.fields[match_columns[m]];
        SpeakerRow row{record.line, cell(country_name), cell(speaker), cell(post)};
        // "Giorgia Meloni," : the comma is the source's list punctuation, not the name's.
        while (!row.speaker.empty() && (row.speaker.back() == ',' || row.speaker.back() == ' '))
            row.speaker.pop_back();
        if (country_field != match_fields_.end() && !row.country_name.empty())
            country_names_[key_value(fields["country"])].emplace_back(year_of(fields),
                                                                      row.country_name);
        by_key_.emplace(key_of(fields), rows_.size());
        rows_.push_back(std::move(row));
    }
}

SpeakersTable SpeakersTable::load(const CollectionProfile& profile,
                                  const std::filesystem::path& path) {
    return SpeakersTable(profile, path.string(), read_collection_file(path, "speakers table"));
}

std::string SpeakersTable::key_of(const FileFields& fields) const {
    std::string key;
    for (const std::string& field : match_fields_) {
        const auto it = fields.find(field);
        key += key_value(it == fields.end() ? "" : it->second);
        key += '\x1f';  // no cell holds a unit separator
    }
    return key;
}

std::vector<const SpeakerRow*> SpeakersTable::rows_for(const FileFields& fields) const {
    std::vector<const SpeakerRow*> rows;
    const auto [first, last] = by_key_.equal_range(key_of(fields));
    for (auto it = first; it != last; ++it) rows.push_back(&rows_[it->second]);
    return rows;
}

std::string SpeakersTable::country_name_of(const FileFields& fields) const {
    const auto country = fields.find("country");
    if (country == fields.end()) return "";
    const auto it = country_names_.find(key_value(country->second));
    if (it == country_names_.end()) return "";
    const long year = year_of(fields);
    const auto nearest =
        std::min_element(it->second.begin(), it->second.end(), [&](const auto& a, const auto& b) {
            return std::labs(a.first - year) < std::labs(b.first - year);
        });
    return nearest->second;
}

}  // namespace r2p
