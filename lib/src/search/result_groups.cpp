#include "search/result_groups.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "r2p/error.hpp"
#include "r2p/schema.hpp"

namespace r2p {

namespace {

Xapian::Query term(std::string_view prefix, const std::string& value) {
    return Xapian::Query(std::string(prefix) + value);
}

// The collapse-slot value of `passage`'s group: its paragraph's id, or its document's.
const std::string& group_key(const StoredPassage& passage, GroupBy group) {
    if (group == GroupBy::Doc) return passage.doc_id;
    return passage.parent.empty() ? passage.id : passage.parent;
}

// The passages sharing `passage`'s group.
Xapian::Query group_query(const StoredPassage& passage, GroupBy group) {
    if (group == GroupBy::Doc) return term(schema::kDocPrefix, passage.doc_id);
    const std::string& paragraph = passage.parent.empty() ? passage.id : passage.parent;
    return Xapian::Query(Xapian::Query::OP_OR, term(schema::kIdPrefix, paragraph),
                         term(schema::kParentPrefix, paragraph));
}

}  // namespace

std::optional<Xapian::valueno> collapse_slot(GroupBy group) {
    switch (group) {
        case GroupBy::None:
            return std::nullopt;
        case GroupBy::Paragraph:
            return schema::slot(schema::Slot::Paragraph);
        case GroupBy::Doc:
            return schema::slot(schema::Slot::Doc);
    }
    return std::nullopt;
}

void check_groupable(const Xapian::Database& db, GroupBy group) {
    const std::optional<Xapian::valueno> slot = collapse_slot(group);
    // Every passage has a document id; only the paragraph key is younger than the schema.
    if (!slot || group != GroupBy::Paragraph) return;
    const Xapian::doccount passages = db.get_doccount();
    const Xapian::doccount keyed = db.get_value_freq(*slot);
    if (keyed < passages) {
        throw UsageError("cannot group by paragraph: " + std::to_string(passages - keyed) + " of " +
                         std::to_string(passages) +
                         " passages were indexed before paragraph keys existed (re-index the "
                         "database with this r2p-index to group by paragraph)");
    }
}

void count_groups(const Xapian::Database& db, const Xapian::Query& query, GroupBy group,
                  SearchResult& result) {
    const std::optional<Xapian::valueno> slot = collapse_slot(group);
    if (!slot) return;
    const Xapian::doccount passages = result.matches.upper;
    const bool every_group = passages <= kExactGroupsUpTo;
    Xapian::Query counted = query;
    if (!every_group) {
        std::vector<Xapian::Query> groups;
        for (const SearchHit& hit : result.hits) groups.push_back(group_query(hit.passage, group));
        counted = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                Xapian::Query(Xapian::Query::OP_OR, groups.begin(), groups.end()));
        // Xapian's collapsed estimate can exceed the passages counted exactly.
        if (result.groups) {
            MatchCounts& g = *result.groups;
            g.upper = std::min(g.upper, passages);
            g.estimated = std::min(g.estimated, g.upper);
            g.lower = std::min(g.lower, g.estimated);
        }
        if (groups.empty()) return;
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(counted);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::ValueCountMatchSpy sizes(*slot);
    enquire.add_matchspy(&sizes);
    enquire.get_mset(0, 0, db.get_doccount());  // every match checked: the sizes are exact
    std::map<std::string, Xapian::doccount, std::less<>> size_of;
    for (auto it = sizes.values_begin(); it != sizes.values_end(); ++it) {
        size_of[*it] = it.get_termfreq();
    }
    for (SearchHit& hit : result.hits) {
        const auto found = size_of.find(group_key(hit.passage, group));
        hit.folded = found == size_of.end() || found->second == 0 ? 0 : found->second - 1;
    }
    if (every_group) {
        const auto count = static_cast<Xapian::doccount>(size_of.size());
        result.groups = MatchCounts{count, count, count};
    }
}

}  // namespace r2p
