#include "trace/trace_timeline.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_SUITE("trace_timeline") {
    namespace {

    r2p::SentenceUse use(const std::string& id, const std::string& date,
                         std::optional<std::string> speaker, const std::string& country,
                         bool verbatim) {
        r2p::SentenceUse u;
        u.passage.id = id;
        u.passage.doc_id = id.substr(0, id.find('/'));
        u.passage.doc_date = date;
        u.passage.speaker = std::move(speaker);
        u.passage.doc_country = country;
        u.match.verbatim = verbatim;
        u.match.similarity = verbatim ? 1.0 : 0.7;
        return u;
    }

    }  // namespace

    TEST_CASE("per year: speakers verbatim, speakers only modified, uses, countries") {
        std::vector<r2p::SentenceUse> uses = {
            use("fra-2006/p3", "2006-09-20", "Philippe Douste-Blazy", "fra", true),
            use("gha-2005/p7", "2005-09-17", "John Kufuor", "gha", true),
            // The same speaker, verbatim and modified the same year: counted verbatim only.
            use("fra-2006/p9", "2006-09-20", "PHILIPPE  Douste-Blazy", "fra", false),
            use("rwa-2006/p2", "2006-09-22", "Paul Kagame", "rwa", false),
            use("can-2005/p4", "2005-09-16", "Paul Martin", "can", true),
            // A speaker's name in another case and accents is the same speaker.
            use("rwa-2006/p8", "2006-09-22", "paul kagamé", "rwa", false),
        };
        const r2p::TraceResult trace = r2p::build_trace("the formula", uses, 100);
        CHECK(trace.sentence == "the formula");
        CHECK(trace.uses == 6);
        CHECK(trace.speakers == 4);
        CHECK(trace.documents == 4);
        CHECK(trace.countries == 4);
        REQUIRE(trace.first_use);
        CHECK(trace.first_use->passage.id == "can-2005/p4");
        REQUIRE(trace.years.size() == 2);
        CHECK(trace.years[0].year == "2005");
        CHECK(trace.years[0].verbatim_speakers == 2);
        CHECK(trace.years[0].modified_speakers == 0);
        CHECK(trace.years[0].uses == 2);
        CHECK(trace.years[0].countries == std::vector<std::string>{"can", "gha"});
        CHECK(trace.years[1].year == "2006");
        CHECK(trace.years[1].verbatim_speakers == 1);
        CHECK(trace.years[1].modified_speakers == 1);
        CHECK(trace.years[1].uses == 4);
        CHECK(trace.years[1].countries == std::vector<std::string>{"fra", "rwa"});
        REQUIRE(trace.listed.size() == 6);
        CHECK(trace.listed[0].passage.id == "can-2005/p4");
        CHECK(trace.listed[1].passage.id == "gha-2005/p7");
        CHECK(trace.listed[2].passage.id == "fra-2006/p3");
        CHECK(trace.listed[3].passage.id == "fra-2006/p9");
    }

    TEST_CASE("undated uses come last, a document without a speaker is a speaker of its own") {
        std::vector<r2p::SentenceUse> uses = {
            use("press-1/p1", "", std::nullopt, "", false),
            use("press-2/p1", "", std::nullopt, "", true),
            use("press-2/p4", "", std::nullopt, "", true),
            use("ga-2009/p2", "2009", std::nullopt, "", false),
        };
        const r2p::TraceResult trace = r2p::build_trace("s", uses, 2);
        CHECK(trace.speakers == 3);
        CHECK(trace.countries == 0);
        REQUIRE(trace.first_use);
        CHECK(trace.first_use->passage.id == "ga-2009/p2");
        REQUIRE(trace.years.size() == 2);
        CHECK(trace.years[0].year == "2009");
        CHECK(trace.years[0].modified_speakers == 1);
        CHECK(trace.years[1].year.empty());
        CHECK(trace.years[1].verbatim_speakers == 1);
        CHECK(trace.years[1].modified_speakers == 1);
        CHECK(trace.years[1].uses == 3);
        // The limit shortens the list, never the counts.
        REQUIRE(trace.listed.size() == 2);
        CHECK(trace.listed[1].passage.id == "press-1/p1");
    }

    TEST_CASE("passages of one document are listed in their order, p2 before p10") {
        std::vector<r2p::SentenceUse> uses = {use("d/p10", "2010-01-01", "A B", "", true),
                                              use("d/p2/q1", "2010-01-01", "A B", "", true),
                                              use("d/p2", "2010-01-01", "A B", "", true)};
        const r2p::TraceResult trace = r2p::build_trace("s", uses, 10);
        CHECK(trace.listed[0].passage.id == "d/p2");
        CHECK(trace.listed[1].passage.id == "d/p2/q1");
        CHECK(trace.listed[2].passage.id == "d/p10");
        CHECK(trace.years[0].verbatim_speakers == 1);
    }

    TEST_CASE("no use: no first use, no years") {
        const r2p::TraceResult trace = r2p::build_trace("s", {}, 10);
        CHECK_FALSE(trace.first_use);
        CHECK(trace.years.empty());
        CHECK(trace.uses == 0);
    }
}
