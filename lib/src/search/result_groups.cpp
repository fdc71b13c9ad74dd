#include "search/result_groups.hpp"

#include <string>
#include <string_view>

#include "r2p/error.hpp"
#include "r2p/schema.hpp"

namespace r2p {

namespace {

Xapian::Query term(std::string_view prefix, const std::string& value) {
    return Xapian::Query(std::string(prefix) + value);
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

std::size_t folded_matches(const Xapian::Database& db, const Xapian::Query& query,
                           const StoredPassage& passage, GroupBy group) {
    if (group == GroupBy::None) return 0;
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, group_query(passage, group)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // Checking every match makes the count exact; the group term keeps that short.
    const Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());
    const Xapian::doccount in_group = mset.get_matches_estimated();
    return in_group > 0 ? in_group - 1 : 0;
}

}  // namespace r2p
