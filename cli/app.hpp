// What the three tools share: exit codes, error reporting, common option groups.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

#include "r2p/taxonomy.hpp"

namespace r2p::cli {

namespace po = boost::program_options;

/// Exit codes of the interface.
enum ExitCode : int { kOk = 0, kPartial = 1, kUsage = 2, kDatabase = 3 };

/// Runs a tool's body: prints "r2p-<tool>: error: <what>" on stderr for every exception and
/// returns the interface's exit code for it (usage 2, database and I/O 3). `tool` is
/// "index", "search" or "bench".
int run_tool(std::string_view tool, const std::function<int()>& body);

/// --help (-h) and --version, which parse_command_line handles for every tool.
po::options_description standard_options();

/// Parses argv against `visible` (shown in --help) and `hidden` options (positional ones)
/// with `positional` names. Handles --help and --version itself: returns false when the tool
/// should exit 0 right away. Throws po::error on a bad command line.
bool parse_command_line(int argc, const char* const argv[], std::string_view tool,
                        std::string_view usage_line, const po::options_description& visible,
                        const po::options_description& hidden,
                        const po::positional_options_description& positional,
                        po::variables_map& vm);

/// The same, for tools whose positional options are in `visible`.
bool parse_command_line(int argc, const char* const argv[], std::string_view tool,
                        std::string_view usage_line, const po::options_description& visible,
                        const po::positional_options_description& positional,
                        po::variables_map& vm);

/// --themes FILE and --roles FILE (and --synonyms FILE), defaulting to corpus/taxonomy/.
po::options_description taxonomy_options();

/// The taxonomy named by taxonomy_options() values, loaded and validated.
Taxonomy load_taxonomy_from(const po::variables_map& vm);

/// corpus/taxonomy under the working directory when it exists, else the source tree's.
std::filesystem::path default_taxonomy_dir();

/// True when stdout / stderr is a terminal (colour, progress bars).
bool stdout_is_terminal();
bool stderr_is_terminal();

}  // namespace r2p::cli
