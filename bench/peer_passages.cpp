#include "bench/peer_passages.hpp"

#include <algorithm>

#include "index/collection.hpp"
#include "index/corpus_files.hpp"
#include "index/index_writer.hpp"
#include "index/statement_loader.hpp"
#include "index/statement_reader.hpp"
#include "r2p/error.hpp"
#include "tag/tagger.hpp"
#include "util/worker_pool.hpp"

namespace r2p::bench {

std::vector<PeerPassage> load_peer_passages(const IndexRequest& request, const Taxonomy& taxonomy,
                                            unsigned threads) {
    // The same profile and speakers table as ours: the peers index the same passages.
    const std::optional<Collection> collection = load_request_collection(request);
    const CorpusListing listing = list_corpus_files(request.paths);
    const Tagger tagger(taxonomy);
    StatementReader reader(listing.files);
    std::vector<std::vector<PeerPassage>> per_file(listing.files.size());
    WorkerPool pool(std::max(1U, threads));
    pool.run_all(listing.files.size(), [&](std::size_t i) {
        const CorpusFile& file = listing.files[i];
        try {
            const auto [bytes, sidecar] = reader.read(file);
            std::optional<CollectionEntry> entry;
            if (collection) entry = collection_entry(*collection, file.path);
            const LoadedStatement loaded =
                load_statement(file, bytes, sidecar, tagger, entry ? &*entry : nullptr);
            const std::string date = date_sort_value(loaded.doc.meta.date);
            for (const Passage& p : loaded.passages) {
                per_file[i].push_back({p.id, std::string(kind_name(p.kind)), p.text, date,
                                       loaded.doc.meta.id, p.themes, p.roles});
            }
        } catch (const Error&) {
            // Left out of the peers as r2p-index leaves it out of ours.
        }
    });
    std::vector<PeerPassage> passages;
    for (auto& file : per_file) {
        for (auto& p : file) passages.push_back(std::move(p));
    }
    return passages;
}

}  // namespace r2p::bench
