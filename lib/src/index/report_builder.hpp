// The report of an indexing run, filled file by file by the writers, with its progress calls.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>

#include "index/corpus_files.hpp"
#include "index/statement_loader.hpp"
#include "r2p/indexing.hpp"

namespace r2p {

/// Records each file's outcome in an IndexReport and reports progress after each. Every
/// method is thread-safe (one writer per shard calls them), and `progress` is never called
/// by two threads at once.
class ReportBuilder {
  public:
    /// Fills `report`, which must outlive the builder; `total` files will be reported.
    ReportBuilder(IndexReport& report, std::size_t total, const ProgressCallback& progress);

    /// `path` could not be loaded: `reason` is the whole diagnostic line.
    void skipped(const std::string& path, const std::string& reason, std::size_t bytes);
    /// `file` was indexed before with the same content.
    void unchanged(const CorpusFile& file, std::size_t bytes);
    /// `file` was written (or would be, in a dry run): `replaced` when the database held it.
    void written(const CorpusFile& file, const LoadedStatement& loaded, bool replaced,
                 std::size_t bytes);
    /// Progress inside the file being written: `passages` of it written so far.
    void passages_written(std::size_t passages);

    /// Lists files and documents by path (writers finish in any order); each file's warning
    /// lines stay in their order.
    void sort_by_path();

  private:
    void file_done();  // with mutex_ held

    std::mutex mutex_;
    IndexReport& report_;
    const std::size_t total_;
    const ProgressCallback& progress_;
    std::size_t files_done_ = 0;
    std::size_t passages_ = 0;  // written so far, of whole files
};

}  // namespace r2p
