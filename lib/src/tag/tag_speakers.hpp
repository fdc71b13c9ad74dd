// Speaker attribution for the tagger: role mentions, who a quote is by, and names of roles.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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
    /// Folded words of the place or body the role is qualified by: "kenya" for "the
    /// representative of Kenya" or "Kenya's representative"; empty when unqualified.
    std::string qualifier;
    /// A person named without a role word ("Okafor said", "Ms. Okafor"): a NameReferences
    /// match whose role and name come from the paragraph that introduced them.
    bool by_name = false;
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
    /// The mention whose words the paragraph's closing "…:" sentence introduces ("As the
    /// Secretary-General reminded us:"): the speaker of a block quote right after it.
    std::optional<std::size_t> introduces;
};

/// Short forms seen so far in a document: "the President" after "the President of the
/// Security Council" is that President. Key: the short alias's folded words.
using ShortForms = std::unordered_map<std::string, std::pair<std::size_t, std::string>>;

/// A person the document names as holding a role.
struct Holder {
    std::string name;
    std::string qualifier;      ///< Mention::qualifier where the name was given
    std::size_t paragraph = 0;  ///< index of the paragraph that first names them
};

/// Names the document gives each role: names[role] holds distinct names in order found.
using RoleNames = std::vector<std::vector<Holder>>;

/// Whether two qualifiers may name the same place or body: either is empty, or one ends
/// with the other ("kingdom of the netherlands" and "netherlands"). A qualifier opening
/// with a possessive ("your country") agrees only with the same words.
bool qualifiers_agree(std::string_view a, std::string_view b);

/// Compiled role taxonomy and attribution rules.
class SpeakerMatcher {
  public:
    SpeakerMatcher(const Taxonomy& taxonomy, const Xapian::Stem& stemmer);

    /// Role mentions of a paragraph and the attribution of each of its quotes. `by_name`
    /// holds mentions of people the document named before (NameReferences::find), sorted by
    /// position; they speak and take quotes like role mentions.
    ParagraphSpeech analyze(std::string_view text, const std::vector<Token>& tokens,
                            const std::vector<Quote>& quotes,
                            const std::vector<Mention>& by_name = {}) const;

    /// Sets Mention::name where a paragraph names the person at a mention ("the UN Deputy
    /// Secretary-General, H.E. Mr. Jan Eliasson", "Secretary-General Ban Ki-moon", "Jan
    /// Eliasson, the Deputy Secretary-General", "Ms. Paauwe, the ICRtoP representative");
    /// role titles are not part of a name ("Executive Director Savita Pawnday") and
    /// adds the names of definite mentions, found in paragraph `paragraph`, to `names`.
    void collect_names(std::string_view text, const std::vector<Token>& tokens,
                       ParagraphSpeech& speech, RoleNames& names, std::size_t paragraph = 0) const;

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
    /// Eliasson"); as given when it is nothing but honorifics. Role titles stay: a speakers
    /// table's "King FREDERIK IX" is how the table names him.
    std::string without_honorifics(std::string_view name, const Xapian::Stem& stemmer) const;

    /// Whether `t` is a word of an honorific or a role alias ("Ms", "Minister", "Foreign"):
    /// a title before a name, not a first name.
    bool title_word(const Token& t) const { return title_words_.count(t.norm) != 0; }

    std::size_t role_count() const { return role_count_; }

  private:
    std::optional<std::string> name_after(std::string_view text, const std::vector<Token>& tokens,
                                          std::size_t j, bool appositive) const;
    std::optional<std::string> name_before(std::string_view text, const std::vector<Token>& tokens,
                                           std::size_t k) const;
    std::optional<std::string> name_from_run(std::string_view text,
                                             const std::vector<Token>& tokens, std::size_t from,
                                             std::size_t to, bool titled) const;
    std::size_t skip_titles(const std::vector<Token>& tokens, std::size_t j, std::size_t end) const;
    std::string qualifier_of(std::string_view text, const std::vector<Token>& tokens,
                             const Mention& m) const;
    bool names_person_after(std::string_view text, const std::vector<Token>& tokens,
                            std::size_t from, std::size_t to) const;
    std::size_t skip_honorifics(const std::vector<Token>& tokens, std::size_t j,
                                std::size_t end) const;
    bool is_abbreviation(const Token& t) const;

    std::size_t role_count_ = 0;
    PhraseTable roles_{MatchOn::Norm};  ///< value: role * 2 + plural
    PhraseTable verbs_{MatchOn::Norm};
    PhraseTable lead_ins_{MatchOn::Norm};
    PhraseTable honorifics_{MatchOn::Norm};
    PhraseTable indefinites_{MatchOn::Norm};
    std::vector<std::string> abbreviations_;       ///< norms of honorifics written with a period
    std::unordered_set<std::string> title_words_;  ///< norms of honorific and alias words
    /// Folded words of aliases that begin a longer alias of another role -> the short
    /// alias's role ("president" -> head-of-government).
    std::unordered_map<std::string, std::size_t> short_aliases_;
};

}  // namespace r2p::detail
