// Latency percentiles, as r2p-search --queries and r2p-bench report them.
#pragma once

#include <vector>

namespace r2p::cli {

/// The nearest-rank `p`th percentile of `values` (p in percent, 0-100): the smallest value
/// that at least p% of the values are less than or equal to, i.e. the value of rank
/// ceil(p/100 * n) in ascending order (rank 1 for p = 0). 0 for no values. `values` need not
/// be sorted.
double percentile(std::vector<double> values, double p);

}  // namespace r2p::cli
