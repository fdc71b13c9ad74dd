// Writing a generated corpus to disk, statement files in numbered folders.
#pragma once

#include <cstddef>
#include <filesystem>

#include "bench/testkit/corpus_generator.hpp"

namespace r2p {

/// Where statement `index` lives under `root`: ROOT/NNNN/bench-NNNNNNN.txt, 1,000 a folder.
std::filesystem::path statement_path(const std::filesystem::path& root, std::size_t index);

/// What generate_corpus wrote.
struct GeneratedCorpus {
    std::size_t statements = 0;
    std::size_t passages = 0;  ///< as planned by the generator
    std::size_t bytes = 0;
    double seconds = 0;
};

/// Writes the first statements of `generator` holding at least `passages` passages under
/// `root` (created if missing), with `threads` writers (0: one per core). Throws CorpusError
/// when a file cannot be written.
GeneratedCorpus generate_corpus(const CorpusGenerator& generator, const std::filesystem::path& root,
                                std::size_t passages, unsigned threads = 0);

}  // namespace r2p
