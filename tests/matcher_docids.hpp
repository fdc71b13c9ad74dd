// What Xapian's own matcher finds, for tests that compare a posting walk with it.
#pragma once

#include <xapian.h>

#include <vector>

namespace r2p::test {

/// Every match of `q` by Xapian's matcher, in ascending docid order.
inline std::vector<Xapian::docid> matcher_docids(const Xapian::Database& db,
                                                 const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    std::vector<Xapian::docid> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
    return out;
}

}  // namespace r2p::test
