#include "searcher/request_options.hpp"

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "r2p/request_text.hpp"
#include "r2p/schema.hpp"

namespace r2p::searcher {

namespace {

std::vector<std::string> strings(const po::variables_map& vm, const char* name) {
    return vm.count(name) ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

// "count matches by theme|role|...": the facet fields are the registry's fields with a slot.
std::string facet_help() {
    std::string names;
    for (const auto& spec : schema::kFields) {
        if (spec.slot) names += (names.empty() ? "" : "|") + std::string(spec.name);
    }
    return "count matches by " + names + " (repeatable; exact)";
}

}  // namespace

po::options_description request_options() {
    po::options_description options("Query options");
    options.add_options()("limit", po::value<std::string>()->value_name("N"),
                          "results to show (default 10)")(
        "offset", po::value<std::string>()->value_name("N"), "results to skip (default 0)")(
        "theme", po::value<std::vector<std::string>>()->value_name("ID"),
        "only this theme (repeatable)")("role",
                                        po::value<std::vector<std::string>>()->value_name("ID"),
                                        "only this speaker role (repeatable)")(
        "kind", po::value<std::vector<std::string>>()->value_name("KIND"),
        "paragraph or quote (repeatable)")(
        "doc", po::value<std::vector<std::string>>()->value_name("ID"),
        "only this document (repeatable)")("from", po::value<std::string>()->value_name("DATE"),
                                           "statements dated YYYY[-MM[-DD]] or later")(
        "to", po::value<std::string>()->value_name("DATE"),
        "statements dated YYYY[-MM[-DD]] or earlier")(
        "facet", po::value<std::vector<std::string>>()->value_name("FIELD"), facet_help().c_str())(
        "sort", po::value<std::string>()->value_name("ORDER"), "relevance (default) or date")(
        "match", po::value<std::string>()->value_name("MODE"), "all (default) or any query word");
    options.add_options()("country", po::value<std::vector<std::string>>()->value_name("ISO3"),
                          "only statements of this country: ISO 3166-1 alpha-3, as usa "
                          "(repeatable)")(
        "speaker", po::value<std::vector<std::string>>()->value_name("NAME"),
        "only passages of this speaker: the whole name, in any case and accents (repeatable)");
    options.add_options()("group", po::value<std::string>()->value_name("BY"),
                          "fold hits: none (default), paragraph (a quote into its paragraph) "
                          "or doc")(
        "facet-mode", po::value<std::string>()->value_name("MODE"),
        "filtered (default: counts within every filter) or disjunctive (each facet counted "
        "without its own filter)")(
        "correct", po::value<std::string>()->value_name("WHEN"),
        "auto (default: a query matching nothing runs its spelling suggestion) or off");
    // The default as the library has it ("0.6").
    std::ostringstream min_similarity_help;
    min_similarity_help << "with --like/--like-text: lowest similarity kept, 0 to 1 (default "
                        << kDefaultMinSimilarity << "); --sort date lists the history oldest first";
    options.add_options()("like", po::value<std::string>()->value_name("ID"),
                          "passages holding a sentence like one of passage ID's (near-duplicate "
                          "sentences; query words and filters narrow them)")(
        "like-text", po::value<std::string>()->value_name("TEXT"),
        "passages holding a sentence like one of TEXT's (at least 8 words)")(
        "min-similarity", po::value<std::string>()->value_name("X"),
        min_similarity_help.str().c_str());
    return options;
}

po::options_description query_words_option() {
    po::options_description hidden;
    hidden.add_options()("query", po::value<std::vector<std::string>>(), "query words");
    return hidden;
}

po::positional_options_description query_words_positional() {
    po::positional_options_description positional;
    positional.add("query", -1);
    return positional;
}

void read_request(const po::variables_map& vm, SearchRequest& request) {
    // The words first, then every request option given, as the library's text form reads
    // them (the option names are its keys): the CLI and a server cannot drift apart.
    std::vector<RequestField> fields;
    for (const auto& word : strings(vm, "query")) fields.emplace_back(kQueryKey, word);
    const po::options_description options = request_options();
    for (const auto& option : options.options()) {
        const std::string& key = option->long_name();
        if (!vm.count(key)) continue;
        if (const auto* list = boost::any_cast<std::vector<std::string>>(&vm[key].value())) {
            for (const auto& value : *list) fields.emplace_back(key, value);
        } else {
            fields.emplace_back(key, vm[key].as<std::string>());
        }
    }
    SearchRequest parsed = parse_request(fields, "--");
    parsed.databases = std::move(request.databases);
    parsed.allow_partial = request.allow_partial;
    request = std::move(parsed);
}

}  // namespace r2p::searcher
