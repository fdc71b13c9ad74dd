// People a statement names with their role, found again where it gives their surname alone.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "tag/tag_speakers.hpp"
#include "tag/tag_tokens.hpp"

namespace r2p::detail {

/// "Nigeria's Minister for Foreign Affairs, Amina Okafor, ..." and later "Okafor said", "Ms.
/// Okafor added", "According to Okafor": the later references are that person in that role.
/// A surname two named people share resolves to neither.
class NameReferences {
  public:
    /// Indexes every holder of `names` (role by role, as collect_names gathered them) by the
    /// last word of their name.
    NameReferences(const RoleNames& names, const Xapian::Stem& stemmer);

    bool empty() const { return by_surname_.empty(); }

    /// Whether `text` may refer to someone indexed: a cheap test before tokenizing.
    bool may_occur(std::string_view text) const;

    /// Mentions (role, name, by_name set) of indexed people in paragraph `paragraph`, in
    /// order: the surname standing alone or after honorifics or the person's own first
    /// names, never after another first name ("John Okafor" is someone else). Only
    /// people named in this paragraph or an earlier one.
    /// `matcher` tells titles ("Minister Okafor") from first names.
    std::vector<Mention> find(std::string_view text, const std::vector<Token>& tokens,
                              std::size_t paragraph, const SpeakerMatcher& matcher) const;

  private:
    struct Person {
        std::string name;
        std::vector<std::string> words;  ///< folded words of the whole name
        std::size_t surname_words = 1;   ///< "Ki-moon" is two tokens
        std::size_t role = 0;
        std::size_t paragraph = 0;
        bool ambiguous = false;
    };
    std::vector<Person> people_;
    /// Folded first word of a surname -> index into people_.
    std::unordered_map<std::string, std::size_t> by_surname_;
    std::vector<std::string> surnames_;  ///< as written, for may_occur
};

}  // namespace r2p::detail
