// What the server bounds, in one place (docs/interface.md, "r2p-serve", lists them).
#pragma once

#include <chrono>
#include <cstddef>

namespace r2p::serve {

struct ServerLimits {
    /// Results one search may ask for (the library allows kMaxLimit, 10,000).
    std::size_t max_limit = 1000;
    /// Bytes of query text (the `q` values joined), and of sentence text (`like-text` of a
    /// search, `sentence` of a trace): longer is a 400.
    std::size_t max_query_bytes = 2048;
    /// Paragraphs before and after a passage that /api/passage may be asked for (`around`).
    std::size_t max_around = 10;
    /// Request body bytes (the API takes none): more is a 413.
    std::size_t max_body_bytes = 1024;
    /// Bytes of all request headers together: more is a 431. cpp-httplib answers a single
    /// header line or a request URI above 8 KiB itself, with 400 and 414: Debian's package
    /// compiles its server into libcpp-httplib.so, so CPPHTTPLIB_HEADER_MAX_LENGTH and
    /// CPPHTTPLIB_REQUEST_URI_MAX_LENGTH defined before the include would change nothing.
    std::size_t max_header_bytes = 16 * 1024;
    /// How long a request waits for a free searcher before a 503.
    std::chrono::milliseconds max_searcher_wait{2000};
    /// Requests waiting for a searcher at once; more are answered 503 at once.
    std::size_t max_waiting_requests = 64;
    /// Connections waiting for a connection thread once all are busy; more are answered 503.
    std::size_t max_pending_connections = 64;
    /// Reading a request and writing a response, each.
    std::chrono::seconds read_timeout{5};
    std::chrono::seconds write_timeout{5};
    /// An idle kept-alive connection is closed after this; a connection serves at most
    /// keep_alive_max_requests requests (httplib's 5, or 100, make busy clients reconnect
    /// often, and a reconnect waits for a free connection thread).
    std::chrono::seconds keep_alive_timeout{5};
    std::size_t keep_alive_max_requests = 10000;
    /// After a database failed to open, no new attempt before this.
    std::chrono::milliseconds reopen_interval{500};
};

}  // namespace r2p::serve
