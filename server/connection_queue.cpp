#include "server/connection_queue.hpp"

#include <algorithm>
#include <utility>

namespace r2p::serve {

namespace {
thread_local bool tl_rejecting = false;
}

ConnectionQueue::ConnectionQueue(std::size_t threads, std::size_t max_pending,
                                 std::size_t rejecting_threads)
    : max_pending_(max_pending), free_threads_(std::max<std::size_t>(threads, 1)) {
    for (std::size_t i = 0; i < free_threads_; ++i) {
        serving_.threads.emplace_back([this] { work(serving_, false); });
    }
    for (std::size_t i = 0; i < std::max<std::size_t>(rejecting_threads, 1); ++i) {
        rejecting_.threads.emplace_back([this] { work(rejecting_, true); });
    }
}

ConnectionQueue::~ConnectionQueue() { shutdown(); }

void ConnectionQueue::enqueue(std::function<void()> task) {
    {
        std::lock_guard lock(mutex_);
        // Queued tasks go to free threads first; max_pending more may wait for a busy one.
        const bool fits = serving_.tasks.size() < free_threads_ + max_pending_;
        Line& line = fits ? serving_ : rejecting_;
        line.tasks.push_back(std::move(task));
    }
    // Both lines wait on one condition: wake all so the right line's thread sees its task.
    ready_.notify_all();
}

void ConnectionQueue::shutdown() {
    {
        std::lock_guard lock(mutex_);
        if (shutdown_) return;
        shutdown_ = true;
    }
    ready_.notify_all();
    for (auto* line : {&serving_, &rejecting_}) {
        for (auto& thread : line->threads) thread.join();
        line->threads.clear();
    }
}

bool ConnectionQueue::rejecting() { return tl_rejecting; }

std::size_t ConnectionQueue::pending() const {
    std::lock_guard lock(mutex_);
    return serving_.tasks.size();
}

void ConnectionQueue::work(Line& line, bool rejecting) {
    tl_rejecting = rejecting;
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [&] { return shutdown_ || !line.tasks.empty(); });
            if (line.tasks.empty()) return;  // shut down, nothing left
            task = std::move(line.tasks.front());
            line.tasks.pop_front();
            if (!rejecting) --free_threads_;
        }
        task();
        if (!rejecting) {
            std::lock_guard lock(mutex_);
            ++free_threads_;
        }
    }
}

}  // namespace r2p::serve
