// Tests for lib/src/index/statement_loader.cpp: bytes and sidecar -> tagged passages.
#include "index/statement_loader.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "r2p/error.hpp"
#include "taxonomy_fixture.hpp"

TEST_SUITE("statement_loader") {
    TEST_CASE("a sidecar's fields override, nulls and absent fields do not") {
        r2p::DocumentMeta meta;
        meta.title = "From text";
        r2p::apply_sidecar(R"({"date": "2012-09-28", "place": "New York", "title": null})",
                           "x.meta.json", meta);
        CHECK(meta.title == "From text");
        CHECK(meta.date == "2012-09-28");
        CHECK(meta.place == "New York");
    }

    TEST_CASE("a bad sidecar is an error naming the sidecar and line") {
        r2p::DocumentMeta meta;
        SUBCASE("syntax error") {
            try {
                r2p::apply_sidecar("{\n  \"title\": \"x\",\n  oops\n}", "s.meta.json", meta);
                FAIL("no error");
            } catch (const r2p::CorpusError& e) {
                CHECK(std::string(e.what()).rfind("s.meta.json:3:", 0) == 0);
            }
        }
        SUBCASE("bad date") {
            CHECK_THROWS_AS(r2p::apply_sidecar(R"({"date": "28 Sept"})", "s.meta.json", meta),
                            r2p::CorpusError);
        }
        SUBCASE("wrong type") {
            CHECK_THROWS_AS(r2p::apply_sidecar(R"({"title": 12})", "s.meta.json", meta),
                            r2p::CorpusError);
        }
    }

    TEST_CASE("a sidecar may say who gave the statement and for which country") {
        r2p::DocumentMeta meta;
        r2p::apply_sidecar(R"({"country": "SWE", "country_name": "Sweden",
                               "speaker": "H.E. Ms. Anna Lindqvist",
                               "speaker_post": "Minister for Foreign Affairs"})",
                           "x.meta.json", meta);
        CHECK(meta.country == "swe");
        CHECK(meta.country_name == "Sweden");
        CHECK(meta.speaker == "H.E. Ms. Anna Lindqvist");
        CHECK(meta.speaker_post == "Minister for Foreign Affairs");
        for (const char* bad : {R"({"country": "Sweden"})", R"({"country": "SE"})",
                                R"({"country": "S1E"})", R"({"speaker": 3})"}) {
            CAPTURE(bad);
            CHECK_THROWS_AS(r2p::apply_sidecar(bad, "x.meta.json", meta), r2p::CorpusError);
        }
    }

    TEST_CASE("a collection's metadata wins over the text's date, a sidecar over both") {
        const r2p::Tagger& tagger = r2p::test::source_tagger();
        const r2p::CorpusFile file{"TXT/ABC_70_2015.txt", "abc-70-2015"};
        r2p::CollectionEntry entry;
        entry.matched = true;
        entry.date = "2015-09";
        entry.country = "abc";
        entry.speaker = "Mr. Alan Smithee";
        entry.speaker_post = "Prime minister";
        entry.warnings = {"TXT/ABC_70_2015.txt: a warning"};
        const std::string text = "28 September 2015\n\nWe must prevent atrocity crimes.\n";
        const auto from_collection = r2p::load_statement(file, text, {}, tagger, &entry);
        CHECK(from_collection.doc.meta.date == "2015-09");
        CHECK(from_collection.doc.meta.country == "abc");
        CHECK(from_collection.warnings ==
              std::vector<std::string>{"TXT/ABC_70_2015.txt: a warning"});
        REQUIRE_FALSE(from_collection.passages.empty());
        CHECK(from_collection.passages[0].speaker == std::optional<std::string>("Alan Smithee"));
        CHECK(from_collection.passages[0].roles == std::vector<std::string>{"head-of-government"});

        const auto with_sidecar = r2p::load_statement(
            file, text, R"({"date": "2015-09-28", "speaker": "Ms. Ada Lovelace"})", tagger, &entry);
        CHECK(with_sidecar.doc.meta.date == "2015-09-28");
        CHECK(with_sidecar.doc.meta.speaker == "Ms. Ada Lovelace");
        CHECK(with_sidecar.doc.meta.country == "abc");
    }

    TEST_CASE("a sidecar's title and date win over the text's, and passages are tagged") {
        const r2p::Tagger& tagger = r2p::test::source_tagger();
        const r2p::CorpusFile file{"corpus/s.txt", "s"};
        const auto loaded = r2p::load_statement(
            file,
            "Statement on prevention\n1 January 2001\n\nThe Council must act to prevent "
            "genocide and mass atrocities.\n",
            R"({"title": "From the sidecar", "date": "2012-09-28"})", tagger);
        CHECK(loaded.doc.meta.title == "From the sidecar");
        CHECK(loaded.doc.meta.date == "2012-09-28");
        CHECK(loaded.doc.meta.id == "s");
        CHECK(loaded.doc.meta.path == "corpus/s.txt");
        REQUIRE_FALSE(loaded.passages.empty());
        CHECK(loaded.encoding == "UTF-8");
        CHECK_FALSE(loaded.converted);
        CHECK(loaded.warnings.empty());
    }

    TEST_CASE("a bad sidecar is named by its path beside the statement") {
        const r2p::Tagger& tagger = r2p::test::source_tagger();
        const r2p::CorpusFile file{"corpus/s.txt", "s"};
        try {
            (void)r2p::load_statement(file, "Text.\n", "[1]", tagger);
            FAIL("no error");
        } catch (const r2p::CorpusError& e) {
            CHECK(std::string(e.what()) ==
                  "corpus/s.meta.json:1: sidecar must be a JSON object (file skipped)");
        }
    }

    TEST_CASE("stray bytes are named one by one up to the limit, then counted in one line") {
        const r2p::Tagger& tagger = r2p::test::source_tagger();
        const r2p::CorpusFile file{"s.txt", "s"};
        std::string bytes = "Caf\xc3\xa9 text.\n";
        for (std::size_t i = 0; i < r2p::kMaxStrayByteWarnings + 3; ++i) bytes += "a \x92 b\n";
        const auto loaded = r2p::load_statement(file, bytes, {}, tagger);
        CHECK(loaded.converted);
        REQUIRE(loaded.warnings.size() == r2p::kMaxStrayByteWarnings + 1);
        CHECK(loaded.warnings.front() ==
              "s.txt:2: byte 14 (0x92) is not UTF-8, read as Windows-1252");
        CHECK(loaded.warnings.back() ==
              "s.txt: 3 more bytes that are not UTF-8, read as Windows-1252");
    }

    TEST_CASE("bytes that cannot be decoded are a corpus error with the line") {
        const r2p::Tagger& tagger = r2p::test::source_tagger();
        const r2p::CorpusFile file{"s.txt", "s"};
        try {
            (void)r2p::load_statement(file, std::string("line\nbinary\0zero\n", 18), {}, tagger);
            FAIL("no error");
        } catch (const r2p::CorpusError& e) {
            const std::string what = e.what();
            CHECK(what.rfind("s.txt:2: ", 0) == 0);
            CHECK(what.find("(file skipped)") != std::string::npos);
        }
    }

    TEST_CASE("an HTML page's own title and date fill only what sidecar and text leave empty") {
        const r2p::Tagger& tagger = r2p::test::source_tagger();
        const r2p::CorpusFile file{"web/page.html", "page"};
        const std::string page =
            "<html><head><title>Early Warning Matters | Mission of X</title>"
            "<meta name=\"date\" content=\"2021-06-30\"></head><body><main><p>We call for "
            "early warning and early action to prevent atrocity crimes.</p></main></body></html>";
        const auto from_page = r2p::load_statement(file, page, {}, tagger);
        CHECK(from_page.doc.meta.title == "Early Warning Matters");
        CHECK(from_page.doc.meta.date == "2021-06-30");
        REQUIRE(from_page.passages.size() == 1);
        CHECK(from_page.passages[0].text ==
              "We call for early warning and early action to prevent atrocity crimes.");
        const auto with_sidecar = r2p::load_statement(
            file, page, R"({"date": "2021-07-01", "title": "Sidecar"})", tagger);
        CHECK(with_sidecar.doc.meta.title == "Sidecar");
        CHECK(with_sidecar.doc.meta.date == "2021-07-01");
    }

    TEST_CASE("a page that cannot be read is skipped with the file's name and the reason") {
        const r2p::CorpusFile file{"web/empty.html", "empty"};
        CHECK_THROWS_WITH_AS(r2p::load_statement(file, "", {}, r2p::test::source_tagger()),
                             "web/empty.html: empty HTML file (file skipped)", r2p::CorpusError);
    }
}
