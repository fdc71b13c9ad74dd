#include "tables/table_file_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <span>
#include <string>
#include <system_error>
#include <vector>

#include "r2p/error.hpp"
#include "r2p/facets.hpp"
#include "tables/date_table.hpp"
#include "tables/facet_table.hpp"
#include "tables/length_table.hpp"
#include "tables/phrase_word_table.hpp"
#include "tables/table_file.hpp"
#include "tables/table_file_format.hpp"

namespace r2p {

namespace {

using table_file::Header;
using table_file::Section;
using table_file::SectionKind;

struct Blob {
    SectionKind kind;
    FacetField field;
    std::vector<std::byte> bytes;
};

template <typename T>
void append(std::vector<std::byte>& out, const T& value) {
    const auto* p = reinterpret_cast<const std::byte*>(&value);
    out.insert(out.end(), p, p + sizeof value);
}

// Values by docid 0..last of any table's at().
template <typename T, typename Table>
std::vector<std::byte> numbers(const Table& table, Xapian::docid last,
                               T (Table::*at)(Xapian::docid) const) {
    std::vector<std::byte> out;
    out.reserve((static_cast<std::size_t>(last) + 1) * sizeof(T));
    for (Xapian::docid did = 0;; ++did) {
        append(out, static_cast<T>((table.*at)(did)));
        if (did == last) break;
    }
    return out;
}

std::vector<std::byte> values_section(const std::vector<std::string>& values) {
    std::vector<std::byte> out;
    append(out, static_cast<std::uint32_t>(values.size()));
    std::size_t end = sizeof(std::uint32_t) * (values.size() + 1);
    for (const std::string& value : values) {
        end += value.size();
        append(out, static_cast<std::uint32_t>(end));
    }
    for (const std::string& value : values) {
        const auto* p = reinterpret_cast<const std::byte*>(value.data());
        out.insert(out.end(), p, p + value.size());
    }
    return out;
}

// Numbers laid out as they are in memory (native byte order, as the format says).
template <typename T>
std::vector<std::byte> bytes_of(std::span<const T> numbers) {
    const auto* p = reinterpret_cast<const std::byte*>(numbers.data());
    return {p, p + numbers.size_bytes()};
}
template <typename T>
std::vector<std::byte> bytes_of(const std::vector<T>& numbers) {
    return bytes_of(std::span<const T>(numbers));
}

std::size_t aligned(std::size_t offset) {
    return (offset + table_file::kAlignment - 1) / table_file::kAlignment * table_file::kAlignment;
}

// Every section of `db`'s tables.
std::vector<Blob> read_sections(const Xapian::Database& db) {
    const Xapian::docid last = db.get_lastdocid();
    std::vector<Blob> blobs;
    const LengthTable lengths = LengthTable::build(db);
    blobs.push_back({SectionKind::Lengths, FacetField::Theme,
                     numbers<std::uint32_t>(lengths, last, &LengthTable::at)});
    const DateTable dates = DateTable::build(db);
    blobs.push_back({SectionKind::Dates, FacetField::Theme,
                     numbers<std::uint32_t>(dates, last, &DateTable::at)});
    for (std::size_t f = 0; f <= static_cast<std::size_t>(FacetField::Speaker); ++f) {
        const auto field = static_cast<FacetField>(f);
        const auto& spec = facet_spec(field);
        if (!spec.facet_table) continue;
        const std::optional<FacetTable> table =
            FacetTable::build(db, spec.prefix, !spec.multi_valued);
        if (!table) continue;  // too many values: counted from stored values
        blobs.push_back({SectionKind::FacetValues, field, values_section(table->values())});
        if (table->single_valued()) {
            blobs.push_back({SectionKind::FacetIndex, field,
                             numbers<std::uint16_t>(*table, last, &FacetTable::index)});
        } else if (table->by_combination()) {
            blobs.push_back({SectionKind::FacetCombinationIndex, field,
                             numbers<std::uint16_t>(*table, last, &FacetTable::index)});
            blobs.push_back(
                {SectionKind::FacetCombinations, field, bytes_of(table->combinations())});
        } else {
            blobs.push_back({SectionKind::FacetBits, field,
                             numbers<std::uint64_t>(*table, last, &FacetTable::bits)});
        }
    }
    const PhraseWordColumns phrases = PhraseWordColumns::read(db);
    blobs.push_back({SectionKind::PhraseTerms, FacetField::Theme, values_section(phrases.terms)});
    blobs.push_back({SectionKind::PhraseStarts, FacetField::Theme, bytes_of(phrases.starts)});
    blobs.push_back({SectionKind::PhraseDocids, FacetField::Theme, bytes_of(phrases.docids)});
    blobs.push_back({SectionKind::PhraseWordWdfs, FacetField::Theme, bytes_of(phrases.wdfs)});
    return blobs;
}

// The header and directory of `blobs` laid out one after another, aligned.
std::vector<std::byte> head_of(const Xapian::Database& db, const std::vector<Blob>& blobs) {
    Header header{};
    header.magic = table_file::kMagic;
    header.byte_order = table_file::kByteOrderMark;
    header.version = table_file::kFormatVersion;
    header.revision = db.get_revision();
    header.lastdocid = db.get_lastdocid();
    header.doccount = db.get_doccount();
    header.section_count = static_cast<std::uint32_t>(blobs.size());
    const std::string uuid = db.get_uuid();
    if (uuid.size() > table_file::kMaxUuid) {
        throw IndexError("database uuid too long for a table file (" + std::to_string(uuid.size()) +
                         " bytes)");
    }
    header.uuid_size = static_cast<std::uint32_t>(uuid.size());
    std::memcpy(header.uuid, uuid.data(), uuid.size());
    std::vector<std::byte> directory;
    std::size_t offset = aligned(sizeof(Header) + blobs.size() * sizeof(Section));
    for (const Blob& blob : blobs) {
        Section section{};
        section.kind = static_cast<std::uint32_t>(blob.kind);
        section.field =
            table_file::is_facet_section(blob.kind) ? static_cast<std::uint32_t>(blob.field) : 0;
        section.offset = offset;
        section.size = blob.bytes.size();
        append(directory, section);
        offset = aligned(offset + blob.bytes.size());
    }
    header.file_size = offset;
    header.checksum =
        table_file::checksum(directory.data(), directory.size(),
                             table_file::checksum(reinterpret_cast<const std::byte*>(&header),
                                                  offsetof(Header, checksum)));
    std::vector<std::byte> head;
    append(head, header);
    head.insert(head.end(), directory.begin(), directory.end());
    return head;
}

// Closes a descriptor and removes its temp file unless released.
class TempFile {
  public:
    explicit TempFile(std::filesystem::path path) : path_(std::move(path)) {
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd_ < 0) fail("cannot create");
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!done_) {
            std::error_code ec;
            std::filesystem::remove(path_, ec);
        }
    }

    void write(const std::byte* data, std::size_t size) {
        while (size > 0) {
            const ssize_t n = ::write(fd_, data, size);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) fail("cannot write");
            data += n;
            size -= static_cast<std::size_t>(n);
            written_ += static_cast<std::size_t>(n);
        }
    }
    void pad_to(std::size_t offset) {
        static const std::byte zeros[table_file::kAlignment] = {};
        if (offset > written_) write(zeros, offset - written_);
    }
    std::size_t written() const { return written_; }

    // fsync, close and rename over `target`: readers see the old file or the whole new one.
    void replace(const std::filesystem::path& target) {
        if (::fsync(fd_) != 0) fail("cannot sync");
        const int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) fail("cannot close");
        if (::rename(path_.c_str(), target.c_str()) != 0)
            fail("cannot rename to " + target.string() + ":");
        done_ = true;
        // The rename itself survives a crash once the folder is synced.
        const int dir = ::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir >= 0) {
            ::fsync(dir);
            ::close(dir);
        }
    }

  private:
    [[noreturn]] void fail(const std::string& what) const {
        throw IndexError(what + " " + path_.string() + ": " + std::strerror(errno));
    }

    std::filesystem::path path_;
    int fd_ = -1;
    std::size_t written_ = 0;
    bool done_ = false;
};

// Temp files a killed writer left: the caller holds the database's lock, so no other writer
// is writing one now.
void remove_stale_temp_files(const std::filesystem::path& dir) {
    const std::string prefix = std::string(table_file::kFileName) + ".tmp-";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().filename().string().rfind(prefix, 0) == 0) {
            std::error_code ignored;
            std::filesystem::remove(entry.path(), ignored);
        }
    }
}

}  // namespace

void write_table_file(const Xapian::Database& db, const std::filesystem::path& dir) {
    std::vector<Blob> blobs;
    std::vector<std::byte> head;
    try {
        blobs = read_sections(db);
        head = head_of(db, blobs);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot read the tables of database " + dir.string() + ": " +
                         e.get_description());
    }
    const std::filesystem::path target = table_file_path(dir);
    remove_stale_temp_files(dir);
    TempFile temp(dir /
                  (std::string(table_file::kFileName) + ".tmp-" + std::to_string(::getpid())));
    temp.write(head.data(), head.size());
    for (const Blob& blob : blobs) {
        temp.pad_to(aligned(temp.written()));
        temp.write(blob.bytes.data(), blob.bytes.size());
    }
    temp.pad_to(aligned(temp.written()));
    temp.replace(target);
}

bool table_file_current(const Xapian::Database& db, const std::filesystem::path& dir) {
    return TableFile::open(dir, db) != nullptr;
}

}  // namespace r2p
