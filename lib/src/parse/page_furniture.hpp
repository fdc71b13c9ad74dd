// Page furniture of printed records: lines that the page put there, not the speaker.
#pragma once

#include <string>
#include <string_view>

namespace r2p::detail {

/// What a trimmed line is, as page furniture.
enum class Furniture {
    kNone,        ///< text of the statement
    kAlways,      ///< furniture wherever it stands: "14", "08-53141 50", "A/63/PV.5",
                  ///< "25/09/2008 A/63/PV.5", "12 General Assembly - Fifty-first session",
                  ///< "Forty-eighth session - 9 October l999 12", "(spoke in French)"
    kIfIsolated,  ///< "General Assembly", "Sixty-third session": a running head only when
                  ///< blank lines or other furniture stand on both sides of it
    kNoteOpens,   ///< "(spoke in Portuguese; English text furnished by the": an
                  ///< interpreter's note that closes on a following line
};

/// Classifies one line (already trimmed). Costs O(length); lines longer than a running head
/// are never furniture. Never throws.
Furniture page_furniture(std::string_view line);

/// Whether `line` closes an interpreter's note that an earlier line opened ("delegation)").
bool closes_note(std::string_view line);

/// `text` without the page furniture that a lost line break ran into it: a UN job number and
/// the page numbers or page dates next to it ("... who 16-29415 3/30 will ..."). Returns
/// `text` unchanged when it holds no job number. Linear in its size.
std::string without_inline_furniture(std::string_view text);

}  // namespace r2p::detail
