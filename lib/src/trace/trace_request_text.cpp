#include <algorithm>
#include <map>

#include "r2p/error.hpp"
#include "r2p/request_text.hpp"
#include "r2p/schema.hpp"
#include "search/query_filters.hpp"

namespace r2p {

namespace {

std::string shown(std::string_view option_prefix, std::string_view key) {
    return std::string(option_prefix) + std::string(key);
}

// The keys a search request shares with a trace: its filters and period, and the like
// similarity. parse_request reads and checks them, so both text forms agree on every message.
bool shared_with_search(std::string_view key) {
    if (key == kFromKey || key == kToKey || key == kMinSimilarityKey) return true;
    SearchFilters filters;
    const auto lists = filter_lists(filters);
    return std::any_of(lists.begin(), lists.end(), [&](const auto& list) {
        return schema::field_spec(list.first).filter == key;
    });
}

}  // namespace

TraceRequest parse_trace_request(const std::vector<RequestField>& fields,
                                 std::string_view option_prefix) {
    const std::string_view own[] = {kSentenceKey, kIdKey, kSentenceNumberKey, kLimitKey};
    std::map<std::string, std::vector<std::string>, std::less<>> given;
    std::vector<RequestField> shared;
    for (const auto& field : fields) {
        const std::string& key = field.first;
        if (std::find(std::begin(own), std::end(own), key) != std::end(own)) {
            given[key].push_back(field.second);
        } else if (shared_with_search(key)) {
            shared.push_back(field);
        } else {
            throw UsageError("unknown option '" + shown(option_prefix, key) + "'");
        }
    }
    for (const auto& [key, values] : given) {
        if (values.size() > 1)
            throw UsageError(shown(option_prefix, key) + " given more than once");
    }
    const auto value = [&](std::string_view key) -> const std::string* {
        const auto it = given.find(key);
        return it == given.end() ? nullptr : &it->second.front();
    };

    TraceRequest request;
    const std::string* sentence = value(kSentenceKey);
    const std::string* id = value(kIdKey);
    const std::string* number = value(kSentenceNumberKey);
    if (sentence && id) {
        throw UsageError("give " + shown(option_prefix, kSentenceKey) + " or " +
                         shown(option_prefix, kIdKey) + ", not both");
    }
    if (!sentence && !id) {
        throw UsageError("nothing to trace: give " + shown(option_prefix, kSentenceKey) + " or " +
                         shown(option_prefix, kIdKey));
    }
    if (sentence) {
        if (sentence->find_first_not_of(" \t\r\n") == std::string::npos) {
            throw UsageError(shown(option_prefix, kSentenceKey) + " is empty");
        }
        if (number) {
            throw UsageError(shown(option_prefix, kSentenceNumberKey) + " goes with " +
                             shown(option_prefix, kIdKey) + ", not with " +
                             shown(option_prefix, kSentenceKey));
        }
        request.sentence = *sentence;
    } else {
        if (id->empty()) throw UsageError(shown(option_prefix, kIdKey) + " is empty");
        request.passage_id = *id;
        if (number) {
            const std::string option = shown(option_prefix, kSentenceNumberKey);
            request.sentence_number = parse_count(option, *number, kMaxLimit);
            if (request.sentence_number == 0) {
                throw UsageError(option + " '0': sentences are numbered from 1");
            }
        }
    }
    const std::string* limit = value(kLimitKey);
    request.limit = limit ? parse_count(shown(option_prefix, kLimitKey), *limit, kMaxLimit) : 100;

    // Filters, period and min-similarity as a search reads them (checked there: country
    // codes, dates, their order, the similarity's range).
    const SearchRequest search = parse_request(shared, option_prefix);
    request.filters = search.filters;
    request.min_similarity = search.min_similarity;
    return request;
}

}  // namespace r2p
