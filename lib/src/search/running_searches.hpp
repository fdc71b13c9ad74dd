// How many searches this process runs at once, over every Searcher (one per thread): what
// tells a search whether a thread of its own beside the ranking would find a free core.
// Under load every core already runs a search, and a second thread per search only adds
// its hand-off and the work of a second walk.
#pragma once

namespace r2p {

/// Counts a search as running for its lifetime.
class RunningSearch {
  public:
    RunningSearch();
    ~RunningSearch();
    RunningSearch(const RunningSearch&) = delete;
    RunningSearch& operator=(const RunningSearch&) = delete;

    /// The searches running now (this one included, when asked from within one).
    static unsigned count();
};

/// The cores searches share: `cores` when not 0, else the machine's (1 when unknown).
unsigned search_cores(unsigned cores);

}  // namespace r2p
