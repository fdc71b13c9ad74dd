// r2p-search: options -> SearchRequest -> search -> table or JSON on stdout.
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/app.hpp"
#include "cli/query_words.hpp"
#include "r2p/error.hpp"
#include "r2p/json_output.hpp"
#include "r2p/request_text.hpp"
#include "r2p/search.hpp"
#include "r2p/stored_taxonomy.hpp"
#include "r2p/table_output.hpp"
#include "searcher/query_file.hpp"
#include "searcher/request_options.hpp"

namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "--db DIR [options] QUERY...\n\n"
    "QUERY words are joined into one query (AND OR NOT, \"phrases\", prefix*, -word to\n"
    "exclude a word: `r2p-search --db DIR -syria` lists every passage without Syria).\n"
    "Options may also follow the words (impunity -syria --facet theme); after --,\n"
    "every argument is a query word.";

int run(int argc, const char* const argv[]) {
    po::options_description options("Options");
    options.add_options()("db",
                          po::value<std::vector<std::string>>()->value_name("DIR")->required(),
                          "database folder, stub file or tcp://HOST:PORT (repeatable)")(
        "allow-partial", "search the shards that answer and name the missing ones")(
        "tables", po::value<std::string>()->value_name("WHEN")->default_value("auto"),
        "keep per-passage tables in memory (facet values, passage lengths): auto (once "
        "worth building), always, never")(
        "queries", po::value<std::string>()->value_name("FILE"),
        "run one query per line of FILE (words and query options), one JSON line each")(
        "passage", po::value<std::string>()->value_name("ID"),
        "show the passage ID in its context (paragraphs around it, its quotes or its "
        "paragraph) instead of searching")(
        "around", po::value<std::string>()->value_name("N")->default_value("2"),
        "with --passage: paragraphs shown before and after it")("json", "print the result as JSON")(
        "quiet", "print nothing but errors");
    options.add(r2p::searcher::request_options());
    options.add(r2p::cli::taxonomy_options(r2p::cli::TaxonomyDefault::Database));

    // Query words may start with '-' (-syria) and options may follow them: Boost's parser
    // gets the options first and the words after "--".
    po::options_description known = r2p::cli::standard_options();
    known.add(options);
    const int first = argc > 0 ? 1 : 0;
    std::vector<std::string> args =
        r2p::cli::options_before_words(std::vector<std::string>(argv + first, argv + argc), known);
    args.insert(args.begin(), argc > 0 ? argv[0] : "r2p-search");
    std::vector<const char*> reordered;
    for (const auto& arg : args) reordered.push_back(arg.c_str());

    po::variables_map vm;
    if (!r2p::cli::parse_command_line(
            static_cast<int>(reordered.size()), reordered.data(), "search", kUsage, options,
            r2p::searcher::query_words_option(), r2p::searcher::query_words_positional(), vm)) {
        return r2p::cli::kOk;
    }

    // Named taxonomy files are read now: one that cannot be read is a usage error.
    const r2p::cli::NamedTaxonomyFiles named_taxonomy = r2p::cli::read_named_taxonomy_files(vm);
    const auto databases = vm["db"].as<std::vector<std::string>>();
    const bool allow_partial = vm.count("allow-partial") > 0;
    const r2p::TablePolicy table_policy =
        r2p::parse_table_policy("--tables", vm["tables"].as<std::string>());
    if (vm.count("queries") && vm.count("query")) {
        throw r2p::UsageError("give QUERY words or --queries FILE, not both");
    }
    const bool passage = vm.count("passage") > 0;
    if (passage && (vm.count("query") || vm.count("queries"))) {
        throw r2p::UsageError("--passage shows one passage: give no QUERY words or --queries");
    }
    const std::size_t around =
        r2p::parse_count("--around", vm["around"].as<std::string>(), r2p::kMaxAround);
    // Usage errors come before the database is opened.
    r2p::SearchRequest request;
    if (!vm.count("queries") && !passage) r2p::searcher::read_request(vm, request);
    r2p::OpenedDatabases opened = r2p::open_databases(databases, allow_partial);
    // The taxonomy the databases were indexed with, unless files given here replace it.
    std::optional<r2p::TaxonomyTexts> stored;
    if (!named_taxonomy.complete()) stored = r2p::stored_taxonomy(opened.shards);
    const r2p::Taxonomy taxonomy = r2p::cli::resolve_taxonomy(named_taxonomy, stored);
    r2p::Searcher searcher(std::move(opened), taxonomy);
    searcher.set_table_policy(table_policy);
    // --quiet: results go nowhere (a stream without a buffer drops what it is given).
    std::ostream nowhere(nullptr);
    std::ostream& out = vm.count("quiet") ? nowhere : std::cout;
    if (vm.count("queries")) {
        const std::size_t failed = r2p::searcher::run_query_file(vm["queries"].as<std::string>(),
                                                                 searcher, out, std::cerr);
        return failed == 0 ? r2p::cli::kOk : r2p::cli::kPartial;
    }

    r2p::TableStyle style;
    style.bold = r2p::cli::stdout_may_use_colour();
    style.search_as_asked = "--correct off";
    if (passage) {
        const std::string id = vm["passage"].as<std::string>();
        const std::optional<r2p::PassageContext> context = searcher.passage(id, around);
        if (!context) throw r2p::UsageError("no passage has the id '" + id + "'");
        if (vm.count("json")) {
            out << r2p::format_json(*context) << '\n';
        } else {
            r2p::print_passage_context(out, *context, style);
        }
        return r2p::cli::kOk;
    }

    const r2p::SearchResult result = searcher.run(request);
    if (vm.count("json")) {
        out << r2p::format_json(result) << '\n';
    } else {
        r2p::print_table(out, result, style);
    }
    // Shards left out make the answer partial: say so in the exit code too.
    return result.missing_shards.empty() ? r2p::cli::kOk : r2p::cli::kPartial;
}

}  // namespace

int main(int argc, char* argv[]) {
    return r2p::cli::run_tool("search", [&] { return run(argc, argv); });
}
