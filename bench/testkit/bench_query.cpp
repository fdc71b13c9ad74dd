#include "bench/testkit/bench_query.hpp"

#include <algorithm>
#include <string_view>

namespace r2p {

const std::vector<QueryClass>& all_query_classes() {
    static const std::vector<QueryClass> kAll = {
        QueryClass::FrequentTerm,    QueryClass::RareTerm,   QueryClass::TwoTermAnd,
        QueryClass::TwoTermOr,       QueryClass::Phrase,     QueryClass::Synonym,
        QueryClass::TermThemeFilter, QueryClass::TermFacets, QueryClass::Wildcard,
        QueryClass::SortDate};
    return kAll;
}

const std::vector<QueryClass>& real_corpus_query_classes() {
    static const std::vector<QueryClass> kReal = {
        QueryClass::FrequentTerm, QueryClass::MidTerm,         QueryClass::RareTerm,
        QueryClass::TwoTermAnd,   QueryClass::TwoTermOr,       QueryClass::Phrase,
        QueryClass::UserPhrase,   QueryClass::TermThemeFilter, QueryClass::TermFacets,
        QueryClass::Wildcard,     QueryClass::SortDate};
    return kReal;
}

std::vector<QueryClass> query_classes_in(const std::vector<BenchQuery>& queries) {
    std::vector<QueryClass> classes;
    for (const BenchQuery& q : queries) {
        if (std::find(classes.begin(), classes.end(), q.cls) == classes.end())
            classes.push_back(q.cls);
    }
    return classes;
}

std::string query_class_name(QueryClass cls) {
    switch (cls) {
        case QueryClass::FrequentTerm:
            return "frequent-term";
        case QueryClass::RareTerm:
            return "rare-term";
        case QueryClass::TwoTermAnd:
            return "and";
        case QueryClass::TwoTermOr:
            return "or";
        case QueryClass::Phrase:
            return "phrase";
        case QueryClass::TermThemeFilter:
            return "theme-filter";
        case QueryClass::TermFacets:
            return "facets";
        case QueryClass::Wildcard:
            return "wildcard";
        case QueryClass::SortDate:
            return "sort-date";
        case QueryClass::MidTerm:
            return "mid-term";
        case QueryClass::UserPhrase:
            return "user-phrase";
        case QueryClass::Synonym:
            return "synonym";
    }
    return "unknown";
}

std::string BenchQuery::text() const {
    std::string out;
    auto join = [&](std::string_view separator) {
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (i) out += separator;
            out += words[i];
        }
    };
    switch (shape) {
        case QueryShape::Term:
        case QueryShape::And:
            join(" ");
            break;
        case QueryShape::Or:
            join(" OR ");
            break;
        case QueryShape::Phrase:
            out += '"';
            join(" ");
            out += '"';
            break;
        case QueryShape::Prefix:
            join(" ");
            out += '*';
            break;
    }
    return out;
}

std::string BenchQuery::line() const {
    std::string out = text();
    // Quotes and '*' would be eaten or expanded by a shell.
    if (out.find_first_of("\"*") != std::string::npos) out = "'" + out + "'";
    if (!theme.empty()) out += " --theme " + theme;
    if (facets) out += " --facet theme --facet role";
    if (sort_date) out += " --sort date";
    return out;
}

}  // namespace r2p
