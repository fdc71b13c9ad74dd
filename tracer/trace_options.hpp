// r2p-trace's options: declared once, read into a TraceRequest (a sentence's history) or a
// RepeatedRequest (--top) through the library's text forms, so that r2p-trace and
// r2p-serve's /api/trace read them alike.
#pragma once

#include <string>
#include <string_view>

#include <boost/program_options.hpp>

#include "r2p/trace.hpp"

namespace r2p::tracer {

namespace po = boost::program_options;

/// --sentence-number --limit --min-similarity and the filters (--theme --role --kind --doc
/// --country --speaker --from --to).
po::options_description trace_options();

/// Whether `text` is written as a passage id ("DOCID/p12", "DOCID/p12/q2"), not a sentence.
bool looks_like_passage_id(std::string_view text);

/// The trace `what` (a sentence, or a passage id) and the options ask for.
TraceRequest read_trace_request(const po::variables_map& vm, const std::string& what);

/// The --top request: `top` sentences among the passages the filters choose. Throws
/// UsageError for a trace-only option (--sentence-number, --limit) or a bad value.
RepeatedRequest read_repeated_request(const po::variables_map& vm, std::size_t top);

}  // namespace r2p::tracer
