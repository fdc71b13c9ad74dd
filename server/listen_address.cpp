#include "server/listen_address.hpp"

#include <arpa/inet.h>

#include <charconv>

#include "r2p/error.hpp"

namespace r2p::serve {

std::string ListenAddress::to_string() const {
    const bool ipv6 = host.find(':') != std::string::npos;
    return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

ListenAddress parse_listen_address(std::string_view option, std::string_view text) {
    const auto bad = [&](std::string_view why) {
        return UsageError(std::string(option) + ": '" + std::string(text) + "' " +
                          std::string(why) + " (give HOST:PORT, as 127.0.0.1:8080)");
    };
    ListenAddress address;
    std::string_view port;
    if (!text.empty() && text.front() == '[') {
        const std::size_t close = text.find(']');
        if (close == std::string_view::npos) throw bad("has no closing ']'");
        address.host = std::string(text.substr(1, close - 1));
        if (text.substr(close + 1, 1) != ":") throw bad("has no port");
        port = text.substr(close + 2);
    } else {
        const std::size_t colon = text.rfind(':');
        if (colon == std::string_view::npos) throw bad("has no port");
        address.host = std::string(text.substr(0, colon));
        if (address.host.find(':') != std::string::npos) throw bad("needs brackets around IPv6");
        port = text.substr(colon + 1);
    }
    if (address.host.empty()) throw bad("has no host");
    unsigned value = 0;
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || error != std::errc() || end != port.data() + port.size() || value > 65535) {
        throw bad("has no port number in 0..65535");
    }
    address.port = static_cast<int>(value);
    return address;
}

bool is_loopback_host(std::string_view host) {
    if (host == "localhost") return true;
    const std::string text(host);
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
        return (ntohl(v4.s_addr) >> 24) == 127;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
    return false;
}

}  // namespace r2p::serve
