// The project's own taxonomy (corpus/taxonomy) and a tagger over it, loaded once per test run.
#pragma once

#include <filesystem>

#include "r2p/taxonomy.hpp"
#include "tag/tagger.hpp"

namespace r2p::test {

/// The taxonomy of the source tree, loaded on first use.
inline const Taxonomy& source_taxonomy() {
    static const Taxonomy taxonomy = load_taxonomy(
        default_taxonomy_files(std::filesystem::path(R2P_SOURCE_DIR) / "corpus/taxonomy"));
    return taxonomy;
}

/// A tagger over source_taxonomy().
inline const Tagger& source_tagger() {
    static const Tagger tagger(source_taxonomy());
    return tagger;
}

}  // namespace r2p::test
