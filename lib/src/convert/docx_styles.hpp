// What a DOCX paragraph's style and numbering make of it: title, heading, quotation or list
// item with its number, from word/styles.xml and word/numbering.xml.
#pragma once

#include <libxml/tree.h>

#include <map>
#include <string>
#include <utility>

namespace r2p {

/// The kind of block a paragraph style stands for.
enum class DocxBlock { Body, Title, Heading, Quote };

/// Paragraph styles and list numbering of one DOCX package. Counts list items as they are
/// asked for, so paragraphs must be marked in document order.
class DocxStyles {
  public:
    /// From the parsed styles.xml and numbering.xml; either may be null (absent or damaged).
    DocxStyles(xmlDoc* styles, xmlDoc* numbering);

    /// The block `style_id` (a w:pStyle value: "Title", "Heading1", "Quote", or a localised
    /// id whose name is "heading 1") stands for.
    DocxBlock block_of(const std::string& style_id) const;

    /// The list mark of the paragraph whose properties are `paragraph_properties` (w:pPr, may
    /// be null) and style `style_id`: "3. " for a decimal list, "(a) " / "(i) " for letter and
    /// roman lists, "- " for bullets and other formats, "" for no list.
    std::string list_mark(const xmlNode* paragraph_properties, const std::string& style_id);

  private:
    struct Level {
        std::string format = "bullet";  // w:numFmt
        long start = 1;
    };

    std::map<std::string, std::string> style_names_;                     // id -> lower-case name
    std::map<std::string, std::pair<std::string, long>> style_numbers_;  // id -> numId, ilvl
    std::map<std::string, std::map<long, Level>> levels_;                // numId -> levels
    std::map<std::string, std::map<long, long>> counters_;               // numId -> ilvl -> next
};

}  // namespace r2p
