// A collection's speakers table (CSV, e.g. UNGDC's year,session,iso3,country,speaker,post):
// rows read once per run and found by the file fields the profile matches them on.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "index/collection_profile.hpp"

namespace r2p {

/// One row of a speakers table, its values with runs of white space made single spaces.
struct SpeakerRow {
    std::size_t line = 0;      ///< 1-based line in the table
    std::string country_name;  ///< "" when the profile names no country-name column
    std::string speaker;       ///< as the table gives it, honorifics included ("Mr. X")
    std::string post;          ///< as the table spells it ("Minister for Foregn Affairs")
};

/// The rows of a speakers table, by the values of the profile's match columns.
class SpeakersTable {
  public:
    /// Parses `text` (named `name` in errors) for `profile`. The first record is the header
    /// and must name every column the profile uses (in any order; others are ignored).
    /// Throws UsageError "NAME:LINE: reason" for a CSV error (see read_csv), a missing column
    /// ("NAME:1: no column 'iso3' ..."), a row whose field count differs from the header's.
    SpeakersTable(const CollectionProfile& profile, std::string name, std::string_view text);

    /// Reads and parses the table at `path`. Throws UsageError "PATH: cannot read speakers
    /// table" and what the constructor throws.
    static SpeakersTable load(const CollectionProfile& profile, const std::filesystem::path& path);

    /// The rows matching a file's fields, in table order: none, one, or several when the
    /// table lists the key twice.
    std::vector<const SpeakerRow*> rows_for(const FileFields& fields) const;

    /// The country name the rows of this file's country give ("" when none does, or the
    /// profile does not match on country), for files the table has no row for: of the row
    /// with the nearest year when the profile matches on year (RUS in 1982 is the "Union of
    /// Soviet Socialist Republics", in 2020 the "Russian Federation"), else of the first.
    std::string country_name_of(const FileFields& fields) const;

    const std::string& name() const { return name_; }
    std::size_t size() const { return rows_.size(); }

  private:
    std::string key_of(const FileFields& fields) const;

    std::string name_;
    std::vector<std::string> match_fields_;  ///< the profile's match fields, in order
    std::vector<SpeakerRow> rows_;
    std::multimap<std::string, std::size_t> by_key_;  ///< key_of -> index into rows_
    /// Country key -> (year, name) of every row naming it, in table order (year 0 when the
    /// profile does not match on year).
    std::map<std::string, std::vector<std::pair<long, std::string>>> country_names_;
};

}  // namespace r2p
