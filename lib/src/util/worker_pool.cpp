#include "util/worker_pool.hpp"

#include <algorithm>
#include <exception>

namespace r2p {

WorkerPool::WorkerPool(unsigned threads) {
    const unsigned count = threads ? threads : std::max(1U, std::thread::hardware_concurrency());
    threads_.reserve(count);
    for (unsigned i = 0; i < count; ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) thread.join();
}

std::future<void> WorkerPool::submit(std::function<void()> task) {
    std::packaged_task<void()> packaged(std::move(task));
    std::future<void> done = packaged.get_future();
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(packaged));
    }
    wake_.notify_one();
    return done;
}

void WorkerPool::run_all(std::size_t count, const std::function<void(std::size_t)>& task) {
    std::vector<std::future<void>> done;
    done.reserve(count);
    for (std::size_t i = 0; i < count; ++i) done.push_back(submit([&task, i] { task(i); }));
    // Wait for every task before rethrowing: they refer to the caller's state.
    for (auto& future : done) future.wait();
    for (auto& future : done) future.get();
}

void WorkerPool::work() {
    for (;;) {
        std::packaged_task<void()> task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            // Queued tasks still run when stopping: their futures are awaited elsewhere.
            if (queue_.empty()) return;
            task = std::move(queue_.front());
            queue_.pop_front();
        }
        task();  // a packaged_task stores what the task threw in its future
    }
}

}  // namespace r2p
