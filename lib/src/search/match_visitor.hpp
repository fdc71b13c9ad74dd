// A ranked pass's matches handed to another pass: a posting walk that visits every match
// anyway (a term, or an AND), or a ranked OR counted from what MaxScore read, gives each to
// a visitor, so that the counting pass need not walk and decode the same postings a second
// time (at 1M passages a frequent term's second walk was about 40% of a faceted query).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <span>

namespace r2p {

/// Sees the matches of a ranked pass over a database.
class MatchVisitor {
  public:
    virtual ~MatchVisitor() = default;
    /// Match `did` of the ranked database; called in ascending docid order, once each.
    virtual void visit(Xapian::docid did) = 0;
    /// Matches `dids`, in ascending docid order, as visit() each: a walk that hands them
    /// over in batches (VisitBatch) saves a virtual call per match in a counter's loop.
    virtual void visit_each(std::span<const Xapian::docid> dids) {
        for (const Xapian::docid did : dids) visit(did);
    }
    /// Called after the last visit() when the pass visited every match; a pass that cannot
    /// walk the query never calls it.
    virtual void visited_all() = 0;
    /// A visitor of the matches of local shard `part` alone (combined docids), for a pass
    /// that walks each shard on a thread of its own (or a single database's two halves of
    /// its docids, parts 0 and 1): it may be used beside the other parts, never beside this
    /// visitor's own visit(). nullptr when this visitor has none (the pass then walks the
    /// parts in turn). visited_all() is still called on this one.
    virtual MatchVisitor* shard_part(std::size_t /*part*/) { return nullptr; }
};

}  // namespace r2p
