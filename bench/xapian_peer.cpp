// The plain Xapian peer: indexing and queries as Xapian's documentation teaches them.
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

XapianPeerRequest xapian_peer_request(const BenchQuery& query, bool facets) {
    XapianPeerRequest request;
    request.text = query.text();
    // The documented default operator is OR: an AND query says so.
    if (query.shape == QueryShape::And) request.text = query.words[0] + " AND " + query.words[1];
    request.theme = query.theme;
    request.facets = facets || query.facets;
    request.sort_date = query.sort_date;
    return request;
}

namespace {

class XapianPeer final : public Engine {
  public:
    explicit XapianPeer(const std::filesystem::path& dir) : searcher_(dir.string()) {}

    QueryOutcome run(const BenchQuery& query, bool facets) override {
        const XapianPeerAnswer answer = searcher_.run(xapian_peer_request(query, facets));
        QueryOutcome outcome;
        outcome.matches = answer.matches;
        outcome.hits = answer.hits_with_data;
        outcome.facet_values = answer.facet_values;
        return outcome;
    }

  private:
    XapianPeerSearcher searcher_;
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
