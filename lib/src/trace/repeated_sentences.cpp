#include "r2p/error.hpp"
#include "r2p/trace.hpp"

namespace r2p {

// Groundwork of issue 15: replaced by the trace branch.
RepeatedResult repeated_sentences(Searcher&, const RepeatedRequest&) {
    throw UsageError("repeated sentences are not built yet");
}

}  // namespace r2p
