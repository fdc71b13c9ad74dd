// The passages the bench's peers index: exactly those our pipeline produces.
#pragma once

#include <string>
#include <vector>

#include "r2p/indexing.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p::bench {

/// A passage as the peers index it: exactly the text and tags our pipeline produced.
struct PeerPassage {
    std::string id;
    std::string kind;
    std::string text;
    std::string date;  ///< "YYYYMMDD" sort value, "" when unknown
    std::string doc;
    std::vector<std::string> themes;
    std::vector<std::string> roles;
};

/// Decodes, parses and tags every statement under `request.paths` with our pipeline
/// (load_statement, with its sidecar when it has one, as r2p-index loads it; generated corpora
/// have none), on `threads` threads, in file order. Files that fail to load are left out.
/// `request` is the one ours is indexed with, so that its collection profile and speakers
/// table reach the peers' passages as they reach ours; only paths, collection and speakers
/// are read.
std::vector<PeerPassage> load_peer_passages(const IndexRequest& request, const Taxonomy& taxonomy,
                                            unsigned threads);

}  // namespace r2p::bench
