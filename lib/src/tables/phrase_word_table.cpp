#include "tables/phrase_word_table.hpp"

#include <algorithm>

#include "r2p/schema.hpp"

namespace r2p {

const std::uint8_t* PhraseWordCursor::row_at(Xapian::docid did) {
    const std::span<const std::uint32_t> docids = table_.docids();
    // Galloping from the last row passed: a walk's next match is mostly a few rows on, a
    // pruned walk's may be far.
    std::size_t low = next_;
    std::size_t step = 1;
    while (low + step < docids.size() && docids[low + step] < did) {
        low += step;
        step *= 2;
    }
    const std::size_t high = std::min(docids.size(), low + step + 1);
    next_ =
        static_cast<std::size_t>(std::lower_bound(docids.begin() + static_cast<long>(low),
                                                  docids.begin() + static_cast<long>(high), did) -
                                 docids.begin());
    if (next_ == docids.size() || docids[next_] != did) return nullptr;
    return table_.row(next_);
}

std::vector<std::string> phrase_term_words(std::string_view term) {
    std::vector<std::string> words;
    if (term.substr(0, schema::kPhrasePrefix.size()) != schema::kPhrasePrefix) return words;
    term.remove_prefix(schema::kPhrasePrefix.size());
    while (!term.empty()) {
        const std::size_t space = term.find(' ');
        words.emplace_back(term.substr(0, space));
        if (space == std::string_view::npos) break;
        term.remove_prefix(space + 1);
    }
    return words;
}

PhraseWordColumns PhraseWordColumns::read(const Xapian::Database& db) {
    PhraseWordColumns out;
    const std::string prefix(schema::kPhrasePrefix);
    out.starts = {0, 0};
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
        const std::vector<std::string> words = phrase_term_words(*term);
        if (words.empty()) continue;
        std::vector<Xapian::PostingIterator> word_its;
        for (const std::string& word : words) word_its.push_back(db.postlist_begin(word));
        const Xapian::PostingIterator word_end;  // every postlist_end compares equal to it
        for (auto it = db.postlist_begin(*term); it != db.postlist_end(*term); ++it) {
            const Xapian::docid did = *it;
            out.docids.push_back(did);
            for (Xapian::PostingIterator& word : word_its) {
                if (word != word_end && *word < did) word.skip_to(did);
                const Xapian::termcount wdf = word != word_end && *word == did ? word.get_wdf() : 0;
                out.wdfs.push_back(
                    static_cast<std::uint8_t>(std::min<Xapian::termcount>(wdf, kPhraseWdfUnknown)));
            }
        }
        out.terms.push_back(*term);
        out.starts.push_back(out.docids.size());
        out.starts.push_back(out.wdfs.size());
    }
    return out;
}

}  // namespace r2p
