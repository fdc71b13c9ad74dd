// One r2p-search --json run over a database, for the end-to-end suites: the parsed output,
// the test stopped (with stderr shown) when the search fails.
#pragma once

#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "e2e_paths.hpp"
#include "test_support.hpp"

namespace r2p::test {

/// `r2p-search --json --db DB ARGS` (ARGS already shell-quoted where need be), parsed.
inline nlohmann::json search_json(const std::string& db, const std::string& args) {
    const auto result = run_command(kSearch + " --json --db " + shell_quote(db) + " " + args);
    INFO("r2p-search ", args, ": ", result.err);
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out);
}

}  // namespace r2p::test
