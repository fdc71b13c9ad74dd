#include "r2p/stored_taxonomy.hpp"

#include <doctest/doctest.h>

#include <xapian.h>

#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "taxonomy_fixture.hpp"
#include "test_support.hpp"

TEST_SUITE("stored_taxonomy") {
    namespace {

    r2p::Taxonomy with_extra_theme() {
        r2p::Taxonomy taxonomy = r2p::test::source_taxonomy();
        taxonomy.themes.push_back({"my-new-theme", "My new theme", {}, {"final link"}});
        return taxonomy;
    }

    r2p::OpenedShard shard(const std::filesystem::path& dir, const std::string& name) {
        return {name, Xapian::Database(dir.string())};
    }

    }  // namespace

    TEST_CASE("a stored taxonomy reads back as the same taxonomy") {
        r2p::test::TempDir dir;
        {
            Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
            r2p::store_taxonomy(db, with_extra_theme());
            db.commit();
        }
        const auto texts = r2p::read_stored_taxonomy(Xapian::Database((dir / "db").string()), "db");
        REQUIRE(texts);
        CHECK(texts->themes.name == "db: stored themes.conf");
        CHECK(r2p::parse_taxonomy(*texts) == with_extra_theme());
    }

    TEST_CASE("a database written before taxonomies were stored has none") {
        r2p::test::TempDir dir;
        Xapian::WritableDatabase((dir / "db").string(), Xapian::DB_CREATE).commit();
        CHECK_FALSE(r2p::read_stored_taxonomy(Xapian::Database((dir / "db").string()), "db"));
        CHECK_FALSE(r2p::stored_taxonomy({shard(dir / "db", "db")}));
    }

    TEST_CASE("shards agree on their taxonomy and older shards go with the others") {
        r2p::test::TempDir dir;
        const auto write = [&](const char* name, const r2p::Taxonomy* taxonomy) {
            Xapian::WritableDatabase db((dir / name).string(), Xapian::DB_CREATE);
            if (taxonomy != nullptr) r2p::store_taxonomy(db, *taxonomy);
            db.commit();
        };
        const r2p::Taxonomy mine = with_extra_theme();
        write("old", nullptr);
        write("a", &mine);
        write("b", &mine);
        write("other", &r2p::test::source_taxonomy());
        const auto agreed = r2p::stored_taxonomy(
            {shard(dir / "old", "old"), shard(dir / "a", "a"), shard(dir / "b", "b")});
        REQUIRE(agreed);
        CHECK(r2p::parse_taxonomy(*agreed) == mine);
        CHECK_THROWS_WITH_AS(
            r2p::stored_taxonomy({shard(dir / "a", "a"), shard(dir / "other", "other")}),
            doctest::Contains("other was indexed with another taxonomy than a"), r2p::IndexError);
    }
}
