// Tests for lib/src/index/collection.cpp: what a collection's profile and table say of a file.
#include "index/collection.hpp"

#include <doctest/doctest.h>

#include <string>

#include "r2p/error.hpp"
#include "test_support.hpp"

namespace {

const std::filesystem::path kUngdc =
    std::filesystem::path(R2P_SOURCE_DIR) / "corpus/collections/ungdc.conf";

const char* const kTable =
    "year,session,iso3,country,speaker,post\n"
    "2015,70,ABC,\"Abcland, Republic of\",Mr. Alan Smithee,Prime minister\n"
    "1958,13,XYZ,Xyzia,Mr. Jawad,\n"
    "1958,13,XYZ,Xyzia,Mr. Jomard,\n"
    "1957,12,XYZ,Xyzia,Mr. DAVID,\n"
    "1957,12,XYZ,Xyzia,Mr. David,Minister for Foreign Affairs\n";

r2p::Collection ungdc(const r2p::test::TempDir& dir, const std::string& table = kTable) {
    r2p::test::write_file(dir / "speakers.csv", table);
    return r2p::load_collection(kUngdc, dir / "speakers.csv");
}

}  // namespace

TEST_SUITE("collection") {
    TEST_CASE("a file's name and table row give its country, session, date, speaker and post") {
        r2p::test::TempDir dir;
        const auto entry = r2p::collection_entry(ungdc(dir), "TXT/ABC_70_2015.txt");
        CHECK(entry.matched);
        CHECK(entry.country == "abc");
        CHECK(entry.country_name == "Abcland, Republic of");
        CHECK(entry.session == "70");
        CHECK(entry.date == "2015-09");
        CHECK(entry.speaker == "Mr. Alan Smithee");
        CHECK(entry.speaker_post == "Prime minister");
        CHECK(entry.warnings.empty());

        r2p::DocumentMeta meta;
        meta.date = "2015-09-28";
        r2p::apply_collection_entry(entry, meta);
        CHECK(meta.date == "2015-09");
        CHECK(meta.country == "abc");
        CHECK(meta.speaker_post == "Prime minister");
    }

    TEST_CASE("a file without a row keeps its country and takes the name from another row") {
        r2p::test::TempDir dir;
        const auto entry = r2p::collection_entry(ungdc(dir), "ABC_71_2016.txt");
        CHECK(entry.country == "abc");
        CHECK(entry.country_name == "Abcland, Republic of");
        CHECK(entry.date == "2016-09");
        CHECK(entry.speaker.empty());
        REQUIRE(entry.warnings.size() == 1);
        CHECK(entry.warnings[0].find("ABC_71_2016.txt: no row in ") == 0);
    }

    TEST_CASE("rows naming two speakers for one file give it none, one speaker twice is one") {
        r2p::test::TempDir dir;
        const auto collection = ungdc(dir);
        const auto two = r2p::collection_entry(collection, "XYZ_13_1958.txt");
        CHECK(two.speaker.empty());
        CHECK(two.country_name == "Xyzia");
        REQUIRE(two.warnings.size() == 1);
        CHECK(two.warnings[0].find("lines 3 and 4 name different speakers") != std::string::npos);
        const auto same = r2p::collection_entry(collection, "XYZ_12_1957.txt");
        CHECK(same.speaker == "Mr. DAVID");
        CHECK(same.speaker_post == "Minister for Foreign Affairs");
        CHECK(same.warnings.empty());
    }

    TEST_CASE("a file whose name does not match the pattern gets nothing and a warning") {
        r2p::test::TempDir dir;
        const auto entry = r2p::collection_entry(ungdc(dir), "notes/readme.txt");
        CHECK_FALSE(entry.matched);
        CHECK(entry.country.empty());
        CHECK(entry.date.empty());
        REQUIRE(entry.warnings.size() == 1);
        CHECK(entry.warnings[0] ==
              "notes/readme.txt: name does not match collection ungdc's file pattern");
    }

    TEST_CASE("the fingerprint changes with the file's row and only with it") {
        r2p::test::TempDir dir;
        const auto before = ungdc(dir);
        std::string changed = kTable;
        changed.replace(changed.find("Prime minister"), 14, "President");
        r2p::test::TempDir other;
        const auto after = ungdc(other, changed);
        CHECK(r2p::collection_entry(before, "ABC_70_2015.txt").fingerprint !=
              r2p::collection_entry(after, "ABC_70_2015.txt").fingerprint);
        CHECK(r2p::collection_entry(before, "XYZ_12_1957.txt").fingerprint ==
              r2p::collection_entry(after, "XYZ_12_1957.txt").fingerprint);
        CHECK(r2p::collection_entry(before, "ABC_70_2015.txt").fingerprint ==
              r2p::collection_entry(before, "ABC_70_2015.txt").fingerprint);
    }

    TEST_CASE("a speakers table needs a profile that says how rows join files") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "p.conf", "[collection p]\nfile = {year}\n");
        r2p::test::write_file(dir / "s.csv", "year\n2015\n");
        CHECK_THROWS_WITH_AS(r2p::load_collection(dir / "p.conf", dir / "s.csv"),
                             doctest::Contains("needs a profile with a [speakers] section"),
                             r2p::UsageError);
        CHECK_NOTHROW(r2p::load_collection(dir / "p.conf", ""));
    }
}
