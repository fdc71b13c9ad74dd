// Collection profiles (corpus/collections/*.conf): how a collection's file names and its
// speakers table give each statement's metadata. Data, so another collection needs no code.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "r2p/collections.hpp"

namespace r2p {

/// The fields a file name pattern may hold, with what each matches: country (2 or 3
/// letters, kept lower case), session (digits), year (4 digits), month and day (2 digits).
inline constexpr std::string_view kCollectionFields[] = {"country", "session", "year", "month",
                                                         "day"};

/// What a file name gave: field name -> value ("country" -> "usa", "year" -> "2015").
using FileFields = std::map<std::string, std::string>;

/// A parsed and validated profile.
struct CollectionProfile {
    /// A run of literal text, or a {field}.
    struct Part {
        bool field = false;
        std::string text;  ///< the literal, or the field's name
    };
    std::string name;        ///< "ungdc": the [collection NAME] id
    std::string label;       ///< "UN General Debate Corpus"
    std::vector<Part> file;  ///< the file-name stem pattern, "{country}_{session}_{year}"
    std::vector<Part> date;  ///< the date template over the fields, "{year}-09"; empty: none
    /// Templates of the document's title, event and place over the fields and
    /// {country_name} (the table's, else the code in capitals); empty: none, the text's own.
    std::vector<Part> title;
    std::vector<Part> event;
    std::vector<Part> place;
    /// The speakers table: (file field, table column) pairs a row must match the file on.
    std::vector<std::pair<std::string, std::string>> match;
    std::string country_name_column;  ///< column giving DocumentMeta::country_name
    std::string speaker_column;       ///< column giving DocumentMeta::speaker
    std::string post_column;          ///< column giving DocumentMeta::speaker_post
    std::string digest;               ///< of the profile's text: changes when any key does

    /// The columns a speakers table must have (match columns, then the others named).
    std::vector<std::string> table_columns() const;
};

/// Parses the text of a profile named `name` in errors. Throws UsageError "NAME:LINE: reason"
/// for a syntax error, an unknown section or key, a key given twice, a file pattern with an
/// unknown field, a field twice or two fields with nothing between them, a date or match
/// naming a field the pattern lacks, [speakers] without a match; "NAME: reason" when the
/// [collection NAME] section or its file key is missing.
CollectionProfile parse_collection_profile(const std::string& name, std::string_view text);

/// The whole content of a collection's data file (a profile, a speakers table). Throws
/// UsageError "PATH: cannot read WHAT" (": it is a folder" for a folder).
std::string read_collection_file(const std::filesystem::path& path, const std::string& what);

/// Reads and parses a profile file. Throws UsageError "PATH: cannot read collection profile"
/// and what parse_collection_profile throws.
CollectionProfile load_collection_profile(const std::filesystem::path& path);

/// The fields of a file whose stem (name without extension) matches the profile's pattern,
/// each value as kCollectionFields says (country lower-cased); nullopt when it does not.
std::optional<FileFields> match_file_name(const CollectionProfile& profile, std::string_view stem);

/// The profile's date for these fields ("{year}-09" -> "2015-09"); empty without a template.
std::string collection_date(const CollectionProfile& profile, const FileFields& fields);

/// `parts` (a title, event or place template) filled from `fields`; "{country_name}" from
/// `fields`' "country_name" entry. Empty for an empty template.
std::string expand_template(const std::vector<CollectionProfile::Part>& parts,
                            const FileFields& fields);

}  // namespace r2p
