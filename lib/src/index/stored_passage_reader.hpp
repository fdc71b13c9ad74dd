// Reads passages back whole: their own data plus their statement's record.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "r2p/search_result.hpp"

namespace r2p {

class PassageExpander;

/// Reads StoredPassages from a database (one, or shards combined), filling the statement
/// fields of passages that keep them in their statement's record (schema::statement_key).
/// Records are cached by statement id, so a pass over every passage reads each record once.
/// Not thread-safe: one per thread or per call.
class StoredPassageReader {
  public:
    explicit StoredPassageReader(const Xapian::Database& db) : db_(db) {}

    /// The passage `docid` of the database. Throws IndexError (unreadable data or record)
    /// and Xapian errors as Database::get_document does.
    StoredPassage read(Xapian::docid docid);

    /// The passage whose data `data` was read from document `docid`.
    StoredPassage decode(Xapian::docid docid, std::string_view data);

    /// The data of document `docid` as encode_stored_passage or encode_passage_own wrote it:
    /// `data` itself, or expanded when it was stored compressed (a search copy's,
    /// compress_passages) with its database's dictionary.
    std::string expand(Xapian::docid docid, std::string data);

    /// The statement record `data` (read from document `docid`, expanded) needs, "" when it
    /// carries its fields itself. The reference stays valid as long as this reader.
    const std::string& record_for(Xapian::docid docid, std::string_view data);

  private:
    const std::string& record_of(Xapian::docid docid, const std::string& doc_id);

    Xapian::Database db_;
    std::unordered_map<std::string, std::string> records_;  // by statement (doc) id
    // Each shard's dictionary (null: it has none), read when its first compressed passage is.
    std::vector<std::optional<std::shared_ptr<const PassageExpander>>> expanders_;
};

/// `passage` with its statement fields from `record` (record_for's answer; "" leaves them).
StoredPassage with_statement_fields(StoredPassage passage, std::string_view record);

}  // namespace r2p
