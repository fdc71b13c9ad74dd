#include "index/shards.hpp"

#include <fstream>

#include "r2p/error.hpp"
#include "util/fnv1a.hpp"

namespace fs = std::filesystem;

namespace r2p {

std::size_t shard_of(std::string_view doc_id, std::size_t shard_count) {
    detail::Fnv1a hash;
    hash.add(doc_id);
    return static_cast<std::size_t>(hash.value() % shard_count);
}

fs::path shard_path(const fs::path& db, std::size_t index) {
    return db / ("shard" + std::to_string(index));
}

void write_stub(const fs::path& db, std::size_t shard_count) {
    const fs::path stub = db / kStubFileName;
    const fs::path temporary = db / (std::string(kStubFileName) + ".tmp");
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << "# Written by r2p-index: the shards of this database.\n";
        for (std::size_t i = 0; i < shard_count; ++i) out << "auto shard" << i << '\n';
        if (!out.flush()) throw IndexError("cannot write " + temporary.string());
    }
    // Renamed into place so a reader never sees half a stub.
    std::error_code ec;
    fs::rename(temporary, stub, ec);
    if (ec) throw IndexError("cannot write " + stub.string() + ": " + ec.message());
}

StubEntry parse_host_port(std::string_view host_port, const std::string& spec) {
    const auto colon = host_port.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == host_port.size()) {
        throw UsageError("remote database '" + spec + "' must be HOST:PORT");
    }
    unsigned long port = 0;
    for (const char c : host_port.substr(colon + 1)) {
        if (c < '0' || c > '9' || port > 65535) {
            throw UsageError("remote database '" + spec + "' has a bad port");
        }
        port = port * 10 + static_cast<unsigned long>(c - '0');
    }
    if (port == 0 || port > 65535)
        throw UsageError("remote database '" + spec + "' has a bad port");
    StubEntry entry;
    entry.remote = true;
    entry.host = std::string(host_port.substr(0, colon));
    entry.port = static_cast<unsigned>(port);
    entry.display = std::string(host_port);
    return entry;
}

std::vector<StubEntry> read_stub(const fs::path& stub) {
    std::ifstream in(stub);
    if (!in) throw IndexError("cannot read stub file " + stub.string());
    std::vector<StubEntry> entries;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        const std::string where = stub.string() + ":" + std::to_string(number) + ": ";
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#') continue;
        const auto space = line.find_first_of(" \t", first);
        const std::string type =
            line.substr(first, space == std::string::npos ? std::string::npos : space - first);
        std::string rest;
        if (space != std::string::npos) {
            const auto start = line.find_first_not_of(" \t", space);
            if (start != std::string::npos) rest = line.substr(start);
        }
        while (!rest.empty() && (rest.back() == '\r' || rest.back() == ' ')) rest.pop_back();
        if (rest.empty()) throw IndexError(where + "'" + type + "' names no database");
        if (type == "auto" || type == "glass") {
            StubEntry entry;
            fs::path path(rest);
            entry.path = (path.is_absolute() ? path : stub.parent_path() / path).string();
            entry.display = rest;
            entries.push_back(std::move(entry));
        } else if (type == "remote") {
            if (rest.front() == ':') {
                throw IndexError(where +
                                 "remote programs are never run (serve the shard with "
                                 "xapian-tcpsrv and name it HOST:PORT)");
            }
            try {
                entries.push_back(parse_host_port(rest, rest));
            } catch (const UsageError& e) {
                throw IndexError(where + e.what());
            }
        } else {
            throw IndexError(where + "unknown stub line type '" + type +
                             "' (expected auto, glass or remote)");
        }
    }
    if (entries.empty()) throw IndexError(stub.string() + ": stub file names no database");
    return entries;
}

std::vector<StubEntry> databases_named_by(const fs::path& database) {
    std::error_code ec;
    if (fs::is_directory(database, ec) && fs::exists(database / kStubFileName, ec)) {
        return read_stub(database / kStubFileName);
    }
    if (fs::is_regular_file(database, ec)) return read_stub(database);
    StubEntry local;
    local.path = database.string();
    local.display = database.string();
    return {local};
}

}  // namespace r2p
