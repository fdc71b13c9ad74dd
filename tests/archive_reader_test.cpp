// Tests for lib/src/index/archive_reader.cpp: listing archives, streaming members, faults.
#include "index/archive_reader.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "archive_fixture.hpp"
#include "index/corpus_files.hpp"
#include "r2p/error.hpp"
#include "skip.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using r2p::test::ArchiveEntrySpec;
using r2p::test::ArchiveKind;

namespace {

std::vector<std::string> member_names(const r2p::ArchiveListing& listing) {
    std::vector<std::string> names;
    for (const auto& member : listing.statements) names.push_back(member.name);
    return names;
}

bool skipped_with(const r2p::ArchiveListing& listing, const std::string& name,
                  const std::string& why) {
    return std::any_of(listing.skipped.begin(), listing.skipped.end(), [&](const auto& s) {
        return s.path.find(name) != std::string::npos && s.reason.find(why) != std::string::npos;
    });
}

// Many statements of 2 KB whose bytes do not compress away, so that cutting the archive
// lands part way through its members.
std::vector<ArchiveEntrySpec> many_statements(std::size_t count) {
    std::vector<ArchiveEntrySpec> entries;
    unsigned state = 12345;
    for (std::size_t i = 0; i < count; ++i) {
        std::string text = "Statement " + std::to_string(i) + ".\n\n";
        for (int word = 0; word < 1000; ++word) {
            state = state * 1103515245u + 12345u;
            text += static_cast<char>('a' + (state >> 16) % 26);
            text += (word % 9 == 8) ? ' ' : static_cast<char>('a' + (state >> 8) % 26);
        }
        entries.push_back({"s/" + std::to_string(1000 + i) + ".txt", text + "\n"});
    }
    return entries;
}

// `entries` written to `archive` as `kind`, then listed.
r2p::ArchiveListing write_and_list(const fs::path& archive, ArchiveKind kind,
                                   const std::vector<ArchiveEntrySpec>& entries) {
    r2p::test::write_archive(archive, kind, entries);
    return r2p::list_archive(archive);
}

// A stream over `archive` for the first `count` statements of its listing.
r2p::ArchiveStream stream_of(const fs::path& archive, const r2p::ArchiveListing& listing,
                             std::size_t count) {
    std::map<std::size_t, std::string> wanted;
    for (std::size_t i = 0; i < count && i < listing.statements.size(); ++i)
        wanted.emplace(listing.statements[i].ordinal, listing.statements[i].name);
    return r2p::ArchiveStream(archive, wanted);
}

}  // namespace

TEST_SUITE("archive_reader") {
    TEST_CASE("archive names are told by their endings, whatever their case") {
        for (const char* name : {"a.tar", "a.tgz", "A.TAR.GZ", "a.tar.xz", "a.txz", "a.tar.bz2",
                                 "a.tbz2", "a.tar.zst", "a.zip"}) {
            const auto& name_ = name;  // clang 14 cannot capture a structured binding
            CAPTURE(name_);
            CHECK(r2p::is_archive_name(name));
        }
        for (const char* name : {"a.txt", "a.gz", "tar", ".zip", "a.xz", "a.tar.md"}) {
            const auto& name_ = name;  // clang 14 cannot capture a structured binding
            CAPTURE(name_);
            CHECK_FALSE(r2p::is_archive_name(name));
        }
    }

    TEST_CASE("a member is shown as ARCHIVE!/MEMBER, bytes that are not UTF-8 as \\xNN") {
        CHECK(r2p::member_display_path("d/x.tar.xz", "TXT/a b.txt") == "d/x.tar.xz!/TXT/a b.txt");
        CHECK(r2p::member_display_path("x.zip", "caf\xE9.txt") == "x.zip!/caf\\xE9.txt");
    }

    TEST_CASE("a member lies under its archive as if the archive were a folder") {
        const r2p::ArchiveMember member{"/data/x.tar.gz", "./TXT//a.txt", 3, ""};
        CHECK(r2p::member_location(member) == fs::path("/data/x.tar.gz/TXT/a.txt"));
    }

    TEST_CASE(
        "statement members are listed in archive order with their sidecars, unread "
        "formats skipped, other files counted as ignored") {
        const std::vector<ArchiveEntrySpec> entries = {
            {"corpus/", "", ArchiveEntrySpec::Type::Folder},
            {"corpus/b.txt", "Beta statement.\n"},
            {"corpus/a.meta.json", R"({"title": "Alpha"})"},
            {"corpus/a.md", "Alpha statement.\n"},
            {"corpus/notes.pdf", "%PDF"},
            {"corpus/old.doc", "binary"},
            {"corpus/figures.csv", "a,b\n"},
            {"corpus/.hidden.txt", "hidden"},
            {"corpus/link.txt", "", ArchiveEntrySpec::Type::Symlink, "b.txt"},
        };
        r2p::test::TempDir dir;
        for (const auto& [kind, name] :
             {std::pair{ArchiveKind::TarGz, "c.tar.gz"}, std::pair{ArchiveKind::TarXz, "c.tar.xz"},
              std::pair{ArchiveKind::Zip, "c.zip"}, std::pair{ArchiveKind::Tar, "c.tar"}}) {
            const auto& name_ = name;  // clang 14 cannot capture a structured binding
            CAPTURE(name_);
            const r2p::ArchiveListing listing = write_and_list(dir / name, kind, entries);
            CHECK(member_names(listing) ==
                  std::vector<std::string>{"corpus/b.txt", "corpus/a.md", "corpus/notes.pdf"});
            REQUIRE(listing.skipped.size() == 1);
            CHECK(listing.skipped[0].reason ==
                  (dir / name).string() +
                      "!/corpus/old.doc: .doc files are not read (save it as .docx, .pdf or "
                      ".txt) (file skipped)");
            CHECK(listing.ignored ==
                  std::vector<std::string>{(dir / name).string() + "!/corpus/figures.csv"});
            CHECK(listing.unread_reason.empty());
            REQUIRE(listing.statements.size() == 3);
            CHECK(listing.statements[0].sidecar.empty());
            CHECK(listing.statements[1].sidecar == R"({"title": "Alpha"})");
            CHECK(listing.statements[0].ordinal < listing.statements[1].ordinal);
        }
    }

    TEST_CASE("a stream gives each member's bytes, asked in or out of archive order") {
        r2p::test::TempDir dir;
        const auto entries = many_statements(5);
        const auto listing = write_and_list(dir / "s.tar.xz", ArchiveKind::TarXz, entries);
        REQUIRE(listing.statements.size() == 5);
        r2p::ArchiveStream stream = stream_of(dir / "s.tar.xz", listing, 5);
        // 1 before 0 (a loader overtaking another), then 4, 2, 3.
        for (const std::size_t i : {1UL, 0UL, 4UL, 2UL, 3UL}) {
            CAPTURE(i);
            CHECK(stream.read(listing.statements[i]) == entries[i].bytes);
        }
    }

    TEST_CASE("a member asked for again after the stream passed it is read by starting over") {
        r2p::test::TempDir dir;
        const auto entries = many_statements(3);
        const auto listing = write_and_list(dir / "s.tgz", ArchiveKind::TarGz, entries);
        REQUIRE(listing.statements.size() == 3);
        r2p::ArchiveStream stream(dir / "s.tgz",
                                  {{listing.statements[2].ordinal, entries[2].name}});
        CHECK(stream.read(listing.statements[2]) == entries[2].bytes);
        CHECK(stream.read(listing.statements[0]) == entries[0].bytes);
    }

    TEST_CASE("a truncated archive lists the members before the damage and names the damage") {
        r2p::test::TempDir dir;
        // Over 64 KB unpacked: libarchive's decompressors fill their first 64 KB before the
        // first header is read, and a cut inside those makes the whole archive unreadable.
        const auto entries = many_statements(100);
        r2p::test::write_archive(dir / "whole.tar.gz", ArchiveKind::TarGz, entries);
        const std::string bytes = r2p::test::read_file(dir / "whole.tar.gz");
        r2p::test::write_file(dir / "cut.tar.gz", bytes.substr(0, bytes.size() / 2));
        const r2p::ArchiveListing listing = r2p::list_archive(dir / "cut.tar.gz");
        REQUIRE(listing.statements.size() >= 5);
        CHECK(listing.statements.size() < entries.size());
        CHECK_FALSE(listing.unread_reason.empty());
        CHECK(skipped_with(listing, "cut.tar.gz", "damaged after"));

        r2p::ArchiveStream stream =
            stream_of(dir / "cut.tar.gz", listing, listing.statements.size());
        CHECK(stream.read(listing.statements[0]) == entries[0].bytes);
        // The last member listed runs into the cut: skipped with the archive's reason.
        CHECK_THROWS_WITH_AS(stream.read(listing.statements.back()),
                             doctest::Contains("cut.tar.gz!/s/"), r2p::CorpusError);
    }

    TEST_CASE("a file named .tar.gz that is no archive is unread, with one reason") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "fake.tar.gz", "This is a plain text file, not gzip.\n");
        const r2p::ArchiveListing listing = r2p::list_archive(dir / "fake.tar.gz");
        CHECK(listing.statements.empty());
        CHECK(listing.unread_reason.find("not a readable archive") != std::string::npos);
        REQUIRE(listing.skipped.size() == 1);
        CHECK(listing.skipped[0].reason.rfind((dir / "fake.tar.gz").string() + ": ", 0) == 0);
    }

    TEST_CASE("a member larger than the limit is skipped from its header, without reading it") {
        r2p::test::TempDir dir;
        r2p::test::write_sparse_tar(dir / "big.tar", "big.txt", r2p::kMaxFileBytes + 1);
        const r2p::ArchiveListing listing = r2p::list_archive(dir / "big.tar");
        CHECK(listing.statements.empty());
        CHECK(skipped_with(listing, "big.tar!/big.txt", "larger than 256 MB"));
        CHECK(listing.unread_reason.empty());
    }

    TEST_CASE("an encrypted zip member is skipped with a reason") {
        r2p::test::TempDir dir;
        r2p::test::write_archive(dir / "e.zip", ArchiveKind::EncryptedZip,
                                 {{"secret.txt", "Hidden statement.\n"}});
        const r2p::ArchiveListing listing = r2p::list_archive(dir / "e.zip");
        CHECK(listing.statements.empty());
        CHECK(skipped_with(listing, "e.zip!/secret.txt", "encrypted"));
    }

    TEST_CASE("a member whose name is not UTF-8 is skipped, named with \\xNN") {
        r2p::test::TempDir dir;
        r2p::test::write_archive(dir / "n.tar", ArchiveKind::Tar,
                                 {{"caf\xE9.txt", "Latin-1 name.\n"}, {"ok.txt", "Fine.\n"}});
        const r2p::ArchiveListing listing = r2p::list_archive(dir / "n.tar");
        CHECK(member_names(listing) == std::vector<std::string>{"ok.txt"});
        CHECK(skipped_with(listing, "n.tar!/caf\\xE9.txt", "member name is not UTF-8"));
    }

    TEST_CASE("a member whose path leaves the archive is skipped") {
        r2p::test::TempDir dir;
        r2p::test::write_archive(dir / "p.tar", ArchiveKind::Tar, {{"../up.txt", "Up.\n"}});
        const r2p::ArchiveListing listing = r2p::list_archive(dir / "p.tar");
        CHECK(listing.statements.empty());
        CHECK(skipped_with(listing, "p.tar!/../up.txt", "leaves the archive"));
    }

    TEST_CASE("an empty archive lists nothing and is read to its end") {
        r2p::test::TempDir dir;
        r2p::test::write_archive(dir / "empty.tar.gz", ArchiveKind::TarGz, {});
        r2p::test::write_file(dir / "zero.tgz", "");
        for (const char* name : {"empty.tar.gz", "zero.tgz"}) {
            const auto& name_ = name;  // clang 14 cannot capture a structured binding
            CAPTURE(name_);
            const r2p::ArchiveListing listing = r2p::list_archive(dir / name);
            CHECK(listing.statements.empty());
            CHECK(listing.skipped.empty());
            CHECK(listing.unread_reason.empty());
        }
    }
}

TEST_SUITE("optional_archive_reader_ungdc") {
    TEST_CASE("the UNGDC archive lists its 10,952 speeches and streams the first ones") {
        const fs::path archive =
            fs::path(R2P_SOURCE_DIR) / "../shared/corpora/ungdc/ungdc-1946-2024.tar.xz";
        if (!fs::exists(archive)) {
            r2p::test::skip("the UNGDC corpus is not at " + archive.string());
            return;
        }
        const r2p::ArchiveListing listing = r2p::list_archive(archive);
        // 10,953 .txt members, one of them hidden (".DS_Store-to-UTF-8.txt"), ignored as on disk.
        CHECK(listing.statements.size() == 10952);
        CHECK(listing.skipped.empty());
        CHECK(listing.unread_reason.empty());
        REQUIRE(listing.statements.size() > 20);
        r2p::ArchiveStream stream = stream_of(archive, listing, 20);
        for (std::size_t i = 0; i < 20; ++i) {
            CAPTURE(listing.statements[i].name);
            CHECK(listing.statements[i].name.rfind("TXT/Session ", 0) == 0);
            CHECK(stream.read(listing.statements[i]).size() > 1000);
        }
    }
}
