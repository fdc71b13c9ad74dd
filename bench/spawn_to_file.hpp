// Starting a tool as a child process of the bench with its output in a file.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace r2p::bench {

/// Which of the child's streams go to the file.
enum class SpawnOutput { StdoutOnly, StdoutAndStderr };

/// Starts `args[0]` with `args` (searched as a path, not in PATH), its standard output (and
/// standard error, with StdoutAndStderr) written to `out_file`, truncated first. Returns the
/// child's pid for the caller to wait for. Throws r2p::Error naming the tool when it cannot be
/// started.
pid_t spawn_to_file(const std::vector<std::string>& args, const std::filesystem::path& out_file,
                    SpawnOutput output);

}  // namespace r2p::bench
