// A small hand-made index for the search suites: a few passages with known tags and words.
#pragma once

#include "taxonomy_fixture.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "index/index_writer.hpp"
#include "r2p/search_result.hpp"
#include "r2p/taxonomy.hpp"
#include "test_support.hpp"

namespace r2p::test {

/// Whether a search's stats say `field` is now counted from facet tables.
inline bool has_facet_table(const SearchStats& stats, FacetField field) {
    return std::find(stats.facet_tables.begin(), stats.facet_tables.end(), field) !=
           stats.facet_tables.end();
}

inline Passage fixture_passage(const std::string& id, PassageKind kind, const std::string& text,
                               std::size_t paragraph, std::vector<std::string> themes,
                               std::vector<std::string> roles, const char* speaker = nullptr) {
    Passage p;
    p.id = id;
    p.kind = kind;
    p.text = text;
    p.paragraph_index = paragraph;
    if (kind == PassageKind::Quote) {
        p.parent_id = id.substr(0, id.rfind('/'));
        p.quote_index = 0;
    }
    p.themes = std::move(themes);
    p.roles = std::move(roles);
    if (speaker != nullptr) p.speaker = speaker;
    return p;
}

inline Document fixture_document(const std::string& id, const std::string& date,
                                 std::size_t paragraphs) {
    Document d;
    d.meta.id = id;
    d.meta.title = "Statement " + id;
    d.meta.date = date;
    d.meta.path = "corpus/" + id + ".txt";
    for (std::size_t i = 0; i < paragraphs; ++i) {
        Paragraph p;
        p.line = 3 + 2 * i;
        p.section = "Section " + std::to_string(i + 1);
        d.paragraphs.push_back(p);
    }
    return d;
}

/// Writes the fixture index into `dir`: 3 documents (2012, 2014, undated), 9 passages.
inline void write_search_fixture(const std::filesystem::path& dir) {
    using K = PassageKind;
    IndexWriter writer(dir);
    {
        const Document d = fixture_document("alpha", "2012-09-28", 3);
        writer.write_document(
            d,
            {fixture_passage(
                 "alpha/p1", K::Paragraph,
                 "Ending impunity. Several speakers argued for the centrality of "
                 "accountability. In the words of one Minister, “The Hague is the final "
                 "link in the chain of prevention – ending impunity is both a beginning "
                 "and an end.”",
                 0, {"accountability", "prevention"}, {"minister"}),
             fixture_passage("alpha/p1/q1", K::Quote,
                             "The Hague is the final link in the chain of prevention – ending "
                             "impunity is both a beginning and an end.",
                             0, {"accountability", "prevention"}, {"minister"}),
             fixture_passage(
                 "alpha/p2", K::Paragraph,
                 "The Minister for Foreign Affairs of Denmark, H.E. Mr. Villy Søvndal, "
                 "spoke on preventing mass atrocities and the Responsibility to Protect.",
                 1, {"prevention"}, {"minister"}, "Villy Søvndal"),
             fixture_passage("alpha/p3", K::Paragraph,
                             "The Deputy Secretary-General argued that “R2P is basically a tool of "
                             "prevention” and urged states to appoint focal points.",
                             2, {"focal-points", "prevention"}, {"deputy-secretary-general"}),
             fixture_passage("alpha/p3/q1", K::Quote, "R2P is basically a tool of prevention", 2,
                             {"focal-points", "prevention"}, {"deputy-secretary-general"},
                             "Jan Eliasson")},
            "fp-alpha");
    }
    {
        const Document d = fixture_document("beta", "2014-01-15", 2);
        writer.write_document(
            d,
            {fixture_passage("beta/p1", K::Paragraph,
                             "The Prime Minister of Slovenia, Janez Janša, called for preventive "
                             "diplomacy and a timely and decisive response.",
                             0, {"prevention", "response"}, {"head-of-government"}),
             fixture_passage("beta/p2", K::Paragraph,
                             "Ambassadors and ministers discussed the Brazilian concept of "
                             "responsibility while protecting and the prevention of genocide.",
                             1, {"response"}, {"ambassador", "minister"})},
            "fp-beta");
    }
    {
        const Document d = fixture_document("gamma", "", 2);
        writer.write_document(
            d,
            {fixture_passage("gamma/p1", K::Paragraph,
                             "Civil society organisations stressed accountability for atrocity "
                             "crimes and an end to impunity.",
                             0, {"accountability"}, {"civil-society"}),
             fixture_passage("gamma/p2", K::Paragraph,
                             "Participants discussed the RtoP agenda and early warning.", 1, {},
                             {})},
            "fp-gamma");
    }
    writer.commit();
}

/// The fixture index, written once per test binary and read by every suite that only reads it
/// (search, result_groups, disjunctive_facets, passage_context): never write to it.
inline const std::string& search_fixture_db() {
    static TempDir dir;
    static const std::string path = [] {
        write_search_fixture(dir / "db");
        return (dir / "db").string();
    }();
    return path;
}

}  // namespace r2p::test
