// Unit tests of the benchmark corpus generator: determinism, prefix stability, sizes, genre.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "bench/testkit/corpus_generator.hpp"
#include "bench/testkit/corpus_writer.hpp"
#include "index/statement_loader.hpp"
#include "r2p/error.hpp"
#include "r2p/taxonomy.hpp"
#include "tag/tagger.hpp"
#include "taxonomy_fixture.hpp"
#include "test_support.hpp"

namespace {

const std::filesystem::path kSource = R2P_SOURCE_DIR;
const std::filesystem::path kWords = "/usr/share/dict/american-english";

const std::vector<std::string>& words() {
    static const std::vector<std::string> w = r2p::load_word_list(kWords);
    return w;
}

r2p::GenreData genre() { return r2p::load_genre_data(kSource / "bench" / "data" / "genre.conf"); }

r2p::CorpusGenerator generator(std::uint64_t seed) {
    return r2p::CorpusGenerator(r2p::test::source_taxonomy(), genre(), words(), seed);
}

// Whether `words`, joined by spaces, is a phrase of one of the taxonomy's synonym groups.
bool is_synonym(const std::vector<std::string>& words) {
    std::string joined;
    for (const auto& word : words) joined += (joined.empty() ? "" : " ") + word;
    for (const r2p::SynonymGroup& group : r2p::test::source_taxonomy().synonyms) {
        if (std::find(group.phrases.begin(), group.phrases.end(), joined) != group.phrases.end())
            return true;
    }
    return false;
}

}  // namespace

TEST_SUITE("corpus_generator") {
    TEST_CASE("the same seed gives the same statements, another seed other ones") {
        const auto a = generator(7);
        const auto b = generator(7);
        const auto c = generator(8);
        for (std::size_t i : {0u, 1u, 17u, 999u}) {
            CAPTURE(i);
            CHECK(a.statement_text(i) == b.statement_text(i));
            CHECK(a.statement_passages(i) == b.statement_passages(i));
            CHECK(a.statement_text(i) != c.statement_text(i));
        }
        CHECK(a.statement_text(0) != a.statement_text(1));
    }

    TEST_CASE("a smaller corpus is the first part of a larger one") {
        const auto gen = generator(3);
        r2p::test::TempDir dir;
        const auto small = r2p::generate_corpus(gen, dir / "small", 800);
        const auto large = r2p::generate_corpus(gen, dir / "large", 3000);
        REQUIRE(small.statements < large.statements);
        for (std::size_t i = 0; i < small.statements; ++i) {
            CAPTURE(i);
            REQUIRE(r2p::test::read_file(r2p::statement_path(dir / "small", i)) ==
                    r2p::test::read_file(r2p::statement_path(dir / "large", i)));
        }
        CHECK_FALSE(std::filesystem::exists(r2p::statement_path(dir / "small", small.statements)));
    }

    TEST_CASE("a corpus holds at least the passages asked for, and at most one statement more") {
        const auto gen = generator(11);
        r2p::test::TempDir dir;
        for (std::size_t asked : {1u, 500u, 2500u}) {
            CAPTURE(asked);
            const auto made = r2p::generate_corpus(gen, dir / std::to_string(asked), asked);
            CHECK(made.passages >= asked);
            CHECK(made.passages - gen.statement_passages(made.statements - 1) < asked);
            CHECK(made.statements == gen.statements_for(asked));
            CHECK(made.bytes > 0);
        }
    }

    TEST_CASE("statements are filed 1,000 to a folder by index") {
        CHECK(r2p::statement_path("out", 0) == std::filesystem::path("out/0000/bench-0000000.txt"));
        CHECK(r2p::statement_path("out", 999) ==
              std::filesystem::path("out/0000/bench-0000999.txt"));
        CHECK(r2p::statement_path("out", 1000) ==
              std::filesystem::path("out/0001/bench-0001000.txt"));
        CHECK(r2p::statement_path("out", 1234567) ==
              std::filesystem::path("out/1234/bench-1234567.txt"));
    }

    TEST_CASE("our pipeline finds in a statement the passages the generator planned") {
        const auto gen = generator(5);
        const r2p::Tagger tagger(r2p::test::source_taxonomy());
        std::size_t planned = 0;
        std::size_t found = 0;
        std::set<int> years;
        std::set<std::string> themes;
        std::set<std::string> roles;
        for (std::size_t i = 0; i < 60; ++i) {
            const std::string text = gen.statement_text(i);
            const r2p::CorpusFile file{"bench-" + std::to_string(i) + ".txt",
                                       "bench-" + std::to_string(i)};
            const auto loaded = r2p::load_statement(file, text, {}, tagger);
            planned += gen.statement_passages(i);
            found += loaded.passages.size();
            if (loaded.doc.meta.date.size() >= 4)
                years.insert(std::stoi(loaded.doc.meta.date.substr(0, 4)));
            for (const auto& p : loaded.passages) {
                themes.insert(p.themes.begin(), p.themes.end());
                roles.insert(p.roles.begin(), p.roles.end());
            }
        }
        CHECK(static_cast<double>(found) >= 0.97 * static_cast<double>(planned));
        CHECK(static_cast<double>(found) <= 1.03 * static_cast<double>(planned));
        REQUIRE_FALSE(years.empty());
        CHECK(*years.begin() >= 2005);
        CHECK(*years.rbegin() <= 2025);
        CHECK(years.size() >= 10);
        // The core themes and roles of the interface turn up in a few dozen statements.
        for (const char* theme : {"prevention", "accountability", "response"}) {
            CAPTURE(theme);
            CHECK(themes.count(theme) == 1);
        }
        CHECK(roles.size() >= 8);
    }

    TEST_CASE("statements carry the genre: title, dated event line, headings, attributed quotes") {
        const auto gen = generator(9);
        std::string all;
        for (std::size_t i = 0; i < 40; ++i) all += gen.statement_text(i) + "\n\n";
        SUBCASE("run-in headings are theme heading aliases") {
            CHECK(all.find("Ending Impunity. ") != std::string::npos);
        }
        SUBCASE("officials are named once with honorifics") {
            CHECK(all.find(", H.E. M") != std::string::npos);
        }
        SUBCASE("quotes are attributed by lead-ins, trailing verbs and 'that'") {
            CHECK(all.find("In the words of one ") != std::string::npos);
            CHECK(all.find(",\u201d said ") != std::string::npos);
            CHECK(all.find(" that \u201c") != std::string::npos);
        }
        SUBCASE("the R2P vocabulary occurs") {
            CHECK(all.find("R2P") != std::string::npos);
            CHECK(all.find("Responsibility to Protect") != std::string::npos);
        }
    }

    TEST_CASE("the vocabulary holds the word list's forms without possessives") {
        const auto gen = generator(1);
        CHECK(gen.vocabulary_size() >= 50000);
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "words", "apple\napple's\nbanana\nbanana\nCherry\n");
        CHECK(r2p::load_word_list(dir / "words") ==
              std::vector<std::string>{"apple", "banana", "Cherry"});
        CHECK_THROWS_AS(r2p::load_word_list(dir / "missing"), r2p::CorpusError);
        CHECK_THROWS_AS(
            r2p::CorpusGenerator(r2p::test::source_taxonomy(), genre(), {"too", "few"}, 1),
            r2p::CorpusError);
    }

    TEST_CASE("a genre file with an unknown or a missing section is refused") {
        r2p::test::TempDir dir;
        SUBCASE("unknown section") {
            r2p::test::write_file(dir / "g.conf", "[nonsense]\nx\n");
            CHECK_THROWS_AS(r2p::load_genre_data(dir / "g.conf"), r2p::CorpusError);
        }
        SUBCASE("missing sections") {
            r2p::test::write_file(dir / "g.conf", "[function-words]\nthe of\n");
            CHECK_THROWS_AS(r2p::load_genre_data(dir / "g.conf"), r2p::CorpusError);
        }
        SUBCASE("no file") {
            CHECK_THROWS_AS(r2p::load_genre_data(dir / "none"), r2p::CorpusError);
        }
    }

    TEST_CASE("query sets hold every class, deterministically") {
        const auto gen = generator(4);
        const auto queries = gen.query_set(10000, 6);
        CHECK(queries.size() == 6 * r2p::all_query_classes().size());
        CHECK(generator(4).query_set(10000, 6) == queries);
        CHECK(generator(5).query_set(10000, 6) != queries);
        for (const auto& q : queries) {
            CAPTURE(q.line());
            REQUIRE_FALSE(q.words.empty());
            switch (q.cls) {
                case r2p::QueryClass::TwoTermAnd:
                case r2p::QueryClass::TwoTermOr:
                    CHECK(q.words.size() == 2);
                    break;
                case r2p::QueryClass::Phrase:
                    CHECK(q.words.size() >= 2);
                    break;
                case r2p::QueryClass::Synonym:
                    CHECK(is_synonym(q.words));
                    break;
                case r2p::QueryClass::TermThemeFilter:
                    CHECK(r2p::test::source_taxonomy().find_theme(q.theme) != nullptr);
                    break;
                case r2p::QueryClass::TermFacets:
                    CHECK(q.facets);
                    break;
                case r2p::QueryClass::SortDate:
                    CHECK(q.sort_date);
                    break;
                default:
                    CHECK(q.words.size() == 1);
                    break;
            }
        }
    }

    TEST_CASE("a query's line is r2p-search syntax with its options") {
        using r2p::BenchQuery;
        using r2p::QueryShape;
        struct Case {
            BenchQuery query;
            std::string line;
        };
        BenchQuery facets{
            r2p::QueryClass::TermFacets, QueryShape::Term, {"impunity"}, "", true, false};
        BenchQuery themed{r2p::QueryClass::TermThemeFilter,
                          QueryShape::Term,
                          {"court"},
                          "accountability",
                          false,
                          false};
        BenchQuery dated{r2p::QueryClass::SortDate, QueryShape::Term, {"court"}, "", false, true};
        const Case cases[] = {
            {{r2p::QueryClass::TwoTermAnd, QueryShape::And, {"a", "b"}, "", false, false}, "a b"},
            {{r2p::QueryClass::TwoTermOr, QueryShape::Or, {"a", "b"}, "", false, false}, "a OR b"},
            {{r2p::QueryClass::Phrase, QueryShape::Phrase, {"war", "crimes"}, "", false, false},
             "'\"war crimes\"'"},
            {{r2p::QueryClass::Wildcard, QueryShape::Prefix, {"atro"}, "", false, false},
             "'atro*'"},
            {facets, "impunity --facet theme --facet role"},
            {themed, "court --theme accountability"},
            {dated, "court --sort date"},
        };
        for (const Case& c : cases) {
            CAPTURE(c.line);
            CHECK(c.query.line() == c.line);
        }
    }
}
