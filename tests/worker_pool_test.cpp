#include "util/worker_pool.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

TEST_SUITE("worker_pool") {
    TEST_CASE("run_all runs every index once, on the pool's own threads, reused") {
        r2p::WorkerPool pool(2);
        CHECK(pool.size() == 2);
        std::mutex mutex;
        std::set<std::thread::id> threads;
        std::vector<int> runs(1000, 0);
        for (int round = 0; round < 3; ++round) {
            pool.run_all(runs.size(), [&](std::size_t i) {
                std::lock_guard lock(mutex);
                ++runs[i];
                threads.insert(std::this_thread::get_id());
            });
        }
        for (int count : runs) CHECK(count == 3);
        CHECK(threads.size() <= 2);  // no thread per task or per round
        CHECK(threads.count(std::this_thread::get_id()) == 0);
    }

    TEST_CASE("run_all rethrows a task's exception after every task has finished") {
        r2p::WorkerPool pool(2);
        std::atomic<int> finished{0};
        CHECK_THROWS_WITH_AS(pool.run_all(50,
                                          [&](std::size_t i) {
                                              if (i == 7) throw std::runtime_error("task 7");
                                              ++finished;
                                          }),
                             "task 7", std::runtime_error);
        CHECK(finished == 49);
        pool.run_all(1, [&](std::size_t) { ++finished; });  // the pool still works
        CHECK(finished == 50);
    }

    TEST_CASE("a submitted task's future is ready once it ran, the destructor runs the queue") {
        std::atomic<int> ran{0};
        {
            r2p::WorkerPool pool(1);
            auto first = pool.submit([&] { ++ran; });
            first.get();
            CHECK(ran == 1);
            for (int i = 0; i < 100; ++i) pool.submit([&] { ++ran; });
        }
        CHECK(ran == 101);
    }
}
