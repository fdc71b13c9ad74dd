#include "index/stored_passage_reader.hpp"

#include "index/passage_compression.hpp"
#include "index/stored_passage.hpp"
#include "r2p/error.hpp"
#include "r2p/schema.hpp"

namespace r2p {

namespace {

const std::string kNoRecord;

// The shard of a combined database holding `docid`, as a database of its own. Xapian
// interleaves docids over its shards (docid d lives in shard (d - 1) % n) and reads metadata
// from the first shard only, while a statement's record lives in the shard of its passages.
// Xapian 1.4 offers no other way to a combined database's shards than its `internal`
// handles; they work for local and remote (xapian-tcpsrv) shards alike.
std::size_t shard_of(const Xapian::Database& db, Xapian::docid docid) {
    return db.size() <= 1 ? 0 : (static_cast<std::size_t>(docid) - 1) % db.size();
}

Xapian::Database shard_holding(const Xapian::Database& db, Xapian::docid docid) {
    if (db.size() <= 1) return db;
    return Xapian::Database(db.internal[shard_of(db, docid)].get());
}

}  // namespace

const std::string& StoredPassageReader::record_of(Xapian::docid docid, const std::string& doc_id) {
    const auto found = records_.find(doc_id);
    if (found != records_.end()) return found->second;
    const std::string key = schema::statement_key(doc_id);
    std::string record = key.empty() ? std::string() : shard_holding(db_, docid).get_metadata(key);
    if (record.empty()) {
        throw IndexError("passage data in the index lacks the record of statement " + doc_id +
                         " (re-index with r2p-index)");
    }
    return records_.emplace(doc_id, std::move(record)).first->second;
}

const std::string& StoredPassageReader::record_for(Xapian::docid docid, std::string_view data) {
    if (is_compressed_passage(data)) return record_for(docid, expand(docid, std::string(data)));
    if (has_statement_fields(data)) return kNoRecord;
    return record_of(docid, stored_statement_id(data));
}

std::string StoredPassageReader::expand(Xapian::docid docid, std::string data) {
    if (!is_compressed_passage(data)) return data;
    const std::size_t shard = shard_of(db_, docid);
    if (expanders_.size() <= shard) expanders_.resize(shard + 1);
    auto& expander = expanders_[shard];
    if (!expander) expander = passage_expander_of(shard_holding(db_, docid));
    if (!*expander) {
        throw IndexError(
            "compressed passage data in the index lacks its dictionary "
            "(make the search copy again with r2p-index --compact-to)");
    }
    return (*expander)->expand(data);
}

StoredPassage StoredPassageReader::decode(Xapian::docid docid, std::string_view data) {
    if (is_compressed_passage(data)) return decode(docid, expand(docid, std::string(data)));
    StoredPassage passage = decode_stored_passage(data);
    if (!has_statement_fields(data))
        apply_statement_fields(record_of(docid, passage.doc_id), passage);
    return passage;
}

StoredPassage StoredPassageReader::read(Xapian::docid docid) {
    return decode(docid, db_.get_document(docid).get_data());
}

StoredPassage with_statement_fields(StoredPassage passage, std::string_view record) {
    if (!record.empty()) apply_statement_fields(record, passage);
    return passage;
}

}  // namespace r2p
