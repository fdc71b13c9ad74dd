#include "index/statement_reader.hpp"

namespace r2p {

StatementReader::StatementReader(const std::vector<CorpusFile>& files) {
    std::map<std::filesystem::path, std::map<std::size_t, std::string>> wanted;
    for (const CorpusFile& file : files) {
        if (file.member)
            wanted[file.member->archive].emplace(file.member->ordinal, file.member->name);
    }
    for (auto& [archive, members] : wanted) {
        archives_.emplace(archive, std::make_unique<ArchiveStream>(archive, std::move(members)));
    }
}

StatementBytes StatementReader::read(const CorpusFile& file) {
    if (!file.member) return {read_file_bytes(file.path), read_sidecar_bytes(file.path)};
    // archives_ is not changed after construction: looking up needs no lock.
    return {archives_.at(file.member->archive)->read(*file.member), file.member->sidecar};
}

}  // namespace r2p
