#include "server/http_guards.hpp"

#include <cstdint>
#include <exception>
#include <string>
#include <utility>

#include "server/connection_queue.hpp"
#include "server/json_response.hpp"
#include "server/security_headers.hpp"

namespace r2p::serve {

namespace {

using Handled = httplib::Server::HandlerResponse;

std::size_t header_bytes(const httplib::Request& request) {
    std::size_t bytes = 0;
    for (const auto& [name, value] : request.headers) bytes += name.size() + value.size() + 4;
    return bytes;
}

Handled check_request(const Service& service, const httplib::Request& request,
                      httplib::Response& response) {
    if (ConnectionQueue::rejecting()) {
        // Past the connection bound: answer at once and free the thread for the next one.
        response.set_header("Connection", "close");
        response.set_header("Retry-After", "1");
        set_json_error(response, 503, "server busy: too many connections");
        return Handled::Handled;
    }
    if (request.get_header_value<std::uint64_t>("Content-Length") > service.limits.max_body_bytes) {
        set_json_error(response, 413, status_message(413));
        response.set_header("Connection", "close");
        return Handled::Handled;
    }
    if (request.method != "GET" && request.method != "HEAD") {
        response.set_header("Allow", "GET, HEAD");
        response.set_header("Connection", "close");  // whatever body it sent stays unread
        set_json_error(response, 405, "method not allowed: use GET or HEAD");
        return Handled::Handled;
    }
    if (header_bytes(request) > service.limits.max_header_bytes) {
        set_json_error(response, 431, status_message(431));
        response.set_header("Connection", "close");
        return Handled::Handled;
    }
    return Handled::Unhandled;
}

}  // namespace

void install_guards(httplib::Server& server, const Service& service, PrefixRoutes prefix_routes) {
    server.set_pre_routing_handler(
        [&service, prefix_routes = std::move(prefix_routes)](const httplib::Request& request,
                                                             httplib::Response& response) {
            // httplib would cut every answer to a Range header's bytes, under status 200 for
            // a JSON answer (`{"corrected`): our answers are whole or nothing. The request is
            // the server's own, non-const object, handed to handlers as const.
            const_cast<httplib::Request&>(request).ranges.clear();
            if (check_request(service, request, response) == Handled::Handled)
                return Handled::Handled;
            return prefix_routes(request, response) ? Handled::Handled : Handled::Unhandled;
        });
    server.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
        add_security_headers(response);
    });
    // Errors httplib answers itself (404, 414, a malformed request) come without a body.
    server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
        if (response.body.empty()) {
            set_json_error(response, response.status, status_message(response.status));
        }
    });
    server.set_exception_handler([&service](const httplib::Request& request,
                                            httplib::Response& response, std::exception_ptr error) {
        std::string what = "unknown exception";
        try {
            if (error) std::rethrow_exception(error);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        if (service.log) service.log("internal error on " + request.path + ": " + what);
        set_json_error(response, 500, status_message(500));
    });
}

}  // namespace r2p::serve
