#include "trace/signatures_check.hpp"

#include <string>

#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "sentences/sentence_signature.hpp"

namespace r2p {

void require_signatures(const Xapian::Database& db) {
    const std::string scheme = db.get_metadata(std::string(schema::kSignatureSchemeKey));
    if (scheme.empty()) {
        throw UsageError(
            "the database has no sentence signatures (re-index it with this r2p-index)");
    }
    if (scheme != detail::kSignatureScheme) {
        throw UsageError("the database's sentence signatures are of another scheme ('" + scheme +
                         "', this build reads '" + std::string(detail::kSignatureScheme) +
                         "'): re-index it");
    }
}

}  // namespace r2p
