// The 2005 formula traced on a whole-UNGDC database with sentence signatures, named by
// R2P_UNGDC_DB (indexing the corpus takes about ten minutes: too long for a test). Skipped
// when the variable is not set or names no database.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "r2p/search.hpp"
#include "r2p/trace.hpp"
#include "skip.hpp"
#include "taxonomy_fixture.hpp"

TEST_SUITE("optional_ungdc_trace") {
    TEST_CASE("the 2005 formula: no speech before 2005, its first use in 2005 or later") {
        const char* db = std::getenv("R2P_UNGDC_DB");
        if (db == nullptr || !std::filesystem::is_directory(db)) {
            r2p::test::skip("R2P_UNGDC_DB names no UNGDC database with sentence signatures");
            return;
        }
        r2p::Searcher searcher({db}, r2p::test::source_taxonomy());
        r2p::TraceRequest request;
        request.sentence =
            "The responsibility to protect populations from genocide, war crimes, ethnic "
            "cleansing and crimes against humanity";
        request.limit = 5;
        const r2p::TraceResult trace = r2p::trace_sentence(searcher, request);
        REQUIRE(trace.first_use);
        CHECK(trace.first_use->passage.doc_date >= "2005");
        REQUIRE_FALSE(trace.years.empty());
        CHECK(trace.years.front().year >= "2005");
        CHECK(trace.uses > 20);
        for (const auto& use : trace.listed) CHECK(use.passage.doc_date >= "2005");
    }

    TEST_CASE("traces of agreed language, development and security formulas, timed") {
        const char* db = std::getenv("R2P_UNGDC_DB");
        if (db == nullptr || !std::filesystem::is_directory(db)) {
            r2p::test::skip("R2P_UNGDC_DB names no UNGDC database with sentence signatures");
            return;
        }
        r2p::Searcher searcher({db}, r2p::test::source_taxonomy());
        const std::vector<std::string> sentences = {
            "The responsibility to protect populations from genocide, war crimes, ethnic "
            "cleansing and crimes against humanity",
            "We condemn terrorism in all its forms and manifestations, committed by whomever, "
            "wherever and for whatever purposes",
            "The 2030 Agenda for Sustainable Development and its Sustainable Development Goals",
            "the principle of common but differentiated responsibilities and respective "
            "capabilities",
            "to save succeeding generations from the scourge of war, which twice in our lifetime "
            "has brought untold sorrow to mankind"};
        std::vector<double> milliseconds;
        for (int round = 0; round < 5; ++round) {
            for (const auto& sentence : sentences) {
                r2p::TraceRequest request;
                request.sentence = sentence;
                request.limit = 10;
                const auto start = std::chrono::steady_clock::now();
                const r2p::TraceResult trace = r2p::trace_sentence(searcher, request);
                milliseconds.push_back(std::chrono::duration<double, std::milli>(
                                           std::chrono::steady_clock::now() - start)
                                           .count());
                CHECK(trace.uses > 0);
            }
        }
        std::sort(milliseconds.begin(), milliseconds.end());
        MESSAGE("trace p50 " << milliseconds[milliseconds.size() / 2] << " ms, max "
                             << milliseconds.back() << " ms over " << milliseconds.size());
    }
}
