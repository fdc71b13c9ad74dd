#include "r2p/error.hpp"
#include "r2p/request_text.hpp"

namespace r2p {

// Groundwork of issue 15: replaced by the trace branch.
TraceRequest parse_trace_request(const std::vector<RequestField>&, std::string_view) {
    throw UsageError("tracing is not built yet");
}

}  // namespace r2p
