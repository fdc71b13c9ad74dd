// Plain structs for a parsed statement: its metadata, sections, paragraphs and quotes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace r2p {

/// What is known about a statement file. Sidecar values win over what the text says.
struct DocumentMeta {
    std::string id;     ///< slug of the file name's stem: stable passage ids hang on it
    std::string title;  ///< empty when neither sidecar nor text gives one
    std::string date;   ///< "YYYY-MM-DD", "YYYY-MM" or "YYYY"; empty when unknown
    std::string event;
    std::string place;
    std::string source_url;
    std::string path;  ///< path as given on the command line (for display)
    // From a collection profile (corpus/collections/*.conf) and its speakers table; empty
    // when the file is not read under a profile or the table has no row for it.
    std::string country;       ///< ISO 3166-1 alpha-3, lower case ("usa")
    std::string country_name;  ///< as the speakers table spells it ("United States of America")
    std::string session;       ///< the collection's session number, as digits ("63")
    std::string speaker;       ///< who gave the whole statement, as the table names them
    std::string speaker_post;  ///< their post as the table spells it ("Prime minister")
    /// The document's UN symbol as its header prints it ("A/73/898-S/2019/463", "GA/12519",
    /// "S/PV.8185"); empty when it has none.
    std::string symbol;
};

/// A quotation inside a paragraph. Spans are byte offsets into Paragraph::text.
struct Quote {
    std::size_t begin = 0;  ///< first byte of the quoted words (after the opening mark)
    std::size_t end = 0;    ///< one past the last quoted byte (before the closing mark)
    std::string text;       ///< the quoted words, marks excluded
    bool speech = false;    ///< a statement by someone, not a scare quote or a concept's name
    /// The whole paragraph is a quoted block (Markdown "> ", HTML <blockquote>): attributed
    /// by the sentence that introduces it in the paragraph before.
    bool block = false;
    /// False when the paragraph ended before the quote's closing mark: a quotation that goes
    /// on in the next paragraph (which opens with a quotation mark) or an unbalanced mark.
    bool closed = true;
};

/// One body paragraph: hard-wrapped lines joined, split paragraphs rejoined.
struct Paragraph {
    std::string text;            ///< NFC UTF-8, single spaces, run-in heading included
    std::size_t line = 0;        ///< 1-based line where the paragraph starts in the file
    std::string section;         ///< heading of the section it stands in (may be empty)
    std::string run_in_heading;  ///< "Ending impunity" for "Ending impunity. Several ..."
    /// The paragraph's own number as the statement prints it ("12", "3 bis", "(a)"), taken
    /// out of `text`; empty for unnumbered paragraphs. JSON "label".
    std::string label;
    std::vector<Quote> quotes;  ///< top-level quotes in order of appearance
};

/// A parsed statement.
struct Document {
    DocumentMeta meta;
    std::vector<std::string> sections;  ///< headings in order
    std::vector<Paragraph> paragraphs;  ///< body paragraphs (headings and title excluded)
};

}  // namespace r2p
