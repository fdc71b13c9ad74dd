#include "bench/workspace.hpp"

#include <fstream>

#include <nlohmann/json.hpp>

#include "r2p/error.hpp"

namespace r2p::bench {

std::filesystem::path default_data_file(const std::string& name) {
    std::error_code ec;
    const std::filesystem::path local = std::filesystem::path("bench/data") / name;
    if (std::filesystem::is_regular_file(local, ec)) return local;
    return std::filesystem::path(R2P_SOURCE_BENCH_DIR) / "data" / name;
}

std::filesystem::path default_genre_file() { return default_data_file("genre.conf"); }

namespace {

bool read_manifest(const std::filesystem::path& file, CorpusInfo& info) {
    std::ifstream in(file);
    if (!in) return false;
    try {
        const nlohmann::json j = nlohmann::json::parse(in);
        if (j.at("generator_version").get<int>() != kGeneratorVersion) return false;
        info.seed = j.at("seed").get<std::uint64_t>();
        info.passages_requested = j.at("passages_requested").get<std::size_t>();
        info.generated.statements = j.at("statements").get<std::size_t>();
        info.generated.passages = j.at("passages").get<std::size_t>();
        info.generated.bytes = j.at("bytes").get<std::size_t>();
        info.generated.seconds = j.at("seconds").get<double>();
        return true;
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

void write_text(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw CorpusError(file.string() + ": cannot write");
}

}  // namespace

void write_query_files(const std::filesystem::path& dir, const std::vector<BenchQuery>& queries) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw CorpusError(dir.string() + ": cannot create folder: " + ec.message());
    std::string all;
    for (const QueryClass cls : query_classes_in(queries)) {
        std::string lines;
        for (const BenchQuery& q : queries) {
            if (q.cls == cls) lines += q.line() + "\n";
        }
        write_text(dir / (query_class_name(cls) + ".txt"), lines);
        all += lines;
    }
    write_text(dir / "queries.txt", all);
}

CorpusInfo prepare_corpus(const CorpusGenerator& generator, const std::filesystem::path& out,
                          std::size_t passages, std::size_t queries_per_class, std::ostream& log) {
    CorpusInfo info;
    info.root = out;
    info.statements = out / "corpus";
    const auto manifest = out / "manifest.json";
    std::error_code ec;
    const bool have_manifest = read_manifest(manifest, info);
    if (have_manifest && info.seed == generator.seed() && info.passages_requested == passages &&
        std::filesystem::is_directory(info.statements, ec)) {
        info.reused = true;
        log << "corpus: reusing " << info.statements.string() << " (" << info.generated.statements
            << " statements, " << info.generated.passages << " passages)\n";
    } else {
        if (std::filesystem::exists(info.statements, ec)) {
            if (!std::filesystem::exists(manifest, ec)) {
                throw CorpusError(info.statements.string() +
                                  ": exists but was not made by r2p-bench (no manifest.json); "
                                  "choose another folder");
            }
            std::filesystem::remove_all(info.statements, ec);
            if (ec)
                throw CorpusError(info.statements.string() + ": cannot remove: " + ec.message());
        }
        std::filesystem::remove(manifest, ec);
        log << "corpus: generating " << passages << " passages into " << info.statements.string()
            << " ...\n";
        info.seed = generator.seed();
        info.passages_requested = passages;
        info.generated = generate_corpus(generator, info.statements, passages);
        log << "corpus: " << info.generated.statements << " statements, " << info.generated.passages
            << " passages, " << static_cast<double>(info.generated.bytes) / 1e6 << " MB in "
            << info.generated.seconds << " s\n";
        const nlohmann::json j = {
            {"generator_version", kGeneratorVersion}, {"seed", info.seed},
            {"passages_requested", passages},         {"statements", info.generated.statements},
            {"passages", info.generated.passages},    {"bytes", info.generated.bytes},
            {"seconds", info.generated.seconds},      {"vocabulary", generator.vocabulary_size()}};
        write_text(manifest, j.dump(2) + "\n");
    }
    write_query_files(out / "queries", generator.query_set(passages, queries_per_class));
    return info;
}

}  // namespace r2p::bench
