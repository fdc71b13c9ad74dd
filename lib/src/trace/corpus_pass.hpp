// One pass over every passage of the corpus for the repeated sentences and phrases: the pool
// decodes and splits one batch of passages while this thread reads the next from Xapian,
// and what a unit keeps of each passage's sentences comes back in docid order. The whole
// corpus is read (boilerplate is measured on it); the filters mark the passages of the period.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "index/stored_passage_reader.hpp"
#include "r2p/search.hpp"
#include "sentences/passage_sentences.hpp"
#include "trace/repeated_score.hpp"
#include "util/worker_pool.hpp"

namespace r2p {

/// What the ranking needs of one passage.
struct PassageFacts {
    Xapian::docid docid = 0;
    bool chosen = false;            ///< in the filtered passages (the period)
    std::string year;               ///< "YYYY" or ""
    std::uint16_t year_number = 0;  ///< the same as a number, 0 when undated
    std::string date;               ///< the document's, "" when undated
    std::uint32_t document = 0;     ///< dense ids, the same for the same document or speaker
    std::uint32_t speaker = 0;
};

/// Whether passage `a` is an older use than `b`: dated before undated, the earlier date.
bool older(const PassageFacts& a, const PassageFacts& b);

/// The passages read and what is known of the whole corpus.
struct CorpusFacts {
    std::vector<PassageFacts> passages;  ///< docid order
    DocumentsByYear documents_by_year;   ///< the whole corpus's
    std::size_t passages_read = 0;       ///< chosen passages
    std::size_t sentences_read = 0;      ///< the chosen passages' sentences a unit counted
};

/// Reads every passage: on the pool, `keep` turns a passage's sentences into what a unit
/// keeps of them; on the calling thread, in docid order, `take` receives it with the
/// passage's index into CorpusFacts::passages and returns how many sentences it counted.
/// Throws UsageError for bad filters before any passage is read.
template <class Kept>
CorpusFacts read_corpus(Searcher& searcher, const SearchFilters& filters,
                        const std::function<Kept(std::vector<detail::PassageSentence>&&)>& keep,
                        const std::function<std::size_t(std::uint32_t, Kept&)>& take);

namespace detail {

// The pass's bookkeeping that does not depend on the unit (corpus_pass.cpp).
class CorpusFactsBuilder {
  public:
    CorpusFactsBuilder(Searcher& searcher, const SearchFilters& filters);

    const Xapian::Database& database() const { return db_; }

    /// One passage read on the pool: its facts' strings and its sentences.
    struct Read {
        std::string doc_id, speaker, year, date;
        std::vector<PassageSentence> sentences;
    };
    /// `record`: the statement record the data needs (StoredPassageReader::record_for).
    static Read read(const std::string& data, const std::string& record);

    /// Adds a passage's facts; returns its index.
    std::uint32_t add(Xapian::docid docid, const Read& read);
    void count_sentences(std::uint32_t passage, std::size_t sentences);
    CorpusFacts finish();

  private:
    std::uint32_t intern(std::unordered_map<std::string, std::uint32_t>& ids,
                         const std::string& name);

    const Xapian::Database& db_;
    bool filtered_ = false;
    std::vector<Xapian::docid> chosen_;
    std::unordered_map<std::string, std::uint32_t> documents_, speakers_;
    std::vector<std::vector<std::uint32_t>> year_documents_;  // by year number
    CorpusFacts facts_;
};

}  // namespace detail

template <class Kept>
CorpusFacts read_corpus(Searcher& searcher, const SearchFilters& filters,
                        const std::function<Kept(std::vector<detail::PassageSentence>&&)>& keep,
                        const std::function<std::size_t(std::uint32_t, Kept&)>& take) {
    // Passages read from the database per round (the reading thread's batch).
    constexpr std::size_t kBatchPassages = 4096;
    detail::CorpusFactsBuilder builder(searcher, filters);
    const Xapian::Database& db = builder.database();
    struct Batch {
        std::vector<Xapian::docid> docids;
        std::vector<std::string> data;
        // Each passage's statement record ("" if none), owned by `passages`.
        std::vector<const std::string*> records;
        std::vector<detail::CorpusFactsBuilder::Read> read;
        std::vector<Kept> kept;
        std::vector<std::future<void>> work;
    };
    // Read on this thread only (one record read per statement, cached for the whole pass);
    // before the pool, whose tasks point into it.
    StoredPassageReader passages(db);
    Batch batches[2];
    // After the batches: on an error, its destructor finishes their tasks before they go.
    WorkerPool pool;
    const auto begin_batch = [&](Batch& batch) {
        batch.read.assign(batch.docids.size(), {});
        batch.kept.assign(batch.docids.size(), Kept{});
        const std::size_t parts = pool.size();
        for (std::size_t part = 0; part < parts; ++part) {
            batch.work.push_back(pool.submit([&batch, &keep, part, parts] {
                for (std::size_t i = part; i < batch.docids.size(); i += parts) {
                    batch.read[i] =
                        detail::CorpusFactsBuilder::read(batch.data[i], *batch.records[i]);
                    batch.kept[i] = keep(std::move(batch.read[i].sentences));
                }
            }));
        }
    };
    const auto end_batch = [&](Batch& batch) {
        for (auto& work : batch.work) work.get();
        batch.work.clear();
        for (std::size_t i = 0; i < batch.docids.size(); ++i) {
            const std::uint32_t index = builder.add(batch.docids[i], batch.read[i]);
            builder.count_sentences(index, take(index, batch.kept[i]));
        }
        batch.docids.clear();
        batch.data.clear();
        batch.records.clear();
        batch.read.clear();
        batch.kept.clear();
    };
    std::size_t filling = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Batch& batch = batches[filling];
        batch.docids.push_back(*it);
        batch.data.push_back(
            passages.expand(*it, db.get_document(*it, Xapian::DOC_ASSUME_VALID).get_data()));
        batch.records.push_back(&passages.record_for(*it, batch.data.back()));
        if (batch.docids.size() < kBatchPassages) continue;
        begin_batch(batch);
        filling = 1 - filling;
        // The other batch was started a round ago: its passages go in, in docid order.
        if (!batches[filling].work.empty()) end_batch(batches[filling]);
    }
    Batch& last = batches[filling];
    Batch& previous = batches[1 - filling];
    if (!previous.work.empty()) end_batch(previous);
    begin_batch(last);
    end_batch(last);
    return builder.finish();
}

}  // namespace r2p
