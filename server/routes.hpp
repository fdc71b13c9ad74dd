// The server's routes: the page's files, the API and the health check.
#pragma once

#include <httplib.h>

#include "server/service.hpp"

namespace r2p::serve {

/// GET (and HEAD) routes: "/", "/app.js", "/style.css" from the built-in page;
/// /api/search, /api/trace, /api/taxonomy, /healthz. Every other path is a 404 (install_guards
/// makes it JSON) unless serve_prefix_routes takes it. `service` must outlive `server`.
void install_routes(httplib::Server& server, const Service& service);

/// Answers /api/passage/<id> and returns true; false for any other path. Passage ids hold
/// slashes ("doc/p7/q1"), so the route is a prefix: httplib's routes are std::regex
/// patterns, which libstdc++ matches recursively (a long path would exhaust the stack).
bool serve_prefix_routes(const Service& service, const httplib::Request& request,
                         httplib::Response& response);

/// What follows the first '?' of a request target; empty when there is none.
std::string_view query_part(std::string_view target);

}  // namespace r2p::serve
