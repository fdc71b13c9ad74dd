// Tags passages with themes, speaker roles and speaker names, by the taxonomy's rules.
#pragma once

#include <vector>

#include "parse/document.hpp"
#include "parse/passage.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p {

/// Applies a taxonomy to documents. Construction compiles the taxonomy (stemmed cues, role
/// aliases); tag() is const and safe to call from several threads at once.
class Tagger {
  public:
    /// Keeps a reference to `taxonomy`, which must outlive the tagger.
    explicit Tagger(const Taxonomy& taxonomy);
    ~Tagger();
    Tagger(const Tagger&) = delete;
    Tagger& operator=(const Tagger&) = delete;

    /// Sets themes, roles and speaker of every passage of `doc` (as made by make_passages).
    /// Paragraph themes: from its run-in heading or section heading when that names a theme,
    /// plus themes whose cues it contains; quotes inherit their paragraph's themes. Quote
    /// roles: from the attribution around the quote (a role, or a person the document named
    /// with a role and now calls by surname); speaker: the name given there, else the name
    /// the document gives for that role when exactly one person holds it and no qualifier
    /// ("of Kenya") says otherwise. A quote going on from the paragraph before (an open
    /// quote and an opening mark, or consecutive block quotes) keeps that quote's speaker; a
    /// block quote is spoken by whoever the paragraph before introduces ("…reminded us:").
    /// Paragraph roles: everyone it quotes
    /// or reports speaking. When DocumentMeta::speaker names who gave the whole statement
    /// (a collection's speakers table, a sidecar), every paragraph's speaker is that name
    /// without honorifics and its roles include the role DocumentMeta::speaker_post names;
    /// quotes keep their own attribution (an unattributed quote gets no speaker: a speech
    /// quotes documents and others more than it quotes itself). A record (at least two
    /// paragraphs opening with a speaker turn, find_speaker_turn) is spoken turn by turn:
    /// from a turn to the next, the speaker is the turn's name (none for "The President:")
    /// and the roles include the turn's role; there the turns win over DocumentMeta::speaker
    /// and the title's author, which keep the paragraphs before the first turn.
    void tag(const Document& doc, std::vector<Passage>& passages) const;

  private:
    struct Compiled;
    const Taxonomy& taxonomy_;
    Compiled* compiled_;
};

}  // namespace r2p
