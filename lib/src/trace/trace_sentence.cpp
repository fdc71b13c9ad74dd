// A sentence's history: every passage holding it or a near-identical sentence, found by the
// like search (anchors, then exact similarity on the stored text), read page by page.
#include "r2p/error.hpp"
#include "r2p/search.hpp"
#include "r2p/trace.hpp"
#include "sentences/passage_sentences.hpp"
#include "sentences/sentence_signature.hpp"
#include "sentences/sentence_split.hpp"
#include "trace/signatures_check.hpp"
#include "trace/trace_timeline.hpp"

namespace r2p {

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The sentence `number` (1-based) of the passage `id`.
std::string passage_sentence(Searcher& searcher, const std::string& id, std::size_t number) {
    const std::optional<PassageContext> context = searcher.passage(id, 0);
    if (!context) throw UsageError("no passage has the id '" + id + "'");
    const std::string& text = context->passage.text;
    const auto spans = detail::split_sentences(text);
    if (number == 0 || number > spans.size()) {
        throw UsageError("passage '" + id + "' has " +
                         plural(spans.size(), "sentence", "sentences") + ": no sentence " +
                         std::to_string(number));
    }
    const auto& span = spans[number - 1];
    return text.substr(span.begin, span.end - span.begin);
}

// Throws UsageError unless `sentence` is one sentence long enough to have a signature.
void check_traceable(const std::string& sentence) {
    const auto spans = detail::split_sentences(sentence);
    if (spans.size() > 1) {
        throw UsageError("trace one sentence at a time (the text given has " +
                         plural(spans.size(), "sentence", "sentences") + ")");
    }
    const detail::PassageSentence words =
        detail::make_sentence(sentence, spans.empty() ? 0 : spans.front().begin,
                              spans.empty() ? sentence.size() : spans.front().end);
    if (spans.empty() || !detail::has_signature(words.words)) {
        throw UsageError("the sentence is too short to trace (at least " +
                         std::to_string(detail::kMinSignatureWords) + " words)");
    }
}

}  // namespace

TraceResult trace_sentence(Searcher& searcher, const TraceRequest& request) {
    require_signatures(searcher.database());
    std::string sentence = request.sentence;
    if (sentence.empty()) {
        if (request.passage_id.empty()) throw UsageError("nothing to trace: no sentence or id");
        sentence = passage_sentence(searcher, request.passage_id, request.sentence_number);
    }
    check_traceable(sentence);

    // The like search finds, filters and verifies; its pages are read until every use is in
    // (the counts cover them all, however few are listed).
    SearchRequest search;
    search.like_text = sentence;
    search.filters = request.filters;
    search.min_similarity = request.min_similarity;
    search.sort = SortOrder::Date;
    search.limit = kMaxLimit;
    std::vector<SentenceUse> uses;
    for (;;) {
        SearchResult page = searcher.run(search);
        for (SearchHit& hit : page.hits) {
            if (hit.like) uses.push_back({std::move(hit.passage), std::move(*hit.like)});
        }
        search.offset += page.hits.size();
        if (page.hits.size() < search.limit || search.offset >= page.matches.upper) break;
    }
    return build_trace(std::move(sentence), std::move(uses), request.limit);
}

}  // namespace r2p
