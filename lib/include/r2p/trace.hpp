// Tracing agreed language: the history of one sentence across the corpus (who said it first,
// who repeats it, verbatim or modified), and the sentences most repeated across speakers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "r2p/search_request.hpp"
#include "r2p/search_result.hpp"

namespace r2p {

class Searcher;

/// One use of a traced sentence: the passage holding it and where.
struct SentenceUse {
    StoredPassage passage;
    SentenceMatch match;
};

/// One year of a trace (only years with a use are listed).
struct TraceYear {
    std::string year;  ///< "YYYY"; "" for passages without a date
    /// Distinct speakers (a document's id stands for its speaker when none is known) using
    /// the sentence verbatim that year; those using it only modified are counted apart.
    std::size_t verbatim_speakers = 0;
    std::size_t modified_speakers = 0;
    std::size_t uses = 0;                ///< passages
    std::vector<std::string> countries;  ///< sorted ISO 3166-1 alpha-3 codes (lower case)
};

/// What to trace: a sentence's text, or a sentence of a stored passage.
struct TraceRequest {
    std::string sentence;             ///< the sentence (original text); or, when empty,
    std::string passage_id;           ///< the passage whose sentence `sentence_number` is traced
    std::size_t sentence_number = 1;  ///< 1-based, among the passage's sentences
    SearchFilters filters;
    double min_similarity = kDefaultMinSimilarity;
    std::size_t limit = 100;  ///< uses listed (oldest first); every count covers all uses
};

/// A sentence's history, oldest first.
struct TraceResult {
    std::string sentence;  ///< the sentence traced (original text)
    std::size_t uses = 0;  ///< passages holding it (the asked passage included)
    std::size_t speakers = 0;
    std::size_t documents = 0;
    std::size_t countries = 0;
    std::optional<SentenceUse> first_use;  ///< oldest by date, then passage id
    std::vector<TraceYear> years;          ///< oldest first
    std::vector<SentenceUse> listed;       ///< oldest first, at most TraceRequest::limit
};

/// What --top ranks: whole sentences grouped into families of near-identical ones, or
/// phrases (runs of words repeated inside different sentences; see docs/interface.md,
/// "Repeated sentences").
enum class RepeatedUnit { Sentence, Phrase };

/// "sentence" or "phrase" (r2p-trace --unit, the JSON's "unit").
std::string_view repeated_unit_name(RepeatedUnit unit);
/// The unit named `text`; UsageError naming `option` for anything else.
RepeatedUnit parse_repeated_unit(std::string_view option, std::string_view text);

/// The similarity (Dice coefficient of content bigrams; docs/interface.md, "Repeated
/// sentences") at or above which two sentences are one family of --top, unless asked.
inline constexpr double kDefaultFamilySimilarity = 0.5;

/// Which sentences to rank: those of the passages the filters choose.
struct RepeatedRequest {
    std::size_t top = 20;
    RepeatedUnit unit = RepeatedUnit::Sentence;
    SearchFilters filters;  ///< from/to (the period), theme, role, country, ...
    double min_similarity = kDefaultFamilySimilarity;
};

/// A sentence repeated by different speakers (a group of near-identical sentences), or with
/// RepeatedUnit::Phrase a phrase (first_use.match's range is the phrase, not its sentence).
struct RepeatedSentence {
    SentenceUse first_use;      ///< its oldest use in the period; the sentence shown
    std::size_t speakers = 0;   ///< distinct speakers in the period
    std::size_t documents = 0;  ///< distinct documents in the period
    std::size_t years = 0;      ///< distinct years in the period
    std::size_t verbatim = 0;   ///< uses word for word the same as first_use's sentence
    /// How evenly it is spread over the whole corpus's speakers and years, in [0, 1]: 1 for
    /// a courtesy formula every speech has. See docs/interface.md, "Repeated sentences".
    double boilerplate = 0;
    double score = 0;  ///< the rank key, highest first
};

/// The most repeated sentences of a period, highest score first.
struct RepeatedResult {
    std::vector<RepeatedSentence> sentences;  ///< at most RepeatedRequest::top
    std::size_t passages_read = 0;
    std::size_t sentences_read = 0;  ///< sentences long enough to have a signature
};

/// The history of a sentence. Throws UsageError for an empty or too short sentence, an
/// unknown passage id or sentence number, bad filters, or a database without signatures;
/// IndexError when the database fails.
TraceResult trace_sentence(Searcher& searcher, const TraceRequest& request);

/// The most repeated sentences across different speakers among the filtered passages,
/// boilerplate ranked down. Throws as trace_sentence.
RepeatedResult repeated_sentences(Searcher& searcher, const RepeatedRequest& request);

}  // namespace r2p
