#include <algorithm>
#include <iomanip>
#include <map>
#include <sstream>

#include "format/table_text.hpp"
#include "r2p/trace_output.hpp"

namespace r2p {

namespace {

constexpr std::string_view kIndent = "     ";
constexpr std::size_t kBarWidth = 30;

std::string sentence_of(const SentenceUse& use) {
    const std::string& text = use.passage.text;
    const std::size_t end = std::min(use.match.end, text.size());
    const std::size_t begin = std::min(use.match.begin, end);
    return text.substr(begin, end - begin);
}

// "2005-09-16 · DOCID · Speaker · France (fra)", leaving out what the passage lacks.
std::string who_and_when(const StoredPassage& p) {
    std::string line = p.doc_date.empty() ? "no date" : p.doc_date;
    line += " · " + p.doc_id;
    if (p.speaker && !p.speaker->empty()) line += " · " + *p.speaker;
    if (!p.doc_country.empty()) {
        line +=
            " · " + (p.doc_country_name.empty() ? p.doc_country
                                                : p.doc_country_name + " (" + p.doc_country + ")");
    }
    return line;
}

std::string fixed(double value, int decimals) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << value;
    return out.str();
}

// The sentence of `use` with its differing words marked, wrapped under the use's line.
void print_use_sentence(std::ostream& out, const SentenceUse& use, const TableStyle& style) {
    const std::string& text = use.passage.text;
    const std::size_t end = std::min(use.match.end, text.size());
    const std::size_t begin = std::min(use.match.begin, end);
    Snippet snippet{text.substr(begin, end - begin), {}};
    for (const auto& [from, to] : use.match.differing) {
        if (from < begin || to > end || from >= to) continue;
        snippet.marks.emplace_back(from - begin, to - begin);
    }
    print_snippet(out, snippet, style);
}

// "differs: word, word · lacks: word" (the marks say it on a terminal; this says it piped).
std::string differences(const SentenceUse& use) {
    const std::string& text = use.passage.text;
    std::vector<std::string> parts;
    std::string differing;
    for (const auto& [from, to] : use.match.differing) {
        if (from >= to || to > text.size()) continue;
        differing += (differing.empty() ? "" : ", ") + text.substr(from, to - from);
    }
    if (!differing.empty()) parts.push_back("differs: " + differing);
    std::string missing;
    for (const auto& word : use.match.missing) missing += (missing.empty() ? "" : ", ") + word;
    if (!missing.empty()) parts.push_back("lacks: " + missing);
    std::string line;
    for (const auto& part : parts) line += (line.empty() ? "" : " · ") + part;
    return line;
}

}  // namespace

void print_trace_table(std::ostream& out, const TraceResult& result, const TraceRequest& request,
                       const TableStyle& style) {
    out << "Sentence: " << terminal_safe(result.sentence) << '\n';
    out << result.uses << (result.uses == 1 ? " use" : " uses") << " by " << result.speakers
        << (result.speakers == 1 ? " speaker" : " speakers") << " in " << result.documents
        << (result.documents == 1 ? " document" : " documents") << ", " << result.countries
        << (result.countries == 1 ? " country" : " countries") << " (similarity at least "
        << fixed(request.min_similarity, 2) << ")\n";
    if (!result.first_use) return;
    out << "\nFirst use: " << terminal_safe(who_and_when(result.first_use->passage)) << " ("
        << result.first_use->passage.id << ")\n";
    print_use_sentence(out, *result.first_use, style);

    std::size_t most = 1;
    for (const TraceYear& year : result.years) {
        most = std::max(most, year.verbatim_speakers + year.modified_speakers);
    }
    out << "\nYear     Verbatim  Modified  Speakers" << std::string(kBarWidth - 8, ' ')
        << "  Countries\n";
    for (const TraceYear& year : result.years) {
        const std::size_t speakers = year.verbatim_speakers + year.modified_speakers;
        // Verbatim speakers as '#', modified as '+', scaled so the busiest year fills the bar.
        const auto scaled = [&](std::size_t n) { return (n * kBarWidth + most - 1) / most; };
        const std::size_t total = scaled(speakers);
        const std::size_t verbatim = std::min(total, scaled(year.verbatim_speakers));
        std::string bar = std::string(verbatim, '#') + std::string(total - verbatim, '+');
        bar.resize(kBarWidth, ' ');
        std::string countries;
        for (const auto& c : year.countries) countries += (countries.empty() ? "" : " ") + c;
        out << std::left << std::setw(7) << (year.year.empty() ? "no date" : year.year)
            << std::right << std::setw(10) << year.verbatim_speakers << std::setw(10)
            << year.modified_speakers << "  " << bar << "  " << terminal_safe(countries) << '\n';
    }

    out << "\nUses, oldest first";
    if (result.listed.size() < result.uses) {
        out << " (" << result.listed.size() << " of " << result.uses << " shown; --limit)";
    }
    out << ":\n";
    for (const SentenceUse& use : result.listed) {
        out << terminal_safe(who_and_when(use.passage)) << " · " << use.passage.id << " · "
            << (use.match.verbatim ? "verbatim" : "similarity " + fixed(use.match.similarity, 2))
            << '\n';
        print_use_sentence(out, use, style);
        const std::string differ = differences(use);
        if (!differ.empty()) out << kIndent << terminal_safe(differ) << '\n';
    }
}

void print_repeated_table(std::ostream& out, const RepeatedResult& result,
                          const RepeatedRequest& request, const TableStyle& style) {
    const std::string period =
        request.filters.from.empty() && request.filters.to.empty()
            ? "the whole corpus"
            : (request.filters.from.empty() ? "the start" : request.filters.from) + " to " +
                  (request.filters.to.empty() ? "the end" : request.filters.to);
    out << "Most repeated " << (request.unit == RepeatedUnit::Phrase ? "phrases" : "sentences")
        << " across speakers, " << terminal_safe(period) << " (" << result.sentences_read
        << " sentences of " << result.passages_read << " passages read)\n";
    std::size_t rank = 0;
    for (const RepeatedSentence& s : result.sentences) {
        out << '\n'
            << std::right << std::setw(3) << ++rank << ".  score " << fixed(s.score, 1) << " · "
            << s.speakers << (s.speakers == 1 ? " speaker" : " speakers") << " · " << s.years
            << (s.years == 1 ? " year" : " years") << " · " << s.verbatim
            << " verbatim · boilerplate " << fixed(s.boilerplate, 2) << '\n';
        out << kIndent << "first: " << terminal_safe(who_and_when(s.first_use.passage)) << " · "
            << s.first_use.passage.id << '\n';
        print_snippet(out, Snippet{sentence_of(s.first_use), {}}, style);
    }
}

}  // namespace r2p
