#include "r2p/databases.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "index/shards.hpp"
#include "r2p/error.hpp"
#include "r2p/schema.hpp"

namespace fs = std::filesystem;

namespace r2p {

namespace {

constexpr std::string_view kTcpScheme = "tcp://";

// A database written by another schema would answer queries wrongly, not fail.
void check_schema(const Xapian::Database& db, const std::string& name) {
    const std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
    if (!version.empty() && version != schema::kSchemaVersion) {
        throw IndexError("database " + name + " has schema version " + version + ", expected " +
                         std::string(schema::kSchemaVersion) + " (re-index it)");
    }
}

Xapian::Database open_glass(const std::string& path, const std::string& name) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw IndexError("no database at " + name + " (run r2p-index first)");
    try {
        Xapian::Database db(path, Xapian::DB_BACKEND_GLASS);
        check_schema(db, name);
        return db;
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw IndexError("no database at " + name + " (run r2p-index first)");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open database " + name + ": " + e.get_msg());
    }
}

Xapian::Database open_remote(const StubEntry& entry) {
    try {
        Xapian::Database db =
            Xapian::Remote::open(entry.host, entry.port, kRemoteTimeoutMs, kRemoteConnectTimeoutMs);
        check_schema(db, entry.display);
        return db;
    } catch (const Xapian::Error& e) {
        throw IndexError("shard " + entry.display + " cannot be reached: " + e.get_msg());
    }
}

// Every shard a spec stands for, as stub entries.
std::vector<StubEntry> shards_of(const std::string& spec) {
    if (spec.rfind(kTcpScheme, 0) == 0) {
        return {parse_host_port(std::string_view(spec).substr(kTcpScheme.size()), spec)};
    }
    return databases_named_by(fs::path(spec));
}

}  // namespace

OpenedDatabases open_databases(const std::vector<std::string>& specs, bool allow_partial) {
    if (specs.empty()) throw UsageError("no database given (use --db DIR)");
    struct Named {
        StubEntry shard;
        std::string name;  ///< how messages name it: a stub's shard names its stub too
    };
    std::vector<Named> shards;
    for (const auto& spec : specs) {
        for (StubEntry& shard : shards_of(spec)) {
            std::string name = shard.remote || shard.display == spec
                                   ? shard.display
                                   : shard.display + " of " + spec;
            shards.push_back({std::move(shard), std::move(name)});
        }
    }
    OpenedDatabases opened;
    for (const Named& named : shards) {
        try {
            Xapian::Database part = named.shard.remote ? open_remote(named.shard)
                                                       : open_glass(named.shard.path, named.name);
            opened.db.add_database(part);
            opened.shards.push_back({named.name, part});
            if (!named.shard.remote) {
                opened.parts.push_back(part);
                opened.part_paths.push_back(named.shard.path);
            }
        } catch (const IndexError& e) {
            if (!allow_partial) {
                throw IndexError(
                    std::string(e.what()) +
                    (shards.size() > 1 ? " (--allow-partial searches the others)" : ""));
            }
            opened.missing.push_back(named.name);
        }
    }
    const bool remote =
        std::any_of(shards.begin(), shards.end(), [](const Named& n) { return n.shard.remote; });
    if (remote) {
        opened.parts.clear();
        opened.part_paths.clear();
    }
    if (opened.missing.size() == shards.size()) {
        throw IndexError("no shard could be opened: " + opened.missing.front() +
                         (opened.missing.size() > 1 ? " and others" : ""));
    }
    return opened;
}

Xapian::Database open_databases(const std::vector<std::string>& specs) {
    return open_databases(specs, false).db;
}

}  // namespace r2p
