// What every request passes before and after its route: methods, sizes, overload, headers,
// errors as JSON.
#pragma once

#include <functional>

#include <httplib.h>

#include "server/service.hpp"

namespace r2p::serve {

/// Installs on `server`: a pre-routing check answering 503 on a ConnectionQueue rejecting
/// thread, 413 for a body above limits.max_body_bytes, 405 for methods but GET and HEAD, 431
/// for headers above limits.max_header_bytes; a post-routing step adding the security
/// headers to every response; an error handler giving every error without a body the JSON
/// {error, status}; an exception handler answering 500 with a generic message (the
/// exception's text goes to the log only). A request that passes the checks goes to
/// `prefix_routes` (true: answered) before the server's own routes. `service` must outlive
/// `server`.
using PrefixRoutes = std::function<bool(const httplib::Request&, httplib::Response&)>;
void install_guards(httplib::Server& server, const Service& service, PrefixRoutes prefix_routes);

}  // namespace r2p::serve
