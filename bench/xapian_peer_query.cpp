#include "bench/xapian_peer_query.hpp"

#include <map>

#include "r2p/schema.hpp"

namespace r2p::bench {

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

}  // namespace

XapianPeerSearcher::XapianPeerSearcher(const std::string& dir) : db_(dir) {
    parser_.set_stemmer(r2p::schema::make_stemmer());
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_database(db_);
}

XapianPeerAnswer XapianPeerSearcher::run(const XapianPeerRequest& request) {
    Xapian::Query q = parser_.parse_query(
        request.text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD);
    if (!request.theme.empty()) {
        q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                          Xapian::Query(std::string(schema::kThemePrefix) + request.theme));
    }
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    if (request.sort_date) {
        enquire.set_sort_by_value_then_relevance(schema::slot(schema::Slot::Date), true);
    }
    Xapian::ValueCountMatchSpy themes(schema::slot(schema::Slot::Themes));
    Xapian::ValueCountMatchSpy roles(schema::slot(schema::Slot::Roles));
    if (request.facets) {
        enquire.add_matchspy(&themes);
        enquire.add_matchspy(&roles);
    }
    const Xapian::MSet mset = enquire.get_mset(0, 10, request.facets ? db_.get_doccount() : 0);
    XapianPeerAnswer answer;
    answer.matches = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        answer.top.push_back(*it);
        answer.hits_with_data += it.get_document().get_data().empty() ? 0 : 1;
    }
    if (request.facets) answer.facet_values = split_counts(themes) + split_counts(roles);
    return answer;
}

std::vector<std::string> xapian_peer_args(const std::string& db, const XapianPeerRequest& request) {
    std::vector<std::string> args = {"--db", db};
    if (!request.theme.empty()) {
        args.emplace_back("--theme");
        args.push_back(request.theme);
    }
    if (request.facets) args.emplace_back("--facets");
    if (request.sort_date) args.emplace_back("--sort-date");
    args.emplace_back("--");
    args.push_back(request.text);
    return args;
}

}  // namespace r2p::bench
