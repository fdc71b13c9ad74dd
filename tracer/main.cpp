// r2p-trace: a sentence's history across the corpus (who said it first, who repeats it,
// verbatim or modified), or with --top the sentences most repeated across speakers.
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/app.hpp"
#include "r2p/error.hpp"
#include "r2p/json_output.hpp"
#include "r2p/request_text.hpp"
#include "r2p/search.hpp"
#include "r2p/stored_taxonomy.hpp"
#include "r2p/trace.hpp"
#include "r2p/trace_output.hpp"
#include "tracer/trace_options.hpp"

namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "--db DIR [options] \"SENTENCE\" | PASSAGE_ID\n"
    "       r2p-trace --db DIR --top N [--unit sentence|phrase] [--from DATE --to DATE ...]\n\n"
    "Traces a sentence: every passage holding it or a near-identical one, first use, and per\n"
    "year how many speakers said it verbatim or modified. An argument written as a passage\n"
    "id (DOCID/pN or DOCID/pN/qM) traces that passage's sentence (--sentence-number, default\n"
    "1); anything else is the sentence itself (several words are joined by spaces).\n"
    "--top N lists the N sentences most repeated across speakers among the filtered\n"
    "passages, courtesy formulas ranked down by their steady spread over the corpus's years;\n"
    "--unit phrase ranks runs of words repeated inside different sentences instead.";

std::string json_line(const nlohmann::json& json) {
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int run(int argc, const char* const argv[]) {
    po::options_description options("Options");
    options.add_options()("db",
                          po::value<std::vector<std::string>>()->value_name("DIR")->required(),
                          "database folder, stub file or tcp://HOST:PORT (repeatable)")(
        "top", po::value<std::string>()->value_name("N"),
        "list the N most repeated sentences across speakers instead of tracing one")(
        "unit", po::value<std::string>()->value_name("UNIT"),
        "with --top: rank sentences or phrases (runs of words inside different sentences; "
        "default sentence)")("json", "print the result as JSON");
    options.add(r2p::tracer::trace_options());
    po::options_description hidden;
    hidden.add_options()("what", po::value<std::vector<std::string>>(), "sentence or passage id");
    po::positional_options_description positional;
    positional.add("what", -1);

    po::variables_map vm;
    if (!r2p::cli::parse_command_line(argc, argv, "trace", kUsage, options, hidden, positional,
                                      vm)) {
        return r2p::cli::kOk;
    }
    std::string what;
    if (vm.count("what")) {
        for (const auto& word : vm["what"].as<std::vector<std::string>>()) {
            what += (what.empty() ? "" : " ") + word;
        }
    }
    const bool top = vm.count("top") > 0;
    // Usage errors come before the database is opened.
    std::optional<r2p::TraceRequest> trace;
    std::optional<r2p::RepeatedRequest> repeated;
    if (top) {
        if (!what.empty()) throw r2p::UsageError("--top ranks sentences: give no SENTENCE or id");
        const std::size_t n =
            r2p::parse_count("--top", vm["top"].as<std::string>(), r2p::kMaxLimit);
        if (n == 0) throw r2p::UsageError("--top '0': expected at least 1");
        repeated = r2p::tracer::read_repeated_request(vm, n);
        if (vm.count("unit")) {
            repeated->unit = r2p::parse_repeated_unit("--unit", vm["unit"].as<std::string>());
        }
    } else {
        if (what.empty()) {
            throw r2p::UsageError("nothing to trace: give a SENTENCE, a PASSAGE_ID or --top N");
        }
        if (vm.count("unit")) throw r2p::UsageError("--unit is for --top, not for a trace");
        trace = r2p::tracer::read_trace_request(vm, what);
    }

    r2p::OpenedDatabases opened =
        r2p::open_databases(vm["db"].as<std::vector<std::string>>(), false);
    const r2p::Taxonomy taxonomy =
        r2p::cli::resolve_taxonomy({}, r2p::stored_taxonomy(opened.shards));
    r2p::Searcher searcher(std::move(opened), taxonomy);
    r2p::TableStyle style;
    style.bold = r2p::cli::stdout_may_use_colour();
    const bool json = vm.count("json") > 0;
    if (repeated) {
        const r2p::RepeatedResult result = r2p::repeated_sentences(searcher, *repeated);
        if (json) {
            std::cout << json_line(r2p::repeated_result_json(result, *repeated)) << '\n';
        } else {
            r2p::print_repeated_table(std::cout, result, *repeated, style);
        }
        return r2p::cli::kOk;
    }
    const r2p::TraceResult result = r2p::trace_sentence(searcher, *trace);
    if (json) {
        std::cout << json_line(r2p::trace_result_json(result, *trace)) << '\n';
    } else {
        r2p::print_trace_table(std::cout, result, *trace, style);
    }
    return r2p::cli::kOk;
}

}  // namespace

int main(int argc, char* argv[]) {
    return r2p::cli::run_tool("trace", [&] { return run(argc, argv); });
}
