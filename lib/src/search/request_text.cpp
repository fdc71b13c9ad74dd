#include "r2p/request_text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "search/query_fields.hpp"
#include "search/query_filters.hpp"

namespace r2p {

namespace {

std::string shown(std::string_view option_prefix, std::string_view key) {
    return std::string(option_prefix) + std::string(key);
}

[[noreturn]] void unknown(std::string_view option, std::string_view text, std::string_view known) {
    throw UsageError("unknown " + std::string(option) + " '" + std::string(text) +
                     "' (known: " + std::string(known) + ")");
}

}  // namespace

std::size_t parse_count(std::string_view option, std::string_view text, std::size_t max) {
    const std::string what = std::string(option) + " '" + std::string(text) + "'";
    if (text.empty()) throw UsageError(what + ": expected a number");
    std::size_t value = 0;
    for (const char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c))) {
            throw UsageError(what + ": expected a whole number from 0 to " + std::to_string(max));
        }
        const auto digit = static_cast<std::size_t>(c - '0');
        if (digit > max || value > (max - digit) / 10) {
            throw UsageError(what + " is too large (at most " + std::to_string(max) + ")");
        }
        value = value * 10 + digit;
    }
    return value;
}

double parse_similarity(std::string_view option, std::string_view text) {
    const std::string what = std::string(option) + " '" + std::string(text) + "'";
    // Plain decimals only ("0.8", "1", ".75"): no sign, exponent, hex, inf or nan.
    const bool plain =
        !text.empty() && text.size() <= 20 &&
        std::all_of(
            text.begin(), text.end(),
            [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }) &&
        std::count(text.begin(), text.end(), '.') <= 1 && text != ".";
    if (!plain) throw UsageError(what + ": expected a number from 0 to 1");
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);  // locale-independent
    if (value > 1.0) throw UsageError(what + " is out of range (from 0 to 1)");
    return value;
}

SortOrder parse_sort_order(std::string_view option, std::string_view text) {
    if (text == "relevance") return SortOrder::Relevance;
    if (text == "date") return SortOrder::Date;
    unknown(option, text, "relevance, date");
}

MatchMode parse_match_mode(std::string_view option, std::string_view text) {
    if (text == "all") return MatchMode::All;
    if (text == "any") return MatchMode::Any;
    unknown(option, text, "all, any");
}

GroupBy parse_group_by(std::string_view option, std::string_view text) {
    if (text == "none") return GroupBy::None;
    if (text == "paragraph") return GroupBy::Paragraph;
    if (text == "doc") return GroupBy::Doc;
    unknown(option, text, "none, paragraph, doc");
}

FacetMode parse_facet_mode(std::string_view option, std::string_view text) {
    if (text == "filtered") return FacetMode::Filtered;
    if (text == "disjunctive") return FacetMode::Disjunctive;
    unknown(option, text, "filtered, disjunctive");
}

Correction parse_correction(std::string_view option, std::string_view text) {
    if (text == "auto") return Correction::Auto;
    if (text == "off") return Correction::Off;
    unknown(option, text, "auto, off");
}

TablePolicy parse_table_policy(std::string_view option, std::string_view text) {
    if (text == "auto") return TablePolicy::Auto;
    if (text == "always") return TablePolicy::Always;
    if (text == "never") return TablePolicy::Never;
    unknown(option, text, "auto, always, never");
}

FacetField parse_facet_field(std::string_view name) {
    std::string known;
    for (const auto& spec : schema::kFields) {
        if (!spec.slot) continue;  // the facet fields are those with a value slot
        if (spec.name == name) return static_cast<FacetField>(spec.field);
        known += (known.empty() ? "" : ", ") + std::string(spec.name);
    }
    unknown("facet", name, known);
}

void check_paging(std::size_t limit, std::size_t offset, std::string_view option_prefix) {
    if (limit > kMaxLimit) {
        throw UsageError(shown(option_prefix, kLimitKey) + " " + std::to_string(limit) +
                         " is too large (at most " + std::to_string(kMaxLimit) + "; use " +
                         shown(option_prefix, kOffsetKey) + " to page)");
    }
    if (offset > kMaxOffset) {
        throw UsageError(shown(option_prefix, kOffsetKey) + " " + std::to_string(offset) +
                         " is too large (at most " + std::to_string(kMaxOffset) + ")");
    }
}

std::string date_range_error(std::string_view from, std::string_view to,
                             std::string_view option_prefix) {
    return shown(option_prefix, kFromKey) + " " + std::string(from) + " is after " +
           shown(option_prefix, kToKey) + " " + std::string(to);
}

SearchRequest parse_request(const std::vector<RequestField>& fields,
                            std::string_view option_prefix) {
    SearchRequest request;
    // The filter keys are the registry's; each fills one of SearchFilters' lists.
    const auto filters = filter_lists(request.filters);
    const std::string_view single[] = {kLimitKey,   kOffsetKey, kFromKey,     kToKey,
                                       kSortKey,    kMatchKey,  kGroupKey,    kFacetModeKey,
                                       kCorrectKey, kLikeKey,   kLikeTextKey, kMinSimilarityKey};

    std::map<std::string, std::vector<std::string>, std::less<>> given;
    for (const auto& [key, value] : fields) given[key].push_back(value);
    for (const auto& entry : given) {
        // Named, not a structured binding: clang 14 cannot capture those in a lambda.
        const std::string& key = entry.first;
        const std::vector<std::string>& values = entry.second;
        const bool is_single =
            std::find(std::begin(single), std::end(single), key) != std::end(single);
        const bool is_filter = std::any_of(filters.begin(), filters.end(), [&](const auto& f) {
            return schema::field_spec(f.first).filter == key;
        });
        if (!is_single && !is_filter && key != kQueryKey && key != kFacetKey) {
            throw UsageError("unknown option '" + shown(option_prefix, key) + "'");
        }
        if (is_single && values.size() > 1) {
            throw UsageError(shown(option_prefix, key) + " given more than once");
        }
    }
    const std::vector<std::string> none;
    auto all = [&](std::string_view key) -> const std::vector<std::string>& {
        const auto it = given.find(key);
        return it == given.end() ? none : it->second;
    };
    auto last = [&](std::string_view key, std::string_view fallback) {
        return all(key).empty() ? std::string(fallback) : all(key).back();
    };

    for (const auto& word : all(kQueryKey)) {
        request.query += (request.query.empty() ? "" : " ") + word;
    }
    request.limit = parse_count(shown(option_prefix, kLimitKey), last(kLimitKey, "10"), kMaxLimit);
    request.offset =
        parse_count(shown(option_prefix, kOffsetKey), last(kOffsetKey, "0"), kMaxOffset);
    for (const auto& [field, list] : filters) *list = all(schema::field_spec(field).filter);
    // Checked here (they need no taxonomy), so a bad code is an error before any database
    // is opened.
    for (const auto& country : request.filters.countries) detail::country_code(country);
    request.filters.from = last(kFromKey, "");
    request.filters.to = last(kToKey, "");
    const std::string& from = request.filters.from;
    const std::string& to = request.filters.to;
    // Checked here, so a bad date is an error before any database is opened.
    const std::string lower = from.empty() ? std::string() : date_lower_bound(from);
    const std::string upper = to.empty() ? std::string() : date_upper_bound(to);
    for (const auto& name : all(kFacetKey)) request.facets.push_back(parse_facet_field(name));
    request.sort = parse_sort_order(shown(option_prefix, kSortKey), last(kSortKey, "relevance"));
    request.match = parse_match_mode(shown(option_prefix, kMatchKey), last(kMatchKey, "all"));
    request.group = parse_group_by(shown(option_prefix, kGroupKey), last(kGroupKey, "none"));
    request.facet_mode =
        parse_facet_mode(shown(option_prefix, kFacetModeKey), last(kFacetModeKey, "filtered"));
    request.correct =
        parse_correction(shown(option_prefix, kCorrectKey), last(kCorrectKey, "auto"));
    if (!lower.empty() && !upper.empty() && lower > upper) {
        throw UsageError(date_range_error(from, to, option_prefix));
    }
    request.like = last(kLikeKey, "");
    request.like_text = last(kLikeTextKey, "");
    if (!all(kLikeKey).empty() && request.like.empty()) {
        throw UsageError(shown(option_prefix, kLikeKey) + ": expected a passage id");
    }
    if (!all(kLikeTextKey).empty() && request.like_text.empty()) {
        throw UsageError(shown(option_prefix, kLikeTextKey) + ": expected a sentence");
    }
    if (!request.like.empty() && !request.like_text.empty()) {
        throw UsageError(shown(option_prefix, kLikeKey) + " and " +
                         shown(option_prefix, kLikeTextKey) + " cannot be given together");
    }
    if (!all(kMinSimilarityKey).empty()) {
        request.min_similarity = parse_similarity(shown(option_prefix, kMinSimilarityKey),
                                                  all(kMinSimilarityKey).back());
    }
    return request;
}

}  // namespace r2p
