// A passage where it stands in its statement: its paragraph's neighbours by the dense
// "DOCID/pN" ids, its quotes or its parent, read by id terms (schema::kIdPrefix, kParentPrefix).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>

#include "r2p/search_result.hpp"

namespace r2p {

/// The number N of a paragraph id "DOCID/pN" (N >= 1), or nullopt for any other id (a
/// quote's included). The document id may itself hold "/p".
std::optional<std::size_t> paragraph_number(const std::string& id);

/// The passage `id` of `db` in context (see PassageContext): up to `around` paragraphs each
/// side of it (of its paragraph, for a quote), which stop at the document's ends; nullopt
/// when no passage has that id. Throws what Xapian throws, IndexError for unreadable data.
std::optional<PassageContext> read_passage_context(const Xapian::Database& db,
                                                   const std::string& id, std::size_t around);

}  // namespace r2p
