// --listen HOST:PORT, read and judged.
#pragma once

#include <string>
#include <string_view>

namespace r2p::serve {

/// Where the server listens.
struct ListenAddress {
    std::string host;  ///< "127.0.0.1", "::1" (without brackets), "0.0.0.0", "localhost"
    int port = 0;      ///< 0: any free port

    /// "HOST:PORT", with brackets around an IPv6 host ("[::1]:8080").
    std::string to_string() const;
};

/// "HOST:PORT" or "[IPV6]:PORT" -> ListenAddress. Throws UsageError naming `option`
/// ("--listen") for a missing host or port, a port that is not a number in 0..65535, or an
/// unclosed bracket.
ListenAddress parse_listen_address(std::string_view option, std::string_view text);

/// Whether `host` can only be reached from this machine: "localhost", 127.0.0.0/8, ::1.
bool is_loopback_host(std::string_view host);

}  // namespace r2p::serve
