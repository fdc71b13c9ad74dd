#include "tag/tag_speakers.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace r2p::detail {
namespace {

// How far (in words) attribution looks. Summaries put the verb right after the subject
// ("one of the Ministers reminded"), but a name or a country may stand between
// ("The Minister for Foreign Affairs of the Kingdom of the Netherlands stated").
constexpr std::size_t kVerbWindow = 14;
constexpr std::size_t kLeadInGap = 3;           // "in the words of | one | Minister"
constexpr std::size_t kIndefiniteLookBack = 3;  // "one | of | the | Ministers"
constexpr std::size_t kCloseBefore = 8;         // an unverbed mention this close still attributes
constexpr std::size_t kCloseAfter = 4;          // "”, said | the | Special Adviser"
constexpr std::size_t kMaxQualifier =
    16;  // "for Political Affairs of the Ministry of ... Brazil, H.E. Ms."
constexpr std::size_t kMaxNameWords = 6;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// Byte offset just past token j and any possessive "'s" after it.
std::size_t end_of(std::string_view text, const Token& t) {
    if (!t.possessive) return t.end;
    return t.end + (text[t.end] == '\'' ? 2 : 4);  // "'s" or "’s" (3-byte apostrophe)
}

/// The text between tokens j-1 and j.
std::string_view gap(std::string_view text, const std::vector<Token>& tokens, std::size_t j) {
    const std::size_t from = end_of(text, tokens[j - 1]);
    return text.substr(from, tokens[j].begin - from);
}

bool only_spaces(std::string_view g) {
    for (std::size_t i = 0; i < g.size(); ++i) {
        if (g[i] == ' ' || g[i] == '\t') continue;
        if (g.substr(i, 2) == "\xC2\xA0") {  // no-break space
            ++i;
            continue;
        }
        return false;
    }
    return !g.empty();
}

/// Spaces or hyphens only: the inside of one phrase ("Secretary-General", "Vice Minister").
bool joins_phrase(std::string_view g) {
    return !g.empty() && std::all_of(g.begin(), g.end(),
                                     [](char c) { return c == ' ' || c == '-' || c == '\t'; });
}

std::string_view trim_spaces(std::string_view g) {
    while (!g.empty() && g.front() == ' ') g.remove_prefix(1);
    while (!g.empty() && g.back() == ' ') g.remove_suffix(1);
    return g;
}

bool is_possessive_determiner(std::string_view word) {
    static constexpr std::string_view kWords[] = {"my",  "your",  "our", "his",
                                                  "her", "their", "its"};
    for (std::string_view w : kWords)
        if (word == w) return true;
    return false;
}

/// Whether tokens x-1 and x can stand in one name: "Jan Eliasson", "Ki-moon", "T. C.".
bool name_link(std::string_view text, const std::vector<Token>& tokens, std::size_t x) {
    if (tokens[x - 1].possessive) return false;
    const std::string_view g = gap(text, tokens, x);
    if (only_spaces(g) || g == "-") return true;
    // "d’Escoto", "O'Brien": one letter and an apostrophe.
    if ((g == "'" || g == "\u2019") && tokens[x - 1].norm.size() == 1) return true;
    return (g == ". " || g == ".") && tokens[x - 1].norm.size() <= 4 && tokens[x - 1].capitalized;
}

/// Lower-case words inside names ("Javier Pérez de Cuéllar", "Miguel d’Escoto", "Ruud van
/// Nistelrooy"): particles of names in many languages, not vocabulary of any domain.
bool name_particle(const Token& t) {
    static constexpr std::string_view kParticles[] = {
        "de",  "da",  "do",  "dos", "das", "del", "della", "di", "du", "la", "le",
        "van", "von", "der", "den", "ter", "bin", "ibn",   "al", "el", "d",  "y"};
    if (t.capitalized) return false;
    for (std::string_view p : kParticles)
        if (t.norm == p) return true;
    return false;
}

bool name_word(std::string_view text, const std::vector<Token>& tokens, std::size_t x, bool first) {
    if (tokens[x].capitalized || (!first && gap(text, tokens, x) == "-")) return true;
    // A particle inside a name: a capitalized word follows it ("de Cuéllar", "d’Escoto").
    return !first && name_particle(tokens[x]) && x + 1 < tokens.size() && tokens[x + 1].capitalized;
}

}  // namespace

SpeakerMatcher::SpeakerMatcher(const Taxonomy& taxonomy, const Xapian::Stem& stemmer)
    : role_count_(taxonomy.roles.size()) {
    // Aliases match as written (folded), not stemmed: stems would make "representing" a
    // representative and "observed" an observer. Of aliases sharing a stem sequence, the
    // shortest is the singular and the others plural ("Ministers": no single person).
    for (std::size_t r = 0; r < taxonomy.roles.size(); ++r) {
        std::unordered_map<std::string, std::size_t> shortest;  // stems -> norm length
        const auto key_of = [&](const std::vector<Token>& words, std::size_t& length) {
            std::string key;
            length = 0;
            for (const Token& w : words) {
                key += w.stem;
                key += ' ';
                length += w.norm.size();
            }
            return key;
        };
        for (const auto& a : taxonomy.roles[r].aliases) {
            std::size_t length = 0;
            const std::string key = key_of(tokenize(a, stemmer), length);
            auto [it, fresh] = shortest.emplace(key, length);
            if (!fresh) it->second = std::min(it->second, length);
        }
        for (const auto& a : taxonomy.roles[r].aliases) {
            std::size_t length = 0;
            const std::string key = key_of(tokenize(a, stemmer), length);
            const bool plural = length > shortest[key];
            roles_.add(a, r * 2 + (plural ? 1 : 0), stemmer);
            for (const Token& w : tokenize(a, stemmer)) title_words_.insert(w.norm);
        }
    }
    // Short aliases that begin a longer alias of another role ("president" and "president
    // of the security council"): a document that used the long form means it by the short.
    {
        const auto norms_of = [&](const std::string& alias) {
            std::vector<std::string> words;
            for (const Token& w : tokenize(alias, stemmer)) words.push_back(w.norm);
            return words;
        };
        const auto join = [](const std::vector<std::string>& words, std::size_t k) {
            std::string key;
            for (std::size_t i = 0; i < k; ++i) key += (i ? " " : "") + words[i];
            return key;
        };
        std::unordered_map<std::string, std::size_t> alias_role;
        for (std::size_t r = 0; r < taxonomy.roles.size(); ++r) {
            for (const auto& a : taxonomy.roles[r].aliases) {
                const auto words = norms_of(a);
                alias_role.emplace(join(words, words.size()), r);
            }
        }
        for (std::size_t r = 0; r < taxonomy.roles.size(); ++r) {
            for (const auto& a : taxonomy.roles[r].aliases) {
                const auto words = norms_of(a);
                for (std::size_t k = 1; k < words.size(); ++k) {
                    const auto it = alias_role.find(join(words, k));
                    if (it != alias_role.end() && it->second != r)
                        short_aliases_.emplace(it->first, it->second);
                }
            }
        }
    }
    const AttributionRules& rules = taxonomy.attribution;
    for (const auto& v : rules.speech_verbs) verbs_.add(v, 0, stemmer);
    for (const auto& v : rules.lead_ins) lead_ins_.add(v, 0, stemmer);
    for (const auto& v : rules.indefinites) indefinites_.add(v, 0, stemmer);
    for (const auto& v : rules.honorifics) {
        honorifics_.add(v, 0, stemmer);
        for (const Token& w : tokenize(v, stemmer)) title_words_.insert(w.norm);
        // "Mr." is written with a period that does not end a sentence.
        if (!v.empty() && v.back() == '.') {
            const auto words = tokenize(v, stemmer);
            if (!words.empty()) abbreviations_.push_back(words.back().norm);
        }
    }
}

bool SpeakerMatcher::is_abbreviation(const Token& t) const {
    return t.norm.size() == 1 ||
           std::find(abbreviations_.begin(), abbreviations_.end(), t.norm) != abbreviations_.end();
}

ParagraphSpeech SpeakerMatcher::analyze(std::string_view text, const std::vector<Token>& tokens,
                                        const std::vector<Quote>& quotes,
                                        const std::vector<Mention>& by_name) const {
    ParagraphSpeech out;
    out.quote_mention.assign(quotes.size(), std::nullopt);
    out.quote_continues.assign(quotes.size(), false);
    const std::size_t n = tokens.size();
    if (n == 0) return out;

    // Which quote each token stands in (kNone: outside every quote).
    std::vector<std::size_t> in_quote(n, kNone);
    for (std::size_t q = 0; q < quotes.size(); ++q) {
        auto it = std::lower_bound(tokens.begin(), tokens.end(), quotes[q].begin,
                                   [](const Token& t, std::size_t b) { return t.begin < b; });
        for (; it != tokens.end() && it->begin < quotes[q].end; ++it)
            in_quote[std::size_t(it - tokens.begin())] = q;
    }

    // Sentences. A terminator inside a quote does not end the attributing sentence; an
    // abbreviation ("Mr.", an initial) does not end one either.
    std::vector<std::size_t> sentence(n, 0);
    std::vector<std::size_t> sentence_start{0};
    for (std::size_t j = 1; j < n; ++j) {
        sentence[j] = sentence[j - 1];
        if (in_quote[j] != kNone && in_quote[j] == in_quote[j - 1]) continue;
        const std::string_view g = gap(text, tokens, j);
        if (g.find_first_of(".!?") == std::string_view::npos) continue;
        const char first = text[tokens[j].begin];
        if (!tokens[j].capitalized && !(first >= '0' && first <= '9')) continue;
        if (trim_spaces(g) == "." && is_abbreviation(tokens[j - 1])) continue;
        sentence[j] = sentence_start.size();
        sentence_start.push_back(j);
    }

    // Where speech verbs start and where lead-ins end, one pass each.
    std::vector<bool> verb_at(n, false);
    std::vector<bool> lead_in_end(n + 1, false);
    for (std::size_t j = 0; j < n; ++j) {
        if (in_quote[j] != kNone) continue;
        verb_at[j] = verbs_.longest_at(tokens, j) != nullptr;
        if (const auto* p = lead_ins_.longest_at(tokens, j))
            lead_in_end[j + p->words.size()] = true;
    }

    // "In the words of one Minister", "According to Okafor": a lead-in just before.
    const auto after_lead_in = [&](std::size_t i) {
        for (std::size_t d = 0; d <= kLeadInGap && d <= i; ++d) {
            if (sentence[i - d] != sentence[i]) break;
            if (lead_in_end[i - d]) return true;
        }
        return false;
    };

    // Role mentions outside quotes, longest alias first; people named before, by name.
    std::size_t next_named = 0;
    for (std::size_t i = 0; i < n;) {
        while (next_named < by_name.size() && by_name[next_named].first < i) ++next_named;
        if (next_named < by_name.size() && by_name[next_named].first == i &&
            by_name[next_named].last <= n && in_quote[i] == kNone) {
            Mention m = by_name[next_named++];
            m.by_name = true;
            m.reported = after_lead_in(i);
            // "President Duarte": the title right before names the same person.
            if (!out.mentions.empty() && out.mentions.back().last == i &&
                !out.mentions.back().name && only_spaces(gap(text, tokens, i)))
                out.mentions.back().name = m.name;
            out.mentions.push_back(m);
            i = m.last;
            continue;
        }
        const PhraseTable::Phrase* p =
            in_quote[i] == kNone ? roles_.longest_at(tokens, i) : nullptr;
        bool ok = p != nullptr;
        if (ok) {
            for (std::size_t k = i + 1; k < i + p->words.size(); ++k)
                ok = ok && in_quote[k] == kNone && joins_phrase(gap(text, tokens, k));
        }
        if (!ok) {
            ++i;
            continue;
        }
        Mention m;
        m.first = i;
        m.last = i + p->words.size();
        m.role = p->value / 2;
        m.plural = p->value % 2 == 1;
        m.possessive = tokens[m.last - 1].possessive;
        // Indefinite: "one", "several", "a number of" just before, in the same phrase.
        for (std::size_t back = 1; back <= kIndefiniteLookBack && back <= i; ++back) {
            const std::size_t j = i - back;
            if (!only_spaces(gap(text, tokens, j + 1))) break;
            if (indefinites_.longest_at(tokens, j) != nullptr) {
                m.indefinite = true;
                break;
            }
        }
        // ...or a lead-in stands just before ("In the words of one Minister").
        m.reported = after_lead_in(i);
        m.qualifier = qualifier_of(text, tokens, m);
        out.mentions.push_back(m);
        i = m.last;
    }

    // Reported speech: a speech verb belongs to the first mention since the previous verb
    // in its sentence, its subject: "The President thanked participants and said" is the
    // President speaking, "one of the Ministers reminded participants" a Minister.
    {
        std::size_t next = 0;
        std::vector<std::size_t> pending;
        for (std::size_t j = 0; j < n; ++j) {
            if (j > 0 && sentence[j] != sentence[j - 1]) pending.clear();
            while (next < out.mentions.size() && out.mentions[next].first == j)
                pending.push_back(next++);
            if (!verb_at[j]) continue;
            if (!pending.empty()) {
                // The first mention in reach is the subject; "Mr. Luns' own party, Professor
                // Duynstee, stated": an owner only when no one after it can be; "Mr. Gordon
                // Brown, Prime Minister of the United Kingdom, ... stated": the role in
                // apposition when the name stands too far from the verb.
                const auto in_reach = [&](std::size_t mi) {
                    const Mention& m = out.mentions[mi];
                    return j >= m.last && j - m.last <= kVerbWindow;
                };
                std::optional<std::size_t> subject;
                for (std::size_t mi : pending) {
                    if (!out.mentions[mi].possessive && in_reach(mi)) {
                        subject = mi;
                        break;
                    }
                }
                if (!subject && in_reach(pending.front())) subject = pending.front();
                if (subject) out.mentions[*subject].reported = true;
            }
            pending.clear();
        }
    }

    // Attribute each quote.
    for (std::size_t q = 0; q < quotes.size(); ++q) {
        auto it = std::lower_bound(tokens.begin(), tokens.end(), quotes[q].begin,
                                   [](const Token& t, std::size_t b) { return t.begin < b; });
        if (it == tokens.end() || it->begin >= quotes[q].end) continue;
        const std::size_t qfirst = std::size_t(it - tokens.begin());
        std::size_t qafter = qfirst;
        while (qafter < n && tokens[qafter].begin < quotes[q].end) ++qafter;
        const std::size_t s = sentence[qfirst];

        // Before the quote in its sentence: the nearest mention that speaks wins; an
        // unverbed mention close to the quote is the fallback.
        std::optional<std::size_t> speaking, close;
        for (std::size_t mi = 0; mi < out.mentions.size(); ++mi) {
            const Mention& m = out.mentions[mi];
            if (m.last > qfirst || sentence[m.first] != s) continue;
            if (m.reported || m.possessive)
                speaking = mi;
            else if (qfirst - m.last <= kCloseBefore)
                close = mi;
        }
        std::optional<std::size_t> pick = speaking ? speaking : close;
        // After it: "“…,” said the Special Adviser", "“…”, according to the President"; but
        // not past a comma ("“…”, he said, recalling the Secretary-General’s warning").
        if (!pick) {
            for (std::size_t mi = 0; mi < out.mentions.size(); ++mi) {
                const Mention& m = out.mentions[mi];
                if (m.first < qafter || sentence[m.first] != s) continue;
                bool plain = m.first - qafter <= kCloseAfter;
                // "“…,” said Ms. Okafor": an honorific's period joins too.
                for (std::size_t k = qafter + 1; plain && k <= m.first; ++k) {
                    const std::string_view g = gap(text, tokens, k);
                    plain = joins_phrase(g) ||
                            (trim_spaces(g) == "." && is_abbreviation(tokens[k - 1]));
                }
                // "“…,” said Ms. Leila Haddad, the Foreign Minister": the role stands in
                // apposition to the person named right after the speech verb.
                if (!plain && verb_at[qafter] && qafter + 1 < m.first &&
                    m.first - qafter <= kCloseAfter + kMaxNameWords &&
                    names_person_after(text, tokens, qafter + 1, m.first))
                    plain = true;
                if (plain) pick = mi;
                break;
            }
        }
        // Someone named right after the quote ("“…,” said Ms. Haddad", "“…,” Ghana said")
        // is its speaker, even when no role names them: the previous sentence is not.
        // Only words joined to the quote count: not "“…”, he said, recalling the Secretary-
        // General's warning".
        bool named_after = false;
        for (std::size_t j = qafter; j < n && j - qafter <= kCloseAfter && sentence[j] == s; ++j) {
            const std::string_view g = j > qafter ? trim_spaces(gap(text, tokens, j)) : "";
            if (!g.empty() && g != "." && g != "-") break;
            named_after = named_after || (in_quote[j] == kNone && tokens[j].capitalized);
        }
        // A quote opening its sentence may be by whoever the previous sentence names.
        if (!pick && !named_after && qfirst == sentence_start[s] && s > 0) {
            std::optional<std::size_t> last;
            for (std::size_t mi = 0; mi < out.mentions.size(); ++mi) {
                const Mention& m = out.mentions[mi];
                if (sentence[m.first] != s - 1) continue;
                if (m.reported || m.possessive) speaking = mi;
                last = mi;
            }
            pick = speaking ? speaking : last;
        }
        // "Early action, he said, “…”", "“…,” she added", or a quote standing alone after
        // an attributed one: a sentence that names no one (no role, no capitalized word but
        // its first) and speaks continues whoever spoke last before it.
        if (!pick && !named_after) {
            bool verb = false, anonymous = true, verb_after = false;
            // Only the words before the quote and just after it can be its subject.
            const auto near = [&](std::size_t j) {
                return j < qfirst || (j >= qafter && j - qafter <= kCloseAfter);
            };
            for (std::size_t j = sentence_start[s]; j < n && sentence[j] == s; ++j) {
                if (in_quote[j] != kNone) continue;
                verb = verb || verb_at[j];
                verb_after = verb_after || (verb_at[j] && j >= qafter && j - qafter <= kCloseAfter);
                if (tokens[j].capitalized && j != sentence_start[s] && near(j)) anonymous = false;
            }
            for (const Mention& m : out.mentions)
                anonymous = anonymous && !(sentence[m.first] == s && near(m.first));
            if (anonymous && (verb || qfirst == sentence_start[s])) {
                std::size_t at = 0;
                for (std::size_t mi = 0; mi < out.mentions.size(); ++mi) {
                    const Mention& m = out.mentions[mi];
                    if ((m.reported || m.possessive) && m.last <= qfirst && m.first >= at) {
                        pick = mi;
                        at = m.first;
                    }
                }
                for (std::size_t e = 0; e < q; ++e) {
                    const auto& em = out.quote_mention[e];
                    if (em && quotes[e].begin >= tokens[at].begin) pick = em;
                }
                // Nobody in this paragraph: the previous paragraph's speaker goes on, but
                // only for the plain "“…,” she added" opening the paragraph (after "Ms. Smith
                // welcomed ...", "she" is Ms. Smith, whom no role names).
                if (!pick && verb_after && s == 0) out.quote_continues[q] = true;
            }
        }
        out.quote_mention[q] = pick;
    }

    // Who spoke last: the latest reported mention or quote attribution.
    std::size_t at = 0;
    for (std::size_t mi = 0; mi < out.mentions.size(); ++mi) {
        if (out.mentions[mi].reported && out.mentions[mi].first >= at) {
            out.last_speaking = mi;
            at = out.mentions[mi].first;
        }
    }
    for (std::size_t q = 0; q < quotes.size(); ++q) {
        if (out.quote_mention[q] && quotes[q].begin >= tokens[at].begin)
            out.last_speaking = out.quote_mention[q];
    }

    // "As the Secretary-General reminded us:" closing the paragraph introduces the block
    // quote after it: the speaking mention of that last sentence, else its last mention.
    const std::string_view ending = trim_spaces(text.substr(tokens.back().end));
    if (!ending.empty() && ending.front() == ':' && in_quote[n - 1] == kNone) {
        std::optional<std::size_t> speaking, last;
        for (std::size_t mi = 0; mi < out.mentions.size(); ++mi) {
            const Mention& m = out.mentions[mi];
            if (sentence[m.first] != sentence[n - 1] || m.plural) continue;
            if (m.reported || m.possessive) speaking = mi;
            last = mi;
        }
        out.introduces = speaking ? speaking : last;
    }
    return out;
}

bool qualifiers_agree(std::string_view a, std::string_view b) {
    // "of your country" is the addressee's or the speaker's: only the same words agree.
    const auto pronominal = [](std::string_view q) {
        return is_possessive_determiner(q.substr(0, q.find(' ')));
    };
    if (pronominal(a) || pronominal(b)) return a == b;
    if (a.empty() || b.empty()) return true;
    if (a.size() < b.size()) std::swap(a, b);
    return a.substr(a.size() - b.size()) == b &&
           (a.size() == b.size() || a[a.size() - b.size() - 1] == ' ');
}

std::string SpeakerMatcher::qualifier_of(std::string_view text, const std::vector<Token>& tokens,
                                         const Mention& m) const {
    const std::size_t n = tokens.size();
    std::string out;
    // "the representative of Kenya", "the Minister of Health of Ghana": the capitalized run
    // after "of"/"for" (small joining words inside: "Bosnia and Herzegovina").
    if (m.last + 1 < n && only_spaces(gap(text, tokens, m.last)) &&
        (tokens[m.last].norm == "of" || tokens[m.last].norm == "for")) {
        std::size_t j = m.last + 1;
        // "Foreign Minister of your country": someone the document does not name; a
        // qualifier that agrees with no named holder's.
        if (j + 1 < n && is_possessive_determiner(tokens[j].norm) &&
            only_spaces(gap(text, tokens, j + 1)))
            return tokens[j].norm + " " + tokens[j + 1].norm;
        if (j < n && tokens[j].norm == "the" && only_spaces(gap(text, tokens, j))) ++j;
        std::size_t end = j;
        for (std::size_t k = j; k < n && k - j < kMaxQualifier; ++k) {
            if (k > j && !joins_phrase(gap(text, tokens, k))) break;
            if (tokens[k].capitalized) {
                end = k + 1;
            } else if (tokens[k].norm != "of" && tokens[k].norm != "and" &&
                       tokens[k].norm != "the") {
                break;
            }
        }
        for (std::size_t k = j; k < end; ++k) out += (k > j ? " " : "") + tokens[k].norm;
        if (!out.empty()) return out;
    }
    // "Kenya's representative", "Nigeria's Minister for Foreign Affairs".
    if (m.first > 0 && tokens[m.first - 1].possessive && tokens[m.first - 1].capitalized &&
        only_spaces(text.substr(end_of(text, tokens[m.first - 1]),
                                tokens[m.first].begin - end_of(text, tokens[m.first - 1]))) &&
        roles_.longest_at(tokens, m.first - 1) == nullptr)
        out = tokens[m.first - 1].norm;
    return out;
}

bool SpeakerMatcher::names_person_after(std::string_view text, const std::vector<Token>& tokens,
                                        std::size_t from, std::size_t to) const {
    // tokens [from, to) are "Ms. Leila Haddad, the": a name (capitalized words, honorifics
    // first) ended by a comma, then at most one short word ("the", "a").
    std::size_t k = from;
    while (k < to && tokens[k].capitalized && (k == from || name_link(text, tokens, k))) ++k;
    if (k == from || k > to) return false;
    if (trim_spaces(gap(text, tokens, k)) != ",") return false;
    return to - k <= 1 && (to == k || tokens[k].norm.size() <= 3);
}

void SpeakerMatcher::resolve_short_forms(const std::vector<Token>& tokens, ParagraphSpeech& speech,
                                         ShortForms& seen) const {
    if (short_aliases_.empty()) return;
    std::string key;
    for (Mention& m : speech.mentions) {
        key.clear();
        for (std::size_t k = m.first; k < m.last; ++k)
            key += (k > m.first ? " " : "") + tokens[k].norm;
        if (m.definite() && short_aliases_.count(key) != 0) {
            const auto it = seen.find(key);
            const bool more = m.last < tokens.size();
            const bool named_here = more && tokens[m.last].capitalized &&
                                    tokens[m.last].begin == tokens[m.last - 1].end + 1;
            if (it != seen.end() && it->second.first != m.role && !named_here &&
                !(more && tokens[m.last].norm == it->second.second)) {
                m.role = it->second.first;
            }
            continue;
        }
        // A long form: remember what each of its short forms now means.
        std::string prefix;
        for (std::size_t k = m.first; k + 1 < m.last; ++k) {
            prefix += (k > m.first ? " " : "") + tokens[k].norm;
            const auto it = short_aliases_.find(prefix);
            if (it != short_aliases_.end() && it->second != m.role)
                seen[prefix] = {m.role, tokens[k + 1].norm};
        }
    }
}

std::optional<std::size_t> SpeakerMatcher::role_of_post(std::string_view post,
                                                        const Xapian::Stem& stemmer) const {
    // The first post named is the one held: "Prime Minister and Minister for Finance".
    const std::vector<Token> tokens = tokenize(post, stemmer);
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (const auto* p = roles_.longest_at(tokens, i)) return p->value / 2;
    return std::nullopt;
}

std::string SpeakerMatcher::without_honorifics(std::string_view name,
                                               const Xapian::Stem& stemmer) const {
    const std::vector<Token> tokens = tokenize(name, stemmer);
    const std::size_t from = skip_honorifics(tokens, 0, tokens.size());
    if (from == 0 || from == tokens.size()) return std::string(trim_spaces(name));
    return std::string(trim_spaces(name.substr(tokens[from].begin)));
}

std::size_t SpeakerMatcher::skip_honorifics(const std::vector<Token>& tokens, std::size_t j,
                                            std::size_t end) const {
    while (j < end) {
        const auto* p = honorifics_.longest_at(tokens, j);
        if (p == nullptr || j + p->words.size() > end) break;
        j += p->words.size();
    }
    return j;
}

std::size_t SpeakerMatcher::skip_titles(const std::vector<Token>& tokens, std::size_t j,
                                        std::size_t end) const {
    // "H.E. Executive Director Ms.": honorifics and role titles in any order.
    for (;;) {
        const std::size_t before = j;
        j = skip_honorifics(tokens, j, end);
        if (j >= end) return j;  // "…, Mr." ending the text: nothing after the titles
        if (const auto* p = roles_.longest_at(tokens, j); p && j + p->words.size() < end)
            j += p->words.size();
        if (j == before) return j;
    }
}

std::optional<std::string> SpeakerMatcher::name_from_run(std::string_view text,
                                                         const std::vector<Token>& tokens,
                                                         std::size_t from, std::size_t to,
                                                         bool titled) const {
    // "Executive Director Savita Pawnday": the title is not part of the name.
    const std::size_t untitled = skip_titles(tokens, from, to);
    titled = titled || untitled > from;
    from = untitled;
    // "Ms. Paauwe": one word is a name only after an honorific or a title.
    const std::size_t least = titled ? 1 : 2;
    if (to <= from || to - from < least || to - from > kMaxNameWords) return std::nullopt;
    // "The Kingdom", "This Assembly": a determiner opens no name.
    if (tokens[from].norm == "the" || tokens[from].norm == "this" || tokens[from].norm == "a" ||
        tokens[from].norm == "an")
        return std::nullopt;
    if (tokens[to - 1].norm.size() < 2) return std::nullopt;
    for (std::size_t k = from; k < to; ++k) {
        if (roles_.longest_at(tokens, k) != nullptr) return std::nullopt;
        // A one- or two-letter word is an initial ("T. C.") or part of a hyphenated name
        // ("Ki-moon"); otherwise it is "In", "At", "UN": not a name.
        if (tokens[k].norm.size() <= 2) {
            const bool initial = tokens[k].end < text.size() && text[tokens[k].end] == '.';
            const bool hyphened = k + 1 < to && gap(text, tokens, k + 1) == "-";
            if (!initial && !hyphened && !(k > from && name_particle(tokens[k])))
                return std::nullopt;
        }
    }
    return std::string(text.substr(tokens[from].begin, tokens[to - 1].end - tokens[from].begin));
}

std::optional<std::string> SpeakerMatcher::name_after(std::string_view text,
                                                      const std::vector<Token>& tokens,
                                                      std::size_t j, bool) const {
    const std::size_t n = tokens.size();
    std::size_t k = j;
    while (k < n && k - j < kMaxNameWords + 4) {  // room for honorifics
        // A headline capitalises its verb: "Deputy Secretary-General Tells General Assembly".
        if (verbs_.longest_at(tokens, k) != nullptr) break;
        if (!name_word(text, tokens, k, k == j)) break;
        ++k;
        if (k < n && !name_link(text, tokens, k)) break;
    }
    const std::size_t from = skip_honorifics(tokens, j, k);
    return name_from_run(text, tokens, from, k, from > j);
}

std::optional<std::string> SpeakerMatcher::name_before(std::string_view text,
                                                       const std::vector<Token>& tokens,
                                                       std::size_t k) const {
    // "Jan Eliasson, the (UN) Deputy Secretary-General"
    std::size_t j = k;
    for (int steps = 0; steps < 2 && j > 0; ++steps) {
        if (!only_spaces(gap(text, tokens, j)) || tokens[j - 1].norm.size() > 3) break;
        --j;
    }
    if (j == 0 || trim_spaces(gap(text, tokens, j)) != ",") return std::nullopt;
    std::size_t b = j - 1;
    while (b > 0 && j - b < kMaxNameWords + 4 && name_link(text, tokens, b) &&
           name_word(text, tokens, b - 1, true)) {
        --b;
    }
    if (!name_word(text, tokens, b, true)) return std::nullopt;
    // "As Ms. Paauwe, the ICRtoP representative": the name starts at its honorific.
    for (std::size_t h = b; h < j; ++h) {
        if (honorifics_.longest_at(tokens, h) != nullptr) {
            b = h;
            break;
        }
    }
    // "As Leila Haddad, the Executive Director": the word opening the clause is no part of
    // the name that follows it.
    static constexpr std::array<std::string_view, 9> kClauseOpeners = {
        "as", "when", "while", "like", "since", "but", "and", "yet", "because"};
    const bool opens_sentence =
        b == 0 || gap(text, tokens, b).find_first_of(".,;:(\n") != std::string_view::npos;
    bool after_opener = false;
    if (opens_sentence && b + 2 < j &&
        std::find(kClauseOpeners.begin(), kClauseOpeners.end(), tokens[b].norm) !=
            kClauseOpeners.end()) {
        ++b;
        after_opener = true;
    }
    // "of the European Union, the representative": a capitalized run after a lowercase
    // word is a place or a body. A name starts a clause or carries a title.
    const std::size_t from = skip_honorifics(tokens, b, j);
    const bool titled = from > b;
    const bool starts_clause = after_opener || opens_sentence;
    if (!titled && !starts_clause) return std::nullopt;
    return name_from_run(text, tokens, from, j, titled);
}

void SpeakerMatcher::collect_names(std::string_view text, const std::vector<Token>& tokens,
                                   ParagraphSpeech& speech, RoleNames& names,
                                   std::size_t paragraph) const {
    const std::size_t n = tokens.size();
    std::size_t qualifier_end = 0;  // "the Special Adviser of the Secretary-General on ..., Mr. X"
    for (Mention& m : speech.mentions) {
        const bool qualifies_previous = m.first < qualifier_end;
        if (m.plural || m.possessive || qualifies_previous || m.by_name) continue;
        std::optional<std::string> name;
        // "Secretary-General Ban Ki-moon"
        if (m.last < n && only_spaces(gap(text, tokens, m.last)) && tokens[m.last].capitalized)
            name = name_after(text, tokens, m.last, false);
        // "the Special Adviser on the Prevention of Genocide, Mr. Adama Dieng"
        if (!name) {
            std::size_t j = m.last;
            while (j < n && j - m.last < kMaxQualifier && joins_phrase(gap(text, tokens, j)) &&
                   (tokens[j].capitalized || tokens[j].norm.size() <= 3))
                ++j;
            qualifier_end = j;
            // "Mr. President, Saint Lucia cannot...": an address, not an apposition.
            const bool vocative = m.first > 0 && honorifics_.longest_at(tokens, m.first - 1);
            if (j < n && j > 0 && !vocative && trim_spaces(gap(text, tokens, j)) == ",")
                name = name_after(text, tokens, j, true);
        }
        // "Jan Eliasson, the Deputy Secretary-General, said"; not a headline's "..., Not
        // Optional Courtesy, Deputy Secretary-General Tells Assembly", whose role is the
        // subject of the verb right after it, not an apposition to the words before.
        const bool subject_of_verb = m.last < n && only_spaces(gap(text, tokens, m.last)) &&
                                     verbs_.longest_at(tokens, m.last) != nullptr;
        if (!name && m.first > 0 && !subject_of_verb) name = name_before(text, tokens, m.first);
        if (!name) continue;
        m.name = name;
        // "the former Secretary-General Kofi Annan" is not who holds the role now.
        if (m.indefinite) continue;
        auto& list = names[m.role];
        const auto same = [&](const Holder& h) { return h.name == *name; };
        if (std::find_if(list.begin(), list.end(), same) == list.end())
            list.push_back(Holder{*name, m.qualifier, paragraph});
    }
}

}  // namespace r2p::detail
