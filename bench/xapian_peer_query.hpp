// One query of the plain Xapian peer, as Xapian's documentation teaches it: shared by the
// in-process peer (xapian_peer.cpp) and its one-shot executable (r2p-bench-xapian-query), so
// both do the very same work. Depends on Xapian only: the executable starts as a small
// Xapian program does.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

namespace r2p::bench {

/// A query as the peer is given it.
struct XapianPeerRequest {
    std::string text;   ///< QueryParser text (the default operator is OR: AND is spelt out)
    std::string theme;  ///< theme filter id, or empty
    bool facets = false;
    bool sort_date = false;
};

/// What the peer answered.
struct XapianPeerAnswer {
    std::size_t matches = 0;         ///< get_matches_estimated (exact with facets)
    std::vector<Xapian::docid> top;  ///< the top 10, best first
    std::size_t hits_with_data = 0;  ///< of them, those whose data (the text) was read
    std::size_t facet_values = 0;    ///< distinct theme ids plus distinct role ids counted
};

/// The peer over one database: QueryParser (English stemmer, STEM_SOME, wildcards), Enquire
/// top-10 with each hit's data read, and with facets a ValueCountMatchSpy per field with
/// check_at_least = doccount. Throws Xapian::Error.
class XapianPeerSearcher {
  public:
    explicit XapianPeerSearcher(const std::string& dir);
    XapianPeerAnswer run(const XapianPeerRequest& request);

  private:
    Xapian::Database db_;
    Xapian::QueryParser parser_;
};

/// The command-line arguments of r2p-bench-xapian-query for `request` (after the program
/// name): --db DIR [--theme ID] [--facets] [--sort-date] -- TEXT.
std::vector<std::string> xapian_peer_args(const std::string& db, const XapianPeerRequest& request);

}  // namespace r2p::bench
