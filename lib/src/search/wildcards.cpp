#include "search/wildcards.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "search/query_tokens.hpp"

namespace r2p::detail {

namespace {

// A wildcard the query builder expands itself: a plain `prefix*` (no field, no +/-).
bool is_body_wildcard(const QueryToken& t) {
    if (t.kind != QueryToken::Word || t.text.size() < 2 || t.text.back() != '*') return false;
    const std::string_view stem(t.text.data(), t.text.size() - 1);
    return std::all_of(stem.begin(), stem.end(),
                       [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; });
}

}  // namespace

// Rewrites each plain `prefix*` into the OR of its most frequent matching words, chosen over
// the whole (possibly sharded) database. Xapian 1.4 expands OP_WILDCARD per shard, with each
// shard's own statistics, so one index and its shards would rank `protect*` differently.
// Words are capitalised so that QueryParser (STEM_SOME) keeps them unstemmed, as a wildcard
// match is.
std::string expand_wildcards(const std::string& query, const Xapian::Database& db) {
    auto tokens = tokenize_query(query);
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
    return changed ? join_tokens(tokens) : query;
}

}  // namespace r2p::detail
