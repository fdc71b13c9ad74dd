// Tests for lib/src/convert/docx_text.cpp (with docx_styles and zip_members): a Word document
// -> the structured text of convert/structured_text.hpp and its title.
#include "convert/docx_text.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "archive_fixture.hpp"
#include "convert/zip_members.hpp"
#include "r2p/error.hpp"
#include "test_support.hpp"

namespace {

const std::filesystem::path kDocx =
    std::filesystem::path(R2P_SOURCE_DIR) / "tests/data/formats/docx";

std::string statement_bytes() {
    return r2p::test::read_file(kDocx / "delegation-statement-norlandia.docx");
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A one-part DOCX whose body is `body` (w:p and w:tbl elements).
std::string docx_with_body(const std::string& body) {
    r2p::test::TempDir dir;
    const std::string xml =
        "<?xml version=\"1.0\"?><w:document "
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
        body + "</w:body></w:document>";
    r2p::test::write_archive(dir / "d.zip", r2p::test::ArchiveKind::Zip,
                             {{"word/document.xml", xml}});
    return r2p::test::read_file(dir / "d.zip");
}

}  // namespace

TEST_SUITE("docx_text") {
    TEST_CASE("a delegation statement: Title, Heading and Quote styles map to # , ## and > ") {
        const auto converted = r2p::docx_text(statement_bytes());
        const std::string& text = converted.text;
        CHECK(text.rfind("# Statement by Norlandia at the Annual Debate on the Responsibility to "
                         "Protect\n\nDelivered by Ms. Ingrid Solberg",
                         0) == 0);
        CHECK(has(text, "\n\nMr. President,\n\n"));
        CHECK(has(text, "\n\n## Early warning and early action\n\n"));
        CHECK(has(text, "\n\n## Accountability\n\n"));  // a localised style id, "heading 1"
        CHECK(has(text,
                  "told the Security Council last month:\n\n> Hate speech is always a "
                  "warning sign"));
        CHECK(has(text, "\n\n> Silence in the face of atrocity is a choice."));  // IntenseQuote
        CHECK(converted.title ==
              "Statement of Norlandia: Annual Debate on the Responsibility to Protect");
    }

    TEST_CASE("runs join, tabs and breaks are spaces, footnotes, comments, deletions left out") {
        const std::string text = r2p::docx_text(statement_bytes()).text;
        CHECK(has(text,
                  "\n\nNorlandia thanks the Secretary-General for his report and welcomes "
                  "its focus on the prevention of atrocity crimes.\n\n"));
        for (const char* absent :
             {"footnote text", "resolution 60/1", "comment text", "obsolete", "Desk officer"}) {
            CAPTURE(absent);
            CHECK_FALSE(has(text, absent));
        }
    }

    TEST_CASE("numbered and bulleted list paragraphs, sub-items lettered, tables by row") {
        const std::string text = r2p::docx_text(statement_bytes()).text;
        CHECK(has(text, "three steps:\n\n1. Appoint a national focal point"));
        CHECK(has(text, "\n\n2. Fund the joint office"));
        CHECK(has(text,
                  "\n\n(a) including posts for early warning analysts;\n\n3. Report each "
                  "year"));
        CHECK(has(text,
                  "supports:\n\n- the International Criminal Court;\n\n- the "
                  "investigative mechanisms"));
        CHECK(has(text,
                  "\n\nYear; Contribution to the trust fund for victims\n\n2022; EUR 1.2 "
                  "million\n\n2023; EUR 1.5 million\n\n"));
    }

    TEST_CASE("a document without styles or numbering parts still reads") {
        const std::string bytes = docx_with_body(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>Part</w:t></w:r></w:p>"
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>"
            "<w:r><w:t>item</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>A &amp; B</w:t></w:r></w:p>");
        const auto converted = r2p::docx_text(bytes);
        CHECK(converted.text == "## Part\n\n- item\n\nA & B\n");
        CHECK(converted.title.empty());
    }

    TEST_CASE("files that are not DOCX, or damaged, are refused with a one-line reason") {
        CHECK_THROWS_WITH_AS(r2p::docx_text(""), "empty DOCX file", r2p::CorpusError);
        CHECK_THROWS_WITH_AS(r2p::docx_text("These are plain words, not a Word document at all."),
                             "not a DOCX file (not a zip archive)", r2p::CorpusError);
        CHECK_THROWS_WITH_AS(
            r2p::docx_text(r2p::test::read_file(kDocx / "../docx_broken/no-document-xml.docx")),
            "not a DOCX file (no word/document.xml)", r2p::CorpusError);
        const std::string whole = statement_bytes();
        for (const std::size_t keep : {whole.size() / 2, whole.size() / 5}) {
            CAPTURE(keep);
            CHECK_THROWS_AS(r2p::docx_text(whole.substr(0, keep)), r2p::CorpusError);
            try {
                r2p::docx_text(whole.substr(0, keep));
            } catch (const r2p::CorpusError& e) {
                CHECK(std::string(e.what()).rfind("damaged DOCX: ", 0) == 0);
            }
        }
        CHECK_THROWS_WITH_AS(r2p::docx_text(docx_with_body("<w:p><w:r><w:t>open")),
                             doctest::Contains("damaged DOCX: word/document.xml is not "
                                               "well-formed XML"),
                             r2p::CorpusError);
        CHECK_THROWS_WITH_AS(r2p::docx_text(docx_with_body("<w:p/>")),
                             "DOCX document holds no text", r2p::CorpusError);
    }

    TEST_CASE("a member larger than the limit uncompressed is refused (a zip bomb)") {
        const std::string bytes =
            docx_with_body("<w:p><w:r><w:t>" + std::string(5000, 'x') + "</w:t></w:r></w:p>");
        CHECK(r2p::read_zip_members(bytes, {"word/document.xml"}, 100000).size() == 1);
        CHECK_THROWS_WITH_AS(
            r2p::read_zip_members(bytes, {"word/document.xml"}, 1000),
            doctest::Contains("word/document.xml: larger than 1000 bytes uncompressed"),
            r2p::ZipError);
    }
}
