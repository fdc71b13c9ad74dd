// End-to-end: r2p-index over the PDF statements of tests/data/formats/, then r2p-search, by JSON.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "e2e_paths.hpp"
#include "e2e_search_json.hpp"
#include "test_support.hpp"

namespace {

using nlohmann::json;
using r2p::test::kIndex;
using r2p::test::run_command;
using r2p::test::search_json;
using r2p::test::shell_quote;

const std::string kPdfs = std::string(R2P_SOURCE_DIR) + "/tests/data/formats/pdf";
const std::string kBrokenPdfs = std::string(R2P_SOURCE_DIR) + "/tests/data/formats/pdf_broken";

}  // namespace

TEST_SUITE("e2e_pdf") {
    TEST_CASE("the PDF folder indexes with no file skipped and its passages are searchable") {
        r2p::test::TempDir dir;
        const std::string db = (dir / "db").string();
        const auto result = run_command(kIndex + " --quiet --json --db " + shell_quote(db) + " " +
                                        shell_quote(kPdfs));
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        const json report = json::parse(result.out);
        CHECK(report["files"]["found"] == 4);
        CHECK(report["files"]["indexed"] == 4);
        CHECK(report["files"]["skipped"].empty());
        CHECK(report["passages"]["paragraphs"].get<int>() >= 35);

        // A sentence over the record's page break, as a phrase.
        const json lebanon = search_json(db, "'\"what it means for a society\"'");
        REQUIRE(lebanon["results"].size() == 1);
        CHECK(lebanon["results"][0]["doc"]["id"] == "ga-verbatim-record-two-columns");
        // A word the typesetter hyphenated at a line end.
        const json perpetrators = search_json(db, "perpetrators");
        REQUIRE(perpetrators["results"].size() >= 1);
        CHECK(perpetrators["results"][0]["doc"]["id"] == "sg-report-atrocity-prevention");
        // Footnote bodies and job numbers are not passages.
        CHECK(search_json(db, "'\"Plan of Action on Hate Speech\"'")["results"].empty());
        CHECK(search_json(db, "2207114")["results"].empty());
        // The statement's PDF Title names it.
        const json palau = search_json(db, "vulnerability");
        REQUIRE(palau["results"].size() >= 1);
        CHECK(palau["results"][0]["doc"]["id"] == "palau-delegation-statement");

        // The record's speaker turns: a paragraph with no turn of its own is spoken by the
        // delegate whose turn it goes on ("Ms. Lindqvist (Sweden): ...", one column over).
        const json concern = search_json(db, "'\"We share the concern of the Secretary-General\"'");
        REQUIRE(concern["results"].size() == 1);
        CHECK(concern["results"][0]["speaker"] == "Lindqvist");
        CHECK(concern["results"][0]["roles"].dump() == R"(["ambassador"])");
        // The President's turn names no one and is the Assembly's President.
        const json heard = search_json(db, "'\"We have heard the last speaker\"'");
        REQUIRE(heard["results"].size() == 1);
        CHECK(heard["results"][0]["speaker"].is_null());
        CHECK(heard["results"][0]["roles"].dump() == R"(["president-general-assembly"])");
    }

    TEST_CASE("damaged, encrypted and scanned PDFs are skipped, each with its reason on one line") {
        r2p::test::TempDir dir;
        const auto result =
            run_command(kIndex + " --quiet --json --db " + shell_quote((dir / "db").string()) +
                        " " + shell_quote(kBrokenPdfs));
        CHECK(result.exit_code == 1);
        for (const char* reason :
             {"truncated.pdf: not a readable PDF file (file skipped)",
              "encrypted.pdf: encrypted PDF (needs a password) (file skipped)",
              "scanned_no_text.pdf: no text in the PDF (scanned pages need OCR) (file skipped)"}) {
            CAPTURE(reason);
            CHECK(result.err.find(reason) != std::string::npos);
        }
        // Nothing from poppler itself: one line per skipped file.
        CHECK(result.err.find("poppler") == std::string::npos);
        CHECK(result.err.find("Syntax Error") == std::string::npos);
        const json report = json::parse(result.out);
        CHECK(report["files"]["skipped"].size() == 3);
    }
}
