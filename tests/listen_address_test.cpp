#include "server/listen_address.hpp"

#include <doctest/doctest.h>

#include "r2p/error.hpp"

using r2p::serve::is_loopback_host;
using r2p::serve::parse_listen_address;

TEST_SUITE("listen_address") {
    TEST_CASE("HOST:PORT and [IPV6]:PORT are read") {
        const auto v4 = parse_listen_address("--listen", "127.0.0.1:8080");
        CHECK(v4.host == "127.0.0.1");
        CHECK(v4.port == 8080);
        const auto v6 = parse_listen_address("--listen", "[::1]:0");
        CHECK(v6.host == "::1");
        CHECK(v6.port == 0);
        CHECK(v6.to_string() == "[::1]:0");
        CHECK(parse_listen_address("--listen", "localhost:65535").port == 65535);
    }

    TEST_CASE("a missing or bad part is a usage error naming the option") {
        for (const char* bad :
             {"127.0.0.1", ":8080", "127.0.0.1:", "127.0.0.1:http", "127.0.0.1:65536",
              "127.0.0.1:-1", "::1:8080", "[::1:8080", "[::1]8080"}) {
            CAPTURE(bad);
            CHECK_THROWS_AS(parse_listen_address("--listen", bad), r2p::UsageError);
        }
        CHECK_THROWS_WITH(parse_listen_address("--listen", "0.0.0.0"),
                          "--listen: '0.0.0.0' has no port (give HOST:PORT, as 127.0.0.1:8080)");
    }

    TEST_CASE("only loopback hosts count as loopback") {
        CHECK(is_loopback_host("127.0.0.1"));
        CHECK(is_loopback_host("127.1.2.3"));
        CHECK(is_loopback_host("::1"));
        CHECK(is_loopback_host("localhost"));
        CHECK_FALSE(is_loopback_host("0.0.0.0"));
        CHECK_FALSE(is_loopback_host("::"));
        CHECK_FALSE(is_loopback_host("192.168.1.10"));
        CHECK_FALSE(is_loopback_host("example.org"));
    }
}
