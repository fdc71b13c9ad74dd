#include "bench/levers.hpp"

#include <chrono>
#include <map>

#include <xapian.h>

#include "bench/disk_files.hpp"
#include "bench/stopwatch.hpp"
#include "index/corpus_files.hpp"
#include "index/index_writer.hpp"
#include "index/statement_loader.hpp"
#include "index/statement_reader.hpp"
#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "tag/tagger.hpp"

namespace r2p::bench {

namespace {

/// One way of building documents: the library's own prepare_document, or
/// make_passage_document with a TermGenerator set up here.
struct Variant {
    std::string name;
    bool library_prepare = true;  ///< prepare_document as r2p-index calls it
    bool spelling = true;         ///< keep the spelling entries
    Xapian::TermGenerator::stem_strategy strategy = Xapian::TermGenerator::STEM_SOME;
};

PreparedDocument prepare(const Variant& v, const LoadedStatement& s, Xapian::TermGenerator& terms) {
    PreparedDocument prepared;
    if (v.library_prepare) {
        prepared = prepare_document(s.doc, s.passages);
    } else {
        prepared.doc_id = s.doc.meta.id;
        prepared.path = s.doc.meta.path;
        for (const Passage& p : s.passages)
            prepared.passages.push_back(make_passage_document(s.doc, p, terms));
    }
    if (!v.spelling) prepared.spellings.clear();
    return prepared;
}

}  // namespace

nlohmann::json measure_index_levers(const std::vector<std::string>& paths, const Taxonomy& taxonomy,
                                    const std::filesystem::path& work, std::ostream& log) {
    log << "levers: loading statements ...\n";
    const CorpusListing listing = list_corpus_files(paths);
    const Tagger tagger(taxonomy);
    StatementReader reader(listing.files);
    std::vector<LoadedStatement> statements;
    std::size_t passages = 0;
    for (const CorpusFile& file : listing.files) {
        try {
            const auto [bytes, sidecar] = reader.read(file);
            statements.push_back(load_statement(file, bytes, sidecar, tagger));
            passages += statements.back().passages.size();
        } catch (const Error&) {
            // Skipped as r2p-index skips it.
        }
    }

    const std::vector<Variant> variants = {
        {"as r2p-index (STEM_SOME, spelling)", true, true, Xapian::TermGenerator::STEM_SOME},
        {"no spelling table", true, false, Xapian::TermGenerator::STEM_SOME},
        {"STEM_ALL_Z, no spelling", false, false, Xapian::TermGenerator::STEM_ALL_Z},
    };
    nlohmann::json out = nlohmann::json::array();
    for (const Variant& v : variants) {
        log << "levers: " << v.name << " ...\n";
        Xapian::TermGenerator terms;
        terms.set_stemmer(r2p::schema::make_stemmer());
        terms.set_stemming_strategy(v.strategy);
        auto start = Clock::now();
        std::vector<PreparedDocument> prepared;
        prepared.reserve(statements.size());
        for (const LoadedStatement& s : statements) prepared.push_back(prepare(v, s, terms));
        const double prepare_seconds = seconds_since(start);

        const auto db = work / "lever.db";
        std::error_code ec;
        std::filesystem::remove_all(db, ec);
        start = Clock::now();
        {
            IndexWriter writer(db);
            for (const PreparedDocument& p : prepared) writer.write(p, "lever");
            writer.commit();
        }
        const double write_seconds = seconds_since(start);
        const std::size_t bytes = disk_bytes(db);
        const auto compacted = work / "lever-compact.db";
        std::filesystem::remove_all(compacted, ec);
        Xapian::Database(db.string()).compact(compacted.string());
        const auto n = static_cast<double>(passages);
        out.push_back({{"variant", v.name},
                       {"passages", passages},
                       {"prepare_seconds", prepare_seconds},
                       {"write_seconds", write_seconds},
                       {"prepare_passages_per_second", n / prepare_seconds},
                       {"write_passages_per_second", n / write_seconds},
                       {"db_bytes", bytes},
                       {"db_bytes_compacted", disk_bytes(compacted)}});
        std::filesystem::remove_all(db, ec);
        std::filesystem::remove_all(compacted, ec);
    }
    return out;
}

}  // namespace r2p::bench
