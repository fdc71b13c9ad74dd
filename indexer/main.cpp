// r2p-index: statement files in, Xapian database out (see docs/interface.md).
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/progress.hpp"
#include "r2p/error.hpp"
#include "r2p/indexing.hpp"
#include "r2p/report_output.hpp"
#include "r2p/request_text.hpp"
#include "r2p/search.hpp"
#include "r2p/search_copy.hpp"
#include "r2p/search_copy_output.hpp"
#include "r2p/tables_output.hpp"

namespace po = boost::program_options;

namespace {

// Bounds of the count options, far above what a run needs.
constexpr std::size_t kMaxShards = 1024;
constexpr std::size_t kMaxThreads = 1024;
constexpr std::size_t kMaxBatch = 100'000'000;
constexpr std::size_t kMaxBlockSize = 65536;

}  // namespace

int main(int argc, char* argv[]) {
    return r2p::cli::run_tool("index", [&] {
        po::options_description options("Options");
        auto add = options.add_options();
        add("db", po::value<std::string>()->value_name("DIR")->required(),
            "database to create or update (created if missing)");
        add("shards", po::value<std::string>()->value_name("N"),
            "write N shard databases under DIR plus a stub file DIR/r2p.stub");
        add("prune",
            "remove documents whose files were under a given PATH and are gone (never under a "
            "path that cannot be read)");
        add("dry-run", "say what would be added, replaced and pruned; write nothing");
        add("write-tables",
            "write the table files of the database at DIR (every local shard) for its current "
            "commit and exit; no PATH (after xapian-compact, or for a database indexed before "
            "table files)");
        add("compact-to", po::value<std::string>()->value_name("OUT"),
            "merge the database at DIR (all its local shards) into one compacted database at "
            "the new folder OUT with its table files, and exit; no PATH (the serving copy of a "
            "bulk build)");
        add("search-only",
            "with --compact-to: leave out the termlist table (a third smaller; searches, "
            "traces and --write-tables work, indexing into the copy is refused)");
        add("threads", po::value<std::string>()->value_name("N")->default_value("0"),
            "loader threads (0: one per core)");
        add("batch", po::value<std::string>()->value_name("N")->default_value("5000"),
            "passages per commit (more: faster bulk builds, more memory)");
        add("bulk-part", po::value<std::string>()->value_name("N")->default_value("50000"),
            "a new (or empty) database is built as unsynced parts of N passages merged at the "
            "end (0: written in place, committed every --batch)");
        add("collection", po::value<std::string>()->value_name("NAME|FILE"),
            "read file names (and --speakers) by a collection profile: NAME in "
            "corpus/collections/ (ungdc) or a .conf FILE");
        add("speakers", po::value<std::string>()->value_name("FILE"),
            "the collection's speakers table (CSV): each statement's speaker, post and country "
            "name");
        add("json", "print the index report as JSON instead of a table");
        add("quiet",
            "no progress bar and no report table: only errors and skipped files (--json "
            "still prints its report)");
        add("progress", "progress bar on stderr even when it is not a terminal");
        options.add(r2p::cli::taxonomy_options());
        po::options_description hidden;
        hidden.add_options()("path", po::value<std::vector<std::string>>(), "");
        // Undocumented: write no sentence signatures, only to measure what they cost
        // (r2p-bench, the tests); --like and r2p-trace refuse such a database.
        hidden.add_options()("no-sentence-signatures", "");
        // Undocumented: Xapian's block size for --compact-to, only to measure it (r2p-bench).
        hidden.add_options()("block-size", po::value<std::string>(), "");
        po::positional_options_description positional;
        positional.add("path", -1);

        po::variables_map vm;
        if (!r2p::cli::parse_command_line(argc, argv, "index", "--db DIR [options] PATH...",
                                          options, hidden, positional, vm)) {
            return r2p::cli::kOk;
        }
        if (vm.count("search-only") && !vm.count("compact-to"))
            throw r2p::UsageError("--search-only needs --compact-to OUT");
        if (vm.count("block-size") && !vm.count("compact-to"))
            throw r2p::UsageError("--block-size needs --compact-to OUT");
        if (vm.count("compact-to")) {
            if (vm.count("path") || vm.count("write-tables")) {
                throw r2p::UsageError(
                    "--compact-to takes no PATH and no --write-tables (it copies the database "
                    "already at --db and writes the copy's tables)");
            }
            r2p::SearchCopyRequest request;
            request.source = vm["db"].as<std::string>();
            request.copy = vm["compact-to"].as<std::string>();
            request.search_only = vm.count("search-only") > 0;
            if (vm.count("block-size")) {
                request.block_size = static_cast<unsigned>(r2p::parse_count(
                    "--block-size", vm["block-size"].as<std::string>(), kMaxBlockSize));
            }
            const r2p::SearchCopyReport report = r2p::make_search_copy(request);
            if (vm.count("json")) {
                std::cout << r2p::search_copy_to_json(report).dump(2) << '\n';
            } else if (!vm.count("quiet")) {
                r2p::print_search_copy(report, std::cout);
            }
            return r2p::cli::kOk;
        }
        if (vm.count("write-tables")) {
            if (vm.count("path")) {
                throw r2p::UsageError(
                    "--write-tables takes no PATH (it writes the tables of "
                    "the database already at --db)");
            }
            const r2p::TablesReport report = r2p::write_tables(vm["db"].as<std::string>());
            if (vm.count("json")) {
                std::cout << r2p::tables_report_json(report).dump(2) << '\n';
            } else if (!vm.count("quiet")) {
                r2p::print_tables_report(report, std::cout);
            }
            return r2p::cli::kOk;
        }
        if (!vm.count("path"))
            throw r2p::UsageError("no PATH given: name statement files or folders");

        r2p::IndexRequest request;
        request.db = vm["db"].as<std::string>();
        request.paths = vm["path"].as<std::vector<std::string>>();
        request.prune = vm.count("prune") > 0;
        request.dry_run = vm.count("dry-run") > 0;
        request.sentence_signatures = vm.count("no-sentence-signatures") == 0;
        // Counts are read as text: Boost would wrap "-1" to a huge unsigned number.
        const auto count = [&](const char* name, std::size_t max) {
            return r2p::parse_count(std::string("--") + name, vm[name].as<std::string>(), max);
        };
        if (vm.count("shards")) {
            request.shards = static_cast<unsigned>(count("shards", kMaxShards));
            if (request.shards < 1) throw r2p::UsageError("--shards must be from 1 to 1024");
        }
        request.threads = static_cast<unsigned>(count("threads", kMaxThreads));
        request.batch_documents = count("batch", kMaxBatch);
        if (request.batch_documents < 1) throw r2p::UsageError("--batch must be at least 1");
        request.bulk_part_passages = count("bulk-part", kMaxBatch);
        if (vm.count("speakers") && !vm.count("collection"))
            throw r2p::UsageError(
                "--speakers needs --collection (the profile says how rows join files)");
        if (vm.count("collection")) {
            request.collection =
                r2p::cli::resolve_collection_profile(vm["collection"].as<std::string>()).string();
        }
        if (vm.count("speakers")) request.speakers = vm["speakers"].as<std::string>();
        const r2p::Taxonomy taxonomy = r2p::cli::load_taxonomy_from(vm);

        const bool show_progress =
            !vm.count("quiet") && (vm.count("progress") || r2p::cli::stderr_is_terminal());
        r2p::cli::ProgressBar bar(show_progress);
        const r2p::IndexReport report = r2p::index_corpus(
            request, taxonomy, [&](std::size_t done, std::size_t total, std::size_t passages) {
                bar.update(done, total, passages);
            });
        bar.finish();
        if (!report.nothing_to_index.empty()) {
            std::cerr << "r2p-index: error: nothing to index: " << report.nothing_to_index << '\n';
            return r2p::cli::kPartial;
        }

        for (const auto& skipped : report.skipped) {
            std::cerr << "r2p-index: warning: " << skipped.reason << '\n';
        }
        for (const auto& warning : report.warnings) {
            std::cerr << "r2p-index: warning: " << warning << '\n';
        }
        if (vm.count("json")) {
            std::cout << r2p::report_to_json(report).dump(2) << '\n';
        } else if (!vm.count("quiet")) {
            r2p::print_report_table(report, std::cout);
        }
        return report.skipped.empty() ? r2p::cli::kOk : r2p::cli::kPartial;
    });
}
