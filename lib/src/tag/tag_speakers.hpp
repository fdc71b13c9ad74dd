// Speaker attribution for the tagger: role mentions, who a quote is by, and names of roles.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "parse/document.hpp"
#include "r2p/taxonomy.hpp"
#include "tag/tag_tokens.hpp"

namespace r2p::detail {

/// A phrase naming a role, outside any quote: tokens [first, last).
struct Mention {
    std::size_t first = 0;
    std::size_t last = 0;
    std::size_t role = 0;             ///< index into Taxonomy::roles
    bool plural = false;              ///< "Ministers": no single person
    bool indefinite = false;          ///< "one Minister", "one of the Ministers": unnamed
    bool possessive = false;          ///< "the Secretary-General's (comment)"
    bool reported = false;            ///< subject of a speech verb or after a lead-in: it speaks
    std::optional<std::string> name;  ///< the person named right at this mention, if any
    bool definite() const { return !plural && !indefinite; }
};

/// Who speaks in one paragraph.
struct ParagraphSpeech {
    std::vector<Mention> mentions;
    /// Per quote of the paragraph (same order): the mention attributing it, if any.
    std::vector<std::optional<std::size_t>> quote_mention;
    /// Per quote: unattributed here, but "“…,” she added" with no one named in its sentence:
    /// the speaker of the document's previous attributed speech goes on.
    std::vector<bool> quote_continues;
    /// The mention that spoke last in the paragraph (attributed a quote or was reported).
    std::optional<std::size_t> last_speaking;
};

/// Short forms seen so far in a document: "the President" after "the President of the
/// Security Council" is that President. Key: the short alias's folded words.
using ShortForms = std::unordered_map<std::string, std::pair<std::size_t, std::string>>;

/// Names the document gives each role: names[role] holds distinct names in order found.
using RoleNames = std::vector<std::vector<std::string>>;

/// Compiled role taxonomy and attribution rules.
class SpeakerMatcher {
  public:
    SpeakerMatcher(const Taxonomy& taxonomy, const Xapian::Stem& stemmer);

    /// Role mentions of a paragraph and the attribution of each of its quotes.
    ParagraphSpeech analyze(std::string_view text, const std::vector<Token>& tokens,
                            const std::vector<Quote>& quotes) const;

    /// Sets Mention::name where a paragraph names the person at a mention ("the UN Deputy
    /// Secretary-General, H.E. Mr. Jan Eliasson", "Secretary-General Ban Ki-moon", "Jan
    /// Eliasson, the Deputy Secretary-General") and adds the names of definite mentions to
    /// `names`.
    void collect_names(std::string_view text, const std::vector<Token>& tokens,
                       ParagraphSpeech& speech, RoleNames& names) const;

    /// Re-roles bare short forms ("the President", "the Representative") as the longer
    /// alias of another role that the document used before ("President of the Security
    /// Council"), and records the long forms of this paragraph in `seen` for later ones.
    /// Not when the short form is qualified the way the long one was ("the President of
    /// Kenya") or names its holder ("President Asante").
    void resolve_short_forms(const std::vector<Token>& tokens, ParagraphSpeech& speech,
                             ShortForms& seen) const;

    /// The role a post names ("Minister for Foregn Affairs" -> minister): the alias that
    /// starts first in it, the longest there ("Deputy Prime Minister and Minister for Foreign
    /// Affairs" -> the deputy's role); nullopt when no alias occurs. Index into
    /// Taxonomy::roles.
    std::optional<std::size_t> role_of_post(std::string_view post,
                                            const Xapian::Stem& stemmer) const;

    /// `name` without the honorifics it opens with ("H.E. Mr. Jan Eliasson" -> "Jan
    /// Eliasson"); as given when it is nothing but honorifics.
    std::string without_honorifics(std::string_view name, const Xapian::Stem& stemmer) const;

    std::size_t role_count() const { return role_count_; }

  private:
    std::optional<std::string> name_after(std::string_view text, const std::vector<Token>& tokens,
                                          std::size_t j, bool appositive) const;
    std::optional<std::string> name_before(std::string_view text, const std::vector<Token>& tokens,
                                           std::size_t k) const;
    std::optional<std::string> name_from_run(std::string_view text,
                                             const std::vector<Token>& tokens, std::size_t from,
                                             std::size_t to) const;
    std::size_t skip_honorifics(const std::vector<Token>& tokens, std::size_t j,
                                std::size_t end) const;
    bool is_abbreviation(const Token& t) const;

    std::size_t role_count_ = 0;
    PhraseTable roles_{MatchOn::Norm};  ///< value: role * 2 + plural
    PhraseTable verbs_{MatchOn::Norm};
    PhraseTable lead_ins_{MatchOn::Norm};
    PhraseTable honorifics_{MatchOn::Norm};
    PhraseTable indefinites_{MatchOn::Norm};
    std::vector<std::string> abbreviations_;  ///< norms of honorifics written with a period
    /// Folded words of aliases that begin a longer alias of another role -> the short
    /// alias's role ("president" -> head-of-government).
    std::unordered_map<std::string, std::size_t> short_aliases_;
};

}  // namespace r2p::detail
