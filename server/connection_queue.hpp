// The connection threads: httplib hands each accepted connection to a TaskQueue, and a
// thread keeps it for as long as the client keeps it alive. Connections beyond the threads
// wait in a bounded line; past it they are answered 503 by a thread of their own.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace r2p::serve {

/// httplib's TaskQueue with a bound. httplib 0.11's enqueue returns void and each task both
/// serves and closes its socket, so a task cannot be dropped: one past the bound runs on a
/// rejecting thread instead, where `rejecting()` is true and the request handlers answer
/// 503 at once (and close the connection).
class ConnectionQueue : public httplib::TaskQueue {
  public:
    /// `threads` connection threads (at least 1), `max_pending` connections waiting for
    /// one of them once all are busy, `rejecting_threads` threads answering the rest (at least 1).
    ConnectionQueue(std::size_t threads, std::size_t max_pending,
                    std::size_t rejecting_threads = 2);
    ~ConnectionQueue() override;

    void enqueue(std::function<void()> task) override;
    /// Lets the threads finish what is queued, then joins them.
    void shutdown() override;

    /// True on a rejecting thread: the connection it serves came past the bound.
    static bool rejecting();

    /// Connections waiting for a connection thread now.
    std::size_t pending() const;

  private:
    struct Line {
        std::deque<std::function<void()>> tasks;
        std::vector<std::thread> threads;
    };
    void work(Line& line, bool rejecting);

    std::size_t max_pending_;
    Line serving_;
    Line rejecting_;
    std::size_t free_threads_;  ///< serving threads not running a task
    bool shutdown_ = false;
    mutable std::mutex mutex_;
    std::condition_variable ready_;
};

}  // namespace r2p::serve
