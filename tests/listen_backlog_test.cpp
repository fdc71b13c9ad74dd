#include "server/listen_backlog.hpp"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

TEST_SUITE("listen_backlog") {
    TEST_CASE("the listening socket on a port is found and raised, another port is not") {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        socklen_t length = sizeof address;
        REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        const int port = ntohs(address.sin_port);
        // Bound but not listening: not the server's socket yet.
        CHECK_FALSE(r2p::serve::raise_listen_backlog(port));
        REQUIRE(::listen(fd, 5) == 0);
        CHECK(r2p::serve::raise_listen_backlog(port));
        ::close(fd);
        CHECK_FALSE(r2p::serve::raise_listen_backlog(port));
    }
}
