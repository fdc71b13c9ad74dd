#include "r2p/json_output.hpp"

#include "format/json_pieces.hpp"
#include "search/snippets.hpp"

namespace r2p {

namespace {

nlohmann::json or_null(const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

// A passage's own fields: the same in search results and in a passage's context.
nlohmann::json passage_json(const StoredPassage& p) {
    return {
        {"id", p.id},
        {"kind", p.kind},
        {"text", p.text},
        {"themes", p.themes},
        {"roles", p.roles},
        {"speaker", p.speaker ? nlohmann::json(*p.speaker) : nlohmann::json(nullptr)},
        {"parent", or_null(p.parent)},
        {"section", p.section},
        {"label", or_null(p.label)},
        {"doc",
         {{"id", p.doc_id},
          {"title", p.doc_title},
          {"date", or_null(p.doc_date)},
          {"path", p.doc_path},
          {"line", p.line},
          {"event", or_null(p.doc_event)},
          {"place", or_null(p.doc_place)},
          {"source_url", or_null(p.doc_source_url)},
          {"country", country_json(p)},
          {"session", or_null(p.doc_session)},
          {"symbol", or_null(p.doc_symbol)}}},
    };
}

}  // namespace

nlohmann::json like_json(const std::string& text, const SentenceMatch& match) {
    // Code point offsets into `text`, as highlights are.
    const auto sentence = code_point_marks(Snippet{text, {{match.begin, match.end}}});
    nlohmann::json differing = nlohmann::json::array();
    for (const auto& [b, e] : code_point_marks(Snippet{text, match.differing})) {
        differing.push_back({b, e});
    }
    return {{"similarity", rounded(match.similarity)},
            {"verbatim", match.verbatim},
            {"asked", match.asked},
            {"sentence", text.substr(match.begin, match.end - match.begin)},
            {"begin", sentence.empty() ? 0 : sentence.front().first},
            {"end", sentence.empty() ? 0 : sentence.front().second},
            {"differing", std::move(differing)},
            {"missing", match.missing}};
}

namespace {

// A hit: its passage and where and how it matched.
nlohmann::json hit_json(const SearchHit& hit) {
    nlohmann::json out = passage_json(hit.passage);
    out["rank"] = hit.rank;
    out["score"] = rounded(hit.score);
    out["snippet"] = render_snippet_html(hit.snippet);
    out["snippet_text"] = hit.snippet.text;
    out["highlights"] = code_point_marks(hit.snippet);
    out["folded"] = hit.folded;
    if (hit.like) out["like"] = like_json(hit.passage.text, *hit.like);
    return out;
}

nlohmann::json passages_json(const std::vector<StoredPassage>& passages) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : passages) out.push_back(passage_json(p));
    return out;
}

std::string_view group_name(GroupBy group) {
    switch (group) {
        case GroupBy::None:
            return "none";
        case GroupBy::Paragraph:
            return "paragraph";
        case GroupBy::Doc:
            return "doc";
    }
    return "none";
}

nlohmann::json counts_json(const MatchCounts& counts) {
    return {{"lower", counts.lower},
            {"estimated", counts.estimated},
            {"upper", counts.upper},
            {"exact", counts.exact()}};
}

std::string_view ranked_by_name(RankedBy by) {
    switch (by) {
        case RankedBy::Xapian:
            return "xapian";
        case RankedBy::PostingWalk:
            return "posting-walk";
    }
    return "xapian";
}

std::string_view counted_by_name(CountedBy by) {
    switch (by) {
        case CountedBy::None:
            return "none";
        case CountedBy::PostingWalk:
            return "posting-walk";
        case CountedBy::Tables:
            return "tables";
        case CountedBy::Spies:
            return "spies";
    }
    return "none";
}

std::string_view table_source_name(TableSource source) {
    switch (source) {
        case TableSource::None:
            return "none";
        case TableSource::Built:
            return "built";
        case TableSource::File:
            return "file";
    }
    return "none";
}

nlohmann::json stats_json(const SearchStats& stats) {
    nlohmann::json facet_tables = nlohmann::json::array();
    for (const FacetField field : stats.facet_tables) facet_tables.push_back(facet_name(field));
    return {{"ranked_by", ranked_by_name(stats.ranked_by)},
            {"counted_by", counted_by_name(stats.counted_by)},
            {"length_table", stats.length_table},
            {"facet_tables", std::move(facet_tables)},
            {"tables", table_source_name(stats.tables)}};
}

}  // namespace

nlohmann::json search_result_json(const SearchResult& result) {
    nlohmann::json results = nlohmann::json::array();
    for (const auto& hit : result.hits) results.push_back(hit_json(hit));
    nlohmann::json facets = nlohmann::json::object();
    for (const auto& facet : result.facets) {
        nlohmann::json entries = nlohmann::json::array();
        for (const auto& e : facet.entries) {
            entries.push_back({{"value", e.value}, {"label", e.label}, {"count", e.count}});
        }
        facets[std::string(facet_name(facet.field))] = std::move(entries);
    }
    nlohmann::json out = {
        {"query", result.query},
        {"matches", counts_json(result.matches)},
        {"group", group_name(result.group)},
        {"groups", result.groups ? counts_json(*result.groups) : nlohmann::json(nullptr)},
        {"offset", result.offset},
        {"limit", result.limit},
        {"results", std::move(results)},
        {"facets", std::move(facets)},
        {"suggestion",
         result.suggestion ? nlohmann::json(*result.suggestion) : nlohmann::json(nullptr)},
        {"corrected_query", result.corrected_query ? nlohmann::json(*result.corrected_query)
                                                   : nlohmann::json(nullptr)},
        {"missing_shards", result.missing_shards},
        {"stats", stats_json(result.stats)},
    };
    if (!result.like_sentences.empty()) out["like_sentences"] = result.like_sentences;
    return out;
}

nlohmann::json passage_context_json(const PassageContext& context) {
    return {
        {"passage", passage_json(context.passage)},
        {"parent", context.parent ? passage_json(*context.parent) : nlohmann::json(nullptr)},
        {"quotes", passages_json(context.quotes)},
        {"before", passages_json(context.before)},
        {"after", passages_json(context.after)},
    };
}

std::string format_json(const PassageContext& context) {
    return passage_context_json(context).dump(-1, ' ', false,
                                              nlohmann::json::error_handler_t::replace);
}

std::string format_json(const SearchResult& result) {
    return search_result_json(result).dump(-1, ' ', false,
                                           nlohmann::json::error_handler_t::replace);
}

}  // namespace r2p
