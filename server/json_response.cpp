#include "server/json_response.hpp"

#include <string>

namespace r2p::serve {

void set_json(httplib::Response& response, const nlohmann::json& body, int status) {
    response.status = status;
    response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                         "application/json; charset=utf-8");
}

void set_json_error(httplib::Response& response, int status, std::string_view message) {
    set_json(response, {{"error", std::string(message)}, {"status", status}}, status);
}

std::string_view status_message(int status) {
    switch (status) {
        case 400:
            return "bad request";
        case 404:
            return "not found";
        case 405:
            return "method not allowed";
        case 408:
            return "request timeout";
        case 413:
            return "request body too large";
        case 414:
            return "request URI too long";
        case 431:
            return "request headers too large";
        case 503:
            return "service unavailable";
        default:
            return status >= 500 ? "internal server error" : "request failed";
    }
}

}  // namespace r2p::serve
