#include "trace/trace_timeline.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "text/names.hpp"

namespace r2p {

namespace {

// "p10" > "p2": digit runs compare by value (then by length, so "p02" sorts after "p2").
bool natural_less(std::string_view a, std::string_view b) {
    const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && digit(a[ie])) ++ie;
            while (je < b.size() && digit(b[je])) ++je;
            std::string_view na = a.substr(i, ie - i), nb = b.substr(j, je - j);
            const auto strip = [](std::string_view n) {
                while (n.size() > 1 && n.front() == '0') n.remove_prefix(1);
                return n;
            };
            const std::string_view sa = strip(na), sb = strip(nb);
            if (sa.size() != sb.size()) return sa.size() < sb.size();
            if (sa != sb) return sa < sb;
            if (na.size() != nb.size()) return na.size() < nb.size();
            i = ie;
            j = je;
            continue;
        }
        if (a[i] != b[j]) return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

}  // namespace

std::string speaker_key(const StoredPassage& passage) {
    if (passage.speaker && !passage.speaker->empty()) {
        std::string key = fold_name(*passage.speaker);
        if (!key.empty()) return key;
    }
    return "doc:" + passage.doc_id;
}

std::string passage_year(const StoredPassage& passage) {
    const std::string& date = passage.doc_date;
    if (date.size() < 4 || !std::all_of(date.begin(), date.begin() + 4, [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) != 0;
        })) {
        return "";
    }
    return date.substr(0, 4);
}

bool used_before(const StoredPassage& a, const StoredPassage& b) {
    const bool a_dated = !a.doc_date.empty(), b_dated = !b.doc_date.empty();
    if (a_dated != b_dated) return a_dated;
    if (a.doc_date != b.doc_date) return a.doc_date < b.doc_date;
    if (a.doc_id != b.doc_id) return natural_less(a.doc_id, b.doc_id);
    return natural_less(a.id, b.id);
}

TraceResult build_trace(std::string sentence, std::vector<SentenceUse> uses, std::size_t limit) {
    std::sort(uses.begin(), uses.end(), [](const SentenceUse& a, const SentenceUse& b) {
        return used_before(a.passage, b.passage);
    });

    struct Year {
        std::set<std::string> verbatim;  // speaker keys
        std::set<std::string> any;
        std::size_t uses = 0;
        std::set<std::string> countries;
    };
    // Undated uses sort last: "" is keyed after every year.
    const auto year_less = [](const std::string& a, const std::string& b) {
        if (a.empty() != b.empty()) return b.empty();
        return a < b;
    };
    std::map<std::string, Year, decltype(year_less)> years(year_less);
    std::set<std::string> speakers, documents, countries;
    for (const SentenceUse& use : uses) {
        const StoredPassage& p = use.passage;
        const std::string who = speaker_key(p);
        Year& year = years[passage_year(p)];
        year.any.insert(who);
        if (use.match.verbatim) year.verbatim.insert(who);
        ++year.uses;
        speakers.insert(who);
        documents.insert(p.doc_id);
        if (!p.doc_country.empty()) {
            year.countries.insert(p.doc_country);
            countries.insert(p.doc_country);
        }
    }

    TraceResult result;
    result.sentence = std::move(sentence);
    result.uses = uses.size();
    result.speakers = speakers.size();
    result.documents = documents.size();
    result.countries = countries.size();
    for (auto& [name, year] : years) {
        TraceYear out;
        out.year = name;
        out.verbatim_speakers = year.verbatim.size();
        // A speaker with a verbatim use that year counts there only.
        out.modified_speakers = year.any.size() - year.verbatim.size();
        out.uses = year.uses;
        out.countries.assign(year.countries.begin(), year.countries.end());
        result.years.push_back(std::move(out));
    }
    if (!uses.empty()) result.first_use = uses.front();
    if (uses.size() > limit) uses.resize(limit);
    result.listed = std::move(uses);
    return result;
}

}  // namespace r2p
