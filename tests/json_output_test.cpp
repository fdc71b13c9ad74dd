#include "r2p/json_output.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "r2p/table_output.hpp"

TEST_SUITE("json_output") {
    TEST_CASE("like_json: the sentence and its differing words as code point offsets") {
        // "Søvndal: " is 9 code points and 10 bytes.
        const std::string text = "Søvndal: Each State must protect its citizens from genocide.";
        r2p::SentenceMatch match;
        match.similarity = 0.83333;
        match.asked = 1;
        match.begin = text.find("Each");
        match.end = text.size();
        const std::size_t citizens = text.find("citizens");
        match.differing = {{citizens, citizens + 8}};
        match.missing = {"populations"};
        const nlohmann::json like = r2p::like_json(text, match);
        CHECK(like["begin"] == 9);
        CHECK(like["end"] == 60);
        CHECK(like["differing"] == nlohmann::json::array({nlohmann::json::array({37, 45})}));
        CHECK(like["sentence"] == "Each State must protect its citizens from genocide.");
        CHECK(like["similarity"] == 0.8333);
        CHECK(like["verbatim"] == false);
        CHECK(like["asked"] == 1);
        CHECK(like["missing"] == nlohmann::json::array({"populations"}));
    }

    namespace {

    r2p::SearchResult sample() {
        r2p::SearchResult r;
        r.query = "impunity";
        r.matches = {3, 3, 3};
        r.offset = 0;
        r.limit = 10;
        r2p::SearchHit quote;
        quote.rank = 1;
        quote.score = 7.912345;
        quote.passage.id = "doc/p7/q1";
        quote.passage.kind = "quote";
        quote.passage.text = "ending impunity is both a beginning and an end";
        quote.passage.themes = {"accountability"};
        quote.passage.roles = {"minister"};
        quote.passage.parent = "doc/p7";
        quote.passage.section = "Key Themes";
        quote.passage.doc_id = "doc";
        quote.passage.doc_title = "A statement";
        quote.passage.doc_date = "2012-09-28";
        quote.passage.doc_path = "corpus/doc.txt";
        quote.passage.line = 26;
        quote.passage.doc_event = "5th Ministerial Meeting";
        quote.passage.doc_place = "New York";
        quote.passage.doc_source_url = "https://example.org/r2p";
        quote.passage.label = "12";
        quote.passage.doc_symbol = "A/73/898-S/2019/463";
        quote.snippet.text = quote.passage.text;
        quote.snippet.marks = {{7, 15}};
        r2p::SearchHit paragraph = quote;
        paragraph.rank = 2;
        paragraph.passage.id = "doc/p7";
        paragraph.passage.kind = "paragraph";
        paragraph.passage.parent.clear();
        paragraph.passage.speaker = "Jan Eliasson";
        paragraph.passage.doc_date.clear();
        paragraph.passage.doc_event.clear();
        paragraph.passage.doc_place.clear();
        paragraph.passage.doc_source_url.clear();
        paragraph.passage.label.clear();
        paragraph.passage.doc_symbol.clear();
        r.hits = {quote, paragraph};
        r.facets = {{r2p::FacetField::Theme, {{"accountability", "Ending impunity", 3}}}};
        return r;
    }

    }  // namespace

    TEST_CASE("the JSON has exactly the interface's fields and types") {
        const auto j = r2p::search_result_json(sample());
        CHECK(j.size() == 12);
        CHECK(j["group"] == "none");
        CHECK(j["groups"].is_null());
        CHECK(j["corrected_query"].is_null());
        CHECK(j["missing_shards"] == nlohmann::json::array());
        CHECK(j["stats"] == nlohmann::json({{"ranked_by", "xapian"},
                                            {"counted_by", "none"},
                                            {"length_table", false},
                                            {"facet_tables", nlohmann::json::array()},
                                            {"tables", "none"}}));
        CHECK(j["query"] == "impunity");
        CHECK(j["matches"] ==
              nlohmann::json({{"lower", 3}, {"estimated", 3}, {"upper", 3}, {"exact", true}}));
        CHECK(j["offset"] == 0);
        CHECK(j["limit"] == 10);
        CHECK(j["suggestion"].is_null());
        REQUIRE(j["results"].size() == 2);
        const auto& hit = j["results"][0];
        CHECK(hit.size() == 16);
        CHECK(hit["folded"] == 0);
        CHECK(hit["rank"] == 1);
        CHECK(hit["score"].get<double>() == doctest::Approx(7.9123));
        CHECK(hit["id"] == "doc/p7/q1");
        CHECK(hit["kind"] == "quote");
        CHECK(hit["text"] == "ending impunity is both a beginning and an end");
        CHECK(hit["snippet"] == "ending <mark>impunity</mark> is both a beginning and an end");
        CHECK(hit["snippet_text"] == "ending impunity is both a beginning and an end");
        CHECK(hit["highlights"] == nlohmann::json::array({{7, 15}}));
        CHECK(hit["themes"] == nlohmann::json::array({"accountability"}));
        CHECK(hit["roles"] == nlohmann::json::array({"minister"}));
        CHECK(hit["speaker"].is_null());
        CHECK(hit["parent"] == "doc/p7");
        CHECK(hit["section"] == "Key Themes");
        CHECK(hit["label"] == "12");
        CHECK(hit["doc"] == nlohmann::json({{"id", "doc"},
                                            {"title", "A statement"},
                                            {"date", "2012-09-28"},
                                            {"path", "corpus/doc.txt"},
                                            {"line", 26},
                                            {"event", "5th Ministerial Meeting"},
                                            {"place", "New York"},
                                            {"source_url", "https://example.org/r2p"},
                                            {"country", nullptr},
                                            {"session", nullptr},
                                            {"symbol", "A/73/898-S/2019/463"}}));
    }

    TEST_CASE("a paragraph has a null parent, a named speaker a string, an unknown date null") {
        const auto j = r2p::search_result_json(sample());
        const auto& hit = j["results"][1];
        CHECK(hit["parent"].is_null());
        CHECK(hit["speaker"] == "Jan Eliasson");
        CHECK(hit["doc"]["date"].is_null());
        CHECK(hit["doc"]["event"].is_null());
        CHECK(hit["doc"]["place"].is_null());
        CHECK(hit["doc"]["source_url"].is_null());
        CHECK(hit["label"].is_null());
        CHECK(hit["doc"]["symbol"].is_null());
    }

    TEST_CASE("facets hold only those asked for, with value, label and count") {
        const auto j = r2p::search_result_json(sample());
        CHECK(j["facets"].size() == 1);
        CHECK(j["facets"]["theme"] ==
              nlohmann::json::array(
                  {{{"value", "accountability"}, {"label", "Ending impunity"}, {"count", 3}}}));
        r2p::SearchResult none = sample();
        none.facets.clear();
        CHECK(r2p::search_result_json(none)["facets"] == nlohmann::json::object());
    }

    TEST_CASE("a grouped result gives its group, the group counts and each hit's folded") {
        r2p::SearchResult r = sample();
        r.group = r2p::GroupBy::Paragraph;
        r.groups = r2p::MatchCounts{2, 2, 2};
        r.hits[0].folded = 1;
        const auto j = r2p::search_result_json(r);
        CHECK(j["group"] == "paragraph");
        CHECK(j["groups"] ==
              nlohmann::json({{"lower", 2}, {"estimated", 2}, {"upper", 2}, {"exact", true}}));
        CHECK(j["results"][0]["folded"] == 1);
        CHECK(j["results"][1]["folded"] == 0);
        r.group = r2p::GroupBy::Doc;
        CHECK(r2p::search_result_json(r)["group"] == "doc");

        std::ostringstream table;
        r2p::print_table(table, r, {});
        CHECK(table.str().rfind("3 passages match, in 2 documents (showing 1-2)", 0) == 0);
        CHECK(table.str().find("+1 more matching in this document") != std::string::npos);
        CHECK(table.str().find("+0") == std::string::npos);
    }

    TEST_CASE("a corrected query: JSON names it, the table shows it first, no Did you mean") {
        r2p::SearchResult r = sample();
        r.query = "impunty";
        r.suggestion = "impunity";
        r.corrected_query = "impunity";
        const auto j = r2p::search_result_json(r);
        CHECK(j["query"] == "impunty");
        CHECK(j["corrected_query"] == "impunity");
        CHECK(j["suggestion"] == "impunity");
        std::ostringstream table;
        r2p::TableStyle style;
        style.search_as_asked = "--correct off";
        r2p::print_table(table, r, style);
        CHECK(table.str().rfind(
                  "Showing results for impunity; search instead for impunty (--correct off)\n",
                  0) == 0);
        CHECK(table.str().find("Did you mean") == std::string::npos);
    }

    TEST_CASE("a passage in context: before, the passage marked, its quotes, after") {
        r2p::PassageContext context;
        const r2p::SearchResult r = sample();
        context.passage = r.hits[1].passage;  // doc/p7
        context.quotes = {r.hits[0].passage};
        context.before = {r.hits[1].passage};
        context.before[0].id = "doc/p6";
        context.after = {r.hits[1].passage};
        context.after[0].id = "doc/p8";
        std::ostringstream table;
        r2p::print_passage_context(table, context, {});
        const std::string text = table.str();
        const auto p6 = text.find("   doc/p6  paragraph");
        const auto p7 = text.find(">  doc/p7  paragraph");
        const auto q1 = text.find("     doc/p7/q1  ¶12  quote");
        const auto p8 = text.find("   doc/p8  paragraph");
        CHECK(p6 != std::string::npos);
        CHECK(p7 != std::string::npos);
        CHECK(q1 != std::string::npos);
        CHECK(p8 != std::string::npos);
        CHECK((p6 < p7 && p7 < q1 && q1 < p8));
        CHECK(text.find("ending impunity is both") != std::string::npos);

        // A quote asked for: its paragraph unmarked, the quote marked.
        context.parent = context.passage;
        context.passage = r.hits[0].passage;
        std::ostringstream quoted;
        r2p::print_passage_context(quoted, context, {});
        CHECK(quoted.str().find(">    doc/p7/q1") != std::string::npos);
        CHECK(quoted.str().find("   doc/p7  paragraph") != std::string::npos);
    }

    TEST_CASE("a suggestion is a string and the output parses back") {
        r2p::SearchResult r = sample();
        r.suggestion = "impunity";
        const auto parsed = nlohmann::json::parse(r2p::format_json(r));
        CHECK(parsed["suggestion"] == "impunity");
        CHECK(parsed["results"].size() == 2);
    }

    TEST_CASE("the table shows ids, bold matches only on a terminal, facets and the suggestion") {
        r2p::SearchResult r = sample();
        r.suggestion = "impunity";
        std::ostringstream plain;
        r2p::print_table(plain, r, r2p::TableStyle{false, 100});
        const std::string text = plain.str();
        CHECK(text.find("3 passages match") != std::string::npos);
        CHECK(text.find("doc/p7/q1") != std::string::npos);
        CHECK(text.find("[minister] Jan Eliasson") != std::string::npos);
        CHECK(text.find("ending impunity is both") != std::string::npos);
        CHECK(text.find("Ending impunity") != std::string::npos);
        CHECK(text.find("Did you mean: impunity") != std::string::npos);
        CHECK(text.find("A statement · A/73/898-S/2019/463 · 2012-09-28") != std::string::npos);
        CHECK(text.find("A statement · no date") != std::string::npos);
        CHECK(text.find("5th Ministerial Meeting · New York · https://example.org/r2p") !=
              std::string::npos);
        CHECK(text.find('\x1b') == std::string::npos);
        std::ostringstream bold;
        r2p::print_table(bold, r, r2p::TableStyle{true, 100});
        CHECK(bold.str().find("\x1b[1mimpunity\x1b[0m") != std::string::npos);
    }

    TEST_CASE("the table shows a paragraph's printed number by its id, none when it has none") {
        std::ostringstream out;
        r2p::print_table(out, sample(), r2p::TableStyle{false, 100});
        const std::string text = out.str();
        CHECK(text.find("doc/p7/q1  ¶12  quote") != std::string::npos);
        CHECK(text.find("doc/p7  paragraph") != std::string::npos);
        CHECK(text.find("¶") == text.rfind("¶"));  // only the labelled one
    }

    TEST_CASE("an estimated count is marked so in JSON and table alike, an exact one is not") {
        auto r = sample();
        r.matches = {150000, 160000, 170000};
        CHECK(r2p::search_result_json(r)["matches"]["exact"] == false);
        std::ostringstream estimated;
        r2p::print_table(estimated, r, {});
        CHECK(estimated.str().rfind("about 160000 passages match", 0) == 0);
        std::ostringstream exact;
        r2p::print_table(exact, sample(), {});
        CHECK(exact.str().rfind("3 passages match", 0) == 0);
    }

    TEST_CASE("markup in a passage is escaped in the snippet, plain in snippet_text") {
        r2p::SearchResult r = sample();
        r2p::SearchHit& hit = r.hits[0];
        hit.passage.text = "Søvndal: <script>alert(1)</script>";
        hit.snippet.text = hit.passage.text;
        hit.snippet.marks = {{0, 8}, {18, 23}};  // bytes: "Søvndal", "alert"
        const auto j = r2p::search_result_json(r)["results"][0];
        CHECK(j["snippet"] ==
              "<mark>Søvndal</mark>: &lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;");
        CHECK(j["snippet_text"] == "Søvndal: <script>alert(1)</script>");
        CHECK(j["highlights"] == nlohmann::json::array({{0, 7}, {17, 22}}));  // code points
        CHECK(j["text"] == "Søvndal: <script>alert(1)</script>");
    }

    TEST_CASE("the table never passes the source's control characters to the terminal") {
        r2p::SearchResult r = sample();
        r2p::SearchHit& hit = r.hits[0];
        hit.passage.id = "doc/p7/q1\x1b]0;owned\x07";
        hit.passage.speaker = "Jan\x1b[2J Eliasson";
        hit.passage.themes = {"accountability\x1b[8m"};
        hit.passage.section = "Key\x1b[31m Themes";
        hit.passage.doc_title =
            "A \xc2\x9b"
            "31m statement";  // C1 CSI
        hit.snippet.text = "ending \x1b[5mimpunity\x7f is both\ta beginning";
        hit.snippet.marks = {{11, 19}};
        r.facets = {{r2p::FacetField::Theme, {{"accountability", "Ending\x1b[1m impunity", 3}}}};
        r.suggestion = "impunity\x1b[0m";
        r.missing_shards = {"tcp://host:1\x1b[A"};
        for (const bool bold : {false, true}) {
            CAPTURE(bold);
            std::ostringstream out;
            r2p::print_table(out, r, r2p::TableStyle{bold, 100});
            std::string text = out.str();
            // Only the table's own bold codes may remain.
            for (const std::string_view own : {"\x1b[1m", "\x1b[0m"}) {
                for (auto at = text.find(own); at != std::string::npos; at = text.find(own)) {
                    text.erase(at, own.size());
                }
            }
            CHECK(text.find('\x1b') == std::string::npos);
            CHECK(text.find('\x07') == std::string::npos);
            CHECK(text.find('\x7f') == std::string::npos);
            CHECK(text.find('\t') == std::string::npos);
            CHECK(text.find("\xc2\x9b") == std::string::npos);
            CHECK(text.find("ending \uFFFD[5mimpunity\uFFFD is both a beginning") !=
                  std::string::npos);
            CHECK(text.find("Jan\uFFFD[2J Eliasson") != std::string::npos);
        }
    }

    TEST_CASE("the table writes each role in brackets and the name after its own role") {
        r2p::SearchResult r = sample();
        r.hits.resize(1);
        r2p::StoredPassage& p = r.hits[0].passage;
        const auto head = [&] {
            std::ostringstream out;
            r2p::print_table(out, r, r2p::TableStyle{false, 100});
            const std::string text = out.str();
            const auto start = text.find("  1. ");
            return text.substr(start, text.find('\n', start) - start);
        };
        p.roles = {"ambassador"};
        p.speaker = "Mona Juul";
        CHECK(head() == "  1. doc/p7/q1  ¶12  quote  [ambassador] Mona Juul  7.91");
        // Whose the name is among several roles the index does not say: it stands apart.
        p.roles = {"ambassador", "secretary-general"};
        CHECK(head() ==
              "  1. doc/p7/q1  ¶12  quote  [ambassador] · [secretary-general] · speaker: Mona Juul "
              " 7.91");
        p.speaker.reset();
        CHECK(head() == "  1. doc/p7/q1  ¶12  quote  [ambassador] · [secretary-general]  7.91");
    }

    TEST_CASE("the table shows no score when the query ranked nothing") {
        r2p::SearchResult r = sample();
        for (auto& hit : r.hits) hit.score = 0;
        std::ostringstream out;
        r2p::print_table(out, r, r2p::TableStyle{false, 100});
        CHECK(out.str().find("0.00") == std::string::npos);
        CHECK(out.str().find("  1. doc/p7/q1  ¶12  quote  [minister]\n") != std::string::npos);
    }

    TEST_CASE("the table lists years in order and undated passages under no date") {
        r2p::SearchResult r = sample();
        r.matches = {10, 10, 10};
        r.facets = {{r2p::FacetField::Year, {{"2014", "2014", 5}, {"2012", "2012", 3}}}};
        std::ostringstream out;
        r2p::print_table(out, r, r2p::TableStyle{false, 100});
        const std::string text = out.str();
        const auto facet = text.substr(text.find("year:"));
        CHECK(facet ==
              "year:\n"
              "  2012          3\n"
              "  2014          5\n"
              "  no date       2\n");
        // The JSON keeps the interface's order and values.
        const auto j = r2p::search_result_json(r);
        CHECK(j["facets"]["year"].size() == 2);
        CHECK(j["facets"]["year"][0]["value"] == "2014");
    }
}
