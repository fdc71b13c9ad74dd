#include "bench/testkit/corpus_writer.hpp"

#include <atomic>
#include <cstdio>
#include <fstream>
#include <mutex>

#include "bench/stopwatch.hpp"
#include "r2p/error.hpp"
#include "util/worker_pool.hpp"

namespace r2p {

std::filesystem::path statement_path(const std::filesystem::path& root, std::size_t index) {
    char folder[32];
    char name[48];
    std::snprintf(folder, sizeof folder, "%04zu", index / 1000);
    std::snprintf(name, sizeof name, "bench-%07zu.txt", index);
    return root / folder / name;
}

GeneratedCorpus generate_corpus(const CorpusGenerator& generator, const std::filesystem::path& root,
                                std::size_t passages, unsigned threads) {
    const auto start = bench::Clock::now();
    GeneratedCorpus result;
    // Plans are cheap: count sequentially, then write in parallel.
    do {
        result.passages += generator.statement_passages(result.statements++);
    } while (result.passages < passages);
    const std::size_t count = result.statements;
    std::error_code ec;
    for (std::size_t folder = 0; folder * 1000 < count; ++folder) {
        std::filesystem::create_directories(statement_path(root, folder * 1000).parent_path(), ec);
        if (ec) throw CorpusError(root.string() + ": cannot create folder: " + ec.message());
    }

    std::atomic<std::size_t> bytes{0};
    std::atomic<bool> failed{false};
    std::mutex error_mutex;
    std::string error;
    WorkerPool pool(threads);
    pool.run_all(count, [&](std::size_t i) {
        if (failed) return;  // one file could not be written: write no more
        const std::string text = generator.statement_text(i);
        const auto path = statement_path(root, i);
        std::ofstream out(path, std::ios::binary);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.close();
        if (!out) {
            std::lock_guard lock(error_mutex);
            if (error.empty()) error = path.string() + ": cannot write statement";
            failed = true;
            return;
        }
        bytes += text.size();
    });
    if (!error.empty()) throw CorpusError(error);
    result.bytes = bytes;
    result.seconds = bench::seconds_since(start);
    return result;
}

}  // namespace r2p
