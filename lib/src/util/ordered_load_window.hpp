// Loading items 0..N-1 on a worker pool, out of order and a bounded way ahead, while their
// consumers take them in order: the load stage of the indexing pipeline.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "util/worker_pool.hpp"

namespace r2p {

/// How far loading may run ahead of the consumers.
struct LoadWindowLimits {
    std::size_t loaders = 1;  ///< loads in flight at once
    /// A load starts only for an index below the first not yet done (see done()) plus this.
    std::size_t items = 64;
    /// A load starts only while the items loaded and not yet taken weigh less than this (or
    /// none is waiting): a few heavy items never sit in memory together.
    std::size_t bytes = std::size_t(-1);
};

/// Loads item i by load(i) on `pool`, in index order of start, at most `limits` ahead, and
/// hands each to whoever take()s it. Several consumers may each take a subset of the indices,
/// each in increasing order; each index is taken once. take(), done() and stop() are
/// thread-safe. The destructor stops loading and waits for the loads in flight, which refer
/// to the window: `load` and `weight` must outlive it, and so must `pool`.
template <typename T>
class OrderedLoadWindow {
  public:
    using Load = std::function<T(std::size_t index)>;
    using Weight = std::function<std::size_t(const T& item)>;

    /// Starts the first loads at once.
    OrderedLoadWindow(WorkerPool& pool, std::size_t count, LoadWindowLimits limits, Load load,
                      Weight weight)
        : pool_(pool),
          limits_(limits),
          load_(std::move(load)),
          weight_(std::move(weight)),
          slots_(count),
          done_(count, 0) {
        std::lock_guard lock(mutex_);
        start_loads();
    }

    ~OrderedLoadWindow() {
        stop();
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return in_flight_ == 0; });
    }

    OrderedLoadWindow(const OrderedLoadWindow&) = delete;
    OrderedLoadWindow& operator=(const OrderedLoadWindow&) = delete;

    /// Waits for item `index` and moves it out; its weight leaves the window's load. Rethrows
    /// what its load threw. nullopt once stop() was called.
    std::optional<T> take(std::size_t index) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopping_ || slots_[index].ready; });
        if (stopping_) return std::nullopt;
        Slot slot = std::move(slots_[index]);
        slots_[index] = Slot{};
        loaded_bytes_ -= slot.bytes;
        start_loads();
        lock.unlock();
        changed_.notify_all();
        if (slot.failure) std::rethrow_exception(slot.failure);
        return std::move(slot.item);
    }

    /// Marks item `index` finished by its consumer: the window moves past every index done in
    /// a row from the first, letting loads run further.
    void done(std::size_t index) {
        {
            std::lock_guard lock(mutex_);
            done_[index] = 1;
            while (front_ < done_.size() && done_[front_]) ++front_;
            start_loads();
        }
        changed_.notify_all();
    }

    /// Starts no more loads; take() returns nullopt from now on, also to those waiting.
    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
    }

  private:
    struct Slot {
        bool ready = false;
        std::optional<T> item;
        std::exception_ptr failure;
        std::size_t bytes = 0;
    };

    // Called with mutex_ held.
    bool may_start() const {
        return !stopping_ && next_ < slots_.size() && in_flight_ < limits_.loaders &&
               next_ < front_ + limits_.items &&
               (loaded_bytes_ == 0 || loaded_bytes_ < limits_.bytes);
    }

    // Called with mutex_ held.
    void start_loads() {
        while (may_start()) {
            const std::size_t index = next_++;
            ++in_flight_;
            pool_.submit([this, index] { run_load(index); });
        }
    }

    void run_load(std::size_t index) {
        Slot slot;
        try {
            slot.item.emplace(load_(index));
            slot.bytes = weight_(*slot.item);
        } catch (...) {
            slot.failure = std::current_exception();
        }
        slot.ready = true;
        std::lock_guard lock(mutex_);
        loaded_bytes_ += slot.bytes;
        slots_[index] = std::move(slot);
        --in_flight_;
        start_loads();
        // Notified under the lock: once in_flight_ is 0 the destructor may return and destroy
        // changed_, so this task must not touch the window after it lets go of mutex_.
        changed_.notify_all();
    }

    WorkerPool& pool_;
    const LoadWindowLimits limits_;
    const Load load_;
    const Weight weight_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<Slot> slots_;
    std::vector<char> done_;
    std::size_t next_ = 0;          // the next index to load
    std::size_t front_ = 0;         // the first index not done
    std::size_t in_flight_ = 0;     // loads started and not finished
    std::size_t loaded_bytes_ = 0;  // of items loaded and not yet taken
    bool stopping_ = false;
};

}  // namespace r2p
