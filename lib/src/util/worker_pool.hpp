// A fixed set of threads, started once and reused, that run submitted tasks in order.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace r2p {

/// Runs tasks on threads it owns for its whole life (no thread per task). Tasks start in the
/// order submitted. submit() is thread-safe. The destructor runs every task already
/// submitted, then joins the threads.
class WorkerPool {
  public:
    /// Starts `threads` threads; 0 means one per core.
    explicit WorkerPool(unsigned threads = 0);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// Queues `task`. The future is ready when it has run and rethrows what it threw.
    std::future<void> submit(std::function<void()> task);

    /// Runs task(0) ... task(count - 1) on the pool and waits for all of them; rethrows the
    /// first exception (by index) after every task has finished. Never call it from a task of
    /// the same pool: the task would wait for a thread it holds.
    void run_all(std::size_t count, const std::function<void(std::size_t)>& task);

    /// How many threads run tasks.
    unsigned size() const { return static_cast<unsigned>(threads_.size()); }

  private:
    void work();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::packaged_task<void()>> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace r2p
