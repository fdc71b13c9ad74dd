// Rewrites a database's passage data compressed with a dictionary trained on it: a step of
// making a search copy (make_search_copy), on its not yet published database.
#pragma once

#include <cstddef>
#include <string>

namespace r2p {

/// What compress_passages did.
struct PassageCompression {
    std::size_t passages = 0;          ///< passages whose data is now compressed
    std::size_t dictionary_bytes = 0;  ///< 0: nothing was compressed
    /// Every passage's data bytes before and after (as Xapian is given them, before its own
    /// zlib compression of each).
    std::size_t bytes_before = 0;
    std::size_t bytes_after = 0;
};

/// Trains a dictionary on a sample of the passages of the writable database at `path` (one
/// glass database, with its termlist table), stores it (kPassageDictionaryKey) and rewrites
/// every passage's data compressed with it, then commits. Only the document data changes
/// (terms, positions and values are left as they are). Does nothing when the database has
/// a dictionary already, or holds too few passages to train one. Throws IndexError.
PassageCompression compress_passages(const std::string& path);

}  // namespace r2p
