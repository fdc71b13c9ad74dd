// The UN General Debate Corpus (../shared/corpora/ungdc, never committed) read through the
// ungdc profile and its speakers table: year, country, speaker and role of a fixed sample.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "index/collection.hpp"
#include "index/statement_loader.hpp"
#include "r2p/schema.hpp"
#include "skip.hpp"
#include "tag/tag_speakers.hpp"
#include "taxonomy_fixture.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;

// Every kSampleStride-th speech in path order: about 270 of the 10,953, all sessions, in
// about a second. R2P_UNGDC_STRIDE=1 measures the whole corpus (a few minutes).
constexpr std::size_t kSampleStride = 40;

std::size_t sample_stride() {
    const char* given = std::getenv("R2P_UNGDC_STRIDE");
    const long stride = given ? std::atol(given) : 0;
    return stride > 0 ? static_cast<std::size_t>(stride) : kSampleStride;
}

const fs::path kCorpus = fs::path(R2P_SOURCE_DIR) / "../shared/corpora/ungdc";
// An unpacked copy others may have left; else the archive is unpacked into a temp folder.
const fs::path kUnpacked = "/tmp/ungdc/TXT";

std::vector<fs::path> speech_files(const fs::path& root) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        // The archive holds a stray ".DS_Store-to-UTF-8.txt": a hidden file is no speech.
        if (entry.is_regular_file() && entry.path().extension() == ".txt" &&
            !entry.path().filename().string().starts_with("."))
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

double percent(std::size_t part, std::size_t whole) {
    return whole == 0 ? 100.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

TEST_SUITE("optional_ungdc") {
    TEST_CASE(
        "UNGDC speeches get year and country from the name, speaker and role from the "
        "table") {
        const fs::path table = kCorpus / "speakers.csv";
        const fs::path archive = kCorpus / "ungdc-1946-2024.tar.xz";
        if (!fs::exists(table) || !fs::exists(archive)) {
            r2p::test::skip("the UN General Debate Corpus is not in " + kCorpus.string());
            return;
        }
        r2p::test::TempDir unpacked;
        fs::path texts = kUnpacked;
        if (!fs::is_directory(texts)) {
            const std::string command = "tar -xJf " + r2p::test::shell_quote(archive.string()) +
                                        " -C " + r2p::test::shell_quote(unpacked.path().string());
            REQUIRE(std::system(command.c_str()) == 0);
            texts = unpacked / "TXT";
        }
        const auto collection =
            r2p::load_collection(fs::path(R2P_SOURCE_DIR) / "corpus/collections/ungdc.conf", table);
        const r2p::detail::SpeakerMatcher matcher(r2p::test::source_taxonomy(),
                                                  r2p::schema::make_stemmer());
        const auto stemmer = r2p::schema::make_stemmer();

        const std::vector<fs::path> files = speech_files(texts);
        REQUIRE(files.size() > 10000);
        std::size_t sample = 0, year_right = 0, country_right = 0;
        std::size_t with_row = 0, speaker_right = 0, with_post = 0, role_given = 0;
        const std::size_t stride = sample_stride();
        for (std::size_t i = 0; i < files.size(); i += stride) {
            ++sample;
            const fs::path& path = files[i];
            // What the name says, read here without the profile: ISO3_SS_YYYY.
            const std::string stem = path.stem().string();
            const std::string iso3 = stem.substr(0, stem.find('_'));
            const std::string year = stem.substr(stem.rfind('_') + 1);
            std::string country = iso3;
            for (char& c : country) c = static_cast<char>(std::tolower(c));

            const auto entry = r2p::collection_entry(collection, path);
            const auto loaded =
                r2p::load_statement(r2p::CorpusFile{path, stem}, r2p::test::read_file(path), {},
                                    r2p::test::source_tagger(), &entry);
            const auto& meta = loaded.doc.meta;
            year_right += meta.date == year + "-09";
            country_right += meta.country == country;

            const auto rows = collection.speakers->rows_for({{"country", iso3}, {"year", year}});
            if (rows.empty()) continue;
            ++with_row;
            const std::string name = matcher.without_honorifics(rows.front()->speaker, stemmer);
            const bool every_paragraph = std::all_of(
                loaded.passages.begin(), loaded.passages.end(), [&](const r2p::Passage& p) {
                    return p.kind != r2p::PassageKind::Paragraph || p.speaker == name;
                });
            speaker_right += meta.speaker == rows.front()->speaker && every_paragraph;
            if (rows.front()->post.empty()) continue;
            ++with_post;
            role_given += std::all_of(
                loaded.passages.begin(), loaded.passages.end(), [](const r2p::Passage& p) {
                    return p.kind != r2p::PassageKind::Paragraph || !p.roles.empty();
                });
        }
        MESSAGE("speeches " << sample << ": year " << percent(year_right, sample) << "%, country "
                            << percent(country_right, sample) << "%; with a table row " << with_row
                            << ": speaker " << percent(speaker_right, with_row) << "%; with a post "
                            << with_post << ": role " << percent(role_given, with_post) << "%");
        CHECK(year_right == sample);
        CHECK(country_right == sample);
        CHECK(percent(speaker_right, with_row) >= 98.0);
        CHECK(percent(role_given, with_post) >= 95.0);
    }
}
