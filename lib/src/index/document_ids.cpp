#include "index/document_ids.hpp"

#include <algorithm>
#include <set>

#include "index/prune_scope.hpp"

namespace fs = std::filesystem;

namespace r2p {

namespace {

// The slug of the last `k` components of `location` with the file's extension dropped:
// k = 1 is the stem's slug, k = 2 "2021/statement.txt" -> "2021-statement".
std::string suffix_slug(const fs::path& location, std::size_t k) {
    std::vector<std::string> parts;
    for (const auto& part : location) parts.push_back(part.string());
    if (!parts.empty()) parts.back() = location.stem().string();
    std::string joined;
    const std::size_t first = parts.size() > k ? parts.size() - k : 0;
    for (std::size_t i = first; i < parts.size(); ++i) {
        if (parts[i] == "/") continue;
        joined += (joined.empty() ? "" : "/") + parts[i];
    }
    return slugify(joined);
}

std::size_t depth(const fs::path& location) {
    return static_cast<std::size_t>(std::distance(location.begin(), location.end()));
}

}  // namespace

void assign_document_ids(CorpusListing& listing, const KnownDocuments& known) {
    std::vector<CorpusFile>& files = listing.files;
    std::vector<fs::path> locations;
    for (const CorpusFile& file : files) locations.push_back(corpus_location(file));
    std::map<fs::path, std::string> known_by_location;
    for (const auto& [id, location] : known) {
        if (!location.empty()) known_by_location.emplace(location, id);
    }

    // Ids nobody new may take: those of files the database holds (rule 1). A stored
    // document whose file is not in this run does not hold its id against a new file: the
    // same corpus indexed from another folder must replace its documents, not double them.
    std::map<std::string, std::string> used;  // id -> path holding it
    std::vector<bool> assigned(files.size(), false);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto held = known_by_location.find(locations[i]);
        if (held == known_by_location.end() || used.count(held->second)) continue;
        files[i].doc_id = held->second;
        used.emplace(held->second, files[i].path.string());
        assigned[i] = true;
    }

    // Rule 2: new files by stem slug; a slug wanted by one file and free is final.
    std::map<std::string, std::vector<std::size_t>> by_stem;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!assigned[i]) by_stem[suffix_slug(locations[i], 1)].push_back(i);
    }
    std::vector<std::vector<std::size_t>> colliding;
    for (auto& [stem, members] : by_stem) {
        if (members.size() == 1 && !used.count(stem)) {
            files[members[0]].doc_id = stem;
            used.emplace(stem, files[members[0]].path.string());
            assigned[members[0]] = true;
        } else {
            colliding.push_back(members);
        }
    }
    for (const auto& members : colliding) {
        std::size_t deepest = 0;
        for (const std::size_t i : members) deepest = std::max(deepest, depth(locations[i]));
        bool done = false;
        for (std::size_t k = 2; k <= deepest && !done; ++k) {
            std::set<std::string> ids;
            for (const std::size_t i : members) {
                const std::string id = suffix_slug(locations[i], k);
                if (used.count(id) || !ids.insert(id).second) break;
            }
            if (ids.size() != members.size()) continue;
            for (const std::size_t i : members) {
                files[i].doc_id = suffix_slug(locations[i], k);
                used.emplace(files[i].doc_id, files[i].path.string());
                assigned[i] = true;
            }
            done = true;
        }
        if (done) continue;
        // Rule 3: no common K; each takes the shortest suffix still free, in path order.
        for (const std::size_t i : members) {
            for (std::size_t k = 1; k <= depth(locations[i]) && !assigned[i]; ++k) {
                const std::string id = suffix_slug(locations[i], k);
                if (used.count(id)) continue;
                files[i].doc_id = id;
                used.emplace(id, files[i].path.string());
                assigned[i] = true;
            }
        }
    }

    std::vector<CorpusFile> kept;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (assigned[i]) {
            kept.push_back(std::move(files[i]));
            continue;
        }
        const std::string stem = suffix_slug(locations[i], 1);
        const std::string path = files[i].path.string();
        listing.skipped.push_back({path, path + ": document id '" + stem + "' is already used by " +
                                             used[stem] + ", rename one of them (skipped)"});
    }
    files = std::move(kept);
}

}  // namespace r2p
