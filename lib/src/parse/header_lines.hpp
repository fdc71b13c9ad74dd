// Recognisers for the lines above a statement's body: UN symbols, report header lines,
// bylines and salutations. Each looks at one trimmed line and says what it is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace r2p::detail {

/// The UN document symbols that make up the whole of `line` ("A/73/898–S/2019/463",
/// "GA/12519", "S/PV.8185", "A/RES/60/1"), joined by "-" when there are several (an en dash,
/// hyphen or space may join them in print); a date may stand beside them ("27 June 2022
/// GA/12519"), and "United Nations" before them. Nullopt when the line holds anything else.
std::optional<std::string> symbol_line(std::string_view line);

/// A line of a UN document's masthead that is neither title nor text: the issuing organ
/// ("General Assembly", "Security Council"), "Distr.: General", "Original: English", a date
/// alone, a session, year or meeting line ("Seventy-third session", "Seventy-fourth year"),
/// an agenda item line ("Agenda items 14 and 123"), "Press Release", "Check against delivery".
bool is_masthead_line(std::string_view line);

/// "Report of the Secretary-General", "Note by the Secretariat": the line below a UN
/// report's title, which tells where the title is.
bool is_report_anchor(std::string_view line);

/// What a byline says of who speaks.
struct Byline {
    /// The person's name as printed, honorifics included ("H.E. Ambassador Ana Ruiz"); empty
    /// when the statement is a group's ("Joint statement on behalf of ...") or names no person.
    std::string speaker;
    /// The post after the name ("Permanent Representative of Chile to the United Nations");
    /// may be empty.
    std::string post;
};

/// "Statement by H.E. ...", "Remarks by", "Statement delivered by", "Intervention by",
/// "Address by", "Joint statement on behalf of ...": a line saying who gives the statement.
/// Headlines ("..., Secretary-General Tells General Assembly") are not bylines.
std::optional<Byline> byline(std::string_view line);

/// Whether `line` is a post under a byline that gave none ("Permanent Representative of
/// Chile to the United Nations"): capitalised, short, not a sentence, not a date.
bool is_post_line(std::string_view line);

/// A form of address standing alone: "Mr. President,", "Excellencies,", "Distinguished
/// delegates, ladies and gentlemen,", "Thank you, Mr. President.", "I thank you.". Words of
/// address only, at most a dozen or so; a sentence that merely opens with one is not.
bool is_salutation(std::string_view line);

/// What a press release prints after its text: "For information media. Not an official
/// record.", "ENDS", "* *** *", "###", "Media contact: ...". Not a passage.
bool is_release_end_line(std::string_view line);

}  // namespace r2p::detail
