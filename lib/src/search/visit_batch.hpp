// Matches gathered for a MatchVisitor and handed over a batch at a time: at 1M passages a
// frequent term has ~57,000 matches, and a virtual call with the counter's setup per match
// cost about as much as counting its facets.
#pragma once

#include <xapian.h>

#include <array>
#include <cstddef>

#include "search/match_visitor.hpp"

namespace r2p::detail {

class VisitBatch {
  public:
    /// Gathers for `visitor`, or for none (then add() does nothing).
    explicit VisitBatch(MatchVisitor* visitor) : visitor_(visitor) {}
    VisitBatch(const VisitBatch&) = delete;
    VisitBatch& operator=(const VisitBatch&) = delete;

    /// Match `did`, in ascending docid order.
    void add(Xapian::docid did) {
        if (visitor_ == nullptr) return;
        pending_[size_++] = did;
        if (size_ == pending_.size()) flush();
    }

    /// Hands every gathered match to the visitor: call it once the walk ends, before the
    /// visitor is told it saw them all (not on unwinding: a visitor may throw).
    void flush() {
        if (size_ == 0) return;
        visitor_->visit_each({pending_.data(), size_});
        size_ = 0;
    }

  private:
    MatchVisitor* visitor_;
    std::array<Xapian::docid, 64> pending_{};
    std::size_t size_ = 0;
};

}  // namespace r2p::detail
