// The headers every response carries, whatever answered it.
#pragma once

#include <string_view>

#include <httplib.h>

namespace r2p::serve {

/// The page's Content-Security-Policy: its own script, style and API, nothing else (no
/// inline script, no frames, no other origin).
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Adds Content-Security-Policy, X-Content-Type-Options: nosniff and Referrer-Policy:
/// no-referrer; and Cache-Control: no-store unless the response says how to cache it.
void add_security_headers(httplib::Response& response);

}  // namespace r2p::serve
