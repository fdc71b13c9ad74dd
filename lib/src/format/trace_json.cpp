// r2p-trace's JSON (docs/interface.md, "r2p-trace"): a trace, and the repeated sentences.
#include "format/json_pieces.hpp"
#include "r2p/json_output.hpp"

namespace r2p {

namespace {

nlohmann::json or_null(const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

// A use: who said the sentence where and when, and how it matched.
nlohmann::json use_json(const SentenceUse& use) {
    const StoredPassage& p = use.passage;
    return {
        {"id", p.id},
        {"doc_id", p.doc_id},
        {"date", or_null(p.doc_date)},
        {"speaker", p.speaker ? nlohmann::json(*p.speaker) : nlohmann::json(nullptr)},
        {"country", country_json(p)},
        {"roles", p.roles},
        {"text", p.text},
        {"like", like_json(p.text, use.match)},
    };
}

}  // namespace

nlohmann::json trace_result_json(const TraceResult& result, const TraceRequest& request) {
    nlohmann::json years = nlohmann::json::array();
    for (const TraceYear& year : result.years) {
        years.push_back({{"year", or_null(year.year)},
                         {"verbatim_speakers", year.verbatim_speakers},
                         {"modified_speakers", year.modified_speakers},
                         {"uses", year.uses},
                         {"countries", year.countries}});
    }
    nlohmann::json listed = nlohmann::json::array();
    for (const SentenceUse& use : result.listed) listed.push_back(use_json(use));
    return {
        {"sentence", result.sentence},
        {"min_similarity", rounded(request.min_similarity)},
        {"uses", result.uses},
        {"speakers", result.speakers},
        {"documents", result.documents},
        {"countries", result.countries},
        {"first_use", result.first_use ? use_json(*result.first_use) : nlohmann::json(nullptr)},
        {"years", std::move(years)},
        {"listed", std::move(listed)},
    };
}

nlohmann::json repeated_result_json(const RepeatedResult& result, const RepeatedRequest& request) {
    nlohmann::json sentences = nlohmann::json::array();
    std::size_t rank = 0;
    for (const RepeatedSentence& s : result.sentences) {
        const SentenceMatch& match = s.first_use.match;
        const std::string& text = s.first_use.passage.text;
        const std::size_t end = std::min(match.end, text.size());
        sentences.push_back({
            {"rank", ++rank},
            {"sentence", text.substr(std::min(match.begin, end), end - std::min(match.begin, end))},
            {"score", rounded(s.score)},
            {"boilerplate", rounded(s.boilerplate)},
            {"speakers", s.speakers},
            {"documents", s.documents},
            {"years", s.years},
            {"verbatim", s.verbatim},
            {"first_use", use_json(s.first_use)},
        });
    }
    return {
        {"unit", repeated_unit_name(request.unit)}, {"from", or_null(request.filters.from)},
        {"to", or_null(request.filters.to)},        {"passages_read", result.passages_read},
        {"sentences_read", result.sentences_read},  {"sentences", std::move(sentences)},
    };
}

}  // namespace r2p
