#include "r2p/databases.hpp"

#include <filesystem>
#include <system_error>

#include "r2p/error.hpp"
#include "r2p/schema.hpp"

namespace r2p {

namespace {

Xapian::Database open_local(const std::string& spec) {
    std::error_code ec;
    if (!std::filesystem::exists(spec, ec)) {
        throw IndexError("no database at " + spec + " (run r2p-index first)");
    }
    Xapian::Database db;
    try {
        db = Xapian::Database(spec);
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw IndexError("no database at " + spec + " (run r2p-index first)");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open database " + spec + ": " + e.get_msg());
    }
    // A database written by another schema would answer queries wrongly, not fail.
    const std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
    if (!version.empty() && version != schema::kSchemaVersion) {
        throw IndexError("database " + spec + " has schema version " + version + ", expected " +
                         std::string(schema::kSchemaVersion) + " (re-index it)");
    }
    return db;
}

}  // namespace

Xapian::Database open_databases(const std::vector<std::string>& specs) {
    if (specs.empty()) throw UsageError("no database given (use --db DIR)");
    Xapian::Database combined;
    for (const auto& spec : specs) combined.add_database(open_local(spec));
    return combined;
}

}  // namespace r2p
