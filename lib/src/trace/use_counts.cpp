#include "trace/use_counts.hpp"

#include <algorithm>
#include <string>

namespace r2p {

namespace {

std::size_t distinct(std::vector<std::uint32_t>& values) {
    std::sort(values.begin(), values.end());
    return static_cast<std::size_t>(std::unique(values.begin(), values.end()) - values.begin());
}

}  // namespace

UseCounts UseCounter::count(std::span<const std::uint32_t> passages) {
    UseCounts counts;
    who_.clear();
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const PassageFacts& p = corpus_.passages[passages[i]];
        if (!p.chosen) continue;
        who_.push_back(p.speaker);
        // The oldest use: dated before undated, the earliest date, then the first given.
        if (!counts.first || older(p, corpus_.passages[passages[*counts.first]])) counts.first = i;
    }
    counts.speakers = distinct(who_);
    if (counts.speakers < 2) return counts;
    what_.clear();
    when_.clear();
    all_years_.clear();
    for (const std::uint32_t passage : passages) {
        const PassageFacts& p = corpus_.passages[passage];
        all_years_.emplace_back(p.year_number, p.document);
        if (!p.chosen) continue;
        what_.push_back(p.document);
        if (p.year_number != 0) when_.push_back(p.year_number);
    }
    counts.documents = distinct(what_);
    counts.years = distinct(when_);
    // Documents per year over the whole corpus, for the boilerplate share.
    std::sort(all_years_.begin(), all_years_.end());
    all_years_.erase(std::unique(all_years_.begin(), all_years_.end()), all_years_.end());
    DocumentsByYear used;
    for (const auto& [year, document] : all_years_) {
        if (year != 0) ++used[std::to_string(year)];
    }
    counts.boilerplate = boilerplate_share(used, corpus_.documents_by_year);
    counts.score = repeated_score(counts.speakers, counts.years, counts.boilerplate);
    return counts;
}

}  // namespace r2p
