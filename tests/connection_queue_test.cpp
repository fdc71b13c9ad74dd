#include "server/connection_queue.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

using r2p::serve::ConnectionQueue;

TEST_SUITE("connection_queue") {
    namespace {

    // Waits (up to 5 s) until `done` holds.
    template <typename Done>
    bool eventually(Done done) {
        for (int i = 0; i < 500 && !done(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return done();
    }

    }  // namespace

    TEST_CASE("tasks within the bound run on serving threads") {
        ConnectionQueue queue(2, 0);
        std::promise<bool> first;
        std::promise<bool> second;
        queue.enqueue([&] { first.set_value(ConnectionQueue::rejecting()); });
        CHECK(first.get_future().get() == false);
        queue.enqueue([&] { second.set_value(ConnectionQueue::rejecting()); });
        CHECK(second.get_future().get() == false);
        CHECK_FALSE(ConnectionQueue::rejecting());  // the caller's thread is no rejecting one
    }

    TEST_CASE("with every thread busy and the line full, a task runs on a rejecting thread") {
        ConnectionQueue queue(1, 1);
        std::promise<void> release;
        std::shared_future<void> released = release.get_future().share();
        std::atomic<bool> busy = false;
        queue.enqueue([&] {
            busy = true;
            released.wait();
        });
        REQUIRE(eventually([&] { return busy.load(); }));
        // One may wait for the busy thread; the next is past the bound.
        std::promise<bool> waiting;
        std::promise<bool> rejected;
        queue.enqueue([&] { waiting.set_value(ConnectionQueue::rejecting()); });
        CHECK(queue.pending() == 1);
        queue.enqueue([&] { rejected.set_value(ConnectionQueue::rejecting()); });
        auto rejected_future = rejected.get_future();
        // Answered at once, while the serving thread is still busy.
        REQUIRE(rejected_future.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
        CHECK(rejected_future.get() == true);
        release.set_value();
        CHECK(waiting.get_future().get() == false);
    }

    TEST_CASE("shutdown runs what is queued, then joins") {
        std::atomic<int> ran = 0;
        {
            ConnectionQueue queue(1, 10);
            for (int i = 0; i < 5; ++i) queue.enqueue([&] { ++ran; });
            queue.shutdown();
            CHECK(ran == 5);
            queue.shutdown();  // a second time does nothing
        }
        CHECK(ran == 5);
    }
}
