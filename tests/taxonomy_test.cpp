// Loading and validating the taxonomy data files.
#include <doctest/doctest.h>

#include <string>

#include "r2p/error.hpp"
#include "r2p/taxonomy.hpp"
#include "test_support.hpp"

namespace {

const std::string kTaxonomyDir = std::string(R2P_SOURCE_DIR) + "/corpus/taxonomy";

const char* const kGoodThemes =
    "# themes\n[theme accountability]\nlabel = Ending impunity\n"
    "heading = ending impunity\ncue = impunity | the hague\n";
const char* const kGoodRoles =
    "[role minister]\nlabel = Minister\nalias = minister | ministers\n"
    "[attribution]\nspeech-verbs = said\n";

/// The message load_taxonomy throws for these file contents ("" when it does not throw).
std::string load_error(const std::string& themes, const std::string& roles,
                       const std::string& synonyms = "") {
    r2p::test::TempDir dir;
    r2p::test::write_file(dir / "themes.conf", themes);
    r2p::test::write_file(dir / "roles.conf", roles);
    if (!synonyms.empty()) r2p::test::write_file(dir / "synonyms.conf", synonyms);
    try {
        r2p::load_taxonomy(r2p::default_taxonomy_files(dir.path()));
    } catch (const r2p::TaxonomyError& e) {
        const std::string what = e.what();
        // Strip the temp dir so cases can state the file name.
        const std::string prefix = dir.path().string() + "/";
        return what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what;
    }
    return "";
}

}  // namespace

TEST_SUITE("taxonomy") {
    TEST_CASE("default taxonomy files are themes.conf, roles.conf and synonyms.conf in the dir") {
        const r2p::TaxonomyFiles files = r2p::default_taxonomy_files("some/dir");
        CHECK(files.themes == std::filesystem::path("some/dir/themes.conf"));
        CHECK(files.roles == std::filesystem::path("some/dir/roles.conf"));
        CHECK(files.synonyms == std::filesystem::path("some/dir/synonyms.conf"));
    }

    TEST_CASE("the corpus taxonomy loads and knows every id the interface promises") {
        const r2p::Taxonomy tax = r2p::load_taxonomy(r2p::default_taxonomy_files(kTaxonomyDir));
        for (const char* id : {"prevention", "focal-points", "response", "accountability",
                               "early-warning", "regional-arrangements", "atrocity-crimes",
                               "country-syria", "pillar-one", "pillar-two"}) {
            SUBCASE(id) {
                const r2p::Theme* theme = tax.find_theme(id);
                REQUIRE(theme != nullptr);
                CHECK_FALSE(theme->label.empty());
                CHECK_FALSE(theme->cues.empty());
            }
        }
        for (const char* id : {"secretary-general", "deputy-secretary-general", "special-adviser",
                               "head-of-government", "minister", "vice-minister", "ambassador",
                               "observer", "participant", "civil-society"}) {
            SUBCASE(id) {
                const r2p::Role* role = tax.find_role(id);
                REQUIRE(role != nullptr);
                CHECK_FALSE(role->label.empty());
                CHECK_FALSE(role->aliases.empty());
            }
        }
        CHECK(tax.find_theme("accountability")->label == "Ending impunity");
        CHECK(tax.find_theme("no-such-theme") == nullptr);
        CHECK(tax.find_role("no-such-role") == nullptr);
        CHECK_FALSE(tax.attribution.speech_verbs.empty());
        CHECK_FALSE(tax.attribution.honorifics.empty());
        CHECK_FALSE(tax.attribution.indefinites.empty());
        CHECK_FALSE(tax.attribution.lead_ins.empty());
    }

    TEST_CASE("the corpus synonyms group R2P with RtoP and the responsibility to protect") {
        const r2p::Taxonomy tax = r2p::load_taxonomy(r2p::default_taxonomy_files(kTaxonomyDir));
        bool found = false;
        for (const auto& group : tax.synonyms) {
            if (group.phrases.empty() || group.phrases.front() != "r2p") continue;
            found = true;
            CHECK(group.phrases ==
                  std::vector<std::string>{"r2p", "rtop", "responsibility to protect"});
        }
        CHECK(found);
        CHECK(tax.synonyms.size() >= 5);
    }

    TEST_CASE("a valid minimal taxonomy loads with repeated keys accumulating") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "themes.conf", std::string(kGoodThemes) + "cue = icc\n");
        r2p::test::write_file(dir / "roles.conf", kGoodRoles);
        const r2p::Taxonomy tax = r2p::load_taxonomy(r2p::default_taxonomy_files(dir.path()));
        REQUIRE(tax.themes.size() == 1);
        CHECK(tax.themes[0].cues == std::vector<std::string>{"impunity", "the hague", "icc"});
        CHECK(tax.themes[0].headings == std::vector<std::string>{"ending impunity"});
        REQUIRE(tax.roles.size() == 1);
        CHECK(tax.roles[0].aliases == std::vector<std::string>{"minister", "ministers"});
        CHECK(tax.attribution.speech_verbs == std::vector<std::string>{"said"});
        CHECK(tax.synonyms.empty());  // synonyms.conf is optional
    }

    TEST_CASE("a malformed taxonomy file is an error naming file, line and reason") {
        struct Case {
            const char* name;
            std::string themes;
            std::string roles;
            std::string synonyms;
            std::string expected;
        };
        const std::string roles = kGoodRoles;
        const std::string themes = kGoodThemes;
        const Case cases[] = {
            {"unknown section kind", "[topic x]\nlabel = X\n", roles, "",
             "themes.conf:1: unknown section kind 'topic' (themes file holds [theme ID])"},
            {"unknown key", "[theme x]\nlabel = X\nparent = y\n", roles, "",
             "themes.conf:3: unknown key 'parent' (theme keys: label, heading, cue, weak, "
             "weak-min)"},
            {"missing label", "[theme x]\ncue = a\n[theme y]\nlabel = Y\n", roles, "",
             "themes.conf:1: theme 'x' has no label"},
            {"missing label at the end", themes + "\n[theme y]\ncue = a\n", roles, "",
             "themes.conf:7: theme 'y' has no label"},
            {"duplicate id", "[theme x]\nlabel = X\n# again\n[theme x]\nlabel = X2\n", roles, "",
             "themes.conf:4: duplicate theme id 'x'"},
            {"bad id", "[theme Bad_Id]\nlabel = X\n", roles, "",
             "themes.conf:1: id 'Bad_Id' must match [a-z0-9-]+"},
            {"missing id", "[theme]\nlabel = X\n", roles, "", "themes.conf:1: [theme] needs an id"},
            {"empty value", "[theme x]\nlabel =\n", roles, "",
             "themes.conf:2: empty value for 'label'"},
            {"empty item between bars", "[theme x]\nlabel = X\ncue = a || b\n", roles, "",
             "themes.conf:3: empty value"},
            {"unterminated header", "[theme x\nlabel = X\n", roles, "",
             "themes.conf:1: unterminated section header (missing ']')"},
            {"key before any section", "label = X\n", roles, "",
             "themes.conf:1: key outside a [theme ID] section"},
            {"line without equals", "[theme x]\nlabel X\n", roles, "",
             "themes.conf:2: expected 'key = value' or '[section]'"},
            {"label twice", "[theme x]\nlabel = X\nlabel = Y\n", roles, "",
             "themes.conf:3: label given twice"},
            {"alias naming two roles", themes,
             "[role a]\nlabel = A\nalias = envoy\n[role b]\nlabel = B\nalias = Envoy\n", "",
             "roles.conf:6: alias 'Envoy' already names role 'a'"},
            {"unknown attribution key", themes, roles + "pronouns = he | she\n", "",
             "roles.conf:6: unknown key 'pronouns' (attribution keys: speech-verbs, honorifics, "
             "indefinites, lead-ins)"},
            {"duplicate attribution section", themes, roles + "[attribution]\n", "",
             "roles.conf:6: duplicate [attribution] section"},
            {"theme section in roles file", themes, roles + "[theme z]\nlabel = Z\n", "",
             "roles.conf:6: unknown section kind 'theme' (roles file holds [role ID] and "
             "[attribution])"},
            {"synonym group of one", themes, roles, "r2p | rtop\nicc\n",
             "synonyms.conf:2: a synonym group needs at least two phrases"},
            {"synonym in two groups", themes, roles, "r2p | rtop\n# x\nRtoP | responsibility\n",
             "synonyms.conf:3: 'RtoP' is already in the group on line 1"},
            {"value without a word", "[theme x]\nlabel = X\ncue = --\n", roles, "",
             "themes.conf:3: value '--' has no word"},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) { CHECK(load_error(c.themes, c.roles, c.synonyms) == c.expected); }
        }
    }

    TEST_CASE("a missing themes or roles file is an error naming the path") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "roles.conf", kGoodRoles);
        const r2p::TaxonomyFiles files = r2p::default_taxonomy_files(dir.path());
        CHECK_THROWS_WITH_AS(r2p::load_taxonomy(files),
                             (files.themes.string() + ": cannot open taxonomy file").c_str(),
                             r2p::TaxonomyError);
        r2p::test::write_file(dir / "themes.conf", kGoodThemes);
        std::filesystem::remove(dir / "roles.conf");
        CHECK_THROWS_WITH_AS(r2p::load_taxonomy(files),
                             (files.roles.string() + ": cannot open taxonomy file").c_str(),
                             r2p::TaxonomyError);
    }

    TEST_CASE("a synonyms file that is named must be there, only the default one is optional") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "themes.conf", kGoodThemes);
        r2p::test::write_file(dir / "roles.conf", kGoodRoles);
        r2p::TaxonomyFiles files = r2p::default_taxonomy_files(dir.path());
        CHECK(r2p::load_taxonomy(files).synonyms.empty());
        files.synonyms = dir / "missing.conf";
        files.synonyms_optional = false;
        CHECK_THROWS_WITH_AS(
            r2p::load_taxonomy(files),
            ((dir / "missing.conf").string() + ": cannot open taxonomy file").c_str(),
            r2p::TaxonomyError);
    }

    TEST_CASE("a folder given as a taxonomy file is an error, not an empty file") {
        r2p::test::TempDir dir;
        std::filesystem::create_directory(dir / "synonyms.conf");
        CHECK_THROWS_AS(r2p::read_taxonomy_text(dir / "synonyms.conf"), r2p::TaxonomyError);
        CHECK_THROWS_AS(r2p::read_optional_taxonomy_text(dir / "synonyms.conf"),
                        r2p::TaxonomyError);
        CHECK(r2p::read_optional_taxonomy_text(dir / "none.conf").text.empty());
    }

    TEST_CASE("texts parse with their names in messages") {
        const r2p::TaxonomyTexts texts{{"stored themes", "[theme x]\nlabel = X\nbad line\n"},
                                       {"stored roles", kGoodRoles},
                                       {"stored synonyms", ""}};
        CHECK_THROWS_WITH_AS(r2p::parse_taxonomy(texts),
                             "stored themes:3: expected 'key = value' or '[section]'",
                             r2p::TaxonomyError);
    }

    TEST_CASE("the taxonomy written back parses to the same taxonomy") {
        const r2p::Taxonomy tax = r2p::load_taxonomy(r2p::default_taxonomy_files(kTaxonomyDir));
        const r2p::TaxonomyTexts texts = r2p::format_taxonomy(tax);
        const r2p::Taxonomy again = r2p::parse_taxonomy(texts);
        CHECK(again == tax);
        CHECK(r2p::format_taxonomy(again) == texts);

        r2p::Taxonomy minimal;
        minimal.themes = {{"a", "A | label with a bar", {}, {}}};
        minimal.roles = {{"r", "R", {}}};
        const r2p::TaxonomyTexts small = r2p::format_taxonomy(minimal);
        CHECK(small.themes.text == "[theme a]\nlabel = A | label with a bar\n");
        CHECK(small.roles.text == "[role r]\nlabel = R\n");
        CHECK(small.synonyms.text.empty());
        CHECK(r2p::parse_taxonomy(small) == minimal);
    }
}  // TEST_SUITE
