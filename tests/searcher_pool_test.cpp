#include "server/searcher_pool.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "r2p/error.hpp"
#include "search_fixture.hpp"
#include "test_support.hpp"

using r2p::serve::OpenSearcher;
using r2p::serve::Overloaded;
using r2p::serve::SearcherPool;
using r2p::serve::SearcherPoolLimits;
using r2p::serve::Unavailable;

TEST_SUITE("searcher_pool") {
    namespace {

    // Opens `db` with the source taxonomy, counting the attempts.
    r2p::serve::SearcherOpener counting_opener(const std::filesystem::path& db,
                                               std::atomic<int>& attempts) {
        return [db, &attempts] {
            ++attempts;
            OpenSearcher open;
            open.taxonomy = std::make_shared<const r2p::Taxonomy>(r2p::test::source_taxonomy());
            open.searcher = std::make_unique<r2p::Searcher>(std::vector<std::string>{db.string()},
                                                            *open.taxonomy);
            return open;
        };
    }

    r2p::SearchRequest impunity() {
        r2p::SearchRequest request;
        request.query = "impunity";
        return request;
    }

    }  // namespace

    TEST_CASE("a lent searcher searches and goes back, searchers are opened once") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        std::atomic<int> attempts = 0;
        SearcherPool pool(counting_opener(dir / "db", attempts), {2});
        REQUIRE(pool.open_all());
        CHECK(attempts == 2);
        CHECK(pool.taxonomy() != nullptr);
        for (int i = 0; i < 5; ++i) {
            auto lease = pool.borrow();
            CHECK(lease.searcher().run(impunity()).matches.estimated > 0);
        }
        CHECK(attempts == 2);
    }

    TEST_CASE("past the waiting bound a borrower is turned away at once") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        std::atomic<int> attempts = 0;
        SearcherPoolLimits limits;
        limits.searchers = 1;
        limits.max_waiting = 0;
        limits.max_wait = std::chrono::milliseconds(5000);
        SearcherPool pool(counting_opener(dir / "db", attempts), limits);
        auto held = pool.borrow();
        const auto start = std::chrono::steady_clock::now();
        CHECK_THROWS_AS(pool.borrow(), Overloaded);
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
    }

    TEST_CASE("a borrower waits for a searcher given back, and gives up after max_wait") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        std::atomic<int> attempts = 0;
        SearcherPoolLimits limits;
        limits.searchers = 1;
        limits.max_waiting = 4;
        limits.max_wait = std::chrono::milliseconds(200);
        SearcherPool pool(counting_opener(dir / "db", attempts), limits);
        {
            auto held = pool.borrow();
            CHECK_THROWS_AS(pool.borrow(), Overloaded);  // nobody gives it back in 200 ms
        }
        std::optional<SearcherPool::Lease> held(pool.borrow());
        auto waiter = std::async(std::launch::async, [&] {
            auto lease = pool.borrow();
            return lease.searcher().run(impunity()).matches.estimated;
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        held.reset();
        CHECK(waiter.get() > 0);
    }

    TEST_CASE("waiting borrowers are served in their order of arrival") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        std::atomic<int> attempts = 0;
        SearcherPoolLimits limits;
        limits.searchers = 1;
        limits.max_wait = std::chrono::milliseconds(5000);
        SearcherPool pool(counting_opener(dir / "db", attempts), limits);
        std::optional<SearcherPool::Lease> held(pool.borrow());
        std::mutex order_mutex;
        std::vector<int> order;
        std::vector<std::thread> borrowers;
        for (int i = 0; i < 4; ++i) {
            borrowers.emplace_back([&, i] {
                auto lease = pool.borrow();
                std::lock_guard lock(order_mutex);
                order.push_back(i);
            });
            // The next one comes only once this one is in line.
            for (int spin = 0; spin < 500 && pool.waiting() < static_cast<std::size_t>(i + 1);
                 ++spin) {
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
            REQUIRE(pool.waiting() == static_cast<std::size_t>(i + 1));
        }
        held.reset();
        for (auto& borrower : borrowers) borrower.join();
        CHECK(order == std::vector<int>{0, 1, 2, 3});
        CHECK(pool.waiting() == 0);
    }

    TEST_CASE("a missing database is unavailable, retried at most once an interval, then found") {
        r2p::test::TempDir dir;
        std::atomic<int> attempts = 0;
        SearcherPoolLimits limits;
        limits.searchers = 2;
        limits.reopen_interval = std::chrono::milliseconds(300);
        SearcherPool pool(counting_opener(dir / "db", attempts), limits);
        std::vector<std::string> logged;
        pool.set_log([&](const std::string& line) { logged.push_back(line); });
        CHECK_FALSE(pool.open_all());
        CHECK(attempts == 1);
        for (int i = 0; i < 10; ++i) CHECK_THROWS_AS(pool.borrow(), Unavailable);
        CHECK(attempts == 1);  // within the interval nobody tries again
        CHECK(logged.size() == 1);
        CHECK(pool.taxonomy() == nullptr);

        r2p::test::write_search_fixture(dir / "db");
        std::this_thread::sleep_for(std::chrono::milliseconds(350));
        auto lease = pool.borrow();
        CHECK(lease.searcher().run(impunity()).matches.estimated > 0);
        CHECK(pool.taxonomy() != nullptr);
    }

    TEST_CASE("a discarded searcher is opened again by its next borrower") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        std::atomic<int> attempts = 0;
        SearcherPool pool(counting_opener(dir / "db", attempts), {1});
        pool.borrow().discard();
        CHECK(attempts == 1);
        CHECK(pool.borrow().searcher().run(impunity()).matches.estimated > 0);
        CHECK(attempts == 2);
    }
}
