// The listening socket's backlog, which cpp-httplib 0.11 fixes at 5 connections.
#pragma once

namespace r2p::serve {

/// Connections the kernel may hold for the server before it accepts them. httplib's 5 makes
/// a burst of clients (64 connecting at once, or reconnecting after keep-alive ends) lose
/// SYNs, which they send again only after 1 s, then 3 s.
inline constexpr int kListenBacklog = 1024;

/// Raises the backlog of this process's listening TCP socket bound to `port` to
/// kListenBacklog (listen() again on a listening socket only changes its backlog). httplib
/// keeps the socket private, so it is found among the open descriptors. Returns false when
/// no such socket is found or listen() fails.
bool raise_listen_backlog(int port);

}  // namespace r2p::serve
