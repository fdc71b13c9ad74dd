#include "bench/testkit/corpus_generator.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <unordered_set>

#include "bench/testkit/generator_rng.hpp"
#include "bench/testkit/generator_words.hpp"
#include "r2p/error.hpp"

namespace r2p {

using namespace testkit;  // the generator's random numbers and word helpers

// ------------------------------------------------------------------------------------------
// Statement plans

namespace {

enum class Genre { MeetingSummary, PressSummary, Statement };

/// Who a quote is attributed to and how.
struct QuotePlan {
    std::size_t role = 0;  ///< index into the speakable roles
    bool named = false;    ///< by a named official (role of officials[official])
    std::size_t official = 0;
    int form = 0;  ///< 0 lead-in, 1 trailing "said the X", 2 "X argued that"
};

struct ParagraphPlan {
    int theme = -1;       ///< index into taxonomy themes, -1 none
    bool run_in = false;  ///< starts with the theme's heading alias
    bool names_officials = false;
    std::size_t words = 0;
    std::vector<QuotePlan> quotes;
};

struct SectionPlan {
    std::string heading;  ///< empty: no heading line
    std::vector<ParagraphPlan> paragraphs;
};

struct Official {
    std::size_t role = 0;
    std::string name;
    std::string honorific;
};

/// A role as the generator writes it: singular and plural display forms.
struct SpeakableRole {
    std::vector<std::string> singular;
    std::vector<std::string> plural;
};

}  // namespace

struct CorpusGenerator::Plan {
    Genre genre = Genre::MeetingSummary;
    int year = 2012;
    int month = 1;
    int day = 1;
    int title_theme = 0;
    std::vector<Official> officials;
    std::vector<SectionPlan> sections;
    std::size_t passages = 0;
    std::uint64_t text_seed = 0;
};

namespace {

// Display form of a lower-case taxonomy phrase: each word capitalised (hyphen parts too),
// except the genre's function words after the first word; short dotted forms upper-cased.
std::string title_case(const std::string& phrase, const std::vector<std::string>& small) {
    std::string out;
    const auto words = split_words(phrase);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out += ' ';
        const std::string& w = words[i];
        if (i > 0 && std::find(small.begin(), small.end(), w) != small.end()) {
            out += w;
            continue;
        }
        bool start = true;
        for (const char c : w) {
            out += start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
            start = c == '-';
        }
    }
    return out;
}

// Abbreviations ("r2p", "icc") are written upper-case, names title-case.
std::string display_phrase(const std::string& phrase, const std::vector<std::string>& small) {
    const bool abbreviation = phrase.find(' ') == std::string::npos && phrase.size() <= 5;
    return abbreviation ? upper_all(phrase) : title_case(phrase, small);
}

/// Roles with aliases the generator can write, split into singular and plural forms.
std::vector<SpeakableRole> speakable_roles(const Taxonomy& taxonomy,
                                           const std::vector<std::string>& small) {
    std::vector<SpeakableRole> roles;
    for (const Role& role : taxonomy.roles) {
        std::set<std::string> plurals;
        for (const auto& alias : role.aliases) {
            for (const auto& form : plural_forms(alias)) plurals.insert(form);
        }
        SpeakableRole speakable;
        for (const auto& alias : role.aliases) {
            // Abbreviations ("sg", "dsg") read as words when title-cased.
            if (alias.size() <= 4 && alias.find(' ') == std::string::npos) continue;
            (plurals.count(alias) ? speakable.plural : speakable.singular)
                .push_back(title_case(alias, small));
        }
        roles.push_back(std::move(speakable));
    }
    return roles;
}

}  // namespace

namespace {

// Each theme has kThemeWords correlated words drawn from the vocabulary's first
// kThemeWordRanks content ranks; themed paragraphs use them more often.
constexpr std::size_t kThemeWords = 150;
constexpr std::size_t kThemeWordRanks = 20000;

}  // namespace

struct CorpusGenerator::Impl {
    explicit Impl(const Taxonomy& t) : taxonomy(t) {}

    const Taxonomy& taxonomy;
    GenreData genre;
    std::vector<std::string> vocabulary;  // Zipf rank order
    std::vector<double> cumulative;       // Zipf weights of vocabulary
    std::size_t function_count = 0;       // vocabulary[0, function_count): function words
    std::vector<std::string> given_names;
    std::vector<std::size_t> query_words;  // vocabulary indices of plain content words

    std::vector<SpeakableRole> roles;  // parallel to taxonomy.roles
    std::vector<std::size_t> singular_roles;
    std::vector<std::size_t> plural_roles;
    std::vector<double> theme_cumulative;  // core themes (listed first) more often
    std::vector<std::vector<std::string>> theme_cues;
    std::vector<std::vector<std::string>> theme_headings;
    std::vector<std::vector<std::size_t>> theme_words;  // vocabulary indices
    std::vector<double> theme_word_cumulative;
    std::vector<std::string> phrases;  // R2P vocabulary, display form
    std::vector<double> phrase_cumulative;
    std::vector<std::vector<std::string>> query_phrases;  // multi-word, lower-case ASCII
    std::vector<std::vector<std::string>> synonyms;       // the taxonomy's, words lower-case ASCII
    std::vector<std::string> verbs;                       // speech verbs that fit "..., said the X"
    std::vector<double> verb_cumulative;
    std::vector<std::string> lead_ins;
    std::vector<std::string> honorifics;  // "Mr.", "Ms.", "Dr."
    std::string excellency;               // "H.E." when the taxonomy lists it
    std::string indefinite = "one";

    std::string word(Rng& rng, int theme) const {
        if (theme >= 0 && rng.chance(0.05)) {
            const auto& words = theme_words[static_cast<std::size_t>(theme)];
            return vocabulary[words[draw(rng, theme_word_cumulative)]];
        }
        return vocabulary[draw(rng, cumulative)];
    }
    std::string role_name(Rng& rng, std::size_t role) const {
        return rng.pick(roles[role].singular);
    }
};

CorpusGenerator::CorpusGenerator(const Taxonomy& taxonomy, GenreData genre,
                                 std::vector<std::string> words, std::uint64_t seed)
    : seed_(seed) {
    if (words.size() < 1000) {
        throw CorpusError("word list has " + std::to_string(words.size()) +
                          " words; at least 1,000 are needed");
    }
    if (taxonomy.themes.empty() || taxonomy.roles.empty()) {
        throw CorpusError("taxonomy has no themes or no roles to generate statements from");
    }
    auto m = std::make_shared<Impl>(taxonomy);
    m->genre = std::move(genre);
    const auto& small = m->genre.function_words;

    // Vocabulary: function words on top, then the word list in a seeded order, so that which
    // dictionary word is frequent does not follow the alphabet.
    const std::unordered_set<std::string> function_set(small.begin(), small.end());
    m->vocabulary = small;
    m->function_count = small.size();
    std::vector<std::string> rest;
    rest.reserve(words.size());
    for (auto& w : words) {
        if (is_given_name(w)) m->given_names.push_back(w);
        if (!function_set.count(w)) rest.push_back(std::move(w));
    }
    Rng shuffle(mix(seed, 0, 7));
    for (std::size_t i = rest.size(); i > 1; --i) std::swap(rest[i - 1], rest[shuffle.below(i)]);
    for (auto& w : rest) m->vocabulary.push_back(std::move(w));
    m->cumulative = zipf_cumulative(m->vocabulary.size(), 1.0);
    for (std::size_t i = m->function_count; i < m->vocabulary.size(); ++i) {
        const std::string& w = m->vocabulary[i];
        if (w.size() >= 4 && is_lower_ascii_word(w)) m->query_words.push_back(i);
    }
    if (m->given_names.size() < 10) throw CorpusError("word list has too few capitalised names");

    m->roles = speakable_roles(taxonomy, small);
    for (std::size_t r = 0; r < m->roles.size(); ++r) {
        if (!m->roles[r].singular.empty()) m->singular_roles.push_back(r);
        if (!m->roles[r].plural.empty()) m->plural_roles.push_back(r);
    }
    if (m->singular_roles.empty()) throw CorpusError("taxonomy has no role alias to write");

    std::set<std::string> seen_phrases;
    auto add_phrase = [&](const std::string& folded, std::string display) {
        if (!seen_phrases.insert(folded).second) return;
        m->phrases.push_back(std::move(display));
        const auto parts = split_words(folded);
        if (parts.size() >= 2 && std::all_of(parts.begin(), parts.end(), is_lower_ascii_word)) {
            m->query_phrases.push_back(parts);
        }
    };
    for (const SynonymGroup& group : taxonomy.synonyms) {
        for (const auto& phrase : group.phrases) {
            add_phrase(phrase, display_phrase(phrase, small));
            auto parts = split_words(phrase);
            if (!parts.empty() && std::all_of(parts.begin(), parts.end(), is_lower_ascii_word))
                m->synonyms.push_back(std::move(parts));
        }
    }
    for (const Theme& theme : taxonomy.themes) {
        // Country themes hold place names: written capitalised.
        const bool names = theme.id.rfind("country-", 0) == 0;
        std::vector<std::string> cues;
        for (const auto& cue : theme.cues) {
            cues.push_back(names ? title_case(cue, small) : cue);
            add_phrase(cue, cues.back());
        }
        if (cues.empty()) cues.push_back(title_case(theme.label, small));
        m->theme_cues.push_back(std::move(cues));
        std::vector<std::string> headings;
        for (const auto& heading : theme.headings) headings.push_back(title_case(heading, small));
        if (headings.empty()) headings.push_back(theme.label);
        m->theme_headings.push_back(std::move(headings));

        Rng pick(mix(seed, hash_text(theme.id), 11));
        std::vector<std::size_t> topical;
        const std::size_t lo = m->function_count + 100;
        const std::size_t hi = std::min(m->vocabulary.size(), m->function_count + kThemeWordRanks);
        for (std::size_t i = 0; i < kThemeWords; ++i) topical.push_back(lo + pick.below(hi - lo));
        m->theme_words.push_back(std::move(topical));
    }
    m->phrase_cumulative = zipf_cumulative(m->phrases.size(), 1.0);
    m->theme_cumulative = zipf_cumulative(taxonomy.themes.size(), 0.8);
    m->theme_word_cumulative = zipf_cumulative(kThemeWords, 0.7);

    for (const auto& verb : taxonomy.attribution.speech_verbs) {
        const bool past = verb.size() > 3 && (verb.ends_with("ed") || verb == "said");
        if (past && verb.find(' ') == std::string::npos) m->verbs.push_back(verb);
    }
    if (m->verbs.empty()) throw CorpusError("taxonomy has no past-tense speech verb to write");
    m->verb_cumulative = zipf_cumulative(m->verbs.size(), 1.2);
    for (const auto& lead_in : taxonomy.attribution.lead_ins) {
        m->lead_ins.push_back(upper_first(lead_in));
    }
    for (const auto& honorific : taxonomy.attribution.honorifics) {
        if (honorific == "h.e.")
            m->excellency = "H.E.";
        else if (honorific.size() >= 3 && honorific.size() <= 4 && honorific.back() == '.' &&
                 honorific.find('.') == honorific.size() - 1) {
            m->honorifics.push_back(upper_first(honorific));
        }
    }
    impl_ = std::move(m);
}

std::size_t CorpusGenerator::vocabulary_size() const { return impl_->vocabulary.size(); }

CorpusGenerator::Plan CorpusGenerator::plan(std::size_t index) const {
    const Impl& m = *impl_;
    Rng rng(mix(seed_, index, 1));
    Plan p;
    p.text_seed = mix(seed_, index, 2);
    const double g = rng.real();
    p.genre = g < 0.5 ? Genre::MeetingSummary : g < 0.8 ? Genre::PressSummary : Genre::Statement;
    p.year = 2005 + static_cast<int>(rng.below(21));
    p.month = 1 + static_cast<int>(rng.below(12));
    p.day = 1 + static_cast<int>(rng.below(28));
    p.title_theme = static_cast<int>(draw(rng, m.theme_cumulative));

    const std::size_t officials = p.genre == Genre::Statement ? 1 : rng.below(4);
    for (std::size_t i = 0; i < officials; ++i) {
        Official o;
        o.role = rng.pick(m.singular_roles);
        o.name = rng.pick(m.given_names) + " " + rng.pick(m.given_names);
        if (!m.excellency.empty() && rng.chance(0.5)) o.honorific = m.excellency + " ";
        if (!m.honorifics.empty()) o.honorific += rng.pick(m.honorifics) + " ";
        p.officials.push_back(std::move(o));
    }

    auto paragraph = [&](int theme, bool run_in) {
        ParagraphPlan pp;
        pp.theme = theme;
        pp.run_in = run_in;
        pp.words = 40 + rng.below(81) + rng.below(81);
        const double r = rng.real();
        const std::size_t quotes = r < 0.55 ? 0 : r < 0.85 ? 1 : 2;
        for (std::size_t q = 0; q < quotes; ++q) {
            QuotePlan qp;
            qp.named = !p.officials.empty() && rng.chance(0.3);
            if (qp.named) {
                qp.official = rng.below(p.officials.size());
                qp.role = p.officials[qp.official].role;
            } else {
                qp.role = rng.pick(m.singular_roles);
            }
            qp.form = static_cast<int>(rng.below(3));
            pp.quotes.push_back(qp);
        }
        return pp;
    };
    auto any_theme = [&] { return static_cast<int>(draw(rng, m.theme_cumulative)); };

    switch (p.genre) {
        case Genre::MeetingSummary: {
            SectionPlan open{rng.pick(m.genre.headings_open), {}};
            const std::size_t n = rng.between(1, 3);
            for (std::size_t i = 0; i < n; ++i) open.paragraphs.push_back(paragraph(-1, false));
            open.paragraphs.front().names_officials = !p.officials.empty();
            SectionPlan body{rng.pick(m.genre.headings_body), {}};
            const std::size_t themed = rng.between(3, 8);
            for (std::size_t i = 0; i < themed; ++i)
                body.paragraphs.push_back(paragraph(any_theme(), true));
            SectionPlan close{rng.pick(m.genre.headings_close), {}};
            const std::size_t c = rng.between(1, 2);
            for (std::size_t i = 0; i < c; ++i) close.paragraphs.push_back(paragraph(-1, false));
            p.sections = {std::move(open), std::move(body), std::move(close)};
            break;
        }
        case Genre::PressSummary: {
            SectionPlan open{rng.pick(m.genre.headings_open), {}};
            const std::size_t n = rng.between(1, 2);
            for (std::size_t i = 0; i < n; ++i) open.paragraphs.push_back(paragraph(-1, false));
            open.paragraphs.front().names_officials = !p.officials.empty();
            p.sections.push_back(std::move(open));
            const std::size_t sections = rng.between(2, 5);
            for (std::size_t s = 0; s < sections; ++s) {
                const int theme = any_theme();
                SectionPlan section{rng.pick(m.theme_headings[static_cast<std::size_t>(theme)]),
                                    {}};
                const std::size_t k = rng.between(2, 5);
                for (std::size_t i = 0; i < k; ++i)
                    section.paragraphs.push_back(paragraph(theme, false));
                p.sections.push_back(std::move(section));
            }
            SectionPlan close{rng.pick(m.genre.headings_close), {}};
            close.paragraphs.push_back(paragraph(-1, false));
            p.sections.push_back(std::move(close));
            break;
        }
        case Genre::Statement: {
            SectionPlan body;
            const std::size_t n = rng.between(5, 14);
            for (std::size_t i = 0; i < n; ++i) {
                body.paragraphs.push_back(paragraph(rng.chance(0.5) ? any_theme() : -1, false));
            }
            p.sections.push_back(std::move(body));
            break;
        }
    }
    for (const auto& section : p.sections) {
        for (const auto& pp : section.paragraphs) p.passages += 1 + pp.quotes.size();
    }
    return p;
}

std::size_t CorpusGenerator::statement_passages(std::size_t index) const {
    return plan(index).passages;
}

std::size_t CorpusGenerator::statements_for(std::size_t passages) const {
    std::size_t total = 0;
    std::size_t count = 0;
    do {
        total += statement_passages(count++);
    } while (total < passages);
    return count;
}

namespace {

std::string format_date(int year, int month, int day, bool day_first) {
    static const char* const kMonths[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
    const std::string name = kMonths[month - 1];
    return day_first ? std::to_string(day) + " " + name + " " + std::to_string(year)
                     : name + " " + std::to_string(day) + ", " + std::to_string(year);
}

}  // namespace

std::string CorpusGenerator::statement_text(std::size_t index) const {
    const Impl& m = *impl_;
    const Plan p = plan(index);
    Rng rng(p.text_seed);
    const auto& themes = m.taxonomy.themes;

    auto official_text = [&](const Official& o) {
        return "the " + m.role_name(rng, o.role) + ", " + o.honorific + o.name;
    };

    auto sentence_words = [&](int theme, std::size_t lo, std::size_t hi) {
        std::vector<std::string> words;
        const std::size_t n = rng.between(lo, hi);
        for (std::size_t i = 0; i < n; ++i) words.push_back(m.word(rng, theme));
        auto insert = [&](std::string phrase) {
            words.insert(words.begin() + static_cast<std::ptrdiff_t>(rng.below(words.size() + 1)),
                         std::move(phrase));
        };
        if (rng.chance(0.18)) {
            std::string phrase = m.phrases[draw(rng, m.phrase_cumulative)];
            // Now and then a name of a concept in quotes: a scare quote, not a speech quote.
            if (phrase.find(' ') != std::string::npos && rng.chance(0.05)) {
                phrase = "\u201c" + phrase + "\u201d";
            }
            insert(std::move(phrase));
        }
        if (theme >= 0 && rng.chance(0.3))
            insert(rng.pick(m.theme_cues[static_cast<std::size_t>(theme)]));
        for (std::size_t i = 2; i + 2 < words.size(); ++i) {
            if (rng.chance(0.05)) words[i] += ',';
        }
        return words;
    };
    auto join = [](const std::vector<std::string>& words) {
        std::string out;
        for (const auto& w : words) {
            if (!out.empty()) out += ' ';
            out += w;
        }
        return upper_first(out);
    };

    auto quote_text = [&](const QuotePlan& q, int theme) {
        const bool curly = rng.chance(0.85);
        const std::string open = curly ? "\u201c" : "\"";
        const std::string close = curly ? "\u201d" : "\"";
        const std::string body = join(sentence_words(theme, 8, 30));
        std::string who;
        if (q.named) {
            who = "the " + m.role_name(rng, q.role);
        } else if (p.genre == Genre::PressSummary && rng.chance(0.5)) {
            who = "the " + m.role_name(rng, q.role) + " of " + rng.pick(m.genre.countries);
        } else {
            who = m.indefinite + " " + m.role_name(rng, q.role);
        }
        const std::string& verb = m.verbs[draw(rng, m.verb_cumulative)];
        switch (q.form) {
            case 0:
                if (!m.lead_ins.empty()) {
                    return rng.pick(m.lead_ins) + " " + who + ", " + open + body + "." + close;
                }
                [[fallthrough]];
            case 1:
                return open + body + "," + close + " " + verb + " " + who + ".";
            default:
                return upper_first(who) + " " + verb + " that " + open + body + "." + close;
        }
    };

    auto paragraph_text = [&](const ParagraphPlan& pp) {
        std::string text;
        if (pp.run_in)
            text += rng.pick(m.theme_headings[static_cast<std::size_t>(pp.theme)]) + ". ";
        std::size_t written = 0;
        if (pp.names_officials) {
            std::string names;
            for (std::size_t i = 0; i < p.officials.size(); ++i) {
                if (i) names += i + 1 == p.officials.size() ? " and " : ", ";
                names += official_text(p.officials[i]);
            }
            text +=
                upper_first(replace_all(rng.pick(m.genre.attendance), "{officials}", names)) + " ";
        }
        const std::size_t sentences = std::max<std::size_t>(1, pp.words / 16);
        std::vector<std::size_t> quote_after;
        for (std::size_t q = 0; q < pp.quotes.size(); ++q)
            quote_after.push_back(rng.below(sentences));
        std::sort(quote_after.begin(), quote_after.end());
        std::size_t next_quote = 0;
        for (std::size_t s = 0; written < pp.words || next_quote < pp.quotes.size(); ++s) {
            if (written < pp.words) {
                std::vector<std::string> words = sentence_words(pp.theme, 8, 26);
                written += words.size();
                std::string sentence = join(words) + ".";
                if (!m.plural_roles.empty() && rng.chance(0.06)) {
                    std::string frame = rng.pick(m.genre.reported_speech);
                    frame = replace_all(frame, "{roles}",
                                        rng.pick(m.roles[rng.pick(m.plural_roles)].plural));
                    frame = replace_all(frame, "{verb}", m.verbs[draw(rng, m.verb_cumulative)]);
                    words.front()[0] = static_cast<char>(
                        std::tolower(static_cast<unsigned char>(words.front()[0])));
                    sentence = frame + " " + join(words) + ".";
                    sentence[0] =
                        static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
                }
                text += sentence + " ";
            }
            while (next_quote < pp.quotes.size() &&
                   (quote_after[next_quote] <= s || written >= pp.words)) {
                text += quote_text(pp.quotes[next_quote], pp.theme) + " ";
                ++next_quote;
            }
        }
        text.pop_back();
        return text;
    };

    std::string out;
    const std::string theme_label = themes[static_cast<std::size_t>(p.title_theme)].label;
    std::string title;
    if (p.genre == Genre::Statement) {
        const Official& o = p.officials.front();
        title = replace_all(rng.pick(m.genre.statement_titles), "{official}",
                            o.honorific + o.name + ", " + m.role_name(rng, o.role));
    } else {
        title = replace_all(rng.pick(m.genre.titles), "{theme}", theme_label);
    }
    const std::size_t colon = title.find(": ");
    if (colon != std::string::npos && rng.chance(0.2)) {
        // Bold, broken after the colon, as in exported meeting summaries.
        title = "**" + title.substr(0, colon + 1) + "\n" + title.substr(colon + 2) + "**";
    }
    out += title + "\n\n";
    std::string event = rng.pick(m.genre.events);
    event = replace_all(event, "{n}", ordinal(rng.between(1, 15)));
    event = replace_all(event, "{place}", rng.pick(m.genre.places));
    event = replace_all(event, "{date}", format_date(p.year, p.month, p.day, rng.chance(0.7)));
    out += event + "\n\n";
    for (const auto& section : p.sections) {
        if (!section.heading.empty()) out += section.heading + "\n\n";
        for (const auto& pp : section.paragraphs) out += paragraph_text(pp) + "\n\n";
    }
    out.pop_back();
    return out;
}

std::vector<BenchQuery> CorpusGenerator::query_set(std::size_t passages,
                                                   std::size_t per_class) const {
    const Impl& m = *impl_;
    std::vector<BenchQuery> queries;
    const auto& qw = m.query_words;
    // About 75 words per passage: 120-word paragraphs, 0.6 quotes each.
    const double tokens = static_cast<double>(passages) * 75.0;
    const double total_weight = m.cumulative.back();
    // A word of 0-based rank r occurs about tokens / ((r + 1) * W) times.
    auto rank_for = [&](double occurrences) {
        return static_cast<std::size_t>(std::max(1.0, tokens / (occurrences * total_weight)));
    };
    auto position_of_rank = [&](std::size_t rank) {
        return static_cast<std::size_t>(std::lower_bound(qw.begin(), qw.end(), rank) - qw.begin());
    };
    // Theme-correlated words come from the first kThemeWordRanks ranks and are boosted in
    // themed paragraphs: rare terms are taken beyond them.
    const std::size_t past_theme_words = m.function_count + kThemeWordRanks;
    std::size_t rare_lo = position_of_rank(std::max(rank_for(30), past_theme_words));
    std::size_t rare_hi = position_of_rank(std::max(rank_for(3), past_theme_words + 5000));
    if (rare_hi > qw.size()) rare_hi = qw.size();
    if (rare_hi <= rare_lo + 10) {
        rare_hi = qw.size();
        rare_lo = qw.size() > 2000 ? qw.size() - 2000 : 0;
    }

    for (const QueryClass cls : all_query_classes()) {
        Rng rng(mix(seed_, static_cast<std::uint64_t>(cls) + 1, 21));
        auto word_in = [&](std::size_t lo, std::size_t hi) {
            hi = std::min(hi, qw.size());
            return m.vocabulary[qw[lo + rng.below(hi - lo)]];
        };
        auto mid = [&] { return word_in(100, 3000); };
        // Two-word queries from frequent words, so that AND still finds some passages.
        auto common = [&] { return word_in(0, 400); };
        for (std::size_t i = 0; i < per_class; ++i) {
            BenchQuery q;
            q.cls = cls;
            switch (cls) {
                case QueryClass::FrequentTerm:
                    q.words = {word_in(0, 100)};
                    break;
                case QueryClass::RareTerm:
                    q.words = {word_in(rare_lo, rare_hi)};
                    break;
                case QueryClass::TwoTermAnd:
                case QueryClass::TwoTermOr: {
                    q.shape = cls == QueryClass::TwoTermAnd ? QueryShape::And : QueryShape::Or;
                    std::string a = common();
                    std::string b = common();
                    while (b == a) b = common();
                    q.words = {a, b};
                    break;
                }
                case QueryClass::Phrase:
                    q.shape = QueryShape::Phrase;
                    q.words = rng.pick(m.query_phrases);
                    break;
                case QueryClass::Synonym:
                    // What the searcher expands to an OR of the group's phrases.
                    if (m.synonyms.empty()) continue;
                    q.words = rng.pick(m.synonyms);
                    q.shape = q.words.size() > 1 ? QueryShape::Phrase : QueryShape::Term;
                    break;
                case QueryClass::TermThemeFilter:
                    q.words = {mid()};
                    q.theme = m.taxonomy.themes[draw(rng, m.theme_cumulative)].id;
                    break;
                case QueryClass::TermFacets:
                    q.words = {mid()};
                    q.facets = true;
                    break;
                case QueryClass::Wildcard: {
                    q.shape = QueryShape::Prefix;
                    std::string w = mid();
                    while (w.size() < 6) w = mid();
                    q.words = {w.substr(0, w.size() >= 8 ? 5 : 4)};
                    break;
                }
                case QueryClass::SortDate:
                    q.words = {mid()};
                    q.sort_date = true;
                    break;
                case QueryClass::MidTerm:
                case QueryClass::UserPhrase:
                    continue;  // real corpora only: not in all_query_classes()
            }
            queries.push_back(std::move(q));
        }
    }
    return queries;
}

}  // namespace r2p
