// Speaker turns of UN verbatim and meeting records: "Mr. Okafor (Nigeria): ..." opening a
// paragraph says who speaks it and the paragraphs after it, until the next turn.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::detail {

/// A speaker turn at the start of a paragraph, as a record prints it.
struct SpeakerTurn {
    /// Bytes of the turn, up to and including its colon ("Mr. Okafor (Nigeria):").
    std::size_t length = 0;
    /// The person as printed, honorifics dropped ("Okafor", "Thomas-Greenfield"); empty for
    /// a turn by title ("The President:").
    std::string name;
    /// The title of a turn by title, without "The" ("President", "Acting President",
    /// "Secretary-General"); empty for a named turn.
    std::string title;
    /// The bracket after the name ("Nigeria", "United States of America"); empty for a
    /// turn by title.
    std::string country;
    /// The language of "(spoke in French)" ("French"); empty when the turn has none.
    std::string language;
};

/// The speaker turn `paragraph` opens with, or nullopt. Two forms, the colon right after
/// the closing bracket or the title: one or more honorifics (from `honorifics`, as the
/// taxonomy lists them, matched case-insensitively: "mr.", "ms.", "h.e.") then one to six
/// name words, then the country in brackets ("Mr. Okafor (Nigeria):"); or "The" and one to
/// four capitalised title words ("The President:", "The Secretary-General:"). Either may be
/// followed by "(spoke in X)" or "(interpretation from X)" before the colon. The name's
/// last word and the country start with a capital letter (or a non-ASCII letter); the
/// country holds no digit, so "Kenya (2008):" and "Mr. Okafor (2019):" are not turns.
/// Whether a document is a record (at least two turns) is the caller's decision.
std::optional<SpeakerTurn> find_speaker_turn(std::string_view paragraph,
                                             const std::vector<std::string>& honorifics);

}  // namespace r2p::detail
