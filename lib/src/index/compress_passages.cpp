#include "index/compress_passages.hpp"

#include <xapian.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "index/passage_compression.hpp"
#include "r2p/error.hpp"
#include "util/worker_pool.hpp"

namespace r2p {

namespace {

// Below this many passages the dictionary (and its training) is not worth it.
constexpr Xapian::doccount kMinPassages = 1000;
// Up to 50,000 passages (~40 MB of generated ones) train a dictionary of 256 KB in a few
// seconds. Measured on 100k generated passages, the docdata table with dictionaries of 112 KB,
// 256 KB and 1 MB: 36.0, 33.3 and 31.6 MB (56.0 with Xapian's zlib alone); 256 KB costs a
// one-shot search little to load.
constexpr Xapian::doccount kSamplePassages = 50000;
// Level 9: on sampled generated passages 5% smaller than level 3 (and 2% larger than
// level 12), in a small part of the compaction's own time.
constexpr int kLevel = 9;
// Passages compressed on the pool per round; written back in docid order between rounds.
constexpr std::size_t kBatch = 4096;

std::vector<std::string> sample_passages(const Xapian::Database& db) {
    const Xapian::doccount count = db.get_doccount();
    const Xapian::doccount step = std::max<Xapian::doccount>(1, count / kSamplePassages);
    std::vector<std::string> samples;
    Xapian::doccount index = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it, ++index) {
        if (index % step != 0) continue;
        std::string data = db.get_document(*it, Xapian::DOC_ASSUME_VALID).get_data();
        if (!data.empty() && !is_compressed_passage(data)) samples.push_back(std::move(data));
    }
    return samples;
}

}  // namespace

PassageCompression compress_passages(const std::string& path) {
    PassageCompression result;
    try {
        Xapian::WritableDatabase db(path, Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
        if (!read_passage_dictionary(db).empty()) return result;
        if (db.get_doccount() < kMinPassages) return result;
        const std::string dictionary =
            train_passage_dictionary(sample_passages(db), kPassageDictionaryBytes);
        if (dictionary.empty()) return result;
        store_passage_dictionary(db, dictionary);
        result.dictionary_bytes = dictionary.size();

        WorkerPool pool;
        std::vector<std::unique_ptr<PassageCompressor>> compressors;
        for (unsigned i = 0; i < pool.size(); ++i)
            compressors.push_back(std::make_unique<PassageCompressor>(dictionary, kLevel));
        std::vector<Xapian::docid> docids;
        std::vector<std::string> data;
        const auto flush = [&] {
            pool.run_all(compressors.size(), [&](std::size_t part) {
                for (std::size_t i = part; i < data.size(); i += compressors.size()) {
                    if (!data[i].empty() && !is_compressed_passage(data[i]))
                        data[i] = compressors[part]->compress(data[i]);
                }
            });
            for (std::size_t i = 0; i < docids.size(); ++i) {
                result.bytes_after += data[i].size();
                if (!is_compressed_passage(data[i])) continue;
                // Read just before it is replaced: Xapian then sees a modified document of
                // its own and rewrites only its data (not its terms, positions or values).
                Xapian::Document doc = db.get_document(docids[i]);
                doc.set_data(data[i]);
                db.replace_document(docids[i], doc);
                ++result.passages;
            }
            docids.clear();
            data.clear();
        };
        // Every docid first: the documents are rewritten while they are listed.
        std::vector<Xapian::docid> all;
        all.reserve(db.get_doccount());
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) all.push_back(*it);
        for (const Xapian::docid docid : all) {
            docids.push_back(docid);
            data.push_back(db.get_document(docid, Xapian::DOC_ASSUME_VALID).get_data());
            result.bytes_before += data.back().size();
            if (docids.size() == kBatch) flush();
        }
        flush();
        db.commit();
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot compress the passages of " + path + ": " + e.get_description());
    }
    return result;
}

}  // namespace r2p
