// JSON bodies of the API: results, and errors as {"error": "...", "status": N}.
#pragma once

#include <string_view>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace r2p::serve {

/// `body` as the response, `status` (200 unless given), application/json; charset=utf-8.
/// Invalid UTF-8 inside strings is replaced, never thrown on.
void set_json(httplib::Response& response, const nlohmann::json& body, int status = 200);

/// {"error": message, "status": status} as the response.
void set_json_error(httplib::Response& response, int status, std::string_view message);

/// The generic message of a status ("not found", "method not allowed") for errors httplib
/// itself answers (414, 413, a malformed request) and routes that give none.
std::string_view status_message(int status);

}  // namespace r2p::serve
