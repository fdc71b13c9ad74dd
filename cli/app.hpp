// What the three tools share: exit codes, error reporting, common option groups.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
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

/// Where taxonomy files not named on the command line come from.
enum class TaxonomyDefault {
    Files,     ///< corpus/taxonomy/ (r2p-index, r2p-bench)
    Database,  ///< the taxonomy the database stores, else corpus/taxonomy/ (r2p-search)
};

/// --themes FILE, --roles FILE and --synonyms FILE; their help names `defaults`.
po::options_description taxonomy_options(TaxonomyDefault defaults = TaxonomyDefault::Files);

/// The files named by taxonomy_options(), read; nullopt for each not named.
struct NamedTaxonomyFiles {
    std::optional<TaxonomyText> themes;
    std::optional<TaxonomyText> roles;
    std::optional<TaxonomyText> synonyms;

    /// Whether all three are named (nothing else is needed).
    bool complete() const { return themes && roles && synonyms; }
};

/// Reads the files named by taxonomy_options() values. Throws TaxonomyError (a usage
/// error) when a named file cannot be read: a missing --synonyms file too.
NamedTaxonomyFiles read_named_taxonomy_files(const po::variables_map& vm);

/// The taxonomy: each named file wins; the others come from `stored` (what a database
/// recorded) or, without it, from default_taxonomy_dir() (where synonyms.conf is optional).
/// Throws TaxonomyError for a file it cannot read or parse.
Taxonomy resolve_taxonomy(const NamedTaxonomyFiles& named,
                          const std::optional<TaxonomyTexts>& stored);

/// resolve_taxonomy(read_named_taxonomy_files(vm), no stored taxonomy).
Taxonomy load_taxonomy_from(const po::variables_map& vm);

/// corpus/taxonomy under the working directory when it exists, else the source tree's.
std::filesystem::path default_taxonomy_dir();

/// corpus/collections under the working directory when it exists, else the source tree's.
std::filesystem::path default_collections_dir();

/// The profile file --collection NAME|FILE means: FILE as given (a path ending in .conf or
/// holding a '/'), else NAME.conf in default_collections_dir(). Throws UsageError "unknown
/// collection profile 'NAME' (known: a, b)" when that file is not there.
std::filesystem::path resolve_collection_profile(const std::string& name_or_file);

/// True when stdout / stderr is a terminal (colour, progress bars).
bool stdout_is_terminal();
bool stderr_is_terminal();

/// Whether output may be coloured or bold: on a terminal, unless NO_COLOR is set to
/// anything but "" (https://no-color.org). `no_color` is getenv("NO_COLOR").
bool colour_allowed(bool terminal, const char* no_color);

/// colour_allowed for stdout and this process's NO_COLOR.
bool stdout_may_use_colour();

/// Options' help as Boost.Program_options lays it out (captions, order, name column), each
/// description wrapped at spaces to `width` columns: Boost cuts words when a line's last
/// space is in its first half and leaves spaces at line ends. No line ends in a space; a
/// word longer than the description column stands alone on its line.
std::string format_help(const po::options_description& options, std::size_t width = 80);

}  // namespace r2p::cli
