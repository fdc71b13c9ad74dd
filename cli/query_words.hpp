// Free-text words on a command line: a query's words may start with '-' (`-syria`), and
// options may follow them (`impunity -syria --facet theme`).
#pragma once

#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace r2p::cli {

namespace po = boost::program_options;

/// Reorders `args` (argv without the program name) for Boost's parser: the options first,
/// then "--", then the free-text words, so that no word is taken for an option.
///
/// A word is: any argument after "--"; a `-word` that is not a short option of `known`
/// (`-syria`, `-1`, but not `-h`); before the first word, an argument not starting with
/// '-'; from the first word on, every argument that is not an option of `known` spelt out
/// in full (`--facet theme`, `--limit=5`). An option's value is never a word, even when it
/// starts with '-' (`--limit -1` stays a bad --limit). Anything else starting with "--"
/// before the first word is left to the parser (which reports an unknown one).
std::vector<std::string> options_before_words(const std::vector<std::string>& args,
                                              const po::options_description& known);

}  // namespace r2p::cli
