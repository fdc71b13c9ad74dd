// The layout of a table file (r2p-tables in a glass database folder): what the writer lays
// out and the reader checks. Native byte order (the byte-order mark refuses another); every
// section starts on a kAlignment boundary so its numbers are read in place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace r2p::table_file {

/// The file's name inside a database folder.
inline constexpr std::string_view kFileName = "r2p-tables";
/// "R2PTABLE".
inline constexpr std::uint64_t kMagic = 0x454C424154503252ULL;
inline constexpr std::uint32_t kByteOrderMark = 0x01020304U;
/// Bumped whenever the layout or a section's meaning changes: an older file is refused.
inline constexpr std::uint32_t kFormatVersion = 1;
inline constexpr std::size_t kAlignment = 64;
/// Longer database UUIDs than this are not stamped (glass's are 36 characters).
inline constexpr std::size_t kMaxUuid = 64;

enum class SectionKind : std::uint32_t {
    Lengths = 1,      ///< u32 passage length by docid (0..lastdocid)
    Dates = 2,        ///< u32 DateTable::key_of(Slot::Date) by docid
    FacetBits = 3,    ///< u64 value bits by docid: a multi-valued facet field
    FacetIndex = 4,   ///< u16 1 + value index by docid (0: none): a single-valued field
    FacetValues = 5,  ///< the field's values: u32 count, u32 ends[count], then the bytes
    /// u16 1 + combination index by docid (0: none): a multi-valued field numbered by its
    /// combinations of values (FacetTable::by_combination). A reader of before this kind
    /// refuses the file as of another format and builds its tables from the database.
    FacetCombinationIndex = 6,
    /// u64 value bits of each combination, in index order: with FacetCombinationIndex
    FacetCombinations = 7,
    /// The indexed phrases' terms (PhraseWordColumns), ascending, laid out as FacetValues.
    /// The four phrase kinds come together or not at all (a file of before them has none:
    /// its phrases' words are read from the database). A reader of before them refuses the
    /// file as of another format and builds its tables from the database.
    PhraseTerms = 8,
    /// u64 pairs, one per phrase and one past the last: its first row in PhraseDocids and
    /// its first number in PhraseWordWdfs.
    PhraseStarts = 9,
    /// u32 docids, ascending within each phrase: the passages holding it.
    PhraseDocids = 10,
    /// u8 wdf of each word of the phrase in each of those passages, a row per passage
    /// (kPhraseWdfUnknown: 255 or more, read the database).
    PhraseWordWdfs = 11,
};

/// Whether a section of `kind` is one facet field's (Section::field names it).
constexpr bool is_facet_section(SectionKind kind) {
    switch (kind) {
        case SectionKind::FacetBits:
        case SectionKind::FacetIndex:
        case SectionKind::FacetValues:
        case SectionKind::FacetCombinationIndex:
        case SectionKind::FacetCombinations:
            return true;
        default:
            return false;
    }
}

/// At offset 0. The stamp (uuid, revision, lastdocid, doccount) is the database's when the
/// tables were read from it: a reader at another revision refuses the file.
struct Header {
    std::uint64_t magic;
    std::uint32_t byte_order;
    std::uint32_t version;
    std::uint64_t file_size;  ///< the whole file: a shorter one is truncated
    std::uint64_t revision;
    std::uint64_t lastdocid;
    std::uint64_t doccount;
    std::uint32_t section_count;
    std::uint32_t uuid_size;
    char uuid[kMaxUuid];
    std::uint64_t checksum;  ///< of the header before it and the directory
};
static_assert(sizeof(Header) == 128);

/// The directory follows the header: one entry per section.
struct Section {
    std::uint32_t kind;   ///< a SectionKind
    std::uint32_t field;  ///< the FacetField of a facet section; 0 otherwise
    std::uint64_t offset;
    std::uint64_t size;  ///< in bytes
    std::uint64_t reserved;
};
static_assert(sizeof(Section) == 32);

/// FNV-1a, 64 bits: catches a damaged header or directory (the numbers are not summed: that
/// would read the whole file at every open).
inline std::uint64_t checksum(const std::byte* data, std::size_t size,
                              std::uint64_t hash = 0xcbf29ce484222325ULL) {
    for (std::size_t i = 0; i < size; ++i) {
        hash ^= static_cast<std::uint64_t>(data[i]);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

}  // namespace r2p::table_file
