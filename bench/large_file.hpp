// The large-file benchmark: one generated statement of N MB indexed by r2p-index in a child
// process, its peak memory read with getrusage.
#pragma once

#include <cstddef>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/testkit/corpus_generator.hpp"

namespace r2p::bench {

/// Writes one statement of at least `megabytes` MB to `path`: the generator's statements
/// joined by blank lines, so it has titles, quotes and attributions like real ones.
void write_large_statement(const CorpusGenerator& generator, const std::filesystem::path& path,
                           std::size_t megabytes);

/// Writes WORK/large/statement-N.txt, indexes it with `index_tool` (the r2p-index binary,
/// given `index_options` too) into a fresh WORK/large/db in a child process and returns
/// {megabytes, seconds, peak_rss_megabytes (the child's ru_maxrss), peak_rss_per_file_size,
/// passages, exit_code}. Throws Error when the child cannot be started or fails.
nlohmann::json measure_large_file(const CorpusGenerator& generator,
                                  const std::filesystem::path& work, std::size_t megabytes,
                                  const std::filesystem::path& index_tool,
                                  const std::vector<std::string>& index_options, std::ostream& log);

}  // namespace r2p::bench
