// The plain Xapian peer: indexing and queries as Xapian's documentation teaches them.
#include <map>

#include <xapian.h>

#include "bench/engines.hpp"
#include "bench/stopwatch.hpp"
#include "r2p/error.hpp"
#include "r2p/schema.hpp"

namespace r2p::bench {

PeerIndexFigures index_xapian_peer(const std::vector<PeerPassage>& passages,
                                   const std::filesystem::path& dir) {
    PeerIndexFigures figures;
    const auto start = Clock::now();
    try {
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator indexer;
        indexer.set_stemmer(r2p::schema::make_stemmer());
        for (const PeerPassage& p : passages) {
            Xapian::Document doc;
            indexer.set_document(doc);
            indexer.index_text(p.text);
            for (const auto& theme : p.themes)
                doc.add_boolean_term(std::string(schema::kThemePrefix) + theme);
            for (const auto& role : p.roles)
                doc.add_boolean_term(std::string(schema::kRolePrefix) + role);
            doc.add_value(schema::slot(schema::Slot::Date), p.date);
            doc.add_value(schema::slot(schema::Slot::Themes), schema::join_ids(p.themes));
            doc.add_value(schema::slot(schema::Slot::Roles), schema::join_ids(p.roles));
            doc.set_data(p.text);
            const std::string id_term = std::string(schema::kIdPrefix) + p.id;
            doc.add_boolean_term(id_term);
            db.replace_document(id_term, doc);
            figures.text_bytes += p.text.size();
        }
        db.commit();
    } catch (const Xapian::Error& e) {
        throw IndexError("plain Xapian peer: " + e.get_description());
    }
    figures.passages = passages.size();
    figures.seconds = seconds_since(start);
    return figures;
}

namespace {

/// Splits counts of joined id sets into per-id counts, as a user of ValueCountMatchSpy
/// storing a multi-valued field in one slot must.
std::size_t split_counts(const Xapian::ValueCountMatchSpy& spy) {
    std::map<std::string, Xapian::doccount> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string combined = *it;
        std::size_t start = 0;
        while (start <= combined.size()) {
            std::size_t end = combined.find(schema::kListSeparator, start);
            if (end == std::string::npos) end = combined.size();
            if (end > start) counts[combined.substr(start, end - start)] += it.get_termfreq();
            start = end + 1;
        }
    }
    return counts.size();
}

class XapianPeer final : public Engine {
  public:
    explicit XapianPeer(const std::filesystem::path& dir) : db_(dir.string()) {
        parser_.set_stemmer(r2p::schema::make_stemmer());
        parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser_.set_database(db_);
    }

    QueryOutcome run(const BenchQuery& query, bool facets) override {
        facets = facets || query.facets;
        // The documented default operator is OR: an AND query says so.
        std::string text = query.text();
        if (query.shape == QueryShape::And) text = query.words[0] + " AND " + query.words[1];
        Xapian::Query q = parser_.parse_query(
            text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD);
        if (!query.theme.empty()) {
            q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                              Xapian::Query(std::string(schema::kThemePrefix) + query.theme));
        }
        Xapian::Enquire enquire(db_);
        enquire.set_query(q);
        if (query.sort_date) {
            enquire.set_sort_by_value_then_relevance(schema::slot(schema::Slot::Date), true);
        }
        Xapian::ValueCountMatchSpy themes(schema::slot(schema::Slot::Themes));
        Xapian::ValueCountMatchSpy roles(schema::slot(schema::Slot::Roles));
        if (facets) {
            enquire.add_matchspy(&themes);
            enquire.add_matchspy(&roles);
        }
        const Xapian::MSet mset = enquire.get_mset(0, 10, facets ? db_.get_doccount() : 0);
        QueryOutcome outcome;
        outcome.matches = mset.get_matches_estimated();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            outcome.hits += it.get_document().get_data().empty() ? 0 : 1;
        }
        if (facets) outcome.facet_values = split_counts(themes) + split_counts(roles);
        return outcome;
    }

  private:
    Xapian::Database db_;
    Xapian::QueryParser parser_;
};

}  // namespace

std::unique_ptr<Engine> open_xapian_peer(const std::filesystem::path& db) {
    try {
        return std::make_unique<XapianPeer>(db);
    } catch (const Xapian::Error& e) {
        throw IndexError("plain Xapian peer " + db.string() + ": " + e.get_description());
    }
}

}  // namespace r2p::bench
