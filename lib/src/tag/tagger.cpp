#include "tag/tagger.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include <xapian.h>

#include "parse/header_lines.hpp"
#include "r2p/schema.hpp"
#include "tag/name_references.hpp"
#include "tag/quote_chains.hpp"
#include "tag/speaker_turns.hpp"
#include "tag/tag_speakers.hpp"
#include "tag/tag_themes.hpp"
#include "tag/tag_tokens.hpp"

namespace r2p {

struct Tagger::Compiled {
    detail::ThemeMatcher themes;
    detail::SpeakerMatcher speakers;

    Compiled(const Taxonomy& taxonomy, const Xapian::Stem& stemmer)
        : themes(taxonomy, stemmer), speakers(taxonomy, stemmer) {}
};

namespace {

/// What tagging found for one paragraph, before it is copied onto passages.
struct ParagraphTags {
    std::vector<std::string> themes;
    std::vector<std::string> roles;
    std::optional<std::string> speaker;
    std::vector<std::optional<std::string>> quote_role;     // per quote of the paragraph
    std::vector<std::optional<std::string>> quote_speaker;  // per quote of the paragraph
};

void sort_unique(std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

Tagger::Tagger(const Taxonomy& taxonomy)
    : taxonomy_(taxonomy), compiled_(new Compiled(taxonomy, schema::make_stemmer())) {}

Tagger::~Tagger() { delete compiled_; }

void Tagger::tag(const Document& doc, std::vector<Passage>& passages) const {
    // A Stem holds per-call state, so each call (and thread) has its own.
    const Xapian::Stem stemmer = schema::make_stemmer();
    const std::size_t count = doc.paragraphs.size();

    // A verbatim or meeting record: "Mr. Okafor (Nigeria): ..." opens a turn that speaks
    // every paragraph until the next turn, with the representative's role; "The President:"
    // is the president of the organ the record is of, named by no one. A document with one
    // such opening is prose, not a record. In a record the turns win over the statement's
    // speaker (a sidecar or table names one speaker for a document that has several) and
    // over the author in the title; paragraphs before the first turn keep those.
    struct Turn {
        std::optional<std::string> name;
        std::optional<std::size_t> role;
        std::size_t length = 0;  ///< bytes of the turn at the paragraph's start
    };
    std::vector<std::optional<Turn>> turns(count);
    {
        const bool council = doc.meta.symbol.rfind("S/", 0) == 0 ||
                             (doc.meta.title.find("Security Council") != std::string::npos &&
                              doc.meta.title.find("General Assembly") == std::string::npos);
        const std::string organ = council ? " of the Security Council" : " of the General Assembly";
        std::size_t found = 0;
        for (std::size_t p = 0; p < count; ++p) {
            const auto turn =
                detail::find_speaker_turn(doc.paragraphs[p].text, taxonomy_.attribution.honorifics);
            if (!turn) continue;
            Turn& t = turns[p].emplace();
            t.length = turn->length;
            if (turn->title.empty()) {
                t.name = turn->name;
                t.role =
                    compiled_->speakers.role_of_post("representative of " + turn->country, stemmer);
            } else {
                t.role = compiled_->speakers.role_of_post(turn->title + organ, stemmer);
                if (!t.role) t.role = compiled_->speakers.role_of_post(turn->title, stemmer);
                // "The Way Forward:" is a run-in heading: a title names a role or no one.
                if (!t.role) turns[p].reset();
            }
            if (turns[p]) ++found;
        }
        if (found < 2) turns.assign(count, std::nullopt);
    }

    // The turn is who speaks, not a mention that speaks: "The President (spoke in
    // French):" is no head of state reported speaking.
    const auto quiet_turn = [&](std::size_t p, const std::vector<detail::Token>& tokens,
                                detail::ParagraphSpeech& sp) {
        if (!turns[p]) return;
        for (std::size_t i = 0; i < sp.mentions.size(); ++i) {
            detail::Mention& m = sp.mentions[i];
            if (m.first >= tokens.size() || tokens[m.first].begin >= turns[p]->length) continue;
            m.reported = false;
            if (sp.last_speaking == i) sp.last_speaking.reset();
        }
    };

    // Words of one paragraph at a time: a token takes about 15 times the bytes of its text,
    // so holding every paragraph's tokens made a large file need 20 times its size. What
    // the second pass needs of them (the cue themes) is taken here.
    std::vector<detail::ParagraphSpeech> speech(count);
    std::vector<std::vector<bool>> cue_hits(count);
    detail::RoleNames names(compiled_->speakers.role_count());
    detail::ShortForms short_forms;
    std::vector<std::pair<std::size_t, std::size_t>> titles;
    for (std::size_t p = 0; p < count; ++p) {
        const Paragraph& para = doc.paragraphs[p];
        const std::vector<detail::Token> tokens = detail::tokenize(para.text, stemmer);
        speech[p] = compiled_->speakers.analyze(para.text, tokens, para.quotes);
        quiet_turn(p, tokens, speech[p]);
        compiled_->speakers.resolve_short_forms(tokens, speech[p], short_forms);
        // Names are given once, often before the role is used alone: scan them all first.
        compiled_->speakers.collect_names(para.text, tokens, speech[p], names, p);
        titles.clear();
        for (const detail::Mention& m : speech[p].mentions) titles.emplace_back(m.first, m.last);
        cue_hits[p].assign(taxonomy_.themes.size(), false);
        compiled_->themes.cue_themes(tokens, titles, cue_hits[p]);
        compiled_->themes.weak_themes(tokens, titles, cue_hits[p]);
    }
    // "Okafor said" after "the Minister for Foreign Affairs, Amina Okafor": people named
    // with their role speak again by surname. Only paragraphs that hold a known surname are
    // analysed again; their role mentions keep what the first pass found for them (short
    // forms resolved, names given).
    const detail::NameReferences references(names, stemmer);
    for (std::size_t p = 0; p < count && !references.empty(); ++p) {
        const Paragraph& para = doc.paragraphs[p];
        if (!references.may_occur(para.text)) continue;
        const std::vector<detail::Token> tokens = detail::tokenize(para.text, stemmer);
        const auto by_name = references.find(para.text, tokens, p, compiled_->speakers);
        if (by_name.empty()) continue;
        detail::ParagraphSpeech again =
            compiled_->speakers.analyze(para.text, tokens, para.quotes, by_name);
        std::size_t old = 0;
        for (detail::Mention& m : again.mentions) {
            if (m.by_name) continue;
            const auto& before = speech[p].mentions;
            while (old < before.size() && before[old].first < m.first) ++old;
            if (old == before.size() || before[old].first != m.first) continue;
            m.role = before[old].role;
            if (before[old].name) m.name = before[old].name;
        }
        speech[p] = std::move(again);
        quiet_turn(p, tokens, speech[p]);
    }

    // The name given at the attribution itself, else the one holder the document names,
    // unless the attribution qualifies the role otherwise ("the representative of Kenya" is
    // not the representative of Norway the document names).
    const auto name_for = [&](const detail::Mention& m) -> std::optional<std::string> {
        if (m.name) return m.name;
        if (!m.definite() || names[m.role].size() != 1) return std::nullopt;
        const detail::Holder& holder = names[m.role].front();
        if (!detail::qualifiers_agree(m.qualifier, holder.qualifier)) return std::nullopt;
        return holder.name;
    };

    // "Statement by H.E. Ms. Anna Lindqvist, Minister for Foreign Affairs of Sweden": the
    // author named in the title speaks every paragraph of the statement.
    std::optional<detail::Mention> author;
    if (!doc.meta.title.empty()) {
        const auto title_tokens = detail::tokenize(doc.meta.title, stemmer);
        auto title_speech = compiled_->speakers.analyze(doc.meta.title, title_tokens, {});
        detail::RoleNames title_names(names.size());
        compiled_->speakers.collect_names(doc.meta.title, title_tokens, title_speech, title_names);
        // "Remarks by the Deputy Secretary-General at ...": a title that is a byline names
        // its author by role alone (the name is the one the document gives that role, if
        // any); a headline's roles ("..., Minister Tells Assembly") author nothing.
        const bool title_is_byline = detail::byline(doc.meta.title).has_value();
        for (const auto& m : title_speech.mentions) {
            if (!m.definite() || m.possessive || (!m.name && !title_is_byline)) continue;
            if (author && (author->name != m.name || (!m.name && author->role != m.role))) {
                author.reset();  // two people in the title: not one author
                break;
            }
            author = m;
        }
    }

    // A collection's speakers table (or a sidecar) names who gave the whole statement: it
    // speaks every paragraph, and wins over an author found in the title.
    std::optional<std::string> statement_speaker;
    std::optional<std::size_t> statement_role;
    if (!doc.meta.speaker.empty()) {
        statement_speaker = compiled_->speakers.without_honorifics(doc.meta.speaker, stemmer);
        statement_role = compiled_->speakers.role_of_post(doc.meta.speaker_post, stemmer);
        author.reset();
    }

    std::map<std::string, std::vector<std::size_t>> heading_cache;
    const auto heading_themes = [&](const std::string& heading) -> const std::vector<std::size_t>& {
        auto it = heading_cache.find(heading);
        if (it == heading_cache.end())
            it = heading_cache.emplace(heading, compiled_->themes.heading_themes(heading, stemmer))
                     .first;
        return it->second;
    };

    const std::vector<bool> continued = detail::continued_quotes(doc);
    std::vector<ParagraphTags> tags(count);
    // The last attributed speaker so far: "“…,” she added" opening a paragraph continues it.
    std::optional<std::size_t> last_role;
    std::optional<std::string> last_name;
    const Turn* turn = nullptr;  // the record's turn the paragraph belongs to
    for (std::size_t p = 0; p < count; ++p) {
        const Paragraph& para = doc.paragraphs[p];
        ParagraphTags& t = tags[p];
        if (turns[p]) turn = &*turns[p];

        // Themes: the run-in heading if it names one, else the section heading; plus cues
        // and weak cues.
        std::vector<bool>& hit = cue_hits[p];
        const auto* named = &heading_themes(para.run_in_heading);
        if (named->empty()) named = &heading_themes(para.section);
        for (std::size_t theme : *named) hit[theme] = true;
        for (std::size_t theme = 0; theme < hit.size(); ++theme)
            if (hit[theme]) t.themes.push_back(taxonomy_.themes[theme].id);
        sort_unique(t.themes);

        // Roles: the attribution of each speech quote, and everyone reported speaking.
        std::set<std::string> speakers;
        const auto& mentions = speech[p].mentions;
        t.quote_role.resize(para.quotes.size());
        t.quote_speaker.resize(para.quotes.size());
        for (std::size_t q = 0; q < para.quotes.size(); ++q) {
            if (!para.quotes[q].speech) continue;
            const auto& mi = speech[p].quote_mention[q];
            // A quote going on from the paragraph before, by its typographic marks, or a
            // block quote that paragraph introduced ("As the Secretary-General reminded us:").
            const bool goes_on = q == 0 && continued[p];
            const std::optional<std::size_t> introducer =
                p > 0 ? speech[p - 1].introduces : std::nullopt;
            if (mi) {
                const detail::Mention& m = mentions[*mi];
                last_role = m.role;
                last_name = name_for(m);
            } else if (goes_on) {
                const ParagraphTags& before = tags[p - 1];
                if (before.quote_role.empty() || !before.quote_role.back()) continue;
                t.quote_role[q] = before.quote_role.back();
                t.quote_speaker[q] = before.quote_speaker.back();
                t.roles.push_back(*t.quote_role[q]);
                if (t.quote_speaker[q]) speakers.insert(*t.quote_speaker[q]);
                continue;
            } else if (para.quotes[q].block && q == 0 && introducer) {
                const detail::Mention& m = speech[p - 1].mentions[*introducer];
                last_role = m.role;
                last_name = name_for(m);
            } else if (!speech[p].quote_continues[q] || !last_role) {
                continue;
            }
            t.quote_role[q] = taxonomy_.roles[*last_role].id;
            t.quote_speaker[q] = last_name;
            t.roles.push_back(taxonomy_.roles[*last_role].id);
            if (t.quote_speaker[q]) speakers.insert(*t.quote_speaker[q]);
        }
        if (const auto& mi = speech[p].last_speaking) {
            last_role = mentions[*mi].role;
            last_name = name_for(mentions[*mi]);
        }
        for (const detail::Mention& m : mentions) {
            if (!m.reported) continue;
            t.roles.push_back(taxonomy_.roles[m.role].id);
            if (auto name = name_for(m)) speakers.insert(*name);
        }
        if (turn) {
            if (turn->role) t.roles.push_back(taxonomy_.roles[*turn->role].id);
        } else {
            if (author) {
                t.roles.push_back(taxonomy_.roles[author->role].id);
                if (auto name = name_for(*author)) speakers.insert(*name);
            }
            if (statement_role) t.roles.push_back(taxonomy_.roles[*statement_role].id);
        }
        sort_unique(t.roles);
        // The turn's or the statement's speaker speaks the paragraph, whoever else it quotes.
        if (turn) {
            t.speaker = turn->name;
        } else if (statement_speaker) {
            t.speaker = statement_speaker;
        } else if (speakers.size() == 1) {
            t.speaker = *speakers.begin();
        }
    }

    for (Passage& passage : passages) {
        if (passage.paragraph_index >= count) continue;
        const ParagraphTags& t = tags[passage.paragraph_index];
        passage.themes = t.themes;
        if (passage.quote_index && *passage.quote_index < t.quote_role.size()) {
            const std::size_t q = *passage.quote_index;
            passage.roles.clear();
            if (t.quote_role[q]) passage.roles.push_back(*t.quote_role[q]);
            passage.speaker = t.quote_speaker[q];
        } else {
            passage.roles = t.roles;
            passage.speaker = t.speaker;
        }
    }
}

}  // namespace r2p
