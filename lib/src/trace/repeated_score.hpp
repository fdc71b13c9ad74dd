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

/// In [0, 1]: how steadily the family is used over the corpus's years (those with a dated
/// document): the mean over those years of min(1, rate / (usual / 4)), where a year's rate
/// is the family's documents over the corpus's documents that year and `usual` the upper
/// quartile of its rates over the years it is used in. A formula of every year's speeches is
/// near 1; one first said ten years before the end of a fifty-year corpus is at most 0.2.
double boilerplate_share(const DocumentsByYear& family, const DocumentsByYear& corpus);

/// Years a family must be used in (in the period) to count fully: a sentence of one year (a
/// session's theme, quoted by every speaker that year) is an event, not agreed language.
inline constexpr std::size_t kSettledYears = 5;

/// The rank key: distinct speakers in the period × (1 - boilerplate)² × min(1, years in the
/// period / kSettledYears). A steady formula needs many times the speakers of a rising one
/// to rank above it.
double repeated_score(std::size_t speakers, std::size_t years, double boilerplate);

}  // namespace r2p
