// r2p-serve: options -> searcher pool -> HTTP routes, until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "cli/app.hpp"
#include "r2p/error.hpp"
#include "r2p/request_text.hpp"
#include "server/connection_queue.hpp"
#include "server/http_guards.hpp"
#include "server/listen_address.hpp"
#include "server/listen_backlog.hpp"
#include "server/routes.hpp"
#include "server/searcher_opener.hpp"
#include "server/searcher_pool.hpp"
#include "server/server_limits.hpp"
#include "server/service.hpp"

namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "--db DIR... [options]\n\n"
    "Serves the search page at / and the JSON API (/api/search, /api/passage/ID,\n"
    "/api/taxonomy, /healthz) over HTTP, on loopback unless --listen names another\n"
    "address. Stops on SIGINT or SIGTERM.";

constexpr std::size_t kMaxThreads = 1024;

std::mutex log_mutex;

void log_line(const std::string& what) {
    std::lock_guard lock(log_mutex);
    std::cerr << "r2p-serve: warning: " << what << '\n';
}

std::size_t count_option(const po::variables_map& vm, const char* name, std::size_t fallback,
                         std::size_t max) {
    if (!vm.count(name)) return fallback;
    return r2p::parse_count(std::string("--") + name, vm[name].as<std::string>(), max);
}

int run(int argc, const char* const argv[]) {
    po::options_description options("Options");
    options.add_options()("db",
                          po::value<std::vector<std::string>>()->value_name("DIR")->required(),
                          "database folder, stub file or tcp://HOST:PORT (repeatable)")(
        "listen",
        po::value<std::string>()->value_name("HOST:PORT")->default_value("127.0.0.1:8080"),
        "address to listen on; port 0 picks a free one. Any address but loopback lets "
        "others search the databases")(
        "threads", po::value<std::string>()->value_name("N"),
        "searchers kept open, one query each at a time (default: one per core)")(
        "connections", po::value<std::string>()->value_name("N"),
        "connection threads: kept-alive connections served at once (default 64)")(
        "max-pending", po::value<std::string>()->value_name("N"),
        "connections that wait for a thread once all are busy; more are answered 503 "
        "(default 64)")("tables",
                        po::value<std::string>()->value_name("WHEN")->default_value("auto"),
                        "keep per-passage tables in memory: auto, always, never (as r2p-search)");
    options.add(r2p::cli::taxonomy_options(r2p::cli::TaxonomyDefault::Database));
    po::variables_map vm;
    if (!r2p::cli::parse_command_line(argc, argv, "serve", kUsage, options, {}, vm)) {
        return r2p::cli::kOk;
    }

    r2p::cli::NamedTaxonomyFiles named = r2p::cli::read_named_taxonomy_files(vm);
    const r2p::serve::ListenAddress address =
        r2p::serve::parse_listen_address("--listen", vm["listen"].as<std::string>());
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads =
        std::max<std::size_t>(count_option(vm, "threads", cores, kMaxThreads), 1);
    const std::size_t connections =
        std::max<std::size_t>(count_option(vm, "connections", 64, kMaxThreads), 1);
    r2p::serve::ServerLimits limits;
    limits.max_pending_connections =
        count_option(vm, "max-pending", limits.max_pending_connections, 100'000);
    const r2p::TablePolicy tables =
        r2p::parse_table_policy("--tables", vm["tables"].as<std::string>());
    const auto databases = vm["db"].as<std::vector<std::string>>();

    r2p::serve::SearcherPool pool(
        r2p::serve::make_searcher_opener(databases, std::move(named), tables),
        {threads, limits.max_waiting_requests, limits.max_searcher_wait, limits.reopen_interval});
    pool.set_log(log_line);
    // A database missing now is not fatal: searches answer 503 until it appears.
    if (!pool.open_all())
        log_line("the databases cannot be opened yet: answering 503 until they can");

    const r2p::serve::Service service{pool, databases, limits, log_line};
    httplib::Server server;
    server.new_task_queue = [&] {
        return new r2p::serve::ConnectionQueue(connections, limits.max_pending_connections);
    };
    server.set_read_timeout(limits.read_timeout);
    server.set_write_timeout(limits.write_timeout);
    server.set_keep_alive_timeout(limits.keep_alive_timeout.count());
    server.set_keep_alive_max_count(limits.keep_alive_max_requests);
    server.set_payload_max_length(limits.max_body_bytes);
    // A reply goes out in several writes (headers, then body): without TCP_NODELAY, Nagle's
    // algorithm holds the body until the client's delayed ACK, 40 ms on Linux, per request
    // on a kept-alive connection (r2p-bench serve: p50 48 ms against the library's 0.2 ms).
    server.set_tcp_nodelay(true);
    // httplib's default also sets SO_REUSEPORT, with which a second r2p-serve on the same port
    // binds without an error and the kernel shares the connections between the two servers
    // (two databases answering at random). SO_REUSEADDR alone still allows a restart while
    // the old connections are in TIME_WAIT.
    server.set_socket_options([](socket_t socket) {
        int yes = 1;
        ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    r2p::serve::install_guards(server, service, [&service](const auto& request, auto& response) {
        return r2p::serve::serve_prefix_routes(service, request, response);
    });
    r2p::serve::install_routes(server, service);

    // SIGINT and SIGTERM go to one thread that stops the server; every thread started from
    // here on inherits the blocked mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    int port = address.port;
    if (port == 0) {
        port = server.bind_to_any_port(address.host);
    } else if (!server.bind_to_port(address.host, port)) {
        port = -1;
    }
    if (port < 0) {
        throw r2p::Error("cannot listen on " + address.to_string() +
                         " (address in use, or not this machine's?)");
    }
    if (!r2p::serve::raise_listen_backlog(port)) {
        log_line("could not raise the listen backlog: bursts of connections may wait 1 s");
    }
    const r2p::serve::ListenAddress bound{address.host, port};
    {
        std::lock_guard lock(log_mutex);
        std::cerr << "r2p-serve: listening on http://" << bound.to_string() << '\n';
    }
    if (!r2p::serve::is_loopback_host(address.host)) {
        log_line("listening on " + address.host +
                 ", not loopback: anyone who can reach it can search the databases and read "
                 "their passages (no authentication, no TLS)");
    }

    // stop() does nothing before listen_after_bind has started: a signal that comes that
    // early is acted on by stopping again until listening has ended.
    std::atomic<bool> stopping = false;
    std::atomic<bool> listen_done = false;
    std::thread signal_thread([&] {
        int signal_number = 0;
        sigwait(&stop_signals, &signal_number);
        stopping = true;
        while (!listen_done) {
            server.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });
    const bool listened = server.listen_after_bind();
    listen_done = true;
    const bool stopped_by_signal = stopping;
    if (!stopped_by_signal) pthread_kill(signal_thread.native_handle(), SIGTERM);
    signal_thread.join();
    if (!listened && !stopped_by_signal) {
        throw r2p::Error("the server stopped listening unexpectedly");
    }
    return r2p::cli::kOk;
}

}  // namespace

int main(int argc, char* argv[]) {
    return r2p::cli::run_tool("serve", [&] { return run(argc, argv); });
}
