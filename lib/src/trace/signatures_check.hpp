// Whether a database has the sentence signatures tracing reads.
#pragma once

#include <xapian.h>

namespace r2p {

/// Throws UsageError when `db` was written without sentence signatures or with another
/// scheme than this build's (r2p-trace and --like need them: re-index).
void require_signatures(const Xapian::Database& db);

}  // namespace r2p
