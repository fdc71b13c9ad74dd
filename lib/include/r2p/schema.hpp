// The one place that names Xapian term prefixes, value slots and metadata keys.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace r2p::schema {

/// Value slots. Facet values hold the passage's sorted ids joined by kListSeparator.
enum class Slot : Xapian::valueno {
    Date = 0,    ///< "YYYYMMDD" (missing parts as 00): sorting and --from/--to
    Themes = 1,  ///< sorted theme ids joined by kListSeparator
    Roles = 2,   ///< sorted role ids joined by kListSeparator
    Kind = 3,    ///< "paragraph" | "quote"
    Doc = 4,     ///< document id
    Year = 5,    ///< "YYYY" or empty
};

constexpr Xapian::valueno slot(Slot s) { return static_cast<Xapian::valueno>(s); }

/// Separator inside multi-valued facet values (cannot occur in a taxonomy id).
constexpr char kListSeparator = '\x1f';

/// The Themes / Roles slot value for a passage's sorted ids.
inline std::string join_ids(const std::vector<std::string>& ids) {
    std::string joined;
    for (const auto& id : ids) {
        if (!joined.empty()) joined += kListSeparator;
        joined += id;
    }
    return joined;
}

// Boolean filter term prefixes (field name in queries -> prefix).
constexpr std::string_view kIdPrefix = "Q";       ///< unique passage id
constexpr std::string_view kThemePrefix = "XT";   ///< theme:ID
constexpr std::string_view kRolePrefix = "XR";    ///< role:ID
constexpr std::string_view kKindPrefix = "K";     ///< kind:paragraph|quote
constexpr std::string_view kDocPrefix = "XD";     ///< doc:ID
constexpr std::string_view kYearPrefix = "Y";     ///< year:YYYY
constexpr std::string_view kParentPrefix = "XP";  ///< a quote's paragraph id (not a field)
// Free-text prefix: the speaker's name, folded and stemmed like the body.
constexpr std::string_view kSpeakerPrefix = "XS";  ///< speaker:eliasson
// Free-text prefix: the document's title, event and place, with positions (title:"...").
constexpr std::string_view kTitlePrefix = "S";  ///< title:ministerial (Omega's S: subject)

/// Metadata key holding a document's content fingerprint: "file:" + doc id.
constexpr std::string_view kFileKeyPrefix = "file:";
/// Metadata key holding the absolute path of a document's file: "path:" + doc id. Prune and
/// document ids go by it; documents written before it existed fall back to a passage's path.
constexpr std::string_view kLocationKeyPrefix = "path:";
/// Metadata key holding the schema version; a database of another version is refused.
constexpr std::string_view kSchemaVersionKey = "r2p:schema";
// 2: binary passage data; 3: no possessive 's; 4: event, place, source URL stored, title
// terms (kTitlePrefix)
constexpr std::string_view kSchemaVersion = "4";

/// Metadata keys holding the taxonomy the passages were tagged with, in the taxonomy files'
/// format (format_taxonomy), rewritten by every r2p-index run: r2p-search reads it from
/// there. A database without kThemesKey predates stored taxonomies.
constexpr std::string_view kThemesKey = "r2p:taxonomy:themes";
constexpr std::string_view kRolesKey = "r2p:taxonomy:roles";
constexpr std::string_view kSynonymsKey = "r2p:taxonomy:synonyms";  ///< absent: no synonyms

/// Longest term Xapian's glass backend accepts, in bytes.
constexpr std::size_t kMaxTermBytes = 245;

}  // namespace r2p::schema
