// A StoredPassage as the bytes of its Xapian document's data, and back.
#pragma once

#include <string>
#include <string_view>

#include "r2p/search_result.hpp"

namespace r2p {

/// Serialises the whole passage, its statement's fields included, for
/// Xapian::Document::set_data (length-prefixed fields, see the .cpp). The layout of databases
/// written before statement records (schema::kStatementKeyPrefix); kept for passages whose
/// statement cannot have a record.
std::string encode_stored_passage(const StoredPassage& passage);

/// Serialises only what is the passage's own and its statement id (doc_id): the statement's
/// fields (doc_title, doc_date, doc_path, doc_event, doc_place, doc_source_url, doc_country,
/// doc_country_name, doc_session, doc_symbol) go once per statement in
/// encode_statement_fields's record.
std::string encode_passage_own(const StoredPassage& passage);

/// The statement fields of `passage` (see encode_passage_own), as one statement record.
std::string encode_statement_fields(const StoredPassage& passage);

/// False when `data` was written by encode_passage_own: its statement fields are in its
/// statement's record (read them with StoredPassageReader, or apply_statement_fields).
bool has_statement_fields(std::string_view data);

/// The statement id (doc_id) of the passage `data` holds, without reading the rest.
/// Throws IndexError on data it cannot read.
std::string stored_statement_id(std::string_view data);

/// Reads what encode_stored_passage or encode_passage_own wrote (the latter with empty
/// statement fields). Throws IndexError on data it cannot read.
StoredPassage decode_stored_passage(std::string_view data);

/// Sets the statement fields of `passage` from a record encode_statement_fields wrote.
/// Throws IndexError on a record it cannot read.
void apply_statement_fields(std::string_view record, StoredPassage& passage);

}  // namespace r2p
