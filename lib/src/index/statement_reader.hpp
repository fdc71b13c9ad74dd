// The bytes of listed statements and their sidecars, from disk or from the archives holding
// them: what the index pipeline and the bench's peers read.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "index/archive_reader.hpp"
#include "index/corpus_files.hpp"

namespace r2p {

/// A statement's bytes and its sidecar's ("" when it has none).
struct StatementBytes {
    std::string statement;
    std::string sidecar;
};

/// Reads the statements of one listing. read() is thread-safe; members of one archive are
/// read by one stream in archive order (see ArchiveStream), so callers should ask for them
/// in about listing order, each once.
class StatementReader {
  public:
    /// `files` as listed by list_corpus_files; only their archive members are remembered.
    explicit StatementReader(const std::vector<CorpusFile>& files);

    /// The bytes of `file` (one of the listing's). Throws CorpusError
    /// "PATH: reason (file skipped)" as read_file_bytes does, for archive members too.
    StatementBytes read(const CorpusFile& file);

  private:
    std::map<std::filesystem::path, std::unique_ptr<ArchiveStream>> archives_;
};

}  // namespace r2p
