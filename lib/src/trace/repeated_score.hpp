// How a family of near-identical sentences ranks among the repeated sentences: boilerplate
// (a courtesy formula every speech has) is recognised by how steadily it spreads over the
// whole corpus's years, agreed language by rising at a point in time. Nothing is
// hard-coded: docs/interface.md, "Repeated sentences", defines both figures.
#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace r2p {

/// Documents per year ("YYYY"): those of the whole corpus, or those using one family.
using DocumentsByYear = std::map<std::string, std::size_t>;

/// In [0, 1]: the share of the corpus's years (those with a dated document) in which the
/// family's rate (its documents / the corpus's documents that year) reaches half its usual
/// rate (the upper quartile of its rates over the years it is used in). A formula of every speech
/// in every year is 1; one first said ten years before the end of a fifty-year corpus is at most
/// 0.2.
double boilerplate_share(const DocumentsByYear& family, const DocumentsByYear& corpus);

/// The rank key: distinct speakers in the period times (1 - boilerplate)^2, so that a
/// steady formula needs many times the speakers of a rising one to rank above it.
double repeated_score(std::size_t speakers, double boilerplate);

}  // namespace r2p
