#include "tables/table_file.hpp"

#include <cstring>
#include <string>
#include <vector>

#include "tables/table_file_format.hpp"

namespace r2p {

namespace {

using table_file::Header;
using table_file::Section;
using table_file::SectionKind;

// More sections than any schema has: a damaged count.
constexpr std::uint32_t kMaxSections = 64;

constexpr std::size_t kFacetFields = static_cast<std::size_t>(FacetField::Speaker) + 1;

// The values of a FacetValues section: u32 count, u32 end offsets, then the bytes.
std::optional<std::vector<std::string>> read_values(std::span<const std::byte> bytes) {
    std::uint32_t count = 0;
    if (bytes.size() < sizeof count) return std::nullopt;
    std::memcpy(&count, bytes.data(), sizeof count);
    const std::size_t head = sizeof count + std::size_t{count} * sizeof(std::uint32_t);
    if (count > FacetTable::kMaxSingleValues || head > bytes.size()) return std::nullopt;
    std::vector<std::string> values;
    values.reserve(count);
    std::size_t start = head;
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint32_t end = 0;
        std::memcpy(&end, bytes.data() + sizeof count + std::size_t{i} * sizeof end, sizeof end);
        if (end < start || end > bytes.size()) return std::nullopt;
        values.emplace_back(reinterpret_cast<const char*>(bytes.data()) + start, end - start);
        start = end;
    }
    return values;
}

// The index of `value` among the ascending values of a section laid out as FacetValues (by
// binary search, reading only what it compares); nullopt when absent or damaged.
std::optional<std::size_t> find_value(std::span<const std::byte> bytes, std::string_view value) {
    std::uint32_t count = 0;
    if (bytes.size() < sizeof count) return std::nullopt;
    std::memcpy(&count, bytes.data(), sizeof count);
    const std::size_t head = sizeof count + std::size_t{count} * sizeof(std::uint32_t);
    if (head > bytes.size()) return std::nullopt;
    auto end_of = [&](std::size_t i) {
        std::uint32_t end = 0;
        std::memcpy(&end, bytes.data() + sizeof count + i * sizeof end, sizeof end);
        return std::size_t{end};
    };
    std::size_t low = 0;
    std::size_t high = count;
    while (low < high) {
        const std::size_t mid = low + (high - low) / 2;
        const std::size_t start = mid == 0 ? head : end_of(mid - 1);
        const std::size_t end = end_of(mid);
        if (start > end || end > bytes.size()) return std::nullopt;
        const std::string_view at(reinterpret_cast<const char*>(bytes.data()) + start, end - start);
        if (at == value) return mid;
        if (at < value) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    return std::nullopt;
}

}  // namespace

std::filesystem::path table_file_path(const std::filesystem::path& dir) {
    return dir / table_file::kFileName;
}

std::shared_ptr<const TableFile> TableFile::open(const std::filesystem::path& dir,
                                                 const Xapian::Database& at) {
    std::shared_ptr<const MappedFile> map = MappedFile::open(table_file_path(dir));
    if (!map) return nullptr;
    const std::span<const std::byte> bytes = map->bytes();
    Header header{};
    if (bytes.size() < sizeof header) return nullptr;
    std::memcpy(&header, bytes.data(), sizeof header);
    if (header.magic != table_file::kMagic || header.byte_order != table_file::kByteOrderMark ||
        header.version != table_file::kFormatVersion || header.file_size != bytes.size() ||
        header.section_count > kMaxSections || header.uuid_size > table_file::kMaxUuid) {
        return nullptr;
    }
    const std::size_t directory_end = sizeof header + header.section_count * sizeof(Section);
    if (directory_end > bytes.size()) return nullptr;
    const std::uint64_t sum =
        table_file::checksum(bytes.data() + sizeof header, directory_end - sizeof header,
                             table_file::checksum(bytes.data(), offsetof(Header, checksum)));
    if (sum != header.checksum) return nullptr;
    try {
        if (std::string_view(header.uuid, header.uuid_size) != at.get_uuid() ||
            header.revision != at.get_revision() || header.lastdocid != at.get_lastdocid() ||
            header.doccount != at.get_doccount()) {
            return nullptr;  // another database, or another commit of this one
        }
    } catch (const Xapian::Error&) {
        return nullptr;
    }

    auto file = std::shared_ptr<TableFile>(new TableFile());
    const std::size_t docids = static_cast<std::size_t>(header.lastdocid) + 1;
    bool have_lengths = false;
    bool have_dates = false;
    PhraseSections phrases;
    unsigned phrase_sections = 0;  // a bit per kind seen
    for (std::uint32_t i = 0; i < header.section_count; ++i) {
        Section section{};
        std::memcpy(&section, bytes.data() + sizeof header + i * sizeof section, sizeof section);
        if (section.offset % table_file::kAlignment != 0 || section.offset > bytes.size() ||
            section.size > bytes.size() - section.offset) {
            return nullptr;
        }
        const Extent extent{static_cast<std::size_t>(section.offset),
                            static_cast<std::size_t>(section.size)};
        const auto kind = static_cast<SectionKind>(section.kind);
        if (kind == SectionKind::Lengths || kind == SectionKind::Dates) {
            if (extent.size != docids * sizeof(std::uint32_t)) return nullptr;
            (kind == SectionKind::Lengths ? file->lengths_ : file->dates_) = extent;
            (kind == SectionKind::Lengths ? have_lengths : have_dates) = true;
            continue;
        }
        if (Extent* phrase = phrases.of(kind)) {
            const unsigned bit =
                1U << (section.kind - static_cast<std::uint32_t>(SectionKind::PhraseTerms));
            if ((phrase_sections & bit) != 0) return nullptr;  // twice
            phrase_sections |= bit;
            *phrase = extent;
            continue;
        }
        if (section.field >= kFacetFields) return nullptr;
        FacetSections& facet = file->facets_[static_cast<FacetField>(section.field)];
        switch (kind) {
            case SectionKind::FacetValues:
                facet.values = extent;
                break;
            case SectionKind::FacetBits:
                if (extent.size != docids * sizeof(std::uint64_t)) return nullptr;
                facet.numbers = extent;
                break;
            case SectionKind::FacetCombinationIndex:
                if (extent.size != docids * sizeof(std::uint16_t)) return nullptr;
                facet.numbers = extent;
                facet.by_combination = true;
                break;
            case SectionKind::FacetCombinations:
                if (extent.size % sizeof(std::uint64_t) != 0 ||
                    extent.size / sizeof(std::uint64_t) > FacetTable::kMaxCombinations) {
                    return nullptr;
                }
                facet.combinations = extent;
                break;
            case SectionKind::FacetIndex:
                if (extent.size != docids * sizeof(std::uint16_t)) return nullptr;
                facet.numbers = extent;
                facet.single_valued = true;
                break;
            default:
                return nullptr;  // a kind this version does not know: another format
        }
    }
    if (!have_lengths || !have_dates) return nullptr;
    if (phrase_sections == 0b1111) {
        file->phrases_ = phrases;
    } else if (phrase_sections != 0) {
        return nullptr;
    }
    file->map_ = std::move(map);
    return file;
}

template <typename T>
TableColumn<T> TableFile::column(Extent extent) const {
    const std::byte* start = map_->bytes().data() + extent.offset;
    // Aligned (offsets are multiples of kAlignment in a page-aligned mapping) and sized by
    // open(): the numbers are read in place.
    return TableColumn<T>(
        map_, std::span<const T>(reinterpret_cast<const T*>(start), extent.size / sizeof(T)));
}

TableColumn<std::uint32_t> TableFile::lengths() const { return column<std::uint32_t>(lengths_); }

TableColumn<std::uint32_t> TableFile::dates() const { return column<std::uint32_t>(dates_); }

std::optional<FacetTable> TableFile::facet(FacetField field) const {
    const auto it = facets_.find(field);
    if (it == facets_.end() || it->second.numbers.size == 0) return std::nullopt;
    const FacetSections& sections = it->second;
    std::optional<std::vector<std::string>> values =
        read_values(map_->bytes().subspan(sections.values.offset, sections.values.size));
    if (!values) return std::nullopt;
    if (!sections.single_valued && !sections.by_combination) {
        if (values->size() > FacetTable::kMaxValues || sections.combinations.size != 0) {
            return std::nullopt;
        }
        return FacetTable::multi(std::move(*values), column<std::uint64_t>(sections.numbers));
    }
    // The indexes are not scanned here (that would read a whole column at every open, 2 MB
    // a field at 1M passages, a one-shot search's largest cost): an index past the values
    // or combinations, from a damaged file, is counted as none (FacetIndexCounts) and reads
    // as no bits (FacetTable::bits).
    TableColumn<std::uint16_t> index = column<std::uint16_t>(sections.numbers);
    if (sections.single_valued) return FacetTable::single(std::move(*values), std::move(index));
    if (values->size() > FacetTable::kMaxValues || sections.combinations.size == 0) {
        return std::nullopt;
    }
    return FacetTable::by_combinations(
        std::move(*values), column<std::uint64_t>(sections.combinations), std::move(index));
}

TableFile::Extent* TableFile::PhraseSections::of(SectionKind kind) {
    switch (kind) {
        case SectionKind::PhraseTerms:
            return &terms;
        case SectionKind::PhraseStarts:
            return &starts;
        case SectionKind::PhraseDocids:
            return &docids;
        case SectionKind::PhraseWordWdfs:
            return &wdfs;
        default:
            return nullptr;
    }
}

std::optional<PhraseWordTable> TableFile::phrase_words(std::string_view term) const {
    if (!phrases_) return std::nullopt;
    const std::span<const std::byte> bytes = map_->bytes();
    const std::span<const std::byte> terms =
        bytes.subspan(phrases_->terms.offset, phrases_->terms.size);
    const std::optional<std::size_t> index = find_value(terms, term);
    if (!index) return std::nullopt;
    // The phrase's extent: its start and the next phrase's, each {docid row, wdf number}.
    const Extent& starts = phrases_->starts;
    std::uint64_t at[4] = {};
    if (starts.size < (*index + 2) * sizeof at / 2) return std::nullopt;
    std::memcpy(at, bytes.data() + starts.offset + *index * sizeof at / 2, sizeof at);
    const std::size_t words = phrase_term_words(term).size();
    const std::uint64_t docid_count = phrases_->docids.size / sizeof(std::uint32_t);
    if (words == 0 || at[0] > at[2] || at[2] > docid_count || at[1] > at[3] ||
        at[3] > phrases_->wdfs.size || (at[2] - at[0]) * words != at[3] - at[1]) {
        return std::nullopt;
    }
    const Extent docids{static_cast<std::size_t>(phrases_->docids.offset + at[0] * 4),
                        static_cast<std::size_t>((at[2] - at[0]) * 4)};
    const Extent wdfs{static_cast<std::size_t>(phrases_->wdfs.offset + at[1]),
                      static_cast<std::size_t>(at[3] - at[1])};
    return PhraseWordTable(column<std::uint32_t>(docids), column<std::uint8_t>(wdfs), words);
}

}  // namespace r2p
