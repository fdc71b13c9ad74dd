// A snapshot's tables: built when the policy says so, dropped when the revision moves.
#include "search/search_snapshot.hpp"

#include <doctest/doctest.h>

#include "r2p/databases.hpp"
#include "search_fixture.hpp"
#include "test_support.hpp"

TEST_SUITE("search_snapshot") {
    namespace {

    r2p::SearchSnapshot open_snapshot(const std::filesystem::path& db) {
        r2p::OpenedDatabases opened = r2p::open_databases({db.string()}, false);
        return r2p::SearchSnapshot(opened.db, opened.parts, opened.part_paths);
    }

    using r2p::FacetField;
    using Fields = std::vector<FacetField>;

    // Handles this process holds on the database at `db`: each has its postlist file open.
    std::size_t open_handles(const std::filesystem::path& db) {
        const std::filesystem::path postlist = std::filesystem::canonical(db / "postlist.glass");
        std::size_t n = 0;
        for (const auto& fd : std::filesystem::directory_iterator("/proc/self/fd")) {
            std::error_code ec;
            if (std::filesystem::read_symlink(fd.path(), ec) == postlist) ++n;
        }
        return n;
    }

    std::vector<r2p::Passage> one_more_passage() {
        return {r2p::test::fixture_passage("delta/p1", r2p::PassageKind::Paragraph,
                                           "impunity again", 0, {}, {})};
    }

    }  // namespace

    TEST_CASE("never builds no table, always builds them at the first use") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        r2p::SearchSnapshot snapshot = open_snapshot(dir / "db");
        CHECK(snapshot.counting_shards().size() == 1);
        snapshot.set_policy(r2p::TablePolicy::Never);
        CHECK(snapshot.length_table() == nullptr);
        CHECK(snapshot.table_fields({FacetField::Theme}).empty());
        snapshot.set_policy(r2p::TablePolicy::Always);
        REQUIRE(snapshot.length_table() != nullptr);
        CHECK(snapshot.has_length_table());
        // Doc has no table: it is counted from stored values whatever the policy.
        CHECK(snapshot.table_fields({FacetField::Doc, FacetField::Theme}) ==
              Fields{FacetField::Theme});
        CHECK(snapshot.facet_tables() == Fields{FacetField::Theme});
        CHECK(snapshot.facet_table(FacetField::Theme, 0).values().size() == 4);
    }

    TEST_CASE("auto builds a table once the work it saves has cost as much as building it") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        r2p::SearchSnapshot snapshot = open_snapshot(dir / "db");
        CHECK(snapshot.policy() == r2p::TablePolicy::Auto);
        CHECK(snapshot.length_table() == nullptr);
        snapshot.ranked_by_xapian(1);  // 1 x 12 >= 9 passages
        CHECK(snapshot.length_table() != nullptr);
        CHECK(snapshot.table_fields({FacetField::Theme}).empty());
        snapshot.counted_by_value(FacetField::Theme, 100);  // 100 x 8 > the theme postings
        CHECK(snapshot.table_fields({FacetField::Theme}) == Fields{FacetField::Theme});
    }

    TEST_CASE("tables are dropped when the revision moves, and only then") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        r2p::SearchSnapshot snapshot = open_snapshot(dir / "db");
        snapshot.set_policy(r2p::TablePolicy::Always);
        const auto build = [&] {
            snapshot.length_table();
            snapshot.table_fields({FacetField::Kind});
        };
        build();
        CHECK_FALSE(snapshot.refresh(false));
        CHECK(snapshot.has_length_table());
        CHECK(snapshot.facet_tables() == Fields{FacetField::Kind});
        {
            r2p::IndexWriter writer(dir / "db");
            writer.write_document(
                r2p::test::fixture_document("delta", "2020", 1),
                {r2p::test::fixture_passage("delta/p1", r2p::PassageKind::Paragraph,
                                            "impunity again", 0, {}, {})},
                "fp");
            writer.commit();
        }
        CHECK(snapshot.refresh(false));
        CHECK_FALSE(snapshot.has_length_table());
        CHECK(snapshot.facet_tables().empty());
        CHECK(snapshot.db().get_doccount() == 10);
        REQUIRE(snapshot.counting_shards().size() == 1);
        CHECK(snapshot.counting_shards()[0].get_doccount() == 10);
        build();
        CHECK(snapshot.refresh(true));  // Xapian said the snapshot was modified
        CHECK_FALSE(snapshot.has_length_table());
    }

    TEST_CASE("counting handles are opened at their first use, at the snapshot's revision") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        r2p::SearchSnapshot snapshot = open_snapshot(dir / "db");
        snapshot.set_policy(r2p::TablePolicy::Always);
        CHECK(open_handles(dir / "db") == 1);
        // Tables are built on the snapshot's own shards: a count riding on the ranked walk
        // needs no second handle.
        CHECK(snapshot.table_fields({FacetField::Kind}) == Fields{FacetField::Kind});
        CHECK(open_handles(dir / "db") == 1);
        REQUIRE(snapshot.counting_shards().size() == 1);
        CHECK(open_handles(dir / "db") == 2);

        // A writer commits before a second snapshot first counts: its counting handles
        // would be newer than its db(), so it has none (counts run on db()) until refresh().
        r2p::SearchSnapshot late = open_snapshot(dir / "db");
        {
            r2p::IndexWriter writer(dir / "db");
            writer.write_document(r2p::test::fixture_document("delta", "2020", 1),
                                  one_more_passage(), "fp");
            writer.commit();
        }
        CHECK(late.counting_shards().empty());
        CHECK(late.db().get_doccount() == 9);
        CHECK(late.refresh(false));
        REQUIRE(late.counting_shards().size() == 1);
        CHECK(late.counting_shards()[0].get_doccount() == 10);
        CHECK(late.counting_shards()[0].get_revision() == late.db_shards()[0].get_revision());
    }

    TEST_CASE("a single database's second handle is opened once, at the snapshot's revision") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        r2p::SearchSnapshot snapshot = open_snapshot(dir / "db");
        CHECK(open_handles(dir / "db") == 1);
        const Xapian::Database* second = snapshot.second_handle();
        REQUIRE(second != nullptr);
        CHECK(open_handles(dir / "db") == 2);  // its own, not one shared with db()
        CHECK(snapshot.second_handle() == second);
        CHECK(second->get_revision() == snapshot.db().get_revision());

        // A writer commits first: a handle would be newer than db(), so none until refresh().
        r2p::SearchSnapshot late = open_snapshot(dir / "db");
        {
            r2p::IndexWriter writer(dir / "db");
            writer.write_document(r2p::test::fixture_document("delta", "2020", 1),
                                  one_more_passage(), "fp");
            writer.commit();
        }
        CHECK(late.second_handle() == nullptr);
        CHECK(late.refresh(false));
        REQUIRE(late.second_handle() != nullptr);
        CHECK(late.second_handle()->get_doccount() == 10);

        // Over two shards, or a remote one: none.
        r2p::test::write_search_fixture(dir / "other");
        r2p::OpenedDatabases two =
            r2p::open_databases({(dir / "db").string(), (dir / "other").string()}, false);
        r2p::SearchSnapshot both(two.db, two.parts, two.part_paths);
        CHECK(both.second_handle() == nullptr);
        r2p::SearchSnapshot remote(Xapian::Database((dir / "db").string()), {}, {});
        CHECK(remote.second_handle() == nullptr);
    }

    TEST_CASE("without local shards (a remote one) no table is ever built") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        r2p::SearchSnapshot snapshot(Xapian::Database((dir / "db").string()), {}, {});
        snapshot.set_policy(r2p::TablePolicy::Always);
        CHECK(snapshot.counting_shards().empty());
        CHECK(snapshot.length_table() == nullptr);
        CHECK(snapshot.table_fields({FacetField::Theme}).empty());
    }
}
