// Tagging passages: themes from headings and cues, quote roles, speaker names.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "parse/document.hpp"
#include "parse/parse_document.hpp"
#include "parse/passage.hpp"
#include "parse/quotes.hpp"
#include "r2p/schema.hpp"
#include "r2p/taxonomy.hpp"
#include "tag/tag_speakers.hpp"
#include "tag/tagger.hpp"
#include "taxonomy_fixture.hpp"
#include "test_support.hpp"
#include "text/unicode.hpp"

namespace doctest {
// Readable failures for the id lists and names compared below.
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string out = "[";
        for (const auto& s : v) out += (out.size() > 1 ? ", " : "") + s;
        return String((out + "]").c_str());
    }
};
template <>
struct StringMaker<std::optional<std::string>> {
    static String convert(const std::optional<std::string>& v) {
        return String(v ? ("\"" + *v + "\"").c_str() : "null");
    }
};
}  // namespace doctest

namespace {

/// A paragraph built by hand: each quote is found in `text` (in order) with find(); a quote
/// written "~words" is a scare quote (not speech).
r2p::Paragraph para(const std::string& text, const std::vector<std::string>& quotes = {},
                    const std::string& run_in = "", const std::string& section = "") {
    r2p::Paragraph p;
    p.text = text;
    p.run_in_heading = run_in;
    p.section = section;
    std::size_t from = 0;
    for (std::string q : quotes) {
        const bool speech = q.empty() || q.front() != '~';
        if (!speech) q.erase(0, 1);
        const std::size_t at = text.find(q, from);
        REQUIRE(at != std::string::npos);
        p.quotes.push_back(r2p::Quote{at, at + q.size(), q, speech});
        from = at + q.size();
    }
    return p;
}

/// Every paragraph followed by its speech quotes, as make_passages lays them out.
std::vector<r2p::Passage> tag(const r2p::Document& doc) {
    std::vector<r2p::Passage> out;
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
        r2p::Passage p;
        p.id = "d/p" + std::to_string(i + 1);
        p.text = doc.paragraphs[i].text;
        p.paragraph_index = i;
        out.push_back(p);
        std::size_t n = 0;
        for (std::size_t q = 0; q < doc.paragraphs[i].quotes.size(); ++q) {
            if (!doc.paragraphs[i].quotes[q].speech) continue;
            r2p::Passage qp;
            qp.id = p.id + "/q" + std::to_string(++n);
            qp.kind = r2p::PassageKind::Quote;
            qp.text = doc.paragraphs[i].quotes[q].text;
            qp.parent_id = p.id;
            qp.paragraph_index = i;
            qp.quote_index = q;
            out.push_back(qp);
        }
    }
    r2p::test::source_tagger().tag(doc, out);
    return out;
}

/// A paragraph whose quotes find_quotes finds, as the parser would give it.
r2p::Paragraph found(const std::string& text) {
    r2p::Paragraph p;
    p.text = text;
    p.quotes = r2p::find_quotes(text);
    return p;
}

/// A paragraph that is one block quotation (Markdown "> ", HTML <blockquote>).
r2p::Paragraph block(const std::string& text) {
    r2p::Paragraph p;
    p.text = text;
    r2p::Quote q{0, text.size(), text, true};
    q.block = true;
    p.quotes.push_back(q);
    return p;
}

r2p::Document doc_of(std::vector<r2p::Paragraph> paragraphs, const std::string& title = "") {
    r2p::Document doc;
    doc.meta.id = "d";
    doc.meta.title = title;
    doc.paragraphs = std::move(paragraphs);
    return doc;
}

const r2p::Passage& passage(const std::vector<r2p::Passage>& ps, const std::string& id) {
    const auto it = std::find_if(ps.begin(), ps.end(), [&](const auto& p) { return p.id == id; });
    REQUIRE(it != ps.end());
    return *it;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

using Roles = std::vector<std::string>;

}  // namespace

TEST_SUITE("tag") {
    TEST_CASE("a quote takes the role its attribution names") {
        struct Case {
            const char* name;
            std::string text;
            std::string quote;
            Roles roles;
        };
        const Case cases[] = {
            {"lead-in before",
             "In the words of one Minister, “We must act before it is too late.”",
             "We must act before it is too late.",
             {"minister"}},
            {"speech verb before",
             "The Deputy Secretary-General argued that, “R2P is a tool.”",
             "R2P is a tool.",
             {"deputy-secretary-general"}},
            {"attribution after",
             "“Prevention is cheaper than cure,” said the Special Adviser.",
             "Prevention is cheaper than cure,",
             {"special-adviser"}},
            {"possessive nearest wins",
             "Overall, participants endorsed the Secretary-General’s comment that, “It is right.”",
             "It is right.",
             {"secretary-general"}},
            {"previous sentence names the speakers",
             "In this context, the situation in Syria was described by several participants as an "
             "issue of both prevention and response. “The news from Syria reminds us of our "
             "failure to prevent.”",
             "The news from Syria reminds us of our failure to prevent.",
             {"participant"}},
            {"minister for foreign affairs with colon",
             "The Minister for Foreign Affairs of the Kingdom of Norway stated: “We stand ready.”",
             "We stand ready.",
             {"minister"}},
            {"representative of civil society",
             "A representative of civil society warned that “time is running out.”",
             "time is running out.",
             {"civil-society"}},
            {"one ambassador",
             "One ambassador cautioned that “the Council must not be paralysed.”",
             "the Council must not be paralysed.",
             {"ambassador"}},
            {"according to after",
             "“The Assembly must lead”, according to the President of the General Assembly.",
             "The Assembly must lead",
             {"president-general-assembly"}},
            {"passive sentence names no one",
             "A range of R2P tools, “from preventive diplomacy to sanctions” were identified as "
             "being essential to building a comprehensive architecture.",
             "from preventive diplomacy to sanctions",
             {}},
            {"subject of the verb, not its object",
             "While one of the Ministers reminded participants that “no country is immune” from "
             "fissures, emphasis was placed on the rule of law.",
             "no country is immune",
             {"minister"}},
            {"subject across a coordinated verb",
             "The President of the General Assembly thanked participants and said that the "
             "dialogue had shown “a growing convergence.”",
             "a growing convergence.",
             {"president-general-assembly"}},
            {"vice-minister is not a minister",
             "The Vice-Minister of Brazil said “We proposed it.”",
             "We proposed it.",
             {"vice-minister"}},
            {"prime minister is a head of government",
             "The Prime Minister of Slovenia said that “the time is now.”",
             "the time is now.",
             {"head-of-government"}},
            {"unhyphenated secretary general",
             "The Secretary General noted that “it is right.”",
             "it is right.",
             {"secretary-general"}},
            {"upper case",
             "The SECRETARY-GENERAL said: “Act now.”",
             "Act now.",
             {"secretary-general"}},
            {"under-secretary-general is not the secretary-general",
             "The Under-Secretary-General for Political Affairs said: “Act now.”",
             "Act now.",
             {"senior-un-official"}},
            {"pronoun continues the previous speaker",
             "The representative of Ghana said that prevention was cheaper than response. Early "
             "action, he said, “saves lives and saves money”.",
             "saves lives and saves money",
             {"ambassador"}},
            {"inverted after a quote with a name between",
             "The Permanent Representative of Ghana, speaking on behalf of the African Group, said "
             "that “early warning is of little use without political will.”",
             "early warning is of little use without political will.",
             {"ambassador"}},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                const auto ps = tag(doc_of({para(c.text, {c.quote})}));
                CHECK(passage(ps, "d/p1/q1").roles == c.roles);
            }
        }
    }

    TEST_CASE("a paragraph has the roles it quotes or reports speaking, sorted and unique") {
        struct Case {
            const char* name;
            std::string text;
            Roles roles;
        };
        const Case cases[] = {
            {"reported speech",
             "The Permanent Representative of Ghana noted that prevention is key.",
             {"ambassador"}},
            {"several speakers",
             "Several speakers argued for the centrality of accountability.",
             {"participant"}},
            {"representative of a country",
             "The representative of Ghana said the Council must act.",
             {"ambassador"}},
            {"one of the ministers and participants",
             "A number of participants commented upon the need. One of the Ministers reminded "
             "participants of it. Several participants agreed.",
             {"minister", "participant"}},
            {"a mention without speech",
             "The meeting was attended by the Prime Minister of Slovenia.",
             {}},
            {"representing is not a representative",
             "Officials representing governments said little.",
             {}},
            {"observed is not an observer",
             "Participants observed that prevention works.",
             {"participant"}},
            {"passive agent",
             "The role of the Council was acknowledged by several participants.",
             {"participant"}},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                const auto ps = tag(doc_of({para(c.text)}));
                CHECK(passage(ps, "d/p1").roles == c.roles);
            }
        }
    }

    TEST_CASE("a scare quote gives its paragraph no role") {
        const auto ps =
            tag(doc_of({para("In this context the Brazilian concept of “Responsibility while "
                             "Protecting” was seen as "
                             "a positive contribution.",
                             {"~Responsibility while Protecting"})}));
        CHECK(passage(ps, "d/p1").roles.empty());
        CHECK(ps.size() == 1);
    }

    TEST_CASE("a quote speaker is the one person the document names for a definite role") {
        const std::string intro =
            "The UN Deputy Secretary-General, H.E. Mr. Jan Eliasson, and the Special Adviser on "
            "the "
            "Prevention of Genocide, Mr. Adama Dieng, also participated. The meeting was attended "
            "by the Minister for Foreign Affairs of Botswana, H.E. Mr. Phandu T. C. Skelemani.";
        struct Case {
            const char* name;
            std::string text;
            std::string quote;
            std::optional<std::string> speaker;
        };
        const Case cases[] = {
            {"appositive after the role", "The Deputy Secretary-General argued that “R2P works.”",
             "R2P works.", "Jan Eliasson"},
            {"role with a qualifier before the name", "“Act early,” said the Special Adviser.",
             "Act early,", "Adama Dieng"},
            {"initials in the name", "The Minister stated: “Botswana is ready.”",
             "Botswana is ready.", "Phandu T. C. Skelemani"},
            {"indefinite attribution stays anonymous",
             "In the words of one Minister, “Botswana is ready.”", "Botswana is ready.",
             std::nullopt},
            {"plural attribution stays anonymous", "Several participants said “we agree.”",
             "we agree.", std::nullopt},
            {"a role the document names no one for",
             "The Secretary-General noted that “it is right.”", "it is right.", std::nullopt},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                const auto ps = tag(doc_of({para(intro), para(c.text, {c.quote})}));
                CHECK(passage(ps, "d/p2/q1").speaker == c.speaker);
            }
        }
    }

    TEST_CASE("names are found in the forms statements give them") {
        struct Case {
            const char* name;
            std::string intro;
            std::string speaker;
        };
        const Case cases[] = {
            {"role then name", "In keeping with UN Secretary-General Ban Ki-moon’s declaration.",
             "Ban Ki-moon"},
            {"name then role", "Jan Eliasson, the Deputy Secretary-General, opened the meeting.",
             "Jan Eliasson"},
            {"diacritics and many parts",
             "The Vice-Minister for Political Affairs of the Ministry of External Relations of "
             "the Federative Republic of Brazil, H.E. Ms. Vera Lúcia Barrouin Crivano Machado, "
             "spoke.",
             "Vera Lúcia Barrouin Crivano Machado"},
            {"his excellency before the name",
             "Statement by His Excellency Mr. John Smith, Minister for Foreign Affairs of "
             "Ruritania.",
             "John Smith"},
            {"doctor with an initial",
             "the Minister for Foreign Affairs of the Netherlands, H.E. Dr. U. Rosenthal, spoke.",
             "U. Rosenthal"},
        };
        const char* roles[] = {"secretary-general", "deputy-secretary-general", "vice-minister",
                               "minister", "minister"};
        std::size_t k = 0;
        for (const Case& c : cases) {
            const std::string role = roles[k++];
            SUBCASE(c.name) {
                const auto ps =
                    tag(doc_of({para(c.intro), para("The " + role + " said: “Yes.”", {"Yes."})}));
                CHECK(
                    passage(ps, "d/p2/q1").roles ==
                    Roles{role == "deputy-secretary-general" ? "deputy-secretary-general" : role});
                CHECK(passage(ps, "d/p2/q1").speaker == std::optional<std::string>(c.speaker));
            }
        }
    }

    TEST_CASE("two people named for one role leave a definite attribution unnamed") {
        const auto ps = tag(doc_of({
            para("The Minister for Foreign Affairs of Denmark, H.E. Mr. Villy Søvndal, and the "
                 "Minister for Foreign Affairs of the Netherlands, H.E. Dr. U. Rosenthal, spoke."),
            para("The Minister said: “We agree.”", {"We agree."}),
        }));
        CHECK(passage(ps, "d/p2/q1").roles == Roles{"minister"});
        CHECK(passage(ps, "d/p2/q1").speaker == std::nullopt);
    }

    TEST_CASE("a name given at the attribution itself is the speaker, even of a former holder") {
        const auto ps = tag(doc_of({
            para("UN Secretary-General António Guterres opened the debate."),
            para("In the words of the former Secretary-General Kofi Annan, “we cannot afford to "
                 "fail.” The Secretary-General said “we must act.”",
                 {"we cannot afford to fail.", "we must act."}),
        }));
        CHECK(passage(ps, "d/p2/q1").speaker == std::optional<std::string>("Kofi Annan"));
        CHECK(passage(ps, "d/p2/q2").speaker == std::optional<std::string>("António Guterres"));
        CHECK(passage(ps, "d/p2").speaker == std::nullopt);  // two speakers in one paragraph
    }

    TEST_CASE("a place before a role is not a name") {
        const auto ps = tag(doc_of({
            para("Speaking on behalf of the European Union, the representative of Cyprus said that "
                 "the Union agreed."),
            para("The representative said “we agree.”", {"we agree."}),
        }));
        CHECK(passage(ps, "d/p2/q1").roles == Roles{"ambassador"});
        CHECK(passage(ps, "d/p2/q1").speaker == std::nullopt);
    }

    TEST_CASE("the author named in a statement's title speaks its paragraphs") {
        const auto ps = tag(doc_of(
            {para("I thank you for convening this debate."),
             para("As the Secretary-General reminds us, “the gap is where atrocities happen.”",
                  {"the gap is where atrocities happen."})},
            "Statement by H.E. Ms. Anna Lindqvist, Minister for Foreign Affairs of Sweden"));
        CHECK(passage(ps, "d/p1").roles == Roles{"minister"});
        CHECK(passage(ps, "d/p1").speaker == std::optional<std::string>("Anna Lindqvist"));
        CHECK(passage(ps, "d/p2").roles == Roles{"minister", "secretary-general"});
        CHECK(passage(ps, "d/p2/q1").roles == Roles{"secretary-general"});
    }

    TEST_CASE("a paragraph's theme comes from its run-in heading, else its section heading") {
        struct Case {
            const char* name;
            std::string run_in;
            std::string section;
            std::string theme;
            std::string not_theme;
        };
        const Case cases[] = {
            {"run-in heading", "Ending impunity", "Key Themes", "accountability", ""},
            {"section heading", "", "R2P Focal Points", "focal-points", ""},
            {"run-in wins over section", "When Prevention Fails", "R2P Focal Points", "response",
             "focal-points"},
            {"longest alias wins", "When Prevention Fails", "", "response", "prevention"},
            {"case and stemming", "IMPROVING PREVENTIVE CAPACITY", "", "prevention", ""},
            {"heading containing an alias", "Early warning and assessment in practice", "",
             "early-warning", ""},
            {"the longer of two aliases in one heading",
             "Early warning and the Human Rights Council", "", "human-rights-council",
             "early-warning"},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                const auto ps =
                    tag(doc_of({para("Several things were said.", {}, c.run_in, c.section)}));
                const auto& themes = passage(ps, "d/p1").themes;
                CHECK(has(themes, c.theme));
                if (!c.not_theme.empty()) {
                    CHECK_FALSE(has(themes, c.not_theme));
                }
            }
        }
    }

    TEST_CASE("cue phrases tag themes by consecutive stemmed, folded words") {
        struct Case {
            const char* name;
            std::string text;
            std::vector<std::string> themes;
        };
        const Case cases[] = {
            {"phrase", "The use of force must be a last resort.", {"response"}},
            {"words apart do not match", "The force they use was light.", {}},
            {"one broad word does not tag", "The response was slow and the debate long.", {}},
            {"plural and case", "COMMISSIONS OF INQUIRY were set up.", {"accountability"}},
            {"accents folded",
             "The situation in Cote d’Ivoire worsened.",
             {"country-cote-divoire"}},
            {"accented text", "La situation en Côte d'Ivoire.", {"country-cote-divoire"}},
            {"country adjective", "Syrian refugees fled.", {"country-syria"}},
            {"several themes, sorted",
             "Early warning by the African Union helps prevent mass atrocities.",
             {"early-warning", "prevention", "regional-arrangements"}},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                const auto ps = tag(doc_of({para(c.text)}));
                CHECK(passage(ps, "d/p1").themes == c.themes);
            }
        }
    }

    TEST_CASE("quotes inherit their paragraph's themes") {
        const auto ps = tag(doc_of({para("In the words of one Minister, “impunity must end.”",
                                         {"impunity must end."}, "Ending impunity")}));
        CHECK(passage(ps, "d/p1/q1").themes == passage(ps, "d/p1").themes);
        CHECK(has(passage(ps, "d/p1/q1").themes, "accountability"));
    }

    TEST_CASE("a bare short form means the longer role the document named before") {
        struct Case {
            const char* name;
            std::vector<std::string> texts;  // paragraphs; the last one's quote is checked
            Roles roles;
            std::optional<std::string> speaker;
        };
        const Case cases[] = {
            {"President of the Security Council",
             {"The President of the Security Council, Ms. Anna Berg, opened the meeting.",
              "Closing the debate, the President said that “the Council must not look away”."},
             {"president-security-council"},
             "Anna Berg"},
            {"President of the General Assembly",
             {"The President of the General Assembly, Mr. Omar Haddad, welcomed delegations.",
              "“We owe the victims action, not words,” the President said."},
             {"president-general-assembly"},
             "Omar Haddad"},
            {"a President qualified otherwise stays a head of State",
             {"The President of the Security Council, Ms. Anna Berg, opened the meeting.",
              "The President of Kenya said that “every State must protect its people”."},
             {"head-of-government"},
             std::nullopt},
            {"without the long form, the President is a head of State",
             {"The President said that “every State must protect its own people”."},
             {"head-of-government"},
             std::nullopt},
        };
        for (const Case& c : cases) {
            SUBCASE(c.name) {
                std::vector<r2p::Paragraph> paras;
                for (std::size_t i = 0; i < c.texts.size(); ++i) {
                    const std::string& t = c.texts[i];
                    const auto open = t.find("“"), close = t.find("”");
                    if (open == std::string::npos) {
                        paras.push_back(para(t));
                    } else {
                        paras.push_back(para(t, {t.substr(open + 3, close - open - 3)}));
                    }
                }
                const auto ps = tag(doc_of(paras));
                const auto& q = passage(ps, "d/p" + std::to_string(c.texts.size()) + "/q1");
                CHECK(q.roles == c.roles);
                CHECK(q.speaker == c.speaker);
            }
        }
    }

    TEST_CASE("a quote whose sentence names no one continues the last speaker") {
        SUBCASE("“…,” she added, after a sentence without a speaker") {
            const auto ps = tag(doc_of({para(
                "The Minister for Foreign Affairs, Ms. Maria Lind, said the risk was high. She "
                "called for an arms embargo. “We cannot wait for the next massacre,” she added.",
                {"We cannot wait for the next massacre,"})}));
            CHECK(passage(ps, "d/p1/q1").roles == Roles{"minister"});
            CHECK(passage(ps, "d/p1/q1").speaker == std::optional<std::string>("Maria Lind"));
        }
        SUBCASE("a quote standing alone after an attributed one") {
            const auto ps = tag(doc_of({para(
                "“Every week we count new attacks,” the Special "
                "Adviser said. “Every week the perpetrators walk free.”",
                {"Every week we count new attacks,", "Every week the perpetrators walk free."})}));
            CHECK(passage(ps, "d/p1/q2").roles == Roles{"special-adviser"});
        }
        SUBCASE("“…,” he added, opening the next paragraph") {
            const auto ps = tag(doc_of(
                {para("The representative of Ghana said that “regional organizations had shown the "
                      "way”.",
                      {"regional organizations had shown the way"}),
                 para("“Prevention is cheaper than response,” he added.",
                      {"Prevention is cheaper than response,"})}));
            CHECK(passage(ps, "d/p2/q1").roles == Roles{"ambassador"});
        }
        SUBCASE("a sentence with its own named subject is not continued") {
            const auto ps = tag(doc_of({para(
                "The representative of Ghana spoke first. Later, the Fact-Finding Mission warned "
                "that ‘the threat of genocide continues’.",
                {"the threat of genocide continues"})}));
            CHECK(passage(ps, "d/p1/q1").roles.empty());
        }
        SUBCASE("a pronoun after a comma is not the role named after it") {
            const auto ps =
                tag(doc_of({para("The Special Adviser, Mr. Joseph Mwangi, spoke on incitement. "
                                 "«Words kill», he said, "
                                 "recalling the Secretary-General’s warning.",
                                 {"Words kill"})}));
            CHECK(passage(ps, "d/p1/q1").roles == Roles{"special-adviser"});
            CHECK(passage(ps, "d/p1/q1").speaker == std::optional<std::string>("Joseph Mwangi"));
        }
    }

    TEST_CASE("a person the document named with a role speaks again by surname alone") {
        const auto intro = found(
            "Nigeria\u2019s Minister for Foreign Affairs, Amina Okafor, opened the debate on the "
            "tenth anniversary of the World Summit Outcome.");
        const auto ps = tag(doc_of({
            intro,
            found("\u201CPrevention begins at home,\u201D Okafor said, pointing to the national "
                  "early-warning office."),
            found("Ms. Okafor added that \u201Cno State can hide atrocity crimes behind its "
                  "borders\u201D."),
            found("According to Okafor, \u201Cthe third pillar is a last resort, never a first "
                  "reflex\u201D."),
            found("Minister Okafor closed with a plea: \u201Cfund the prevention offices "
                  "now.\u201D"),
        }));
        for (const char* id : {"d/p2/q1", "d/p3/q1", "d/p4/q1", "d/p5/q1"}) {
            CAPTURE(id);
            CHECK(passage(ps, id).roles == Roles{"minister"});
            CHECK(passage(ps, id).speaker == std::optional<std::string>("Amina Okafor"));
        }
        CHECK(passage(ps, "d/p3").speaker == std::optional<std::string>("Amina Okafor"));
        CHECK(passage(ps, "d/p3").roles == Roles{"minister"});

        SUBCASE("a surname two people share resolves to neither") {
            const auto two = tag(doc_of({
                found("The Minister for Foreign Affairs, Amina Okafor, and the Permanent "
                      "Representative, Daniel Okafor, led the delegation."),
                found("\u201CPrevention begins at home,\u201D Okafor said."),
            }));
            CHECK(passage(two, "d/p2/q1").roles.empty());
            CHECK(passage(two, "d/p2/q1").speaker == std::nullopt);
        }
        SUBCASE("a surname the document never introduced resolves to no one") {
            const auto unknown = tag(doc_of({
                found("The Minister for Foreign Affairs, Amina Okafor, opened the debate."),
                found("\u201CWe have waited too long for this debate,\u201D Mensah said."),
            }));
            CHECK(passage(unknown, "d/p2/q1").roles.empty());
            CHECK(passage(unknown, "d/p2/q1").speaker == std::nullopt);
        }
        SUBCASE("another first name before the surname is someone else") {
            const auto other = tag(doc_of({
                intro,
                found("\u201CPrevention begins at home and in the region,\u201D said John "
                      "Okafor."),
            }));
            CHECK(passage(other, "d/p2/q1").speaker == std::nullopt);
        }
    }

    TEST_CASE("a person named twice with a role speaks by the mention the verb can reach") {
        // The name is a surname reference too (introduced in the paragraph before) but stands
        // too far from the verb; the role in apposition does not.
        const auto ps = tag(doc_of({
            found("We heard Mr. Gordon Brown, Prime Minister of the United Kingdom, on Monday."),
            found("That imperative was articulated by Mr. Gordon Brown, Prime Minister of the "
                  "United Kingdom, on 26 September in this very Hall, when he stated: "
                  "\u201Cno country can face these crises alone\u201D."),
        }));
        CHECK(passage(ps, "d/p2/q1").roles == Roles{"head-of-government"});
        CHECK(passage(ps, "d/p2/q1").speaker == std::optional<std::string>("Gordon Brown"));
        CHECK(passage(ps, "d/p2").speaker == std::optional<std::string>("Gordon Brown"));
    }

    TEST_CASE("a quote over several paragraphs keeps its speaker in every paragraph") {
        const auto ps = tag(doc_of({
            found("The Special Adviser on the Prevention of Genocide, Mr. Tomas Varga, told the "
                  "Council: \u201CWe have seen the warning signs before. Hate speech came first, "
                  "then the lists of names."),
            found("\u201CThen came the killings, and each time the world said it had not known."),
            found("\u201CThis time we know. The only question is whether we act.\u201D"),
            found("\u201CThe Council has heard enough briefings this year,\u201D one delegate "
                  "replied."),
        }));
        for (const char* id : {"d/p1/q1", "d/p2/q1", "d/p3/q1"}) {
            CAPTURE(id);
            CHECK(passage(ps, id).roles == Roles{"special-adviser"});
            CHECK(passage(ps, id).speaker == std::optional<std::string>("Tomas Varga"));
        }
        CHECK(passage(ps, "d/p2").speaker == std::optional<std::string>("Tomas Varga"));
        // The chain ended with the closing mark: the next quote has its own speaker.
        CHECK(passage(ps, "d/p4/q1").roles == Roles{"ambassador"});
        CHECK(passage(ps, "d/p4/q1").speaker == std::nullopt);

        SUBCASE("a closed quote does not go on into a paragraph that opens with a quote") {
            const auto closed = tag(doc_of({
                found("The Special Adviser, Mr. Tomas Varga, said: \u201CWe have seen the "
                      "warning signs before.\u201D"),
                found("\u201CEvery atrocity was preceded by a decision not to act.\u201D"),
            }));
            CHECK(passage(closed, "d/p2/q1").speaker == std::nullopt);
        }
        SUBCASE("an open quote does not go on into a paragraph that opens otherwise") {
            const auto plain = tag(doc_of({
                found("The Special Adviser, Mr. Tomas Varga, said: \u201CWe have seen the "
                      "warning signs before."),
                found("Delegates then heard that \u201Cthe lists of names are being drawn up "
                      "again\u201D."),
            }));
            CHECK(passage(plain, "d/p2/q1").speaker == std::nullopt);
        }
    }

    TEST_CASE("a qualifier that differs blocks the one named holder of a role") {
        const auto ps = tag(doc_of({
            found("The representative of Norway, Ms. Ingrid Solberg, said that \u201Cthe Council "
                  "must hear early warnings while they are still early\u201D."),
            found("The representative of Kenya said that \u201Cregional mediation had prevented "
                  "far worse in the past decade\u201D."),
            found("Norway\u2019s representative said that \u201Cthe Council should meet in the "
                  "region next year\u201D."),
            found("The representative said that \u201Cno veto should block action on atrocity "
                  "crimes\u201D."),
        }));
        CHECK(passage(ps, "d/p2/q1").roles == Roles{"ambassador"});
        CHECK(passage(ps, "d/p2/q1").speaker == std::nullopt);
        CHECK(passage(ps, "d/p3/q1").speaker == std::optional<std::string>("Ingrid Solberg"));
        CHECK(passage(ps, "d/p4/q1").speaker == std::optional<std::string>("Ingrid Solberg"));

        SUBCASE("the Minister of X and the President of Y") {
            const auto others = tag(doc_of({
                found("The Minister of Health of Ghana, Dr. Kwame Mensah, and the President of "
                      "Ghana, Nana Asante, opened the conference."),
                found("The Minister of Justice said that \u201Ctrials must follow every "
                      "atrocity, at home first\u201D."),
                found("The President of Kenya said that \u201Cno region can be left to face "
                      "this alone\u201D."),
                found("The President of Ghana said that \u201Cprevention is a national "
                      "duty first of all\u201D."),
            }));
            CHECK(passage(others, "d/p2/q1").roles == Roles{"minister"});
            CHECK(passage(others, "d/p2/q1").speaker == std::nullopt);
            CHECK(passage(others, "d/p3/q1").speaker == std::nullopt);
            CHECK(passage(others, "d/p4/q1").speaker == std::optional<std::string>("Nana Asante"));
        }
        SUBCASE("the Minister of your country is not the Minister the document names") {
            const auto yours = tag(doc_of({
                found("Secretary of State Mr. Kissinger spoke yesterday in the general "
                      "debate."),
                found("As Foreign Minister of your country, you said that \u201Cthe Assembly "
                      "must find its voice again\u201D."),
            }));
            CHECK(passage(yours, "d/p2/q1").roles == Roles{"minister"});
            CHECK(passage(yours, "d/p2/q1").speaker == std::nullopt);
        }
    }

    TEST_CASE("a quote's own sentence naming its speaker wins over the sentence before") {
        const auto ps = tag(doc_of(
            {found("All Heads of Government had agreed in 2005 that the responsibility was theirs. "
                   "\u201CWe will act,\u201D said Ms. Leila Haddad, the Foreign Minister.")}));
        CHECK(passage(ps, "d/p1/q1").roles == Roles{"minister"});
        CHECK(passage(ps, "d/p1/q1").speaker == std::optional<std::string>("Leila Haddad"));

        const auto unroled = tag(doc_of(
            {found("All Heads of Government had agreed in 2005 that the responsibility was theirs. "
                   "\u201CWe will act,\u201D said Ms. Leila Haddad.")}));
        CHECK(passage(unroled, "d/p1/q1").roles.empty());

        // With no one named in its own sentence, the sentence before still attributes it.
        const auto before = tag(doc_of({found(
            "The Secretary-General spoke next. \u201CWe will act before the next crisis, not "
            "after it.\u201D")}));
        CHECK(passage(before, "d/p1/q1").roles == Roles{"secretary-general"});
    }

    TEST_CASE("single-quoted speech is attributed like double-quoted speech") {
        const auto ps = tag(doc_of({
            found("'Silence is a choice,' said the Special Rapporteur on the situation in "
                  "C\u00F4te d'Ivoire."),
            found("\u2018Early warning without early action is only a record,\u2019 the High "
                  "Commissioner said."),
        }));
        CHECK(passage(ps, "d/p1/q1").text == "Silence is a choice");
        CHECK(passage(ps, "d/p1/q1").roles == Roles{"special-rapporteur"});
        CHECK(passage(ps, "d/p2/q1").roles == Roles{"high-commissioner"});
    }

    TEST_CASE("a name in apposition keeps its name and the role beside it") {
        const auto ps = tag(doc_of({found(
            "As Ms. Paauwe, the ICRtoP representative, stated, \u201Cthe populations of Sudan "
            "cannot wait for another report\u201D.")}));
        CHECK(passage(ps, "d/p1/q1").speaker == std::optional<std::string>("Paauwe"));
        CHECK(passage(ps, "d/p1/q1").roles == Roles{"civil-society"});
    }

    TEST_CASE("titles are not part of a speaker's name") {
        const auto ps = tag(doc_of({
            found("Executive Director Savita Pawnday said the Council had \u201Cfailed the "
                  "people of Myanmar once already\u201D."),
            found("Speaking for the Global Centre, Executive Director Savita Pawnday, the civil "
                  "society representative on the panel, warned that \u201Cimpunity is the "
                  "strongest predictor of recurrence\u201D."),
        }));
        CHECK(passage(ps, "d/p1/q1").speaker == std::optional<std::string>("Savita Pawnday"));
        CHECK(passage(ps, "d/p1/q1").roles == Roles{"executive-director"});
        CHECK(passage(ps, "d/p2/q1").speaker == std::optional<std::string>("Savita Pawnday"));
        CHECK(passage(ps, "d/p2").speaker == std::optional<std::string>("Savita Pawnday"));

        // An address is no apposition, a determiner opens no name.
        const std::string quoted =
            "The Prime Minister said that \u201Cour islands cannot wait for another decade\u201D.";
        for (const std::string first :
             {"However, Mr. President, Saint Lucia cannot pretend to be unaffected.",
              "The President, The Kingdom of Tonga, opened the session."}) {
            CAPTURE(first);
            const auto address = tag(doc_of({found(first), found(quoted)}));
            CHECK(passage(address, "d/p2/q1").speaker == std::nullopt);
            CHECK(passage(address, "d/p2/q1").roles == Roles{"head-of-government"});
        }

        // Titles with nothing after them (a salutation cut off at "Mr.") name no one.
        const auto cut = tag(doc_of({found("To the Secretary-General of the United Nations, "
                                           "Mr."),
                                     found("To the Executive Director, H.E.")}));
        CHECK(passage(cut, "d/p1").speaker == std::nullopt);
        CHECK(passage(cut, "d/p2").speaker == std::nullopt);
    }

    TEST_CASE("a block quote is attributed by the sentence that introduces it") {
        const auto ps = tag(doc_of({
            found("The Secretary-General, Mr. Ant\u00F3nio Guterres, opened the meeting. As the "
                  "Secretary-General reminded us:"),
            block("Prevention is not a slogan; it is the daily work of governments, parliaments "
                  "and courts."),
            block("It is cheaper, too, than any peacekeeping mission we have ever deployed."),
            found("The Minister for Foreign Affairs, Amina Okafor, spoke next. Ms. Okafor told "
                  "the Council:"),
            block("We did not wait for the Council to tell us what our own early-warning office "
                  "had already seen."),
            found("The debate then turned to the budget."),
            block("Every prevention dollar saves seven in response."),
        }));
        CHECK(passage(ps, "d/p2/q1").roles == Roles{"secretary-general"});
        CHECK(passage(ps, "d/p2/q1").speaker ==
              std::optional<std::string>("Ant\u00F3nio Guterres"));
        CHECK(passage(ps, "d/p3/q1").roles == Roles{"secretary-general"});
        CHECK(passage(ps, "d/p5/q1").roles == Roles{"minister"});
        CHECK(passage(ps, "d/p5/q1").speaker == std::optional<std::string>("Amina Okafor"));
        // A paragraph that introduces nothing gives the block after it no speaker.
        CHECK(passage(ps, "d/p7/q1").roles.empty());
        CHECK(passage(ps, "d/p7/q1").speaker == std::nullopt);
    }

    TEST_CASE("a role in another role's title takes no name and tags no theme") {
        const auto ps = tag(doc_of(
            {para("The Special Adviser of the Secretary-General on the Prevention of Genocide, Mr. "
                  "Joseph Mwangi, opened the panel."),
             para("The Secretary-General said that “early warning must lead to early action”.",
                  {"early warning must lead to early action"})}));
        CHECK(passage(ps, "d/p2/q1").roles == Roles{"secretary-general"});
        CHECK(passage(ps, "d/p2/q1").speaker == std::nullopt);
        const auto title =
            tag(doc_of({para("The Special Adviser on the Prevention of Genocide, Mr. Joseph "
                             "Mwangi, opened the panel.")}));
        CHECK_FALSE(has(passage(title, "d/p1").themes, "atrocity-crimes"));
        const auto country = tag(doc_of({para("The representative of Syria said it was not so.")}));
        CHECK(has(passage(country, "d/p1").themes, "country-syria"));
        const auto civil = tag(doc_of({para("Civil society organisations reported abuses.")}));
        CHECK(has(passage(civil, "d/p1").themes, "civil-society"));
    }

    TEST_CASE("statements in tests/data are tagged with their speakers") {
        const std::filesystem::path dir = std::string(R2P_SOURCE_DIR) + "/tests/data/statements";
        struct Case {
            const char* file;
            const char* quote_start;
            Roles roles;
            std::optional<std::string> speaker;
        };
        const Case cases[] = {
            {"ga-dialogue-2012-wrapped.txt",
             "prevention and response are not opposites",
             {"secretary-general"},
             "Ban Ki-moon"},
            {"ga-dialogue-2012-wrapped.txt",
             "early warning is of little use",
             {"ambassador"},
             std::nullopt},
            {"ga-dialogue-2012-wrapped.txt",
             "When we fail to act early",
             {"special-adviser"},
             "Adama Dieng"},
            {"ga-press-summary-2012.txt", "saves lives", {"ambassador"}, std::nullopt},
            {"ga-press-summary-2012.txt",
             "We must protect civilians",
             {"ambassador"},
             std::nullopt},
            {"ga-press-summary-2012.txt", "a moral obligation", {"ambassador"}, std::nullopt},
            {"special-adviser-geneva-2019.txt",
             "We have spent too long",
             {"special-adviser"},
             "Karen Smith"},
            {"special-adviser-geneva-2019.txt",
             "the gap between early warning",
             {"civil-society"},
             std::nullopt},
            {"sweden-plenary-2018.md", "we cannot afford", {"secretary-general"}, "Kofi Annan"},
        };
        for (const Case& c : cases) {
            SUBCASE((std::string(c.file) + ": " + c.quote_start).c_str()) {
                const std::filesystem::path path = dir / c.file;
                // The statements are part of the repository: a missing one is a failure.
                REQUIRE_MESSAGE(std::filesystem::exists(path), "missing: " << path);
                r2p::DocumentMeta meta;
                meta.id = "d";
                const r2p::Document doc =
                    r2p::parse_document(r2p::decode_text(r2p::test::read_file(path)).text, meta);
                std::vector<r2p::Passage> ps = r2p::make_passages(doc);
                r2p::test::source_tagger().tag(doc, ps);
                const auto q = std::find_if(ps.begin(), ps.end(), [&](const r2p::Passage& p) {
                    return p.kind == r2p::PassageKind::Quote && p.text.rfind(c.quote_start, 0) == 0;
                });
                REQUIRE(q != ps.end());
                CHECK(q->roles == c.roles);
                CHECK(q->speaker == c.speaker);
            }
        }
    }

    TEST_CASE("a post names the role its first alias does, as the speakers table spells it") {
        const r2p::detail::SpeakerMatcher matcher(r2p::test::source_taxonomy(),
                                                  r2p::schema::make_stemmer());
        const auto role_of = [&](const char* post) -> std::string {
            const auto role = matcher.role_of_post(post, r2p::schema::make_stemmer());
            return role ? r2p::test::source_taxonomy().roles[*role].id : "";
        };
        struct Case {
            const char* post;
            const char* role;
        };
        const Case cases[] = {
            {"Minister for Foreign Affairs", "minister"},
            {"Minister for Foregn Affairs", "minister"},
            {"Minister of Foreign Affairs", "minister"},
            {"President", "head-of-government"},
            {"Prime Minister", "head-of-government"},
            {"Prime minister", "head-of-government"},
            {"PRIME MINISTER", "head-of-government"},
            {"King", "head-of-government"},
            {"Amir", "head-of-government"},
            {"Head of State", "head-of-government"},
            {"Prime Minister and Minister for Foreign Affairs", "head-of-government"},
            {"Vice-President", "deputy-head-of-government"},
            {"vice-President", "deputy-head-of-government"},
            {"First Vice-President", "deputy-head-of-government"},
            {"Deputy Prime Minister", "deputy-head-of-government"},
            {"Deputy Prime Minister and Minister for Foreign Affairs and Expatriates",
             "deputy-head-of-government"},
            {"Deputy Minister for Foreign Affairs", "vice-minister"},
            {"UN Representative", "ambassador"},
            {"Permanent Representative", "ambassador"},
            {"Chair of the Delegation", "ambassador"},
            {"Chair of the delegation", "ambassador"},
            {"Delegation", "ambassador"},
            {"Secretary for Relations with States", "minister"},
            {"", ""},
            {"Chairman", ""},
        };
        for (const Case& c : cases) {
            CAPTURE(c.post);
            CHECK(role_of(c.post) == c.role);
        }
    }

    TEST_CASE("a speaker's honorifics are dropped, a name of titles alone is kept") {
        const r2p::detail::SpeakerMatcher matcher(r2p::test::source_taxonomy(),
                                                  r2p::schema::make_stemmer());
        const auto stemmer = r2p::schema::make_stemmer();
        CHECK(matcher.without_honorifics("H.E. Mr. Jan Eliasson", stemmer) == "Jan Eliasson");
        CHECK(matcher.without_honorifics("MRS. INDIRA GANDHI", stemmer) == "INDIRA GANDHI");
        CHECK(matcher.without_honorifics("H.M. King FREDERIK IX", stemmer) == "King FREDERIK IX");
        CHECK(matcher.without_honorifics("Lula da Silva", stemmer) == "Lula da Silva");
        CHECK(matcher.without_honorifics("Mr.", stemmer) == "Mr.");
    }

    TEST_CASE("a name in apposition after the word opening the clause keeps the name") {
        auto doc =
            doc_of({para("As Leila Haddad, the Executive Director of the Coalition, put "
                         "it: \u201cprevention is cheaper than response.\u201d",
                         {"prevention is cheaper than response."})});
        const auto ps = tag(doc);
        CHECK(passage(ps, "d/p1/q1").speaker == std::optional<std::string>("Leila Haddad"));
        CHECK(passage(ps, "d/p1/q1").roles == Roles{"executive-director"});
    }

    TEST_CASE("a byline title naming a role alone authors every paragraph by that role") {
        auto doc = doc_of({para("Young people are partners in prevention."),
                           para("I call on Member States to include youth in their plans.")},
                          "Remarks by the Deputy Secretary-General at the Youth Forum");
        const auto ps = tag(doc);
        CHECK(passage(ps, "d/p1").roles == Roles{"deputy-secretary-general"});
        CHECK(passage(ps, "d/p2").roles == Roles{"deputy-secretary-general"});
        CHECK_FALSE(passage(ps, "d/p1").speaker.has_value());
        // A headline's role is no author of the release.
        auto release =
            doc_of({para("The Assembly opened its debate today.")},
                   "Atrocity Prevention Is a Duty, Deputy Secretary-General Tells Assembly");
        CHECK(passage(tag(release), "d/p1").roles.empty());
    }

    TEST_CASE("a headline's role is the subject of its verb: no name from the words around it") {
        auto doc = doc_of(
            {para("The responsibility to protect is no courtesy, the Deputy Secretary-General told "
                  "the Assembly."),
             para("Opening the debate, Deputy Secretary-General Helena Marsh said that the signs "
                  "were plain.")},
            "Preventing Atrocities Is Shared Duty, Not Optional Courtesy, Deputy "
            "Secretary-General Tells General Assembly");
        const auto ps = tag(doc);
        for (const r2p::Passage& p : ps) {
            CAPTURE(p.id);
            CHECK(p.speaker != std::optional<std::string>("Tells General Assembly"));
            CHECK(p.speaker != std::optional<std::string>("Not Optional Courtesy"));
        }
        CHECK(passage(ps, "d/p1").speaker == std::optional<std::string>("Helena Marsh"));
    }

    TEST_CASE("a whole statement's speaker speaks every paragraph, quotes keep their own") {
        auto doc = doc_of({
            para("We meet in a difficult year for the Organization."),
            para("As the Secretary-General said, “we must act together”, and we agree.",
                 {"we must act together"}),
            para("He reminded us of “the promise of 2005” today.", {"the promise of 2005"}),
        });
        doc.meta.speaker = "H.E. Mr. Alan Smithee";
        doc.meta.speaker_post = "Minister for Foregn Affairs";
        const auto ps = tag(doc);
        CHECK(passage(ps, "d/p1").speaker == std::optional<std::string>("Alan Smithee"));
        CHECK(passage(ps, "d/p1").roles == Roles{"minister"});
        CHECK(passage(ps, "d/p2").speaker == std::optional<std::string>("Alan Smithee"));
        CHECK(passage(ps, "d/p2").roles == Roles{"minister", "secretary-general"});
        CHECK(passage(ps, "d/p2/q1").roles == Roles{"secretary-general"});
        CHECK(passage(ps, "d/p2/q1").speaker != std::optional<std::string>("Alan Smithee"));
        // An unattributed quote is not taken for the speaker's own words.
        CHECK(passage(ps, "d/p3").speaker == std::optional<std::string>("Alan Smithee"));
        CHECK_FALSE(passage(ps, "d/p3/q1").speaker == std::optional<std::string>("Alan Smithee"));
    }

    TEST_CASE("a whole statement's speaker without a post names no role and wins over the title") {
        auto doc = doc_of({para("We meet in a difficult year.")},
                          "Statement by H.E. Ms. Anna Lindqvist, Minister for Foreign Affairs");
        doc.meta.speaker = "Mr. Jawad";
        const auto ps = tag(doc);
        CHECK(passage(ps, "d/p1").speaker == std::optional<std::string>("Jawad"));
        CHECK(passage(ps, "d/p1").roles.empty());
    }
    TEST_CASE("a record's speaker turns speak their paragraphs until the next turn") {
        auto doc = doc_of({
            para("Provisional verbatim record of the ninety-first plenary meeting."),
            para("The President: I now give the floor to the representative of Nigeria."),
            para("Mr. Okafor (Nigeria): Nigeria aligns itself with the statement of the Group."),
            para("As the Secretary-General said, “prevention is the best protection”, and we "
                 "agree.",
                 {"prevention is the best protection"}),
            para("The Secretary-General: I thank the Assembly for its support."),
            para("Ms. Lindqvist (Sweden) (spoke in French): We share the concern."),
            para("Our second point is about early warning."),
        });
        doc.meta.speaker = "Mr. Jawad";  // a sidecar naming one speaker for the whole record
        const auto ps = tag(doc);
        // Before the first turn the statement's speaker still speaks.
        CHECK(passage(ps, "d/p1").speaker == std::optional<std::string>("Jawad"));
        // The President is the organ's, named by no one.
        CHECK(passage(ps, "d/p2").speaker == std::nullopt);
        CHECK(passage(ps, "d/p2").roles == Roles{"president-general-assembly"});
        CHECK(passage(ps, "d/p3").speaker == std::optional<std::string>("Okafor"));
        CHECK(passage(ps, "d/p3").roles == Roles{"ambassador"});
        // A paragraph without a turn goes on with the last one; its quote keeps its own.
        CHECK(passage(ps, "d/p4").speaker == std::optional<std::string>("Okafor"));
        CHECK(passage(ps, "d/p4").roles == Roles{"ambassador", "secretary-general"});
        CHECK(passage(ps, "d/p4/q1").roles == Roles{"secretary-general"});
        CHECK(passage(ps, "d/p4/q1").speaker != std::optional<std::string>("Okafor"));
        CHECK(passage(ps, "d/p5").speaker == std::nullopt);
        CHECK(passage(ps, "d/p5").roles == Roles{"secretary-general"});
        CHECK(passage(ps, "d/p6").speaker == std::optional<std::string>("Lindqvist"));
        CHECK(passage(ps, "d/p6").roles == Roles{"ambassador"});
        CHECK(passage(ps, "d/p7").speaker == std::optional<std::string>("Lindqvist"));
        CHECK(passage(ps, "d/p7").roles == Roles{"ambassador"});
    }

    TEST_CASE("the President of a Security Council record presides over the Council") {
        auto doc = doc_of({
            // "spoke" is a speech verb: the turn still reports no head of state speaking.
            para("The President (spoke in French): I give the floor to the representative of "
                 "the Russian Federation."),
            para("Mr. Nebenzia (Russian Federation) (spoke in Russian): We listened carefully."),
        });
        doc.meta.symbol = "S/PV.8185";
        const auto ps = tag(doc);
        CHECK(passage(ps, "d/p1").roles == Roles{"president-security-council"});
        CHECK(passage(ps, "d/p2").speaker == std::optional<std::string>("Nebenzia"));
        CHECK(passage(ps, "d/p2").roles == Roles{"ambassador"});
    }

    TEST_CASE("one turn-like opening, or titles naming no role, do not make a record") {
        auto one = doc_of({
            para("Mr. Okafor (Nigeria): a case study in prevention."),
            para("The lessons of that year are many."),
        });
        one.meta.speaker = "Mr. Jawad";
        const auto ps = tag(one);
        CHECK(passage(ps, "d/p1").speaker == std::optional<std::string>("Jawad"));
        CHECK(passage(ps, "d/p2").speaker == std::optional<std::string>("Jawad"));
        CHECK(passage(ps, "d/p2").roles.empty());

        auto headings = doc_of({
            para("The Way Forward: we must act early."),
            para("The Second Pillar: assistance to States."),
        });
        headings.meta.speaker = "Mr. Jawad";
        const auto hs = tag(headings);
        CHECK(passage(hs, "d/p1").speaker == std::optional<std::string>("Jawad"));
        CHECK(passage(hs, "d/p2").speaker == std::optional<std::string>("Jawad"));
    }
}  // TEST_SUITE
