#include "r2p/error.hpp"
#include "r2p/trace.hpp"

namespace r2p {

// Groundwork of issue 15: replaced by the trace branch.
TraceResult trace_sentence(Searcher&, const TraceRequest&) {
    throw UsageError("tracing is not built yet");
}

}  // namespace r2p
