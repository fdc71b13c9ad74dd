#include "r2p/json_output.hpp"

namespace r2p {

// Groundwork of issue 15: replaced by the trace branch (null until then).
nlohmann::json trace_result_json(const TraceResult&, const TraceRequest&) { return nullptr; }

nlohmann::json repeated_result_json(const RepeatedResult&, const RepeatedRequest&) {
    return nullptr;
}

}  // namespace r2p
