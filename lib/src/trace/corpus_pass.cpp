#include "trace/corpus_pass.hpp"

#include <algorithm>
#include <charconv>

#include "index/stored_passage.hpp"
#include "index/stored_passage_reader.hpp"
#include "search/query_filters.hpp"
#include "trace/trace_timeline.hpp"

namespace r2p {

namespace {

// The docids the filters choose, sorted.
std::vector<Xapian::docid> chosen_docids(const Xapian::Database& db, const Xapian::Query& filter) {
    Xapian::Enquire enquire(db);
    enquire.set_query(filter);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    std::vector<Xapian::docid> docids;
    docids.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
    std::sort(docids.begin(), docids.end());
    return docids;
}

std::uint16_t year_number(const std::string& year) {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(year.data(), year.data() + year.size(), value);
    if (error != std::errc() || end != year.data() + year.size() || value > 9999) return 0;
    return static_cast<std::uint16_t>(value);
}

}  // namespace

bool older(const PassageFacts& a, const PassageFacts& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    return a.date < b.date;
}

namespace detail {

CorpusFactsBuilder::CorpusFactsBuilder(Searcher& searcher, const SearchFilters& filters)
    : db_(searcher.database()), filtered_(!filters.empty()) {
    // Checked (themes, roles, dates) before any passage is read.
    const Xapian::Query filter = filter_query(filters, searcher.taxonomy());
    if (filtered_) chosen_ = chosen_docids(db_, filter);
}

CorpusFactsBuilder::Read CorpusFactsBuilder::read(const std::string& data,
                                                  const std::string& record) {
    const StoredPassage passage = with_statement_fields(decode_stored_passage(data), record);
    Read out;
    out.doc_id = passage.doc_id;
    out.speaker = speaker_key(passage);
    out.year = passage_year(passage);
    out.date = passage.doc_date;
    // A quote's sentences are its paragraph's (the index signs paragraphs only): read twice,
    // they would count the quoted speaker as another speaker of the same words.
    if (passage.kind != "quote") out.sentences = passage_sentences(passage.text);
    return out;
}

std::uint32_t CorpusFactsBuilder::intern(std::unordered_map<std::string, std::uint32_t>& ids,
                                         const std::string& name) {
    const auto [it, added] = ids.try_emplace(name, static_cast<std::uint32_t>(ids.size()));
    return it->second;
}

std::uint32_t CorpusFactsBuilder::add(Xapian::docid docid, const Read& read) {
    PassageFacts facts;
    facts.docid = docid;
    facts.chosen = !filtered_ || std::binary_search(chosen_.begin(), chosen_.end(), docid);
    facts.year = read.year;
    facts.year_number = year_number(read.year);
    facts.date = read.date;
    facts.document = intern(documents_, read.doc_id);
    facts.speaker = intern(speakers_, read.speaker);
    if (year_documents_.size() <= facts.year_number) year_documents_.resize(facts.year_number + 1);
    year_documents_[facts.year_number].push_back(facts.document);
    if (facts.chosen) ++facts_.passages_read;
    facts_.passages.push_back(std::move(facts));
    return static_cast<std::uint32_t>(facts_.passages.size() - 1);
}

void CorpusFactsBuilder::count_sentences(std::uint32_t passage, std::size_t sentences) {
    if (facts_.passages[passage].chosen) facts_.sentences_read += sentences;
}

CorpusFacts CorpusFactsBuilder::finish() {
    for (std::size_t year = 0; year < year_documents_.size(); ++year) {
        auto& documents = year_documents_[year];
        if (documents.empty()) continue;
        std::sort(documents.begin(), documents.end());
        const auto distinct = std::unique(documents.begin(), documents.end()) - documents.begin();
        // Undated passages are under "" as before: boilerplate_share skips them.
        facts_.documents_by_year[year == 0 ? std::string() : std::to_string(year)] =
            static_cast<std::size_t>(distinct);
    }
    return std::move(facts_);
}

}  // namespace detail

}  // namespace r2p
