// Statements in other conventions than the seed: parsed, cut into passages and tagged as a
// careful reader would (paragraphs, speech quotes with role and speaker, paragraph roles and
// main themes). The expectations were written from reading the files, before running them.
// A speaker line ("Delivered by Mr. X, ...", "Joint statement by ...") is a paragraph, as the
// parse module decides, so that the speaker's words stay searchable.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "parse/document.hpp"
#include "parse/parse_document.hpp"
#include "parse/passage.hpp"
#include "r2p/taxonomy.hpp"
#include "tag/tagger.hpp"
#include "taxonomy_fixture.hpp"
#include "test_support.hpp"
#include "text/unicode.hpp"

namespace {

using Ids = std::vector<std::string>;
using Name = std::optional<std::string>;

/// The bytes a Windows editor would save: a UTF-8 BOM and CRLF line ends.
std::string bom_crlf(const std::string& text) {
    std::string out = "\xEF\xBB\xBF";
    for (char c : text) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

std::string joined(const Ids& ids) {
    std::string out;
    for (const auto& s : ids) out += (out.empty() ? "" : ", ") + s;
    return "[" + out + "]";
}

struct QuoteCase {
    const char* start;  ///< the speech quote's first words
    Ids roles;
    Name speaker;
};

struct ParagraphCase {
    std::size_t number;                          ///< 1-based, as in the passage id
    const char* start;                           ///< the paragraph's first words
    std::optional<Ids> roles;                    ///< exact, when the reader is sure
    Ids themes;                                  ///< must be among the paragraph's themes
    Ids not_themes;                              ///< a careful reader would not tag these
    std::optional<Name> speaker = std::nullopt;  ///< checked when set
};

struct StatementCase {
    const char* file;
    bool bom_crlf;  ///< feed the file as BOM + CRLF bytes
    const char* date;
    std::size_t paragraphs;
    std::vector<QuoteCase> quotes;  ///< every speech quote, in order
    std::vector<ParagraphCase> checks;
};

const std::vector<StatementCase>& statements() {
    static const std::vector<StatementCase> cases = {
        {"ga-press-r2p-debate-2019.txt",
         false,
         "2019-06-27",
         7,
         {{"We owe the victims", {"president-general-assembly"}, "Elena Marković"},
          {"We owe them action", {"president-general-assembly"}, "Elena Marković"},
          {"information alone saves no one", {"special-adviser"}, "Tomas Lindgren"},
          {"The network of focal points", {"ambassador"}, std::nullopt},
          {"but a network is only", {"ambassador"}, std::nullopt},
          {"a culture of prevention", {"secretary-general"}, std::nullopt},
          {"Force must always be", {"ambassador"}, std::nullopt}},
         {{1,
           "The President of the General Assembly",
           Ids{"president-general-assembly"},
           {"atrocity-crimes", "country-bosnia", "country-rwanda"},
           {"response"},
           Name("Elena Marković")},
          {2, "The Special Adviser on", Ids{"special-adviser"}, {"early-warning"}, {}},
          {3, "Speaking on behalf", Ids{"ambassador"}, {"focal-points"}, {"civil-society"}},
          {4,
           "The representative of Ghana",
           Ids{"ambassador", "secretary-general"},
           {"regional-arrangements", "prevention", "accountability", "response"},
           {}},
          {5, "The Permanent Representative of Mexico", Ids{"ambassador"}, {"response"}, {}},
          {6, "The representative of Brazil", Ids{"ambassador"}, {"response"}, {}},
          {7, "The observer of the State", Ids{"observer"}, {}, {"response", "pillar-two"}}}},

        {"sc-open-debate-civilians-2021.txt",
         true,
         "2021-05-25",
         4,
         {{"the protection of civilians is not",
           {"president-security-council"},
           "Nguyen Van Thanh"},
          {"Every week we count", {"senior-un-official"}, "Ingrid Haugen"},
          {"Every week the perpetrators", {"senior-un-official"}, "Ingrid Haugen"},
          {"return to this question", {"president-security-council"}, "Nguyen Van Thanh"}},
         {{1,
           "The President of the Security Council, Mr. Nguyen Van Thanh of Viet Nam, opened",
           Ids{"president-security-council"},
           {"protection-of-civilians"},
           {}},
          {2,
           "The Under-Secretary-General",
           Ids{"senior-un-official"},
           {"country-syria", "country-yemen"},
           {}},
          {3,
           "The representative of Ireland",
           Ids{"ambassador"},
           {"accountability", "regional-arrangements", "protection-of-civilians"},
           {}},
          {4,
           "Closing the meeting",
           Ids{"president-security-council"},
           {},
           {},
           Name("Nguyen Van Thanh")}}},

        {"estonia-minister-dialogue-2017.txt",
         true,
         "2017-09-06",
         4,  // the byline, "Mr. President," and "Thank you." are no passages
         {{"the international community must move", {"secretary-general"}, std::nullopt}},
         {{1,
           "Estonia aligns",
           Ids{"minister"},
           {"focal-points"},
           {"regional-arrangements"},
           Name("Aleksander Tamm")},
          {2, "This year the Secretary-General", std::nullopt, {"accountability"}, {}},
          {3,
           "As the Secretary-General reminded",
           Ids{"minister", "secretary-general"},
           {},
           {},
           Name("Aleksander Tamm")},
          {4, "We also support", std::nullopt, {"response", "atrocity-crimes"}, {}}}},

        {"gcr2p-hrc-myanmar-2020.txt",
         false,
         "2020-09-22",
         3,  // the joint statement's byline and the salutations are no passages
         {{"the threat of genocide continues", {}, std::nullopt},
          {"the patterns of violations", {"high-commissioner"}, "Amina Diallo"},
          {"Impunity", {"high-commissioner"}, "Amina Diallo"},
          {"remains the rule", {"high-commissioner"}, "Amina Diallo"}},
         {{1, "The Global Centre", Ids{}, {"country-myanmar", "atrocity-crimes"}, {}},
          {2,
           "In her latest report",
           Ids{"high-commissioner"},
           {"accountability", "human-rights-council", "country-myanmar", "atrocity-crimes"},
           {}},
          {3,
           "Civil society organisations",
           std::nullopt,
           {"hate-speech", "early-warning", "civil-society"},
           {}}}},

        {"chatham-house-west-africa-2018.txt",
         false,
         "2018-05-03",
         5,
         {{"the warning was never the problem", {"participant"}, std::nullopt},
          {"We have the principles", {"minister"}, std::nullopt},
          {"When a commander knows", {"civil-society"}, std::nullopt}},
         {{2,
           "Overview.",
           std::nullopt,
           {"regional-arrangements", "atrocity-crimes"},
           {"early-warning"}},
          {3, "Early warning.", Ids{"participant"}, {"early-warning", "regional-arrangements"}, {}},
          {4,
           "The role of the African Union.",
           Ids{"minister"},
           {"regional-arrangements"},
           {},
           Name(std::nullopt)},
          {5,
           "Accountability.",
           Ids{"civil-society", "participant"},
           {"accountability"},
           {},
           Name(std::nullopt)}}},

        {"hrc-panel-genocide-2015.txt",
         false,
         "2015-03-11",
         5,
         {{"Our special procedures", {"high-commissioner"}, "Rashid Al-Mansour"},
          {"The question is whether", {"high-commissioner"}, "Rashid Al-Mansour"},
          {"Words kill", {"special-adviser"}, "Joseph Mwangi"},
          {"genocide does not happen overnight", {"secretary-general"}, std::nullopt},
          {"la prévention est", {"ambassador"}, std::nullopt}},
         {{2,
           "Opening the discussion",
           Ids{"high-commissioner"},
           {"early-warning", "human-rights-council", "accountability"},
           {}},
          {3,
           "The Special Adviser of the Secretary-General",
           Ids{"secretary-general", "special-adviser"},
           {"hate-speech", "atrocity-crimes", "country-rwanda"},
           {},
           Name("Joseph Mwangi")},
          {4, "Speaking on behalf", Ids{"ambassador"}, {"regional-arrangements"}, {}},
          {5,
           "In the ensuing discussion",
           Ids{"ambassador", "participant"},
           {"country-car", "country-mali", "human-rights-council"},
           {}}}},

        {"icrtop-dialogue-2014.txt",
         false,
         "2014-09-08",
         3,  // the byline and "Thank you, Mr. President." are no passages
         {{"the responsibility to protect is a universal", {"secretary-general"}, std::nullopt},
          {"Prevention is not a project", {"special-adviser"}, "Samuel Reyes"}},
         {{1,
           "The International Coalition",
           Ids{"civil-society"},
           {"pillar-two", "civil-society"},
           {}},
          // The byline's speaker (ICRtoP: civil society) speaks every paragraph.
          {2, "In the words of", Ids{"civil-society", "secretary-general"}, {"civil-society"}, {}},
          {3,
           "When the Special Adviser",
           Ids{"civil-society", "special-adviser"},
           {},
           {"atrocity-crimes"}}}},

        {"sweden-press-release-2016.txt",
         false,
         "2016-07-12",
         3,
         {{"Sweden will continue", {"minister"}, "Maria Lindqvist"},
          {"We cannot wait", {"minister"}, "Maria Lindqvist"}},
         {{1, "The Minister for Foreign Affairs of Sweden", Ids{"minister"}, {"focal-points"}, {}},
          {2,
           "Referring to the conflict",
           Ids{"minister"},
           // "mass atrocities" is R2P's generic phrase: it does not make the crimes a theme.
           {"country-south-sudan", "response"},
           {"atrocity-crimes"},
           Name("Maria Lindqvist")},
          {3, "The Deputy Minister", Ids{}, {}, {}}}},
    };
    return cases;
}

}  // namespace

TEST_SUITE("genre") {
    TEST_CASE("statements in other conventions are parsed and tagged as a reader would") {
        const std::filesystem::path dir = std::string(R2P_SOURCE_DIR) + "/tests/data/statements";
        for (const StatementCase& c : statements()) {
            SUBCASE(c.file) {
                const std::filesystem::path path = dir / c.file;
                REQUIRE(std::filesystem::exists(path));
                std::string bytes = r2p::test::read_file(path);
                if (c.bom_crlf) bytes = bom_crlf(bytes);
                r2p::DocumentMeta meta;
                meta.id = "d";
                const r2p::Document doc = r2p::parse_document(r2p::decode_text(bytes).text, meta);
                std::vector<r2p::Passage> ps = r2p::make_passages(doc);
                r2p::test::source_tagger().tag(doc, ps);

                CHECK(doc.meta.date == c.date);
                std::vector<const r2p::Passage*> paragraphs, quotes;
                for (const auto& p : ps)
                    (p.kind == r2p::PassageKind::Quote ? quotes : paragraphs).push_back(&p);
                CHECK(paragraphs.size() == c.paragraphs);
                if (paragraphs.size() != c.paragraphs) {
                    for (const auto* p : paragraphs)
                        MESSAGE(p->id << ": " << p->text.substr(0, 60));
                }

                CHECK(quotes.size() == c.quotes.size());
                for (std::size_t i = 0; i < c.quotes.size() && i < quotes.size(); ++i) {
                    const QuoteCase& e = c.quotes[i];
                    const r2p::Passage& q = *quotes[i];
                    INFO("quote ", i + 1, ": ", q.text);
                    CHECK(q.text.rfind(e.start, 0) == 0);
                    CHECK(joined(q.roles) == joined(e.roles));
                    CHECK(q.speaker.value_or("-") == e.speaker.value_or("-"));
                }
                for (std::size_t i = c.quotes.size(); i < quotes.size(); ++i)
                    MESSAGE("unexpected quote: " << quotes[i]->text);

                for (const ParagraphCase& e : c.checks) {
                    const std::string id = "d/p" + std::to_string(e.number);
                    const auto it = std::find_if(ps.begin(), ps.end(),
                                                 [&](const r2p::Passage& p) { return p.id == id; });
                    REQUIRE(it != ps.end());
                    INFO(id, ": ", it->text.substr(0, 80), " themes ", joined(it->themes));
                    CHECK(it->text.rfind(e.start, 0) == 0);
                    if (e.roles) CHECK(joined(it->roles) == joined(*e.roles));
                    for (const auto& t : e.themes)
                        CHECK_MESSAGE(
                            std::find(it->themes.begin(), it->themes.end(), t) != it->themes.end(),
                            "missing theme " << t);
                    for (const auto& t : e.not_themes)
                        CHECK_MESSAGE(
                            std::find(it->themes.begin(), it->themes.end(), t) == it->themes.end(),
                            "unwanted theme " << t);
                    if (e.speaker) CHECK(it->speaker.value_or("-") == e.speaker->value_or("-"));
                }
            }
        }
    }

}  // TEST_SUITE
