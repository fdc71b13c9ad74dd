#include "bench/trace_bench.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iomanip>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <vector>

#include <xapian.h>

#include "bench/latency_json.hpp"
#include "bench/run_info.hpp"
#include "bench/stopwatch.hpp"
#include "index/stored_passage.hpp"
#include "index/stored_passage_reader.hpp"
#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "r2p/search.hpp"
#include "r2p/trace.hpp"

namespace r2p::bench {

namespace {

using json = nlohmann::json;

// One sentence of the set and what was measured of it.
struct Probe {
    std::string cls;  ///< "formula", "sampled" or "common"
    std::string sentence;
    std::vector<double> trace_ms, like_ms, phrase_ms;
    json found;  ///< what the untimed pass found (uses, matches, first use)
};

// The sentence of `use` (its byte range in the passage's text).
std::string sentence_of(const SentenceUse& use) {
    const std::string& text = use.passage.text;
    const std::size_t begin = std::min(use.match.begin, text.size());
    const std::size_t end = std::clamp(use.match.end, begin, text.size());
    return text.substr(begin, end - begin);
}

json use_json(const SentenceUse& use) {
    return {{"id", use.passage.id},
            {"date", use.passage.doc_date},
            {"speaker", use.passage.speaker.value_or("")},
            {"country", use.passage.doc_country}};
}

// The words of `sentence` as one phrase can hold them: only what can be inside a phrase
// stays, since a quote or bracket would end it early (QueryParser also reads typographic
// quotes as quotes); a possessive goes as it went from the indexed text ("Israel's" ->
// "Israel").
std::string phrase_words(const std::string& sentence) {
    static const char* const kPunctuation[] = {"\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb",
                                               "\u2018", "\u2013", "\u2014", "\u2026"};
    std::string words;
    for (std::size_t i = 0; i < sentence.size(); ++i) {
        const auto mark = std::find_if(
            std::begin(kPunctuation), std::end(kPunctuation),
            [&](const char* p) { return sentence.compare(i, std::strlen(p), p) == 0; });
        if (mark != std::end(kPunctuation)) {
            i += std::strlen(*mark) - 1;
            words += ' ';
            continue;
        }
        const auto u = static_cast<unsigned char>(sentence[i]);
        const std::size_t apostrophe = sentence[i] == '\''                     ? 1
                                       : sentence.compare(i, 3, "\u2019") == 0 ? 3
                                                                               : 0;
        if (apostrophe > 0) {
            i += apostrophe;
            while (i < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[i])))
                ++i;
            --i;
            words += ' ';
            continue;
        }
        words += (std::isalnum(u) || u >= 0x80 || sentence[i] == '-') ? sentence[i] : ' ';
    }
    return words;
}

// The plain Xapian peer: the sentence as one phrase, parsed by QueryParser as Xapian's
// documentation teaches, on the same database (its unprefixed terms carry positions). Every
// match is counted, as a trace counts every use, and the first 100 are read.
class PhrasePeer {
  public:
    explicit PhrasePeer(const Xapian::Database& db) : db_(db) {
        parser_.set_database(db_);
        parser_.set_stemmer(schema::make_stemmer());
        parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    }

    Xapian::doccount run(const std::string& sentence) {
        Xapian::Enquire enquire(db_);
        enquire.set_query(parser_.parse_query('"' + phrase_words(sentence) + '"',
                                              Xapian::QueryParser::FLAG_PHRASE));
        return enquire.get_mset(0, 100, db_.get_doccount()).get_matches_estimated();
    }

  private:
    const Xapian::Database& db_;
    Xapian::QueryParser parser_;
};

// `count` distinct sentences of random passages (seeded): a passage drawn by document
// number, its sentence 1 to 3 drawn too (sentence 1 when it has fewer), read through
// trace_sentence's passage form so that each is a sentence the tracer itself splits out.
std::vector<std::string> sample_sentences(Searcher& searcher, std::size_t count, std::uint64_t seed,
                                          std::ostream& log) {
    const Xapian::Database& db = searcher.database();
    std::mt19937_64 random(seed);
    const Xapian::docid last = db.get_lastdocid();
    std::set<std::string> seen;
    std::vector<std::string> sentences;
    if (last == 0) return sentences;
    std::uniform_int_distribution<Xapian::docid> docids(1, last);
    std::uniform_int_distribution<std::size_t> numbers(1, 3);
    StoredPassageReader reader(db);
    for (std::size_t attempt = 0; sentences.size() < count && attempt < count * 20; ++attempt) {
        StoredPassage passage;
        try {
            passage = reader.read(docids(random));
        } catch (const Xapian::DocNotFoundError&) {
            continue;  // a gap left by a deleted document
        }
        TraceRequest request;
        request.passage_id = passage.id;
        request.limit = 1;
        std::string sentence;
        for (const std::size_t number : {numbers(random), std::size_t{1}}) {
            request.sentence_number = number;
            try {
                sentence = trace_sentence(searcher, request).sentence;
                break;
            } catch (const UsageError&) {
                // No such sentence, or too short to have a signature.
            }
        }
        if (!sentence.empty() && seen.insert(sentence).second) sentences.push_back(sentence);
    }
    log << "trace: sampled " << sentences.size() << " sentences\n";
    return sentences;
}

// Runs repeated_sentences once, timed; its list as JSON, and the sentences shown.
json time_top(Searcher& searcher, std::size_t top, const std::string& from, const std::string& to,
              std::vector<std::string>& sentences, std::ostream& log) {
    RepeatedRequest request;
    request.top = top;
    request.filters.from = from;
    request.filters.to = to;
    log << "trace: --top " << top << " over "
        << (from.empty() ? "the whole corpus" : from + "-" + to) << " ...\n";
    const auto start = Clock::now();
    const RepeatedResult result = repeated_sentences(searcher, request);
    const double seconds = seconds_since(start);
    json list = json::array();
    for (std::size_t i = 0; i < result.sentences.size(); ++i) {
        const RepeatedSentence& s = result.sentences[i];
        sentences.push_back(sentence_of(s.first_use));
        list.push_back({{"rank", i + 1},
                        {"sentence", sentences.back()},
                        {"score", s.score},
                        {"boilerplate", s.boilerplate},
                        {"speakers", s.speakers},
                        {"documents", s.documents},
                        {"years", s.years},
                        {"verbatim", s.verbatim},
                        {"first_use", use_json(s.first_use)}});
    }
    return {{"from", from},
            {"to", to},
            {"seconds", seconds},
            {"passages_read", result.passages_read},
            {"sentences_read", result.sentences_read},
            {"sentences", list}};
}

// The untimed pass: what each engine finds for the probe (and caches warmed).
void find_once(Searcher& searcher, PhrasePeer& phrase, Probe& probe) {
    TraceRequest trace;
    trace.sentence = probe.sentence;
    const TraceResult traced = trace_sentence(searcher, trace);
    SearchRequest like;
    like.like_text = probe.sentence;
    like.limit = 10;
    const SearchResult liked = searcher.run(like);
    probe.found = {{"uses", traced.uses},
                   {"speakers", traced.speakers},
                   {"documents", traced.documents},
                   {"years", traced.years.size()},
                   {"first_use", traced.first_use ? use_json(*traced.first_use) : json(nullptr)},
                   {"like_matches", liked.matches.estimated},
                   {"phrase_matches", phrase.run(probe.sentence)}};
}

// One timed pass over every probe; the engines take turns going first.
void time_once(Searcher& searcher, PhrasePeer& phrase, std::vector<Probe>& probes, unsigned pass) {
    for (std::size_t i = 0; i < probes.size(); ++i) {
        Probe& probe = probes[i];
        for (unsigned k = 0; k < 3; ++k) {
            const auto start = Clock::now();
            switch ((pass + i + k) % 3) {
                case 0: {
                    TraceRequest trace;
                    trace.sentence = probe.sentence;
                    trace_sentence(searcher, trace);
                    probe.trace_ms.push_back(ms_since(start));
                    break;
                }
                case 1: {
                    SearchRequest like;
                    like.like_text = probe.sentence;
                    like.limit = 10;
                    searcher.run(like);
                    probe.like_ms.push_back(ms_since(start));
                    break;
                }
                default:
                    phrase.run(probe.sentence);
                    probe.phrase_ms.push_back(ms_since(start));
            }
        }
    }
}

double median(const std::vector<double>& ms) { return latency_json(ms)["p50_ms"].get<double>(); }

}  // namespace

json measure_trace(const TraceBenchOptions& options, const Taxonomy& taxonomy, std::ostream& log) {
    const auto open_start = Clock::now();
    Searcher searcher({options.db.string()}, taxonomy);
    const double open_seconds = seconds_since(open_start);
    const Xapian::Database& db = searcher.database();
    const std::string scheme = db.get_metadata(std::string(schema::kSignatureSchemeKey));
    if (scheme.empty())
        throw UsageError(options.db.string() +
                         ": has no sentence signatures (index it again with r2p-index)");
    json result = {{"date", utc_now_text()},
                   {"machine", machine_json()},
                   {"load_average_at_start", load_average_json()},
                   {"db", options.db.string()},
                   {"scheme", scheme},
                   {"passages", db.get_doccount()},
                   {"open_seconds", open_seconds},
                   {"seed", options.seed},
                   {"repeats", options.repeats}};

    // --top first: the whole corpus's list gives the common sentences.
    std::vector<std::string> common;
    if (options.top > 0) {
        json top = json::object();
        top["whole"] = time_top(searcher, options.top, "", "", common, log);
        std::vector<std::string> unused;
        top["period"] =
            time_top(searcher, options.top, options.period_from, options.period_to, unused, log);
        result["top"] = top;
        if (common.size() > options.common) common.resize(options.common);
    }

    std::vector<Probe> probes;
    probes.push_back({"formula", kWorldSummitFormula, {}, {}, {}, {}});
    for (std::string& s : sample_sentences(searcher, options.samples, options.seed, log))
        probes.push_back({"sampled", std::move(s), {}, {}, {}, {}});
    for (std::string& s : common) probes.push_back({"common", std::move(s), {}, {}, {}, {}});

    PhrasePeer phrase(db);
    log << "trace: " << probes.size() << " sentences, untimed pass ...\n";
    json dropped = json::array();
    for (auto it = probes.begin(); it != probes.end();) {
        try {
            find_once(searcher, phrase, *it);
            ++it;
        } catch (const UsageError& e) {
            // A sentence the tracer refuses (too short, say) is reported, not timed.
            dropped.push_back({{"class", it->cls}, {"sentence", it->sentence}, {"why", e.what()}});
            it = probes.erase(it);
        }
    }
    result["dropped"] = dropped;
    for (unsigned pass = 0; pass < std::max(1U, options.repeats); ++pass) {
        log << "trace: timed pass " << pass + 1 << " ...\n";
        time_once(searcher, phrase, probes, pass);
    }

    // Latency per engine and class, then overall.
    std::map<std::string, std::map<std::string, std::vector<double>>> ms;  // engine, class
    json sentences = json::array();
    for (const Probe& p : probes) {
        for (const auto& [engine, times] :
             {std::pair{"trace", &p.trace_ms}, {"like", &p.like_ms}, {"phrase", &p.phrase_ms}}) {
            auto& of_class = ms[engine][p.cls];
            of_class.insert(of_class.end(), times->begin(), times->end());
            auto& all = ms[engine]["overall"];
            all.insert(all.end(), times->begin(), times->end());
        }
        json s = p.found;
        s["class"] = p.cls;
        s["sentence"] = p.sentence;
        s["trace_median_ms"] = median(p.trace_ms);
        s["like_median_ms"] = median(p.like_ms);
        s["phrase_median_ms"] = median(p.phrase_ms);
        sentences.push_back(s);
    }
    json latency = json::object();
    json ratios = json::object();
    for (const auto& [engine, classes] : ms) {
        for (const auto& [cls, times] : classes) latency[engine][cls] = latency_json(times);
    }
    for (const char* engine : {"trace", "like"}) {
        for (const auto& [cls, figures] : latency[engine].items()) {
            const double peer = latency["phrase"][cls]["p50_ms"].get<double>();
            ratios[std::string(engine) + "_over_phrase"][cls] =
                peer > 0 ? figures["p50_ms"].get<double>() / peer : 0.0;
        }
    }
    result["latency"] = latency;
    result["p50_ratios"] = ratios;
    result["sentences"] = sentences;
    result["load_average_at_end"] = load_average_json();
    // Issue 15's targets on the whole UNGDC: a trace in 50 ms p50, --top in 2 minutes.
    result["targets"] = {{"trace_p50_ms_at_most", 50}, {"top_seconds_at_most", 120}};
    return result;
}

void print_trace_table(const json& result, std::ostream& out) {
    out << "r2p-bench trace " << result["date"].get<std::string>() << ", " << result["passages"]
        << " passages (" << result["db"].get<std::string>() << "), scheme "
        << result["scheme"].get<std::string>() << "\n";
    if (result["load_average_at_start"].is_array())
        out << "load " << std::fixed << std::setprecision(1)
            << result["load_average_at_start"][0].get<double>() << " at the start, "
            << result["load_average_at_end"][0].get<double>() << " at the end\n";
    if (result.contains("top")) {
        for (const char* which : {"whole", "period"}) {
            const json& t = result["top"][which];
            const std::string period =
                t["from"].get<std::string>().empty()
                    ? "the whole corpus"
                    : t["from"].get<std::string>() + "-" + t["to"].get<std::string>();
            out << "--top " << t["sentences"].size() << " over " << period << ": " << std::fixed
                << std::setprecision(1) << t["seconds"].get<double>() << " s ("
                << t["passages_read"] << " passages, " << t["sentences_read"]
                << " sentences read)\n";
        }
    }
    out << "\nlatency, ms (warm, " << result["repeats"] << " timed passes)\n";
    out << std::left << std::setw(10) << "class" << std::right << std::setw(6) << "n"
        << std::setw(18) << "trace p50 / p99" << std::setw(18) << "like p50 / p99" << std::setw(18)
        << "phrase p50 / p99" << std::setw(14) << "trace/phrase" << std::setw(13) << "like/phrase"
        << '\n';
    const json& latency = result["latency"];
    for (const char* cls : {"formula", "sampled", "common", "overall"}) {
        if (!latency["trace"].contains(cls)) continue;
        const auto pair = [&](const char* engine) {
            std::ostringstream text;
            text << std::fixed << std::setprecision(2)
                 << latency[engine][cls]["p50_ms"].get<double>() << " / "
                 << latency[engine][cls]["p99_ms"].get<double>();
            return text.str();
        };
        out << std::left << std::setw(10) << cls << std::right << std::setw(6)
            << latency["trace"][cls]["count"].get<std::size_t>() /
                   result["repeats"].get<std::size_t>()
            << std::setw(18) << pair("trace") << std::setw(18) << pair("like") << std::setw(18)
            << pair("phrase") << std::fixed << std::setprecision(2) << std::setw(14)
            << result["p50_ratios"]["trace_over_phrase"][cls].get<double>() << std::setw(13)
            << result["p50_ratios"]["like_over_phrase"][cls].get<double>() << '\n';
    }
    out << "targets: trace p50 <= 50 ms, --top <= 120 s (on the whole UNGDC)\n";
}

}  // namespace r2p::bench
