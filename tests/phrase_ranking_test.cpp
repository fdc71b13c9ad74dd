#include "trace/phrase_ranking.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "trace/phrase_grams.hpp"

TEST_SUITE("phrase_ranking") {
    namespace {

    const std::string kClause =
        "genocide, war crimes, ethnic cleansing and crimes against humanity";

    // The clause said inside sentences of different makes.
    const char* const kFrames[][2] = {
        {"Our leaders agreed to protect civilians from ", " in every region of the world."},
        {"Impunity for ", " is no longer tolerated by this Organization."},
        {"Small States have the most to lose when ", " go unpunished."},
        {"The Council must act early, before ", " spread across borders."},
    };

    // One passage per speech; every speaker speaks once.
    struct Corpus {
        r2p::CorpusFacts facts;
        std::vector<std::string> texts;
        std::vector<r2p::PhraseRecord> records;
    };

    // 1985-2024, twelve speeches a year, the period from 2005: every speech congratulates the
    // President; from 2005 four speeches a year say the clause, each inside a sentence of
    // one of four makes.
    Corpus corpus() {
        Corpus c;
        std::uint32_t document = 0;
        for (int year = 1985; year <= 2024; ++year) {
            for (int speech = 0; speech < 12; ++speech, ++document) {
                std::string text =
                    "I congratulate you, Sir, on your election to the presidency of the General "
                    "Assembly. Delegation " +
                    std::to_string(document) + " has its own views on item " +
                    std::to_string(speech) + " of the agenda.";
                if (year >= 2005 && speech < 4) {
                    const auto& frame = kFrames[(year + speech) % 4];
                    text += " " + std::string(frame[0]) + kClause + frame[1];
                }
                r2p::PassageFacts p;
                p.docid = document + 1;
                p.chosen = year >= 2005;
                p.year = std::to_string(year);
                p.year_number = static_cast<std::uint16_t>(year);
                p.date = p.year + "-09";
                p.document = document;
                p.speaker = document;
                c.facts.passages.push_back(p);
                ++c.facts.documents_by_year[p.year];
                for (const auto& sentence : r2p::detail::passage_sentences(text)) {
                    for (const auto& gram : r2p::detail::phrase_grams(sentence.words)) {
                        c.records.push_back({gram.hash, document});
                    }
                }
                c.texts.push_back(std::move(text));
            }
        }
        return c;
    }

    std::string phrase_text(const Corpus& c, const r2p::RankedPhrase& phrase) {
        return c.texts[phrase.passage].substr(phrase.begin, phrase.end - phrase.begin);
    }

    }  // namespace

    TEST_CASE("a clause inside different sentences ranks above a steady courtesy phrase") {
        Corpus c = corpus();
        const r2p::SentencesOf sentences_of = [&](std::uint32_t passage) {
            return r2p::detail::passage_sentences(c.texts[passage]);
        };
        const auto phrases = r2p::rank_phrases(c.records, c.facts, sentences_of, 10);
        REQUIRE(!phrases.empty());
        // The clause whole, as its first use (2005) has it: its neighbours in any one make of
        // sentence have a quarter of its speakers and stay out.
        const r2p::RankedPhrase& first = phrases[0];
        CHECK(phrase_text(c, first) == kClause);
        CHECK(c.facts.passages[first.passage].year == "2005");
        CHECK(first.counts.speakers == 80);
        CHECK(first.counts.years == 20);
        CHECK(first.verbatim == 80);
        CHECK(first.counts.boilerplate == doctest::Approx(0.5));
        // The clause is one phrase, not one per run of six words.
        for (std::size_t i = 1; i < phrases.size(); ++i) {
            CHECK(phrase_text(c, phrases[i]).find("ethnic cleansing and crimes") ==
                  std::string::npos);
        }
        // The courtesy phrase, said by more speakers of the period, ranks below if at all.
        for (const auto& phrase : phrases) {
            if (phrase_text(c, phrase).find("congratulate") == std::string::npos) continue;
            CHECK(phrase.counts.speakers == 240);
            CHECK(phrase.counts.boilerplate > 0.9);
            CHECK(phrase.counts.score < first.counts.score);
        }
    }

    TEST_CASE("a run used by one speaker only is not a phrase") {
        Corpus c;
        c.texts = {"The delegation of Norway supports the reform of the Security Council.",
                   "The delegation of Norway supports the reform of the Security Council."};
        for (std::uint32_t i = 0; i < 2; ++i) {
            r2p::PassageFacts p;
            p.chosen = true;
            p.year = i == 0 ? "2010" : "2011";
            p.year_number = static_cast<std::uint16_t>(2010 + i);
            p.date = p.year;
            p.document = i;
            p.speaker = 7;  // the same minister twice
            c.facts.passages.push_back(p);
            c.facts.documents_by_year[p.year] = 1;
            for (const auto& gram :
                 r2p::detail::phrase_grams(r2p::detail::passage_sentences(c.texts[i])[0].words)) {
                c.records.push_back({gram.hash, i});
            }
        }
        const auto phrases = r2p::rank_phrases(
            c.records, c.facts,
            [&](std::uint32_t passage) { return r2p::detail::passage_sentences(c.texts[passage]); },
            10);
        CHECK(phrases.empty());
    }
}
