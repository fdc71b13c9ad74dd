// TraceResult and RepeatedResult -> readable terminal tables (r2p-trace without --json).
#pragma once

#include <ostream>

#include "r2p/table_output.hpp"
#include "r2p/trace.hpp"

namespace r2p {

/// Writes a trace: the sentence and its totals, the first use (date, document, speaker,
/// country), a per-year timeline (year, speakers verbatim, speakers modified, a bar of the
/// speakers, countries), then the listed uses oldest first, each with its sentence and the
/// words differing from the traced one marked (bold on a terminal) and named.
void print_trace_table(std::ostream& out, const TraceResult& result, const TraceRequest& request,
                       const TableStyle& style);

/// Writes the repeated sentences: rank, score, speakers, years, first use (date, document,
/// speaker), and the sentence, wrapped.
void print_repeated_table(std::ostream& out, const RepeatedResult& result,
                          const RepeatedRequest& request, const TableStyle& style);

}  // namespace r2p
