// A passage: the unit that is indexed and returned by a search (a paragraph or a quote).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/document.hpp"

namespace r2p {

enum class PassageKind { Paragraph, Quote };

/// "paragraph" or "quote".
std::string_view kind_name(PassageKind kind);

/// One indexed unit with its tags. Built by make_passages, tagged by Tagger::tag.
struct Passage {
    std::string id;  ///< "<doc>/p<N>" or "<doc>/p<N>/q<M>", both 1-based
    PassageKind kind = PassageKind::Paragraph;
    std::string text;
    std::string parent_id;                   ///< the paragraph's id for a quote, else empty
    std::size_t paragraph_index = 0;         ///< index into Document::paragraphs
    std::optional<std::size_t> quote_index;  ///< index into Paragraph::quotes for a quote
    std::vector<std::string> themes;         ///< taxonomy ids, sorted, unique
    std::vector<std::string> roles;          ///< taxonomy ids, sorted, unique
    std::optional<std::string> speaker;      ///< a person's name without honorifics
};

/// Every body paragraph of `doc`, each followed by its speech quotes (scare quotes are not
/// passages). Quotes are numbered among the paragraph's speech quotes only.
std::vector<Passage> make_passages(const Document& doc);

}  // namespace r2p
