// libFuzzer harness: arbitrary query text, options and filter values searched over a small
// fixed index (corpus/ and tests/data/statements, built once at start-up).
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "r2p/error.hpp"
#include "r2p/indexing.hpp"
#include "r2p/json_output.hpp"
#include "r2p/search.hpp"
#include "r2p/table_output.hpp"
#include "r2p/taxonomy.hpp"

namespace {

void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "query_fuzzer: contract broken: %s\n", what);
        std::abort();
    }
}

std::filesystem::path& index_dir() {
    static std::filesystem::path dir;
    return dir;
}

void remove_index() {
    std::error_code ec;
    if (!index_dir().empty()) std::filesystem::remove_all(index_dir(), ec);
}

const r2p::Taxonomy& taxonomy() {
    static const r2p::Taxonomy loaded =
        r2p::load_taxonomy(r2p::default_taxonomy_files(R2P_SOURCE_DIR "/corpus/taxonomy"));
    return loaded;
}

std::unique_ptr<r2p::Searcher>& searcher() {
    static std::unique_ptr<r2p::Searcher> instance;
    return instance;
}

// The input split at '\n': the query, then optional filter values.
std::vector<std::string> fields(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (out.size() < 7) {
        const std::size_t nl = text.find('\n', start);
        out.emplace_back(text.substr(start, nl == text.npos ? text.npos : nl - start));
        if (nl == text.npos) break;
        start = nl + 1;
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::string pattern = (std::filesystem::temp_directory_path() / "r2p-fuzz-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    index_dir() = pattern;
    std::atexit(remove_index);
    r2p::IndexRequest request;
    request.db = index_dir() / "db";
    request.paths = {R2P_SOURCE_DIR "/corpus", R2P_SOURCE_DIR "/tests/data/statements"};
    request.threads = 1;
    const r2p::IndexReport report = r2p::index_corpus(request, taxonomy());
    require(report.passages() > 0 && report.skipped.empty(), "the fixed index is built");
    searcher() =
        std::make_unique<r2p::Searcher>(std::vector<std::string>{request.db.string()}, taxonomy());
    return 0;
}

// Byte 0 chooses options; the rest is "QUERY[\nFROM\nTO\nDOC\nTHEME\nROLE\nKIND]".
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t flags = data[0];
    const std::vector<std::string> parts =
        fields(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));

    r2p::SearchRequest request;
    request.query = parts[0];
    request.match = flags & 1 ? r2p::MatchMode::Any : r2p::MatchMode::All;
    request.sort = flags & 2 ? r2p::SortOrder::Date : r2p::SortOrder::Relevance;
    if (flags & 4) request.facets = {r2p::FacetField::Theme, r2p::FacetField::Role};
    if (flags & 8) {
        request.facets.insert(request.facets.end(),
                              {r2p::FacetField::Kind, r2p::FacetField::Doc, r2p::FacetField::Year});
    }
    request.limit = (flags >> 4) & 7;
    request.offset = flags & 0x80 ? 3 : 0;
    auto take = [&](std::size_t i) { return i < parts.size() ? parts[i] : std::string(); };
    request.filters.from = take(1);
    request.filters.to = take(2);
    if (parts.size() > 3) request.filters.docs = {take(3)};
    if (parts.size() > 4) request.filters.themes = {take(4)};
    if (parts.size() > 5) request.filters.roles = {take(5)};
    if (parts.size() > 6) request.filters.kinds = {take(6)};

    r2p::SearchResult result;
    try {
        result = searcher()->run(request);
    } catch (const r2p::UsageError& e) {
        require(std::string_view(e.what()).find('\n') == std::string_view::npos,
                "a usage error is one line");
        return 0;
    }
    require(result.matches.lower <= result.matches.estimated &&
                result.matches.estimated <= result.matches.upper,
            "match bounds are ordered");
    if (!request.facets.empty()) {
        require(result.matches.lower == result.matches.upper, "counts exact with facets");
    }
    require(result.hits.size() <= request.limit, "no more hits than the limit");
    for (std::size_t i = 0; i < result.hits.size(); ++i) {
        require(result.hits[i].rank == request.offset + i + 1, "ranks count from the offset");
        require(!result.hits[i].passage.id.empty(), "every hit has its stored passage");
    }
    // Both outputs take whatever bytes the query held.
    const nlohmann::json json = nlohmann::json::parse(r2p::format_json(result));
    require(json.is_object(), "the JSON output parses");
    std::ostringstream table;
    r2p::print_table(table, result, r2p::TableStyle{});
    return 0;
}
