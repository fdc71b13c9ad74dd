#include "r2p/query.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "parse/parse.hpp"
#include "r2p/error.hpp"
#include "r2p/request_text.hpp"
#include "r2p/schema.hpp"
#include "search/search_words.hpp"
#include "text/possessives.hpp"
#include "text/unicode.hpp"

namespace r2p {

namespace {

// Wildcards expand to at most this many of the most frequent matching terms, so `a*` on a
// large index costs no more than a long query.
constexpr Xapian::termcount kMaxWildcardTerms = 200;
using schema::kStemPrefix;
constexpr std::string_view kSpeakerField = schema::field_spec(schema::Field::Speaker).name;
constexpr std::string_view kKinds[] = {"paragraph", "quote"};

// The query text split just enough to rewrite it safely: quoted phrases stay whole.
struct Token {
    enum Kind { Space, Open, Close, Quoted, Word } kind;
    std::string text;
};

std::vector<Token> tokenize(std::string_view q) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < q.size()) {
        const char c = q[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            std::size_t j = i;
            while (j < q.size() && std::isspace(static_cast<unsigned char>(q[j]))) ++j;
            tokens.push_back({Token::Space, std::string(q.substr(i, j - i))});
            i = j;
        } else if (c == '(' || c == ')') {
            tokens.push_back({c == '(' ? Token::Open : Token::Close, std::string(1, c)});
            ++i;
        } else if (c == '"') {
            const std::size_t close = q.find('"', i + 1);
            const std::size_t j = close == std::string_view::npos ? q.size() : close + 1;
            tokens.push_back({Token::Quoted, std::string(q.substr(i, j - i))});
            i = j;
        } else {
            std::size_t j = i;
            while (j < q.size() && !std::isspace(static_cast<unsigned char>(q[j])) && q[j] != '(' &&
                   q[j] != ')' && q[j] != '"') {
                ++j;
            }
            tokens.push_back({Token::Word, std::string(q.substr(i, j - i))});
            i = j;
        }
    }
    return tokens;
}

// Accent-folded query text with typographic double quotes made ASCII, so phrases typed with
// “curly quotes” are phrases too.
std::string fold_query(std::string_view text) {
    std::string out = fold_accents(text);
    for (const std::string_view mark : {"\u201C", "\u201D", "\u201E"}) {
        for (auto at = out.find(mark); at != std::string::npos; at = out.find(mark, at + 1)) {
            out.replace(at, mark.size(), "\"");
        }
    }
    return out;
}

std::string join(const std::vector<Token>& tokens) {
    std::string out;
    for (const auto& t : tokens) out += t.text;
    return out;
}

std::string quoted_content(const std::string& quoted) {
    std::string inner = quoted.substr(1);
    if (!inner.empty() && inner.back() == '"') inner.pop_back();
    return inner;
}

bool is_operator(std::string_view word) {
    static const std::set<std::string_view> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    const auto slash = word.find('/');
    return kOperators.count(word.substr(0, slash)) != 0;
}

bool is_proximity_operator(std::string_view word) {
    const auto head = word.substr(0, word.find('/'));
    return head == "NEAR" || head == "ADJ";
}

// "+theme:x" -> "theme:x"
std::string_view strip_love_hate(std::string_view word) {
    while (!word.empty() && (word.front() == '+' || word.front() == '-')) word.remove_prefix(1);
    return word;
}

// Field name of a word like "theme:x" (empty when it has none).
std::string_view field_of(std::string_view word) {
    word = strip_love_hate(word);
    const auto colon = word.find(':');
    if (colon == std::string_view::npos || colon == 0) return {};
    const auto name = word.substr(0, colon);
    const bool alpha = std::all_of(name.begin(), name.end(), [](char ch) {
        return std::isalpha(static_cast<unsigned char>(ch));
    });
    return alpha ? name : std::string_view{};
}

const schema::FieldSpec* find_boolean_field(std::string_view name) {
    const schema::FieldSpec* spec = schema::find_field(name);
    return spec != nullptr && spec->boolean ? spec : nullptr;
}

// A plain word of the text: no field, no +/-, no wildcard, not an operator.
bool is_plain_word(const Token& t) {
    return t.kind == Token::Word && !is_operator(t.text) && field_of(t.text).empty() &&
           t.text.find_first_of("+-*:") == std::string::npos;
}

std::vector<std::string> folded_words(std::string_view text) {
    std::vector<std::string> words;
    for (const auto& w : detail::find_words(text)) {
        words.push_back(fold(text.substr(w.begin, w.end - w.begin)));
    }
    return words;
}

std::string known_list(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

void check_theme(const Taxonomy& taxonomy, const std::string& id) {
    if (taxonomy.find_theme(id) != nullptr) return;
    std::vector<std::string> ids;
    for (const auto& t : taxonomy.themes) ids.push_back(t.id);
    throw UsageError("unknown theme '" + id + "' (known: " + known_list(ids) + ")");
}

void check_role(const Taxonomy& taxonomy, const std::string& id) {
    if (taxonomy.find_role(id) != nullptr) return;
    std::vector<std::string> ids;
    for (const auto& r : taxonomy.roles) ids.push_back(r.id);
    throw UsageError("unknown role '" + id + "' (known: " + known_list(ids) + ")");
}

void check_kind(const std::string& kind) {
    if (std::find(std::begin(kKinds), std::end(kKinds), kind) != std::end(kKinds)) return;
    throw UsageError("unknown kind '" + kind + "' (known: paragraph, quote)");
}

bool is_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
    });
}

// Validates a boolean field's value and returns it in the index's form (folded, lower-case).
std::string boolean_value(const Taxonomy& taxonomy, schema::Field field, std::string_view value) {
    std::string folded = fold(value);
    if (field == schema::Field::Theme) check_theme(taxonomy, folded);
    if (field == schema::Field::Role) check_role(taxonomy, folded);
    if (field == schema::Field::Kind) check_kind(folded);
    if (field == schema::Field::Year && (folded.size() != 4 || !is_digits(folded))) {
        throw UsageError("bad year '" + std::string(value) + "' (expected YYYY)");
    }
    return folded;
}

void check_size(std::string_view text) {
    if (text.size() > kMaxQueryBytes) {
        throw UsageError("query too long: " + std::to_string(text.size()) + " bytes (at most " +
                         std::to_string(kMaxQueryBytes) + ")");
    }
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : text) {
        const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    if (words > kMaxQueryWords) {
        throw UsageError("query too long: " + std::to_string(words) + " words (at most " +
                         std::to_string(kMaxQueryWords) + ")");
    }
}

// QueryParser quietly closes or drops unbalanced parentheses; a user who typed them meant
// something else, so say so.
void check_parentheses(const std::vector<Token>& tokens, std::string_view text) {
    long depth = 0;
    for (const auto& t : tokens) {
        if (t.kind == Token::Open) ++depth;
        if (t.kind == Token::Close && --depth < 0) break;
    }
    if (depth != 0) {
        throw UsageError("malformed query \"" + std::string(text) + "\": unbalanced parentheses");
    }
}

// Lower-cases and checks the values of boolean fields (QueryParser keeps them verbatim, and
// the index holds them lower-case).
void normalize_fields(std::vector<Token>& tokens, const Taxonomy& taxonomy) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto& t = tokens[i];
        if (t.kind != Token::Word) continue;
        const auto field = field_of(t.text);
        if (field == kSpeakerField && t.text.front() != '+' && t.text.front() != '-' &&
            t.text.back() == ':' && i + 1 < tokens.size() && tokens[i + 1].kind == Token::Quoted) {
            // Speaker names are indexed without positions, so a phrase could never match:
            // every word of the name must be there instead.
            std::string all;
            for (const auto& word : folded_words(quoted_content(tokens[i + 1].text))) {
                all += (all.empty() ? "(" : " AND ") + std::string(kSpeakerField) + ":" + word;
            }
            t.text = all.empty() ? std::string() : all + ")";
            tokens[i + 1].text.clear();
            tokens[i + 1].kind = Token::Space;
            ++i;
            continue;
        }
        const schema::FieldSpec* boolean = find_boolean_field(field);
        if (boolean == nullptr) continue;
        const auto colon = t.text.find(':');
        const std::string value = t.text.substr(colon + 1);
        if (!value.empty()) {
            t.text = t.text.substr(0, colon + 1) + boolean_value(taxonomy, boolean->field, value);
        } else if (i + 1 < tokens.size() && tokens[i + 1].kind == Token::Quoted) {
            auto& quoted = tokens[i + 1];
            quoted.text =
                "\"" + boolean_value(taxonomy, boolean->field, quoted_content(quoted.text)) + "\"";
            ++i;
        }
    }
}

// A query of excluded words only (`-syria -"ban ki-moon"`) means every passage but those.
// QueryParser would take such words as wanted ones instead: it applies `-` only next to a
// wanted word. Rewritten as `NOT (syria OR "ban ki-moon")`, which FLAG_PURE_NOT parses.
void rewrite_pure_exclusion(std::vector<Token>& tokens) {
    std::vector<std::string> excluded;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.kind == Token::Space || (t.kind == Token::Word && t.text.empty())) continue;
        if (t.kind != Token::Word || t.text.front() != '-') return;
        if (t.text.size() > 1) {
            excluded.push_back(t.text.substr(1));
        } else if (i + 1 < tokens.size() && tokens[i + 1].kind == Token::Quoted) {
            excluded.push_back(tokens[++i].text);  // -"a phrase"
        } else {
            return;
        }
    }
    if (excluded.empty()) return;
    std::string alternatives;
    for (const auto& e : excluded) alternatives += (alternatives.empty() ? "" : " OR ") + e;
    tokens = {{Token::Word, "NOT"},
              {Token::Space, " "},
              {Token::Open, "("},
              {Token::Word, alternatives},
              {Token::Close, ")"}};
}

// Single words, wildcard prefixes and phrases the highlighter marks.
HighlightTerms highlight_terms(const Xapian::Query& query, const std::vector<Token>& tokens) {
    HighlightTerms h;
    std::set<std::string> phrase_words;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& t = tokens[i];
        const bool after_field = i > 0 && tokens[i - 1].kind == Token::Word &&
                                 !tokens[i - 1].text.empty() && tokens[i - 1].text.back() == ':';
        if (t.kind == Token::Quoted && !after_field) {
            auto words = folded_words(quoted_content(t.text));
            if (words.empty()) continue;
            phrase_words.insert(words.begin(), words.end());
            h.phrases.push_back(std::move(words));
        } else if (t.kind == Token::Word && field_of(t.text).empty() && t.text.back() == '*') {
            std::string_view core = strip_love_hate(t.text);
            core.remove_suffix(1);
            if (!core.empty()) h.prefixes.push_back(fold(core));
        }
    }
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        const std::string term = *it;
        if (term.empty()) continue;
        const unsigned char first = static_cast<unsigned char>(term[0]);
        if (term.compare(0, kStemPrefix.size(), kStemPrefix) == 0 && term.size() > 1 &&
            !std::isupper(static_cast<unsigned char>(term[1]))) {
            h.terms.insert(term);
        } else if (!std::isupper(first) && phrase_words.count(term) == 0) {
            h.terms.insert(term);
        }
    }
    return h;
}

// A query matching every passage, made afresh: Xapian's static Query::MatchAll counts its
// references without atomics, so searchers on several threads must not share it.
Xapian::Query match_all() { return Xapian::Query(std::string()); }

bool matches_words(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return !a.empty() && a == b;
}

std::string synonym_alternative(const std::string& phrase) {
    const bool single = std::all_of(phrase.begin(), phrase.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) != 0;
    });
    return single ? phrase : "\"" + phrase + "\"";
}

std::string synonym_group_query(const SynonymGroup& group) {
    std::string out = "(";
    std::set<std::string> seen;
    for (const auto& phrase : group.phrases) {
        const std::string alternative = synonym_alternative(fold_accents(phrase));
        if (!seen.insert(alternative).second) continue;
        if (out.size() > 1) out += " OR ";
        out += alternative;
    }
    return out + ")";
}

}  // namespace

namespace {

std::string date_bound(std::string_view date, std::string_view pad) {
    if (!is_calendar_date(date)) {
        throw UsageError("bad date '" + std::string(date) +
                         "' (expected a calendar date as YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    std::string digits;
    for (const char c : date) {
        if (c != '-') digits += c;
    }
    while (digits.size() < 8) digits += pad;
    return digits;
}

}  // namespace

std::string date_lower_bound(std::string_view date) { return date_bound(date, "0"); }
std::string date_upper_bound(std::string_view date) { return date_bound(date, "9"); }

std::string expand_synonyms(std::string_view query, const std::vector<SynonymGroup>& groups) {
    if (groups.empty()) return std::string(query);
    // Every phrase of every group as folded words, longest first so "responsibility to
    // protect" wins over a group holding just "responsibility".
    struct Candidate {
        std::vector<std::string> words;
        const SynonymGroup* group;
    };
    std::vector<Candidate> candidates;
    for (const auto& g : groups) {
        for (const auto& p : g.phrases) {
            auto words = folded_words(p);
            if (!words.empty()) candidates.push_back({std::move(words), &g});
        }
    }
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const Candidate& a, const Candidate& b) { return a.words.size() > b.words.size(); });

    const auto tokens = tokenize(query);
    // Positions of the non-space tokens, so neighbours can be checked across spaces.
    std::vector<std::size_t> solid;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != Token::Space) solid.push_back(i);
    }
    auto near_proximity = [&](std::size_t first, std::size_t last) {
        const bool before = first > 0 && tokens[solid[first - 1]].kind == Token::Word &&
                            is_proximity_operator(tokens[solid[first - 1]].text);
        const bool after = last + 1 < solid.size() && tokens[solid[last + 1]].kind == Token::Word &&
                           is_proximity_operator(tokens[solid[last + 1]].text);
        const bool after_field = first > 0 && tokens[solid[first - 1]].kind == Token::Word &&
                                 tokens[solid[first - 1]].text.back() == ':' &&
                                 solid[first - 1] + 1 == solid[first];
        return before || after || after_field;
    };

    std::string out;
    std::size_t emitted = 0;  // tokens [0, emitted) are in `out`
    for (std::size_t s = 0; s < solid.size(); ++s) {
        const Token& t = tokens[solid[s]];
        const Candidate* match = nullptr;
        std::size_t match_last = s;
        if (t.kind == Token::Quoted) {
            const auto words = folded_words(quoted_content(t.text));
            for (const auto& c : candidates) {
                if (matches_words(c.words, words)) {
                    match = &c;
                    break;
                }
            }
        } else if (is_plain_word(t)) {
            for (const auto& c : candidates) {
                if (s + c.words.size() > solid.size()) continue;
                bool ok = true;
                for (std::size_t k = 0; k < c.words.size() && ok; ++k) {
                    const Token& w = tokens[solid[s + k]];
                    ok = is_plain_word(w) && folded_words(w.text) == std::vector{c.words[k]};
                }
                if (ok) {
                    match = &c;
                    match_last = s + c.words.size() - 1;
                    break;
                }
            }
        }
        if (match == nullptr || near_proximity(s, match_last)) continue;
        for (std::size_t i = emitted; i < solid[s]; ++i) out += tokens[i].text;
        out += synonym_group_query(*match->group);
        emitted = solid[match_last] + 1;
        s = match_last;
    }
    for (std::size_t i = emitted; i < tokens.size(); ++i) out += tokens[i].text;
    return out;
}

QueryBuilder::QueryBuilder(const Taxonomy& taxonomy) : taxonomy_(taxonomy) {}

Xapian::Query QueryBuilder::filter_query(const SearchFilters& filters) const {
    std::vector<Xapian::Query> groups;
    auto add_group = [&](const std::vector<std::string>& values, schema::Field field) {
        if (values.empty()) return;
        const std::string prefix(schema::field_spec(field).prefix);
        std::vector<Xapian::Query> alternatives;
        for (const auto& v : values) {
            alternatives.emplace_back(prefix + boolean_value(taxonomy_, field, v));
        }
        groups.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    };
    add_group(filters.themes, schema::Field::Theme);
    add_group(filters.roles, schema::Field::Role);
    add_group(filters.kinds, schema::Field::Kind);
    add_group(filters.docs, schema::Field::Doc);

    const auto date_slot = schema::slot(schema::Slot::Date);
    if (!filters.from.empty() && !filters.to.empty()) {
        const auto lo = date_lower_bound(filters.from);
        const auto hi = date_upper_bound(filters.to);
        if (lo > hi) {
            throw UsageError(date_range_error(filters.from, filters.to));
        }
        groups.emplace_back(Xapian::Query::OP_VALUE_RANGE, date_slot, lo, hi);
    } else if (!filters.from.empty()) {
        groups.emplace_back(Xapian::Query::OP_VALUE_GE, date_slot, date_lower_bound(filters.from));
    } else if (!filters.to.empty()) {
        groups.emplace_back(Xapian::Query::OP_VALUE_LE, date_slot, date_upper_bound(filters.to));
    }
    if (groups.empty()) return match_all();
    return Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
}

namespace {

// A wildcard the query builder expands itself: a plain `prefix*` (no field, no +/-).
bool is_body_wildcard(const Token& t) {
    if (t.kind != Token::Word || t.text.size() < 2 || t.text.back() != '*') return false;
    const std::string_view stem(t.text.data(), t.text.size() - 1);
    return std::all_of(stem.begin(), stem.end(),
                       [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; });
}

// Rewrites each plain `prefix*` into the OR of its most frequent matching words, chosen over
// the whole (possibly sharded) database. Xapian 1.4 expands OP_WILDCARD per shard, with each
// shard's own statistics, so one index and its shards would rank `protect*` differently.
// Words are capitalised so that QueryParser (STEM_SOME) keeps them unstemmed, as a wildcard
// match is.
std::string expand_wildcards(const std::string& query, const Xapian::Database& db) {
    auto tokens = tokenize(query);
    bool changed = false;
    for (auto& t : tokens) {
        if (!is_body_wildcard(t)) continue;
        std::string prefix = t.text.substr(0, t.text.size() - 1);
        std::transform(prefix.begin(), prefix.end(), prefix.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        std::vector<std::pair<Xapian::doccount, std::string>> found;
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            found.emplace_back(it.get_termfreq(), *it);
        }
        // Most frequent first; ties in term order, so every layout picks the same words.
        std::stable_sort(found.begin(), found.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        if (found.size() > kMaxWildcardTerms) found.resize(kMaxWildcardTerms);
        if (found.empty()) continue;
        std::string alternatives = "(";
        for (auto& [frequency, word] : found) {
            if (alternatives.size() > 1) alternatives += " OR ";
            word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
            alternatives += word;
        }
        t.text = alternatives + ")";
        changed = true;
    }
    return changed ? join(tokens) : query;
}

}  // namespace

BuiltQuery QueryBuilder::build(std::string_view text, MatchMode mode, const SearchFilters& filters,
                               const Xapian::Database& db) const {
    check_size(text);
    // Possessives go as they went from the indexed text: "Ki-moon's" -> "Ki-moon".
    auto tokens = tokenize(detail::drop_possessives(fold_query(text)));
    check_parentheses(tokens, text);
    normalize_fields(tokens, taxonomy_);
    rewrite_pure_exclusion(tokens);
    BuiltQuery built;
    built.normalized = expand_wildcards(expand_synonyms(join(tokens), taxonomy_.synonyms), db);

    Xapian::QueryParser parser;
    parser.set_stemmer(schema::make_stemmer());
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(mode == MatchMode::All ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    parser.set_database(db);
    parser.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    for (const auto& f : schema::kFields) {
        if (f.boolean) {
            parser.add_boolean_prefix(std::string(f.name), std::string(f.prefix));
        } else {
            parser.add_prefix(std::string(f.name), std::string(f.prefix));
        }
    }

    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT;
    Xapian::Query parsed;
    try {
        parsed = parser.parse_query(built.normalized, flags);
    } catch (const Xapian::QueryParserError& e) {
        throw UsageError("malformed query \"" + std::string(text) + "\": " + e.get_msg());
    } catch (const Xapian::Error& e) {
        // Wildcard expansion reads the database.
        throw IndexError("cannot expand query \"" + std::string(text) + "\": " + e.get_msg());
    }
    if (parsed.empty()) parsed = match_all();
    built.highlight = highlight_terms(parsed, tokenize(built.normalized));
    built.query = filters.empty()
                      ? parsed
                      : Xapian::Query(Xapian::Query::OP_FILTER, parsed, filter_query(filters));
    return built;
}

std::optional<std::string> QueryBuilder::suggest(std::string_view text,
                                                 const Xapian::Database& db) const {
    if (text.size() > kMaxQueryBytes) return std::nullopt;
    std::set<std::string> synonym_words;
    for (const auto& g : taxonomy_.synonyms) {
        for (const auto& p : g.phrases) {
            for (auto& w : folded_words(p)) synonym_words.insert(std::move(w));
        }
    }
    const Xapian::Stem stem = schema::make_stemmer();
    const std::string folded = fold_query(text);
    std::string out;
    bool changed = false;
    for (const auto& t : tokenize(folded)) {
        const bool checkable = (t.kind == Token::Quoted) || (is_plain_word(t));
        if (!checkable) {
            out += t.text;
            continue;
        }
        std::size_t at = 0;
        for (const auto& span : detail::find_words(t.text)) {
            const std::string word =
                fold(std::string_view(t.text).substr(span.begin, span.end - span.begin));
            out.append(t.text, at, span.begin - at);
            at = span.end;
            std::string replacement;
            if (!is_digits(word) && synonym_words.count(word) == 0 && db.get_termfreq(word) == 0 &&
                db.get_termfreq(std::string(kStemPrefix) + stem(word)) == 0) {
                replacement = db.get_spelling_suggestion(word);
            }
            if (!replacement.empty() && replacement != word) {
                out += replacement;
                changed = true;
            } else {
                out.append(t.text, span.begin, span.end - span.begin);
            }
        }
        out.append(t.text, at, std::string::npos);
    }
    if (!changed) return std::nullopt;
    return out;
}

}  // namespace r2p
