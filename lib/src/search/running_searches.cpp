#include "search/running_searches.hpp"

#include <atomic>
#include <thread>

namespace r2p {

namespace {

std::atomic<unsigned> running{0};

}  // namespace

RunningSearch::RunningSearch() { running.fetch_add(1, std::memory_order_relaxed); }

RunningSearch::~RunningSearch() { running.fetch_sub(1, std::memory_order_relaxed); }

unsigned RunningSearch::count() { return running.load(std::memory_order_relaxed); }

unsigned search_cores(unsigned cores) {
    if (cores != 0) return cores;
    const unsigned machine = std::thread::hardware_concurrency();
    return machine != 0 ? machine : 1;
}

}  // namespace r2p
