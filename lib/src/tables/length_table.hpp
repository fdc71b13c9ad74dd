// Every passage's length by docid: what BM25 needs of each match, which Xapian's matcher
// reads from disk per match (at 1M passages 90% of a ranked pass).
#pragma once

#include <xapian.h>

#include <vector>

namespace r2p {

/// Every passage's length (indexed words, as Xapian counts them) by docid, for one open
/// database snapshot.
class LengthTable {
  public:
    /// Reads every length once, in docid order (one pass over Xapian's length list).
    static LengthTable build(const Xapian::Database& db);

    Xapian::termcount at(Xapian::docid did) const {
        return did < lengths_.size() ? lengths_[did] : 0;
    }

  private:
    std::vector<Xapian::termcount> lengths_;  // by docid (0 unused)
};

}  // namespace r2p
