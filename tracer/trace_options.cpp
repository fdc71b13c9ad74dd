#include "tracer/trace_options.hpp"

#include <cctype>
#include <utility>
#include <vector>

#include "r2p/error.hpp"
#include "r2p/request_text.hpp"

namespace r2p::tracer {

namespace {

// The options every trace and --top share, as the library's text form names them.
std::vector<RequestField> filter_fields(const po::variables_map& vm) {
    std::vector<RequestField> fields;
    const po::options_description options = trace_options();
    for (const auto& option : options.options()) {
        const std::string& key = option->long_name();
        if (!vm.count(key) || key == kSentenceNumberKey || key == kLimitKey) continue;
        if (const auto* list = boost::any_cast<std::vector<std::string>>(&vm[key].value())) {
            for (const auto& value : *list) fields.emplace_back(key, value);
        } else {
            fields.emplace_back(key, vm[key].as<std::string>());
        }
    }
    return fields;
}

}  // namespace

po::options_description trace_options() {
    po::options_description options("Trace options");
    options.add_options()("sentence-number", po::value<std::string>()->value_name("N"),
                          "with a PASSAGE_ID: which of its sentences to trace (default 1)")(
        "limit", po::value<std::string>()->value_name("N"),
        "uses to list, oldest first (default 100; every count covers all uses)")(
        "min-similarity", po::value<std::string>()->value_name("X"),
        "similarity from 0 to 1 a sentence needs to count as the same (default 0.6 for a "
        "trace; 0.5 for --top, whose families compare by another measure)");
    po::options_description filters("Filters (for a trace and for --top)");
    filters.add_options()("theme", po::value<std::vector<std::string>>()->value_name("ID"),
                          "only this theme (repeatable)")(
        "role", po::value<std::vector<std::string>>()->value_name("ID"),
        "only this speaker role (repeatable)")(
        "kind", po::value<std::vector<std::string>>()->value_name("KIND"),
        "paragraph or quote (repeatable)")("doc",
                                           po::value<std::vector<std::string>>()->value_name("ID"),
                                           "only this document (repeatable)")(
        "country", po::value<std::vector<std::string>>()->value_name("ISO3"),
        "only statements of this country: ISO 3166-1 alpha-3, as usa (repeatable)")(
        "speaker", po::value<std::vector<std::string>>()->value_name("NAME"),
        "only passages of this speaker: the whole name (repeatable)")(
        "from", po::value<std::string>()->value_name("DATE"),
        "statements dated YYYY[-MM[-DD]] or later")("to",
                                                    po::value<std::string>()->value_name("DATE"),
                                                    "statements dated YYYY[-MM[-DD]] or earlier");
    options.add(filters);
    return options;
}

bool looks_like_passage_id(std::string_view text) {
    // DOCID/pN or DOCID/pN/qM: no spaces, and a paragraph part after the last-but-one '/'.
    if (text.empty() || text.find_first_of(" \t\r\n") != std::string_view::npos) return false;
    const auto numbered = [](std::string_view part, char letter) {
        if (part.size() < 2 || part[0] != letter) return false;
        for (const char c : part.substr(1)) {
            if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        }
        return true;
    };
    const std::size_t last = text.rfind('/');
    if (last == std::string_view::npos || last == 0) return false;
    const std::string_view tail = text.substr(last + 1);
    if (numbered(tail, 'p')) return true;
    if (!numbered(tail, 'q')) return false;
    const std::size_t before = text.rfind('/', last - 1);
    return before != std::string_view::npos && before > 0 &&
           numbered(text.substr(before + 1, last - before - 1), 'p');
}

TraceRequest read_trace_request(const po::variables_map& vm, const std::string& what) {
    std::vector<RequestField> fields;
    fields.emplace_back(looks_like_passage_id(what) ? kIdKey : kSentenceKey, what);
    for (const std::string_view key : {kSentenceNumberKey, kLimitKey}) {
        const std::string name(key);
        if (vm.count(name)) fields.emplace_back(name, vm[name].as<std::string>());
    }
    for (auto& field : filter_fields(vm)) fields.push_back(std::move(field));
    return parse_trace_request(fields, "--");
}

RepeatedRequest read_repeated_request(const po::variables_map& vm, std::size_t top) {
    for (const std::string_view key : {kSentenceNumberKey, kLimitKey}) {
        if (vm.count(std::string(key))) {
            throw UsageError("--" + std::string(key) + " is for a trace, not for --top");
        }
    }
    // Filters, period and min-similarity as a search reads them.
    const SearchRequest search = parse_request(filter_fields(vm), "--");
    RepeatedRequest request;
    request.top = top;
    request.filters = search.filters;
    // Families have a measure of their own (Dice), with its own default.
    if (vm.count(std::string(kMinSimilarityKey))) request.min_similarity = search.min_similarity;
    return request;
}

}  // namespace r2p::tracer
