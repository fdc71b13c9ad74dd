#include "index/indexed_phrases.hpp"

#include <algorithm>
#include <iterator>

#include "r2p/schema.hpp"
#include "search/query_tokens.hpp"
#include "text/possessives.hpp"

namespace r2p {

namespace {

bool indexable_term(const std::string& term) {
    return !term.empty() && term.find_first_of(std::string_view(" \n\0", 3)) == std::string::npos;
}

bool indexable(const PhraseTerms& terms) {
    if (terms.size() < 2 || !std::all_of(terms.begin(), terms.end(), indexable_term)) return false;
    // Each word once (a phrase has a few words: compared pairwise, nothing allocated).
    for (std::size_t i = 1; i < terms.size(); ++i) {
        if (std::find(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(i), terms[i]) !=
            terms.begin() + static_cast<std::ptrdiff_t>(i))
            return false;
    }
    // The length term_of would give, without building it.
    std::size_t bytes = schema::kPhrasePrefix.size() + terms.size() - 1;
    for (const std::string& term : terms) bytes += term.size();
    return bytes <= schema::kMaxTermBytes;
}

// The window of an OP_PHRASE query: Xapian 1.4 has no accessor for it, but its description
// writes it after every "PHRASE" ("Query((a@1 PHRASE 2 b@2))"). Free-text terms never hold
// a space, so the text between them is the operator's. 0 when not found or not all equal.
std::size_t phrase_window(const Xapian::Query& query) {
    const std::string description = query.get_description();
    const std::string_view marker = " PHRASE ";
    std::size_t window = 0;
    for (std::size_t at = description.find(marker); at != std::string::npos;
         at = description.find(marker, at + 1)) {
        std::size_t value = 0;
        std::size_t i = at + marker.size();
        if (i >= description.size() || description[i] < '0' || description[i] > '9') return 0;
        for (; i < description.size() && description[i] >= '0' && description[i] <= '9'; ++i) {
            value = value * 10 + static_cast<std::size_t>(description[i] - '0');
        }
        if (window != 0 && value != window) return 0;
        window = value;
    }
    return window;
}

// Every exact phrase inside `query` (a parsed taxonomy phrase: the phrase itself, or the
// phrases of a hyphenated word among its words).
void collect_phrases(const Xapian::Query& query, std::vector<PhraseTerms>& out) {
    if (auto terms = exact_phrase_terms(query)) {
        out.push_back(std::move(*terms));
        return;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        collect_phrases(query.get_subquery(i), out);
    }
}

}  // namespace

std::optional<PhraseTerms> exact_phrase_terms(const Xapian::Query& query) {
    if (query.get_type() != Xapian::Query::OP_PHRASE || query.get_num_subqueries() < 2) {
        return std::nullopt;
    }
    PhraseTerms terms;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        const Xapian::Query term = query.get_subquery(i);
        if (term.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
        const auto it = term.get_terms_begin();
        if (it == term.get_terms_end() || (*it).empty()) return std::nullopt;
        terms.push_back(*it);
    }
    if (std::set<std::string>(terms.begin(), terms.end()).size() != terms.size()) {
        return std::nullopt;
    }
    if (phrase_window(query) != terms.size()) return std::nullopt;
    return terms;
}

IndexedPhrases::IndexedPhrases(const std::vector<PhraseTerms>& phrases) {
    for (const PhraseTerms& terms : phrases) {
        // As metadata() lists them (in order), each goes in at the end, with no search.
        if (indexable(terms)) phrases_.insert(phrases_.end(), terms);
    }
    for (const PhraseTerms& terms : phrases_)
        words_.insert(words_.end(), terms.begin(), terms.end());
    std::sort(words_.begin(), words_.end());
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
    for (const PhraseTerms& terms : phrases_) {
        std::vector<std::size_t> ids;
        for (const std::string& term : terms) {
            ids.push_back(static_cast<std::size_t>(
                std::lower_bound(words_.begin(), words_.end(), term) - words_.begin()));
        }
        word_ids_.push_back(std::move(ids));
    }
}

IndexedPhrases IndexedPhrases::of_taxonomy(const Taxonomy& taxonomy) {
    std::vector<std::string> texts;
    for (const Theme& theme : taxonomy.themes) {
        texts.push_back(theme.label);
        for (const auto* list : {&theme.headings, &theme.cues, &theme.weak}) {
            texts.insert(texts.end(), list->begin(), list->end());
        }
    }
    for (const Role& role : taxonomy.roles) {
        texts.push_back(role.label);
        texts.insert(texts.end(), role.aliases.begin(), role.aliases.end());
    }
    for (const SynonymGroup& group : taxonomy.synonyms) {
        texts.insert(texts.end(), group.phrases.begin(), group.phrases.end());
    }
    // Parsed as QueryBuilder parses a quoted phrase of a query (the same folding, stemmer
    // and strategy): the terms a user's query of the phrase gives.
    Xapian::QueryParser parser;
    parser.set_stemmer(schema::make_stemmer());
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    std::vector<PhraseTerms> phrases;
    for (const std::string& text : texts) {
        std::string quoted = detail::drop_possessives(detail::fold_query(text));
        quoted.erase(std::remove(quoted.begin(), quoted.end(), '"'), quoted.end());
        if (quoted.find_first_not_of(' ') == std::string::npos) continue;
        try {
            collect_phrases(
                parser.parse_query('"' + quoted + '"', Xapian::QueryParser::FLAG_PHRASE), phrases);
        } catch (const Xapian::QueryParserError&) {
            // A taxonomy phrase a query cannot hold is never asked for.
        }
    }
    return IndexedPhrases(phrases);
}

IndexedPhrases IndexedPhrases::from_metadata(std::string_view value) {
    std::vector<PhraseTerms> phrases;
    while (!value.empty()) {
        const std::size_t end = std::min(value.find('\n'), value.size());
        const std::string_view line = value.substr(0, end);
        value.remove_prefix(std::min(end + 1, value.size()));
        PhraseTerms terms;
        std::size_t start = 0;
        while (start <= line.size()) {
            const std::size_t space = std::min(line.find(' ', start), line.size());
            terms.emplace_back(line.substr(start, space - start));
            start = space + 1;
        }
        phrases.push_back(std::move(terms));
    }
    return IndexedPhrases(phrases);
}

IndexedPhrases IndexedPhrases::of_database(const Xapian::Database& db) {
    return from_metadata(db.get_metadata(std::string(schema::kIndexedPhrasesKey)));
}

std::string IndexedPhrases::metadata() const {
    std::string value;
    for (const PhraseTerms& terms : phrases_) {
        if (!value.empty()) value += '\n';
        for (std::size_t i = 0; i < terms.size(); ++i) {
            if (i != 0) value += ' ';
            value += terms[i];
        }
    }
    return value;
}

bool IndexedPhrases::includes(const IndexedPhrases& other) const {
    return std::includes(phrases_.begin(), phrases_.end(), other.phrases_.begin(),
                         other.phrases_.end());
}

IndexedPhrases IndexedPhrases::common_with(const IndexedPhrases& other) const {
    std::vector<PhraseTerms> common;
    std::set_intersection(phrases_.begin(), phrases_.end(), other.phrases_.begin(),
                          other.phrases_.end(), std::back_inserter(common));
    return IndexedPhrases(common);
}

IndexedPhrases IndexedPhrases::joined_with(const IndexedPhrases& other) const {
    std::vector<PhraseTerms> joined;
    std::set_union(phrases_.begin(), phrases_.end(), other.phrases_.begin(), other.phrases_.end(),
                   std::back_inserter(joined));
    return IndexedPhrases(joined);
}

std::string IndexedPhrases::term_of(const PhraseTerms& terms) {
    std::string term(schema::kPhrasePrefix);
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (i != 0) term += ' ';
        term += terms[i];
    }
    return term;
}

void IndexedPhrases::add_terms(Xapian::Document& xdoc) const {
    if (phrases_.empty()) return;
    // The positions of every phrase word the document holds: its termlist and words_ are
    // both sorted, so one merge finds them.
    std::vector<std::vector<Xapian::termpos>> positions(words_.size());
    std::size_t next = 0;
    for (auto it = xdoc.termlist_begin(); it != xdoc.termlist_end() && next < words_.size(); ++it) {
        const std::string term = *it;
        while (next < words_.size() && words_[next] < term) ++next;
        if (next < words_.size() && words_[next] == term) {
            positions[next].assign(it.positionlist_begin(), it.positionlist_end());
            ++next;
        }
    }
    std::size_t phrase = 0;
    for (const PhraseTerms& terms : phrases_) {
        const std::vector<std::size_t>& ids = word_ids_[phrase++];
        const auto& first = positions[ids.front()];
        const bool found = std::any_of(first.begin(), first.end(), [&](Xapian::termpos start) {
            for (std::size_t i = 1; i < ids.size(); ++i) {
                const auto& at = positions[ids[i]];
                if (!std::binary_search(at.begin(), at.end(),
                                        start + static_cast<Xapian::termpos>(i))) {
                    return false;
                }
            }
            return true;
        });
        if (found) xdoc.add_boolean_term(term_of(terms));
    }
}

}  // namespace r2p
