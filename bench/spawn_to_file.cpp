#include "bench/spawn_to_file.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include <cstring>

#include "r2p/error.hpp"

extern char** environ;

namespace r2p::bench {

pid_t spawn_to_file(const std::vector<std::string>& args, const std::filesystem::path& out_file,
                    SpawnOutput output) {
    if (args.empty()) throw Error("spawn_to_file: no program given");
    std::vector<char*> argv;
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (output == SpawnOutput::StdoutAndStderr) {
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    }
    pid_t child = -1;
    const int spawned = ::posix_spawn(&child, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) throw Error("cannot start " + args[0] + ": " + std::strerror(spawned));
    return child;
}

}  // namespace r2p::bench
