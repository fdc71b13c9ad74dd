// The one place that names Xapian term prefixes, value slots and metadata keys.
#pragma once

#include <cstddef>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace r2p::schema {

/// Value slots. Facet values hold the passage's sorted ids joined by kListSeparator.
enum class Slot : Xapian::valueno {
    Date = 0,     ///< "YYYYMMDD" (missing parts as 00): sorting and the from/to range
    Themes = 1,   ///< sorted theme ids joined by kListSeparator
    Roles = 2,    ///< sorted role ids joined by kListSeparator
    Kind = 3,     ///< "paragraph" | "quote"
    Doc = 4,      ///< document id
    Year = 5,     ///< "YYYY" or empty
    Country = 6,  ///< ISO 3166-1 alpha-3, lower case ("usa"), or empty
    Speaker = 7,  ///< the speaker's whole name, folded ("jan eliasson"), or empty
    /// The paragraph id a passage belongs to (a paragraph's own, a quote's parent): the
    /// collapse key of GroupBy::Paragraph. Not a facet. Absent from passages indexed before it.
    Paragraph = 8,
};

constexpr Xapian::valueno slot(Slot s) { return static_cast<Xapian::valueno>(s); }

/// Separator inside multi-valued facet values (cannot occur in a taxonomy id).
constexpr char kListSeparator = '\x1f';

/// The Themes / Roles slot value for a passage's sorted ids.
inline std::string join_ids(std::span<const std::string> ids) {
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

constexpr std::string_view kCountryPrefix = "XC";  ///< country:usa
// The whole folded name, for --speaker and the speaker facet. Not under kSpeakerPrefix:
// "XS" + a word of a name must never read as a whole name.
constexpr std::string_view kSpeakerNamePrefix = "XN";  ///< --speaker "jan eliasson"
// Free-text prefix: the speaker's name, folded and stemmed like the body.
constexpr std::string_view kSpeakerPrefix = "XS";  ///< speaker:eliasson
// Free-text prefix: the document's title, event and place, with positions (title:"...").
constexpr std::string_view kTitlePrefix = "S";  ///< title:ministerial (Omega's S: subject)
// The document's UN symbol, folded whole ("a/73/898-s/2019/463"): symbol:A/73/898-S/2019/463.
constexpr std::string_view kSymbolPrefix = "XU";  ///< symbol:ga/12519

// Near-duplicate sentence signatures (r2p-trace, --like): the anchors of every sentence of a
// passage (see lib/src/trace/sentence_signature.hpp). Boolean, not a field: never a query
// prefix, a filter or a facet.
constexpr std::string_view kSentencePrefix = "XH";  ///< a sentence anchor
/// Metadata key naming the signature scheme that wrote the database's kSentencePrefix terms
/// (absent: the database has no signatures; --like and r2p-trace ask to re-index it).
constexpr std::string_view kSignatureSchemeKey = "r2p:sentence-signatures";

// Indexed phrases' boolean terms (lib/src/index/indexed_phrases.hpp): the phrase's terms
// joined by a space. Not a field: never a query prefix, a filter or a facet.
constexpr std::string_view kPhrasePrefix = "XQ";  ///< "XQethnic cleansing"

/// The prefix Xapian's TermGenerator and QueryParser (STEM_SOME) give stemmed terms.
constexpr std::string_view kStemPrefix = "Z";
/// The language of every stemmer: indexing, queries, highlighting and tagging must agree.
constexpr std::string_view kStemLanguage = "english";

/// A stemmer for kStemLanguage. A Stem holds per-call state: one per thread.
inline Xapian::Stem make_stemmer() { return Xapian::Stem(std::string(kStemLanguage)); }

/// The fields a passage is searched, filtered or counted by, in kFields' order. The first
/// seven are the facet fields (FacetField has the same enumerators in the same order).
/// Speaker is the whole name (filter and facet); SpeakerWords the words of it (speaker:).
enum class Field { Theme, Role, Kind, Doc, Year, Country, Speaker, SpeakerWords, Title, Symbol };

/// How one field is indexed and what requests call it.
struct FieldSpec {
    Field field;
    std::string_view name;     ///< in queries ("theme:"), facet values and JSON
    std::string_view prefix;   ///< term prefix
    bool boolean;              ///< exact ids as filter terms; else free text, folded and stemmed
    std::optional<Slot> slot;  ///< its value slot, if stored as a value (a facet field)
    bool multi_valued;         ///< the slot holds the sorted ids joined by kListSeparator
    bool facet_table;          ///< can be counted from a FacetTable (read from `prefix`'s terms)
    std::string_view filter;   ///< the request option filtering by it ("theme"); empty: none
    /// `name` is a query prefix ("theme:"); false where another row's name stands for it in
    /// queries (speaker: searches the words of a name, --speaker the whole name).
    bool queried = true;
    /// Facet labels are stored per value in the database's metadata (label_key), written by
    /// r2p-index; theme and role labels come from the taxonomy, other values are their label.
    bool stored_labels = false;
};

/// Every field, once: indexing, query parsing, facets and output read them from here.
inline constexpr FieldSpec kFields[] = {
    {Field::Theme, "theme", kThemePrefix, true, Slot::Themes, true, true, "theme"},
    {Field::Role, "role", kRolePrefix, true, Slot::Roles, true, true, "role"},
    {Field::Kind, "kind", kKindPrefix, true, Slot::Kind, false, true, "kind"},
    // Doc ids are unbounded in number and need not fit in a term: no table.
    {Field::Doc, "doc", kDocPrefix, true, Slot::Doc, false, false, "doc"},
    {Field::Year, "year", kYearPrefix, true, Slot::Year, false, true, {}},
    {Field::Country, "country", kCountryPrefix, true, Slot::Country, false, true, "country", true,
     true},
    // A table: UNGDC names a few thousand speakers, and a single-valued field's FacetTable
    // holds up to 65,535 values at 2 bytes a passage (a corpus with more falls back to
    // stored values). Unlike doc ids, names always fit in a term: they are filtered by one.
    {Field::Speaker, "speaker", kSpeakerNamePrefix, true, Slot::Speaker, false, true, "speaker",
     false, true},
    {Field::SpeakerWords, "speaker", kSpeakerPrefix, false, std::nullopt, false, false, {}},
    {Field::Title, "title", kTitlePrefix, false, std::nullopt, false, false, {}},
    // A query prefix only: no value slot (not a facet), no request option.
    {Field::Symbol, "symbol", kSymbolPrefix, true, std::nullopt, false, false, {}},
};

/// The row of `field`.
constexpr const FieldSpec& field_spec(Field field) {
    return kFields[static_cast<std::size_t>(field)];
}

/// The row the query prefix `name` stands for ("theme"), or nullptr.
constexpr const FieldSpec* find_field(std::string_view name) {
    for (const auto& spec : kFields) {
        if (spec.queried && spec.name == name) return &spec;
    }
    return nullptr;
}

static_assert(
    [] {
        for (std::size_t i = 0; i < std::size(kFields); ++i) {
            if (static_cast<std::size_t>(kFields[i].field) != i) return false;
        }
        return true;
    }(),
    "kFields lists the fields in the order of enum Field");

/// Metadata key holding a document's content fingerprint: "file:" + doc id.
constexpr std::string_view kFileKeyPrefix = "file:";
/// Metadata key holding the absolute path of a document's file: "path:" + doc id. Prune and
/// document ids go by it; documents written before it existed fall back to a passage's path.
constexpr std::string_view kLocationKeyPrefix = "path:";
/// Metadata key holding a statement's fields (title, date, path, event, place, source URL,
/// country, country name, session, symbol) once for all its passages: "statement:" + doc id,
/// in the shard holding its passages. Passages written before it carry the fields themselves.
constexpr std::string_view kStatementKeyPrefix = "statement:";
/// Metadata key holding the schema version; a database of another version is refused.
constexpr std::string_view kSchemaVersionKey = "r2p:schema";
// 2: binary passage data; 3: no possessive 's; 4: event, place, source URL stored, title
// terms (kTitlePrefix); 5: country and whole speaker name as terms (kCountryPrefix,
// kSpeakerNamePrefix) and values (Slot::Country, Slot::Speaker), their labels
// (kLabelKeyPrefix), country, country name and session stored.
// Still 5: paragraph labels, document symbols (stored after the fields above, read as empty
// from older data) and symbol terms (kSymbolPrefix; older passages have none until
// re-indexed) came without a new version: databases of version 5 stay readable.
constexpr std::string_view kSchemaVersion = "5";

/// Metadata keys holding the label of one value of a field with stored_labels:
/// "label:" + field name + ":" + value ("label:country:usa" -> "United States of America").
/// Written by r2p-index with the passages carrying the value; never removed (a label of a
/// value no passage carries any more is never asked for).
constexpr std::string_view kLabelKeyPrefix = "label:";

/// Longest metadata key Xapian's glass backend accepts, in bytes.
constexpr std::size_t kMaxMetadataKeyBytes = 245;

/// The metadata key of `value`'s label in `field` ("" when too long for a key: no label).
inline std::string label_key(const FieldSpec& field, std::string_view value) {
    std::string key(kLabelKeyPrefix);
    key += field.name;
    key += ':';
    key += value;
    return key.size() <= kMaxMetadataKeyBytes ? key : std::string();
}

/// The metadata key of statement `doc_id`'s record ("" when too long for a key: its passages
/// then carry the fields themselves).
inline std::string statement_key(std::string_view doc_id) {
    std::string key(kStatementKeyPrefix);
    key += doc_id;
    return key.size() <= kMaxMetadataKeyBytes ? key : std::string();
}

/// Metadata keys holding the taxonomy the passages were tagged with, in the taxonomy files'
/// format (format_taxonomy), rewritten by every r2p-index run: r2p-search reads it from
/// there. A database without kThemesKey predates stored taxonomies.
constexpr std::string_view kThemesKey = "r2p:taxonomy:themes";
constexpr std::string_view kRolesKey = "r2p:taxonomy:roles";
constexpr std::string_view kSynonymsKey = "r2p:taxonomy:synonyms";  ///< absent: no synonyms

/// Longest term Xapian's glass backend accepts, in bytes.
constexpr std::size_t kMaxTermBytes = 245;

}  // namespace r2p::schema
