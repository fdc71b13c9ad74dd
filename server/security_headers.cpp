#include "server/security_headers.hpp"

#include <string>

namespace r2p::serve {

void add_security_headers(httplib::Response& response) {
    response.set_header("Content-Security-Policy", std::string(kContentSecurityPolicy));
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
    // API answers change with every commit: never cached. The page's files say their own.
    if (!response.has_header("Cache-Control")) response.set_header("Cache-Control", "no-store");
}

}  // namespace r2p::serve
