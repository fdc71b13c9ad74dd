#include "trace/repeated_score.hpp"

#include <algorithm>
#include <vector>

namespace r2p {

double boilerplate_share(const DocumentsByYear& family, const DocumentsByYear& corpus) {
    std::size_t corpus_years = 0;
    std::vector<double> rates;  // the family's, in the years it is used in
    std::vector<double> all_rates;
    for (const auto& [year, documents] : corpus) {
        if (year.empty() || documents == 0) continue;
        ++corpus_years;
        const auto it = family.find(year);
        const double rate = it == family.end()
                                ? 0.0
                                : static_cast<double>(it->second) / static_cast<double>(documents);
        all_rates.push_back(rate);
        if (rate > 0) rates.push_back(rate);
    }
    if (corpus_years == 0 || rates.empty()) return 0.0;
    // Its usual rate where it is used: the upper quartile, so that a long tail of sporadic
    // years does not lower the bar and a single busy year does not raise it.
    const auto quartile = rates.begin() + static_cast<std::ptrdiff_t>(rates.size() * 3 / 4);
    std::nth_element(rates.begin(), quartile, rates.end());
    const double usual = *quartile;
    // A year counts as steady when the family is used there at half its usual rate or more:
    // sporadic years (one speech in a hundred) do not make a formula boilerplate.
    const auto steady = std::count_if(all_rates.begin(), all_rates.end(),
                                      [&](double rate) { return rate > 0 && rate >= usual / 2; });
    return static_cast<double>(steady) / static_cast<double>(corpus_years);
}

double repeated_score(std::size_t speakers, double boilerplate) {
    const double kept = 1.0 - std::clamp(boilerplate, 0.0, 1.0);
    return static_cast<double>(speakers) * kept * kept;
}

}  // namespace r2p
