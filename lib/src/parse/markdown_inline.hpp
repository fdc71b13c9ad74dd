// Inline Markdown inside one paragraph or heading: the words kept, the marks dropped.
#pragma once

#include <string>
#include <string_view>

namespace r2p::detail {

/// `s` with inline Markdown resolved: emphasis (`*a*`, `_a_`, `**a**`, `__a__`) and inline
/// code lose their marks, a link `[text](url)` or `[text][ref]` keeps its text, images
/// `![alt](src)`, autolinks `<https://...>` and HTML comments go, a backslash escape gives
/// the character itself. Marks that open nothing (a footnote's "Sudan*", "snake_case") stay.
/// Linear in the size of `s`; never throws.
std::string strip_inline_markdown(std::string_view s);

}  // namespace r2p::detail
