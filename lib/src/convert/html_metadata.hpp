// A web page's own title and date, from its <head> and the markup page builders use for them.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace r2p {

/// The page's title: <title> without a site-name suffix (" | Meetings Coverage and Press
/// Releases", or " - SITE" where og:site_name names the site), else og:title, else the first
/// <h1>; whitespace collapsed; "" when none.
std::string html_title(xmlDoc* doc);

/// The page's date as YYYY-MM-DD (or YYYY-MM, YYYY): <meta name="date"> (also "dcterms.date",
/// "DC.date"), article:published_time, else the first <time datetime>; "" when none gives a
/// date in that form.
std::string html_date(xmlDoc* doc);

/// "2022-06-27T10:00:00Z" -> "2022-06-27", "2022-06" -> "2022-06"; "" when `value` does not
/// start with an ISO 8601 date.
std::string iso_date_prefix(std::string_view value);

}  // namespace r2p
