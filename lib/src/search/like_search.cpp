#include "search/like_search.hpp"

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <tuple>

#include "index/stored_passage.hpp"
#include "index/stored_passage_reader.hpp"
#include "r2p/error.hpp"
#include "r2p/request_text.hpp"
#include "r2p/schema.hpp"
#include "sentences/sentence_signature.hpp"
#include "sentences/sentence_similarity.hpp"

namespace r2p {

namespace {

std::string id_term(const std::string& id) { return std::string(schema::kIdPrefix) + id; }

// The stored text of passage `id`; UsageError when no passage has it.
std::string passage_text(const Xapian::Database& db, const std::string& id) {
    const std::string term = id_term(id);
    if (term.size() <= schema::kMaxTermBytes) {
        const auto it = db.postlist_begin(term);
        if (it != db.postlist_end(term)) {
            // Its text only: no statement record is read.
            return decode_stored_passage(
                       StoredPassageReader(db).expand(*it, db.get_document(*it).get_data()))
                .text;
        }
    }
    throw UsageError(std::string(kLikeKey) + ": no passage has the id '" + id + "'");
}

// Which passages are verified. A passage alike holds several of its 8 anchors among the
// asked sentence's bigrams (it is missed when it holds at most one: about 1% at a 0.6 share,
// 10% for a formula inside a sentence twice its length). Measured on UNGDC (12 sentences,
// R2P, development, security, courtesy): passages holding one probe anchor were 80-95% of
// those holding any and never alike but for stock phrases ("the United Nations"); of those
// holding two, the ones whose two anchors were both common buckets (stock phrases again)
// were most of the rest and alike only for courtesy and Charter formulas. Leaving both out
// read 2-4 times fewer passages (the 2005 formula: 672 instead of 5,214) and found every
// use of the R2P, development and security sentences; the boilerplate ones lost 5-15% of
// their uses.
constexpr std::size_t kMinSharedAnchors = 2;  // or all, when the asked have fewer
constexpr std::size_t kSureSharedAnchors = 3;
/// An anchor bucket with more passages than this is a stock phrase's (UNGDC: ~1M passages).
constexpr Xapian::doccount kCommonAnchorPassages = 1000;

// The passages to verify, ascending docids.
std::vector<Xapian::docid> candidates(const Xapian::Database& db, const AskedSentences& asked) {
    std::vector<std::string> probes;
    for (const auto& sentence : asked.sentences) {
        for (auto& term : detail::probe_anchors(sentence.words)) probes.push_back(std::move(term));
    }
    std::sort(probes.begin(), probes.end());
    probes.erase(std::unique(probes.begin(), probes.end()), probes.end());
    // Each posting with whether its bucket is a rare one (odd) or common (even).
    std::vector<std::uint64_t> postings;
    for (const std::string& term : probes) {
        const std::uint64_t rare = db.get_termfreq(term) <= kCommonAnchorPassages ? 1 : 0;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            postings.push_back((static_cast<std::uint64_t>(*it) << 1) | rare);
        }
    }
    std::sort(postings.begin(), postings.end());
    // Bounds what one search reads and keeps (a server's searcher is held meanwhile).
    if (postings.size() > kMaxLikePostings) {
        throw UsageError("the sentence is made of phrases too common to look for (" +
                         std::to_string(postings.size()) + " anchor postings, at most " +
                         std::to_string(kMaxLikePostings) + "): give a longer or rarer sentence");
    }
    const std::size_t needed = std::min(kMinSharedAnchors, probes.size());
    std::vector<Xapian::docid> docids;
    for (std::size_t i = 0; i < postings.size();) {
        const std::uint64_t docid = postings[i] >> 1;
        std::size_t j = i;
        bool any_rare = false;
        while (j < postings.size() && (postings[j] >> 1) == docid)
            any_rare |= (postings[j++] & 1) != 0;
        const std::size_t held = j - i;
        if (held >= kSureSharedAnchors || (held >= needed && (any_rare || held == probes.size()))) {
            docids.push_back(static_cast<Xapian::docid>(docid));
        }
        i = j;
    }
    return docids;
}

}  // namespace

std::vector<std::string> AskedSentences::texts() const {
    std::vector<std::string> out;
    for (const auto& sentence : sentences) {
        out.push_back(text.substr(sentence.begin, sentence.end - sentence.begin));
    }
    return out;
}

void require_signatures(const std::vector<Xapian::Database>& shards) {
    for (const Xapian::Database& db : shards) {
        const std::string scheme = db.get_metadata(std::string(schema::kSignatureSchemeKey));
        if (scheme == detail::kSignatureScheme) continue;
        throw UsageError("the database has no sentence signatures" +
                         (scheme.empty() ? std::string(" (or passages written without them)")
                                         : " of this version (it has '" + scheme + "')") +
                         ": re-index it into a new --db with this r2p-index to use " +
                         std::string(kLikeKey) + ", " + std::string(kLikeTextKey) +
                         " or r2p-trace");
    }
}

AskedSentences asked_sentences(const Xapian::Database& db, const SearchRequest& request) {
    if (!request.like.empty() && !request.like_text.empty()) {
        throw UsageError(std::string(kLikeKey) + " and " + std::string(kLikeTextKey) +
                         " cannot be given together");
    }
    if (!(request.min_similarity >= 0.0 && request.min_similarity <= 1.0)) {
        throw UsageError(std::string(kMinSimilarityKey) + " must be from 0 to 1");
    }
    if (request.min_similarity < kLowestLikeSimilarity) {
        std::ostringstream message;
        message << kMinSimilarityKey << ' ' << request.min_similarity << " is below "
                << kLowestLikeSimilarity
                << ": sentences that low share only a stock phrase or two with the asked one";
        throw UsageError(message.str());
    }
    AskedSentences asked;
    asked.text = request.like.empty() ? request.like_text : passage_text(db, request.like);
    for (auto& sentence : detail::passage_sentences(asked.text)) {
        if (detail::has_signature(sentence.words)) asked.sentences.push_back(std::move(sentence));
    }
    if (asked.sentences.empty()) {
        throw UsageError((request.like.empty() ? std::string(kLikeTextKey)
                                               : std::string(kLikeKey) + " " + request.like) +
                         ": no sentence of at least " + std::to_string(detail::kMinSignatureWords) +
                         " words to look for (shorter ones are not traced)");
    }
    return asked;
}

std::vector<LikePassage> find_like_passages(const Xapian::Database& db, const AskedSentences& asked,
                                            double min_similarity) {
    std::vector<LikePassage> found;
    StoredPassageReader reader(db);
    for (const Xapian::docid docid : candidates(db, asked)) {
        StoredPassage passage = reader.read(docid);
        const std::vector<detail::PassageSentence> sentences =
            detail::passage_sentences(passage.text);
        double best = -1;
        std::size_t best_asked = 0;
        const detail::PassageSentence* best_found = nullptr;
        for (const auto& sentence : sentences) {
            if (!detail::has_signature(sentence.words)) continue;  // never anchored
            for (std::size_t i = 0; i < asked.sentences.size(); ++i) {
                const double s = detail::sentence_similarity(asked.sentences[i], sentence);
                if (s > best) {
                    best = s;
                    best_asked = i;
                    best_found = &sentence;
                }
            }
        }
        if (!best_found || best < min_similarity) continue;
        LikePassage like;
        like.docid = docid;
        like.match = detail::match_sentence(asked.sentences[best_asked], *best_found);
        like.match.asked = best_asked;
        like.passage = std::move(passage);
        found.push_back(std::move(like));
    }
    return found;
}

void sort_like_passages(std::vector<LikePassage>& passages, SortOrder sort) {
    // Undated last: "" sorts after any date.
    const auto date_key = [](const LikePassage& p) {
        return std::make_tuple(p.passage.doc_date.empty(), std::cref(p.passage.doc_date));
    };
    std::sort(passages.begin(), passages.end(), [&](const LikePassage& a, const LikePassage& b) {
        if (sort == SortOrder::Relevance && a.match.similarity != b.match.similarity) {
            return a.match.similarity > b.match.similarity;
        }
        if (date_key(a) != date_key(b)) return date_key(a) < date_key(b);
        if (sort == SortOrder::Date && a.match.similarity != b.match.similarity) {
            return a.match.similarity > b.match.similarity;
        }
        return a.passage.id < b.passage.id;
    });
}

Xapian::Query passages_query(const std::vector<LikePassage>& passages) {
    std::vector<Xapian::Query> terms;
    terms.reserve(passages.size());
    for (const LikePassage& p : passages) terms.emplace_back(id_term(p.passage.id));
    if (terms.empty()) return Xapian::Query::MatchNothing;
    return {Xapian::Query::OP_OR, terms.begin(), terms.end()};
}

Snippet like_snippet(const LikePassage& found) {
    const SentenceMatch& m = found.match;
    Snippet snippet;
    snippet.text = found.passage.text.substr(m.begin, m.end - m.begin);
    for (const auto& [b, e] : m.differing) snippet.marks.emplace_back(b - m.begin, e - m.begin);
    return snippet;
}

}  // namespace r2p
