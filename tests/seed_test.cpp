// The whole pipeline (decode, parse, passages, tag) over the seed statement.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "parse/parse_document.hpp"
#include "parse/passage.hpp"
#include "r2p/taxonomy.hpp"
#include "tag/tagger.hpp"
#include "taxonomy_fixture.hpp"
#include "test_support.hpp"
#include "text/unicode.hpp"

namespace {

const std::string kSeedPath =
    std::string(R2P_SOURCE_DIR) + "/corpus/r2p-ministerial-meeting-2012.txt";

struct Seed {
    r2p::Document doc;
    std::vector<r2p::Passage> passages;
};

Seed tagged_seed() {
    Seed seed;
    const r2p::DecodedText decoded = r2p::decode_text(r2p::test::read_file(kSeedPath));
    r2p::DocumentMeta meta;
    meta.id = "r2p-ministerial-meeting-2012";
    seed.doc = r2p::parse_document(decoded.text, meta);
    seed.passages = r2p::make_passages(seed.doc);
    const r2p::Tagger tagger(r2p::test::source_taxonomy());
    tagger.tag(seed.doc, seed.passages);
    return seed;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

const r2p::Passage* quote_starting(const std::vector<r2p::Passage>& passages,
                                   const std::string& start) {
    for (const auto& p : passages)
        if (p.kind == r2p::PassageKind::Quote && p.text.rfind(start, 0) == 0) return &p;
    return nullptr;
}

}  // namespace

TEST_SUITE("seed") {
    TEST_CASE("the seed has eight paragraphs and seven speech quotes") {
        const Seed seed = tagged_seed();
        const auto quotes =
            std::count_if(seed.passages.begin(), seed.passages.end(),
                          [](const auto& p) { return p.kind == r2p::PassageKind::Quote; });
        CHECK(seed.doc.paragraphs.size() == 8);
        CHECK(quotes == 7);
    }

    TEST_CASE("each seed quote has the role and speaker its attribution gives") {
        const Seed seed = tagged_seed();
        struct Case {
            const char* start;
            std::vector<std::string> roles;
            std::optional<std::string> speaker;
            const char* theme;
        };
        const std::vector<Case> cases = {
            {"no country is immune", {"minister"}, std::nullopt, "prevention"},
            {"from preventive diplomacy", {}, std::nullopt, "prevention"},
            {"R2P is basically a tool of prevention",
             {"deputy-secretary-general"},
             "Jan Eliasson",
             "focal-points"},
            {"If we act early enough", {"participant"}, std::nullopt, "response"},
            {"The Hague is the final link", {"minister"}, std::nullopt, "accountability"},
            {"The news from Syria", {"participant"}, std::nullopt, "accountability"},
            {"We have not embraced R2P", {"secretary-general"}, "Ban Ki-moon", ""},
        };
        for (const Case& c : cases) {
            SUBCASE(c.start) {
                const r2p::Passage* q = quote_starting(seed.passages, c.start);
                REQUIRE(q != nullptr);
                CHECK(q->roles == c.roles);
                CHECK(q->speaker == c.speaker);
                if (*c.theme != '\0') {
                    CHECK(has(q->themes, c.theme));
                }
                // Quotes inherit their paragraph's themes.
                const auto parent =
                    std::find_if(seed.passages.begin(), seed.passages.end(),
                                 [&](const auto& p) { return p.id == q->parent_id; });
                REQUIRE(parent != seed.passages.end());
                CHECK(q->themes == parent->themes);
            }
        }
    }

    TEST_CASE("the four run-in headings of the seed name the four core themes") {
        const Seed seed = tagged_seed();
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"r2p-ministerial-meeting-2012/p4", "prevention"},
            {"r2p-ministerial-meeting-2012/p5", "focal-points"},
            {"r2p-ministerial-meeting-2012/p6", "response"},
            {"r2p-ministerial-meeting-2012/p7", "accountability"},
        };
        for (const auto& [id, theme] : cases) {
            SUBCASE(id.c_str()) {
                const auto& wanted = id;  // clang 14 cannot capture a structured binding
                const auto p = std::find_if(seed.passages.begin(), seed.passages.end(),
                                            [&](const auto& x) { return x.id == wanted; });
                REQUIRE(p != seed.passages.end());
                CHECK(has(p->themes, theme));
            }
        }
        // "When Prevention Fails" names response by its longer alias, not prevention.
        const auto p6 = std::find_if(seed.passages.begin(), seed.passages.end(), [](const auto& x) {
            return x.id == "r2p-ministerial-meeting-2012/p6";
        });
        REQUIRE(p6 != seed.passages.end());
        CHECK_FALSE(has(p6->themes, "focal-points"));
    }

    TEST_CASE("seed paragraphs carry the roles they quote or report") {
        const Seed seed = tagged_seed();
        const auto find = [&](const std::string& id) {
            return std::find_if(seed.passages.begin(), seed.passages.end(),
                                [&](const auto& x) { return x.id == id; });
        };
        const auto p4 = find("r2p-ministerial-meeting-2012/p4");
        const auto p5 = find("r2p-ministerial-meeting-2012/p5");
        const auto p7 = find("r2p-ministerial-meeting-2012/p7");
        const auto p8 = find("r2p-ministerial-meeting-2012/p8");
        REQUIRE(p4 != seed.passages.end());
        REQUIRE(p5 != seed.passages.end());
        REQUIRE(p7 != seed.passages.end());
        REQUIRE(p8 != seed.passages.end());
        CHECK(has(p4->roles, "minister"));
        CHECK(has(p4->roles, "participant"));
        CHECK(has(p5->roles, "deputy-secretary-general"));
        CHECK(p5->speaker == std::optional<std::string>("Jan Eliasson"));
        CHECK(has(p7->roles, "minister"));
        CHECK(has(p7->roles, "participant"));
        CHECK(p7->speaker == std::nullopt);
        CHECK(has(p8->roles, "secretary-general"));
        CHECK(std::is_sorted(p8->roles.begin(), p8->roles.end()));
    }

}  // TEST_SUITE
