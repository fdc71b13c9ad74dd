// Tests for lib/src/prune_scope.cpp: which stored documents --prune may remove.
#include "index/prune_scope.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

namespace fs = std::filesystem;

TEST_SUITE("prune_scope") {
    TEST_CASE("paths compare by whole components, a trailing slash and dots ignored") {
        CHECK(r2p::lies_under("/a/corpus/x.txt", "/a/corpus"));
        CHECK(r2p::lies_under("/a/corpus", "/a/corpus"));
        CHECK_FALSE(r2p::lies_under("/a/corpus2/x.txt", "/a/corpus"));
        CHECK_FALSE(r2p::lies_under("/a", "/a/corpus"));
        CHECK(r2p::normal_location("/a/corpus/") == fs::path("/a/corpus"));
        CHECK(r2p::normal_location("/a/./b/../corpus") == fs::path("/a/corpus"));
        CHECK(r2p::normal_location("rel").is_absolute());
    }

    TEST_CASE("only a gone file under a path read completely may be pruned") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "c/here.txt", "x");
        r2p::PruneScope scope;
        scope.read = {r2p::normal_location(dir / "c")};
        scope.unread = {{r2p::normal_location(dir / "c/locked"), "c/locked", "cannot read folder"}};
        CHECK(r2p::may_prune(dir / "c/gone.txt", scope));
        CHECK(r2p::may_prune(dir / "c/sub/gone.txt", scope));
        CHECK_FALSE(r2p::may_prune(dir / "c/here.txt", scope));         // still there
        CHECK_FALSE(r2p::may_prune(dir / "c/locked/gone.txt", scope));  // not read
        CHECK_FALSE(r2p::may_prune(dir / "d/gone.txt", scope));         // not given
        CHECK_FALSE(r2p::may_prune("", scope));                         // location unknown
        CHECK_FALSE(r2p::may_prune(dir / "c/gone.txt", r2p::PruneScope{}));
    }
}
