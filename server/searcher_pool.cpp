#include "server/searcher_pool.hpp"

#include <algorithm>
#include <utility>

#include <xapian.h>

#include "r2p/error.hpp"

namespace r2p::serve {

namespace {
constexpr const char* kUnavailable = "database unavailable";
}

SearcherPool::SearcherPool(SearcherOpener opener, SearcherPoolLimits limits)
    : opener_(std::move(opener)), limits_(limits) {
    limits_.searchers = std::max<std::size_t>(limits_.searchers, 1);
    for (std::size_t i = 0; i < limits_.searchers; ++i) {
        slots_.push_back(std::make_unique<OpenSearcher>());
        free_.push_back(slots_.back().get());
    }
}

SearcherPool::~SearcherPool() = default;

SearcherPool::Lease::Lease(Lease&& other) noexcept : pool_(other.pool_), slot_(other.slot_) {
    other.slot_ = nullptr;
}

SearcherPool::Lease::~Lease() {
    if (slot_) pool_->give_back(slot_);
}

void SearcherPool::Lease::discard() {
    slot_->searcher.reset();
    slot_->taxonomy.reset();
}

SearcherPool::Lease SearcherPool::borrow() {
    OpenSearcher* slot = nullptr;
    {
        std::unique_lock lock(mutex_);
        if (free_.empty()) {
            if (waiting_ >= limits_.max_waiting) throw Overloaded("server busy: too many requests");
            ++waiting_;
            const bool got =
                returned_.wait_for(lock, limits_.max_wait, [&] { return !free_.empty(); });
            --waiting_;
            if (!got) throw Overloaded("server busy: no searcher free in time");
        }
        slot = free_.back();
        free_.pop_back();
    }
    Lease lease(*this, slot);
    if (!slot->searcher) open_slot(*slot);
    return lease;
}

void SearcherPool::give_back(OpenSearcher* slot) {
    {
        std::lock_guard lock(mutex_);
        free_.push_back(slot);
    }
    returned_.notify_one();
}

void SearcherPool::open_slot(OpenSearcher& slot) {
    {
        std::lock_guard lock(open_mutex_);
        if (failing_ &&
            std::chrono::steady_clock::now() - last_failure_ < limits_.reopen_interval) {
            throw Unavailable(kUnavailable);
        }
    }
    std::string failure;
    try {
        OpenSearcher opened = opener_();
        std::lock_guard lock(open_mutex_);
        if (failing_ && log_) log_("databases open again");
        failing_ = false;
        taxonomy_ = opened.taxonomy;
        slot = std::move(opened);
        return;
    } catch (const Error& e) {
        failure = e.what();
    } catch (const Xapian::Error& e) {
        failure = e.get_description();
    } catch (const std::exception& e) {
        failure = e.what();
    }
    std::lock_guard lock(open_mutex_);
    // One line per run of failures: a missing database is not worth a line per request.
    if (!failing_ && log_) log_(failure);
    failing_ = true;
    last_failure_ = std::chrono::steady_clock::now();
    throw Unavailable(kUnavailable);
}

bool SearcherPool::open_all() {
    std::vector<Lease> leases;
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        std::unique_lock lock(mutex_);
        OpenSearcher* slot = free_.back();
        free_.pop_back();
        lock.unlock();
        leases.push_back(Lease(*this, slot));
        if (slot->searcher) continue;
        try {
            *slot = opener_();
        } catch (const UsageError&) {
            throw;
        } catch (const TaxonomyError&) {
            throw;
        } catch (const Error& e) {
            std::lock_guard open_lock(open_mutex_);
            if (log_) log_(e.what());
            failing_ = true;
            last_failure_ = std::chrono::steady_clock::now();
            return false;
        } catch (const Xapian::Error& e) {
            std::lock_guard open_lock(open_mutex_);
            if (log_) log_(e.get_description());
            failing_ = true;
            last_failure_ = std::chrono::steady_clock::now();
            return false;
        }
        std::lock_guard open_lock(open_mutex_);
        taxonomy_ = slot->taxonomy;
    }
    return true;
}

std::shared_ptr<const Taxonomy> SearcherPool::taxonomy() const {
    std::lock_guard lock(open_mutex_);
    return taxonomy_;
}

std::size_t SearcherPool::waiting() const {
    std::lock_guard lock(mutex_);
    return waiting_;
}

}  // namespace r2p::serve
