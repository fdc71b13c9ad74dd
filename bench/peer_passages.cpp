#include "bench/peer_passages.hpp"

#include <algorithm>

#include "index/corpus_files.hpp"
#include "index/index_writer.hpp"
#include "index/statement_loader.hpp"
#include "r2p/error.hpp"
#include "tag/tagger.hpp"
#include "util/worker_pool.hpp"

namespace r2p::bench {

std::vector<PeerPassage> load_peer_passages(const IndexRequest& request, const Taxonomy& taxonomy,
                                            unsigned threads) {
    // request.collection and request.speakers go to load_statement below once it takes a
    // collection profile (issue 12); until then the peers' passages are the files as they are.
    const CorpusListing listing = list_corpus_files(request.paths);
    const Tagger tagger(taxonomy);
    std::vector<std::vector<PeerPassage>> per_file(listing.files.size());
    WorkerPool pool(std::max(1U, threads));
    pool.run_all(listing.files.size(), [&](std::size_t i) {
        const CorpusFile& file = listing.files[i];
        try {
            const LoadedStatement loaded = load_statement(file, read_file_bytes(file.path),
                                                          read_sidecar_bytes(file.path), tagger);
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
