#include "search/query_builder.hpp"

#include <cctype>
#include <vector>

#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "search/highlight_terms.hpp"
#include "search/phrase_rewrite.hpp"
#include "search/query_fields.hpp"
#include "search/query_filters.hpp"
#include "search/query_tokens.hpp"
#include "search/spelling.hpp"
#include "search/synonyms.hpp"
#include "search/wildcards.hpp"
#include "text/possessives.hpp"

namespace r2p {

namespace {

using detail::QueryToken;

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
void check_parentheses(const std::vector<QueryToken>& tokens, std::string_view text) {
    long depth = 0;
    for (const auto& t : tokens) {
        if (t.kind == QueryToken::Open) ++depth;
        if (t.kind == QueryToken::Close && --depth < 0) break;
    }
    if (depth != 0) {
        throw UsageError("malformed query \"" + std::string(text) + "\": unbalanced parentheses");
    }
}

// A query of excluded words only (`-syria -"ban ki-moon"`) means every passage but those.
// QueryParser would take such words as wanted ones instead: it applies `-` only next to a
// wanted word. Rewritten as `NOT (syria OR "ban ki-moon")`, which FLAG_PURE_NOT parses.
void rewrite_pure_exclusion(std::vector<QueryToken>& tokens) {
    std::vector<std::string> excluded;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const QueryToken& t = tokens[i];
        if (t.kind == QueryToken::Space || (t.kind == QueryToken::Word && t.text.empty())) continue;
        if (t.kind != QueryToken::Word || t.text.front() != '-') return;
        if (t.text.size() > 1) {
            excluded.push_back(t.text.substr(1));
        } else if (i + 1 < tokens.size() && tokens[i + 1].kind == QueryToken::Quoted) {
            excluded.push_back(tokens[++i].text);  // -"a phrase"
        } else {
            return;
        }
    }
    if (excluded.empty()) return;
    std::string alternatives;
    for (const auto& e : excluded) alternatives += (alternatives.empty() ? "" : " OR ") + e;
    tokens = {{QueryToken::Word, "NOT"},
              {QueryToken::Space, " "},
              {QueryToken::Open, "("},
              {QueryToken::Word, alternatives},
              {QueryToken::Close, ")"}};
}

}  // namespace

QueryBuilder::QueryBuilder(const Taxonomy& taxonomy) : taxonomy_(taxonomy) {}

Xapian::Query QueryBuilder::filter_query(const SearchFilters& filters) const {
    return r2p::filter_query(filters, taxonomy_);
}

BuiltQuery QueryBuilder::build(std::string_view text, MatchMode mode, const SearchFilters& filters,
                               const Xapian::Database& db, const PhraseSource& phrases) const {
    check_size(text);
    // Possessives go as they went from the indexed text: "Ki-moon's" -> "Ki-moon".
    auto tokens = detail::tokenize_query(detail::drop_possessives(detail::fold_query(text)));
    check_parentheses(tokens, text);
    detail::normalize_fields(tokens, taxonomy_);
    rewrite_pure_exclusion(tokens);
    BuiltQuery built;
    built.normalized = detail::expand_wildcards(
        expand_synonyms(detail::join_tokens(tokens), taxonomy_.synonyms), db);

    Xapian::QueryParser parser;
    parser.set_stemmer(schema::make_stemmer());
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(mode == MatchMode::All ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    parser.set_database(db);
    parser.set_max_expansion(detail::kMaxWildcardTerms,
                             Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    for (const auto& f : schema::kFields) {
        if (!f.queried) continue;  // its name is another row's prefix in queries
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
    built.highlight = detail::highlight_terms(parsed, detail::tokenize_query(built.normalized));
    if (phrases && holds_phrase(parsed)) parsed = rewrite_indexed_phrases(parsed, phrases());
    built.query =
        filters.empty() ? parsed : filtered(parsed, r2p::filter_query(filters, taxonomy_));
    return built;
}

std::optional<std::string> QueryBuilder::suggest(std::string_view text,
                                                 const Xapian::Database& db) const {
    if (text.size() > kMaxQueryBytes) return std::nullopt;
    return detail::spelling_suggestion(text, taxonomy_.synonyms, db);
}

}  // namespace r2p
