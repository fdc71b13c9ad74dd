#include "index/indexed_phrases.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "r2p/schema.hpp"
#include "taxonomy_fixture.hpp"

TEST_SUITE("indexed_phrases") {
    namespace {

    using Q = Xapian::Query;
    using r2p::IndexedPhrases;
    using r2p::PhraseTerms;

    Q parse(const std::string& text) {
        Xapian::QueryParser parser;
        parser.set_stemmer(r2p::schema::make_stemmer());
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        return parser.parse_query(text);
    }

    // A document as r2p-index fills one from a passage's text.
    Xapian::Document indexed(const std::string& text) {
        Xapian::TermGenerator terms;
        terms.set_stemmer(r2p::schema::make_stemmer());
        terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        Xapian::Document doc;
        terms.set_document(doc);
        terms.index_text(text);
        return doc;
    }

    bool has_term(const Xapian::Document& doc, const std::string& term) {
        auto it = doc.termlist_begin();
        it.skip_to(term);
        return it != doc.termlist_end() && *it == term;
    }

    }  // namespace

    TEST_CASE("an exact phrase is a quoted phrase or a hyphenated word, nothing looser") {
        CHECK(r2p::exact_phrase_terms(parse("\"ethnic cleansing\"")) ==
              PhraseTerms{"ethnic", "cleansing"});
        CHECK(r2p::exact_phrase_terms(parse("secretary-general")) ==
              PhraseTerms{"secretary", "general"});
        CHECK(r2p::exact_phrase_terms(parse("\"responsibility to protect\"")) ==
              PhraseTerms{"responsibility", "to", "protect"});
        // A window wider than the phrase lets other words in between.
        CHECK_FALSE(r2p::exact_phrase_terms(parse("ethnic ADJ/3 cleansing")));
        CHECK_FALSE(r2p::exact_phrase_terms(parse("ethnic NEAR cleansing")));
        // A repeated word is weighed by its wdf once, not as an AND of distinct terms.
        CHECK_FALSE(r2p::exact_phrase_terms(parse("\"peace for peace\"")));
        CHECK_FALSE(r2p::exact_phrase_terms(parse("ethnic cleansing")));
        CHECK_FALSE(r2p::exact_phrase_terms(parse("genocide")));
    }

    TEST_CASE("the taxonomy's multi-word phrases, as a quoted query of each parses") {
        r2p::Taxonomy taxonomy;
        r2p::Theme theme;
        theme.id = "atrocity-crimes";
        theme.label = "Atrocity crimes";
        theme.cues = {"ethnic cleansing", "genocide", "Crimes against Humanity"};
        theme.headings = {"Mass Atrocités"};
        taxonomy.themes.push_back(theme);
        r2p::Role role;
        role.id = "deputy-secretary-general";
        role.label = "Deputy Secretary-General";
        role.aliases = {"DSG", "the Deputy Secretary-General's"};
        taxonomy.roles.push_back(role);
        taxonomy.synonyms.push_back({{"r2p", "responsibility to protect"}});
        const IndexedPhrases phrases = IndexedPhrases::of_taxonomy(taxonomy);
        CHECK(phrases.contains({"ethnic", "cleansing"}));
        CHECK(phrases.contains({"crimes", "against", "humanity"}));  // case folded
        CHECK(phrases.contains({"mass", "atrocites"}));              // accents folded
        CHECK(phrases.contains({"atrocity", "crimes"}));
        CHECK(phrases.contains({"deputy", "secretary", "general"}));
        CHECK(phrases.contains({"the", "deputy", "secretary", "general"}));  // possessive gone
        CHECK(phrases.contains({"responsibility", "to", "protect"}));
        CHECK(phrases.size() == 7);  // single words (genocide, dsg, r2p) are no phrases
    }

    TEST_CASE("the source taxonomy gives hundreds of phrases, the R2P vocabulary among them") {
        const IndexedPhrases phrases = IndexedPhrases::of_taxonomy(r2p::test::source_taxonomy());
        CHECK(phrases.size() > 200);
        CHECK(phrases.contains({"responsibility", "to", "protect"}));
        CHECK(phrases.contains({"security", "council"}));
    }

    TEST_CASE(
        "the metadata form lists the phrases and reads back, lines that cannot be "
        "indexed are dropped") {
        const IndexedPhrases phrases(
            std::vector<PhraseTerms>{{"ethnic", "cleansing"}, {"security", "council"}});
        CHECK(phrases.metadata() == "ethnic cleansing\nsecurity council");
        CHECK(IndexedPhrases::from_metadata(phrases.metadata()).phrases() == phrases.phrases());
        const IndexedPhrases read =
            IndexedPhrases::from_metadata("a b\n\nsingle\npeace for peace\nx  y\nc d\n");
        CHECK(read.phrases() == std::set<PhraseTerms>{{"a", "b"}, {"c", "d"}});
        CHECK(IndexedPhrases::from_metadata("").empty());
        const std::string long_word(r2p::schema::kMaxTermBytes, 'w');
        CHECK(IndexedPhrases(std::vector<PhraseTerms>{{long_word, "b"}})
                  .empty());  // its term would not fit
    }

    TEST_CASE("sets of phrases: includes, common and joined") {
        const IndexedPhrases ab(std::vector<PhraseTerms>{{"a", "b"}, {"c", "d"}});
        const IndexedPhrases b(std::vector<PhraseTerms>{{"c", "d"}});
        const IndexedPhrases other(std::vector<PhraseTerms>{{"c", "d"}, {"e", "f"}});
        CHECK(ab.includes(b));
        CHECK_FALSE(b.includes(ab));
        CHECK(ab.includes(IndexedPhrases()));
        CHECK(ab.common_with(other).phrases() == b.phrases());
        CHECK(ab.joined_with(other).size() == 3);
    }

    TEST_CASE("a passage gets a phrase's term exactly where Xapian's phrase matcher matches") {
        // Random texts over a few words, with punctuation, repeats and phrase-like runs; each
        // phrase's term must mark exactly the documents Xapian's own OP_PHRASE matches.
        const std::vector<std::string> words = {"ethnic",  "cleansing", "the",     "of",
                                                "protect", "to",        "Ethnic.", "cleansing,"};
        const IndexedPhrases phrases(
            std::vector<PhraseTerms>{{"ethnic", "cleansing"},
                                     {"cleansing", "ethnic"},
                                     {"the", "ethnic", "cleansing"},
                                     {"to", "protect"},
                                     {"of", "the", "ethnic", "cleansing"}});
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        std::uint64_t state = 7;
        auto next = [&] {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return static_cast<std::size_t>(state >> 33);
        };
        for (int d = 0; d < 400; ++d) {
            std::string text;
            const std::size_t n = 1 + next() % 12;
            for (std::size_t w = 0; w < n; ++w) text += words[next() % words.size()] + " ";
            Xapian::Document doc = indexed(text);
            phrases.add_terms(doc);
            db.add_document(doc);
        }
        db.commit();
        for (const PhraseTerms& terms : phrases.phrases()) {
            std::vector<Q> leaves(terms.begin(), terms.end());
            Xapian::Enquire enquire(db);
            enquire.set_query(Q(Q::OP_PHRASE, leaves.begin(), leaves.end(),
                                static_cast<Xapian::termcount>(leaves.size())));
            std::set<Xapian::docid> by_xapian;
            const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
            for (auto it = mset.begin(); it != mset.end(); ++it) by_xapian.insert(*it);
            std::set<Xapian::docid> by_term;
            const std::string term = IndexedPhrases::term_of(terms);
            for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
                by_term.insert(*it);
            }
            CAPTURE(term);
            CHECK(!by_xapian.empty());
            CHECK(by_term == by_xapian);
        }
    }

    TEST_CASE("a phrase term is boolean: no weight, no length") {
        Xapian::Document doc = indexed("the ethnic cleansing");
        const Xapian::termcount before = doc.termlist_count();
        IndexedPhrases(std::vector<PhraseTerms>{{"ethnic", "cleansing"}, {"to", "protect"}})
            .add_terms(doc);
        CHECK(doc.termlist_count() == before + 1);
        CHECK(has_term(doc, "XQethnic cleansing"));
        CHECK_FALSE(has_term(doc, "XQto protect"));
        auto it = doc.termlist_begin();
        it.skip_to("XQethnic cleansing");
        CHECK(it.get_wdf() == 0);
    }
}
