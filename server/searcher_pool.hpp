// A fixed set of Searchers, each kept open (its tables built once) and lent to one request at
// a time; requests that find none free wait in a bounded line.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "r2p/search.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p::serve {

/// No searcher could be lent in time: too many requests already wait, or the wait ran out.
class Overloaded : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The databases cannot be opened now (missing, being created): try again later.
class Unavailable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// An open Searcher and the taxonomy it searches with (which must outlive it).
struct OpenSearcher {
    std::shared_ptr<const Taxonomy> taxonomy;
    std::unique_ptr<Searcher> searcher;
};

/// Opens the databases and their taxonomy; throws r2p::Error or Xapian::Error when it cannot.
using SearcherOpener = std::function<OpenSearcher()>;

struct SearcherPoolLimits {
    std::size_t searchers = 1;                 ///< searchers kept open (at least 1)
    std::size_t max_waiting = 64;              ///< requests that may wait for one; more: Overloaded
    std::chrono::milliseconds max_wait{2000};  ///< how long one request waits at most
    std::chrono::milliseconds reopen_interval{500};  ///< after a failed open, no retry before
};

/// Lends searchers. Thread-safe. A searcher that could not be opened is opened again when
/// it is next borrowed, at most once per reopen_interval for the whole pool (a missing
/// database costs one attempt per interval, not one per request).
class SearcherPool {
  public:
    SearcherPool(SearcherOpener opener, SearcherPoolLimits limits);
    ~SearcherPool();
    SearcherPool(const SearcherPool&) = delete;
    SearcherPool& operator=(const SearcherPool&) = delete;

    /// One borrowed searcher; given back when destroyed.
    class Lease {
      public:
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Searcher& searcher() const { return *slot_->searcher; }
        const Taxonomy& taxonomy() const { return *slot_->taxonomy; }
        /// Closes the searcher (its database failed): the next borrower opens it again.
        void discard();

      private:
        friend class SearcherPool;
        Lease(SearcherPool& pool, OpenSearcher* slot) : pool_(&pool), slot_(slot) {}
        SearcherPool* pool_;
        OpenSearcher* slot_;
    };

    /// A searcher, opened if needed. Throws Overloaded when max_waiting requests already
    /// wait or none is free within max_wait; Unavailable when it cannot be opened (the
    /// opener's message is logged through the pool's log function, once per failure run).
    Lease borrow();

    /// Opens every searcher now; returns false (and leaves them for later) when the databases
    /// cannot be opened. Rethrows r2p::UsageError and r2p::TaxonomyError from the opener.
    bool open_all();

    /// The taxonomy of the most recently opened searcher; null before any opened.
    std::shared_ptr<const Taxonomy> taxonomy() const;

    /// Where failures to open are reported (default: nowhere). Set before serving.
    void set_log(std::function<void(const std::string&)> log) { log_ = std::move(log); }

    /// Requests waiting for a searcher now (for tests and /healthz).
    std::size_t waiting() const;

  private:
    void give_back(OpenSearcher* slot);
    void open_slot(OpenSearcher& slot);

    SearcherOpener opener_;
    SearcherPoolLimits limits_;
    std::vector<std::unique_ptr<OpenSearcher>> slots_;
    std::vector<OpenSearcher*> free_;
    std::size_t waiting_ = 0;
    mutable std::mutex mutex_;
    std::condition_variable returned_;
    // Reopening: guarded by open_mutex_, never held while waiting for a searcher.
    mutable std::mutex open_mutex_;
    std::chrono::steady_clock::time_point last_failure_{};
    bool failing_ = false;
    std::shared_ptr<const Taxonomy> taxonomy_;
    std::function<void(const std::string&)> log_;
};

}  // namespace r2p::serve
