// Where the end-to-end suites find the tools under test and the project's corpus.
#pragma once

#include <string>

namespace r2p::test {

inline const std::string kIndex = std::string(R2P_BIN_DIR) + "/r2p-index";
inline const std::string kSearch = std::string(R2P_BIN_DIR) + "/r2p-search";
inline const std::string kServe = std::string(R2P_BIN_DIR) + "/r2p-serve";
inline const std::string kBench = std::string(R2P_BIN_DIR) + "/r2p-bench";
inline const std::string kCorpus = std::string(R2P_SOURCE_DIR) + "/corpus";

}  // namespace r2p::test
