// A web page's bytes -> UTF-8, by its BOM or declared charset, before libxml2 parses it: libxml2
// stops reading at the first byte its converter rejects and would drop the rest of the page.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace r2p {

/// A page decoded to UTF-8.
struct HtmlBytes {
    std::string utf8;     ///< the page as valid UTF-8 (its charset declaration left in)
    std::string charset;  ///< what it was read as: "UTF-8", "windows-1252", "UTF-16LE", ...
    /// Bytes of UTF-8 text that were not UTF-8, read as Windows-1252. (Bytes another charset
    /// does not map become ICU's substitute character, uncounted.)
    std::size_t replaced = 0;
};

/// The charset a page declares in its first bytes (<meta charset>, http-equiv content, an XML
/// declaration's encoding), lower case; "" when none.
std::string declared_charset(std::string_view bytes);

/// Decodes `bytes`: a BOM wins, then the declared charset (ISO-8859-1 and ASCII read as
/// Windows-1252, as browsers do), else UTF-8 when the bytes are UTF-8 and Windows-1252 when
/// they are not. Never throws for the bytes: what does not decode is replaced and counted. An
/// unknown declared charset is read as if undeclared.
HtmlBytes html_to_utf8(std::string_view bytes);

}  // namespace r2p
