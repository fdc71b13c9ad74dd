#include "server/routes.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "r2p/databases.hpp"
#include "r2p/error.hpp"
#include "r2p/json_output.hpp"
#include "r2p/query_string.hpp"
#include "r2p/request_text.hpp"
#include "r2p/taxonomy_json.hpp"
#include "r2p/trace.hpp"
#include "server/json_response.hpp"
#include "server/page_assets.hpp"

namespace r2p::serve {

namespace {

constexpr std::string_view kPassagePrefix = "/api/passage/";
constexpr std::string_view kAroundKey = "around";

// A failure of the databases (gone, unreadable): 503 to the client, the reason to the log.
void database_failed(const Service& service, httplib::Response& response,
                     const std::string& reason) {
    if (service.log) service.log("database failed: " + reason);
    set_json_error(response, 503, "database unavailable");
}

// Runs `work` with a borrowed searcher, answering 503 when none can be lent or its databases
// fail, 400 for a UsageError (the library's message).
template <typename Work>
void with_searcher(const Service& service, httplib::Response& response, Work&& work) {
    try {
        SearcherPool::Lease lease = service.pool.borrow();
        try {
            work(lease);
        } catch (const UsageError& e) {
            set_json_error(response, 400, e.what());
        } catch (const Error& e) {
            lease.discard();
            database_failed(service, response, e.what());
        } catch (const Xapian::Error& e) {
            lease.discard();
            database_failed(service, response, e.get_description());
        }
    } catch (const Overloaded& e) {
        response.set_header("Retry-After", "1");
        set_json_error(response, 503, e.what());
    } catch (const Unavailable& e) {
        response.set_header("Retry-After", "1");
        set_json_error(response, 503, e.what());
    }
}

// Throws UsageError when the values of `key` (joined, as parse_request joins q's words) are
// longer than the server takes: a query's or a sentence's cost grows with its text.
void check_text_bytes(const std::vector<RequestField>& fields, std::string_view key,
                      std::string_view what, std::size_t max_bytes) {
    std::size_t bytes = 0;
    for (const auto& [field, value] : fields) {
        if (field == key) bytes += value.size() + 1;
    }
    if (bytes > max_bytes + 1) {
        throw UsageError(std::string(key) + ": " + std::string(what) + " is longer than " +
                         std::to_string(max_bytes) + " bytes");
    }
}

void check_limit(std::size_t limit, std::size_t max_limit) {
    if (limit > max_limit) {
        throw UsageError("limit: " + std::to_string(limit) + " is above this server's maximum of " +
                         std::to_string(max_limit));
    }
}

void search(const Service& service, const httplib::Request& request, httplib::Response& response) {
    SearchRequest search_request;
    try {
        const std::vector<RequestField> fields = parse_query_string(query_part(request.target));
        check_text_bytes(fields, kQueryKey, "query text", service.limits.max_query_bytes);
        check_text_bytes(fields, kLikeTextKey, "sentence text", service.limits.max_query_bytes);
        search_request = parse_request(fields);
        check_limit(search_request.limit, service.limits.max_limit);
    } catch (const UsageError& e) {
        set_json_error(response, 400, e.what());
        return;
    }
    with_searcher(service, response, [&](SearcherPool::Lease& lease) {
        set_json(response, search_result_json(lease.searcher().run(search_request)));
    });
}

// /api/trace: r2p-trace --json's object for the same keys (parse_trace_request's).
void trace(const Service& service, const httplib::Request& request, httplib::Response& response) {
    TraceRequest trace_request;
    try {
        const std::vector<RequestField> fields = parse_query_string(query_part(request.target));
        check_text_bytes(fields, kSentenceKey, "sentence text", service.limits.max_query_bytes);
        trace_request = parse_trace_request(fields);
        check_limit(trace_request.limit, service.limits.max_limit);
    } catch (const UsageError& e) {
        set_json_error(response, 400, e.what());
        return;
    }
    with_searcher(service, response, [&](SearcherPool::Lease& lease) {
        set_json(response,
                 trace_result_json(trace_sentence(lease.searcher(), trace_request), trace_request));
    });
}

void passage(const Service& service, const httplib::Request& request, httplib::Response& response) {
    // httplib has percent-decoded the path: "doc%2Fp7" and "doc/p7" name the same passage.
    const std::string id = request.path.substr(kPassagePrefix.size());
    std::size_t around = 2;
    try {
        for (const auto& [key, value] : parse_query_string(query_part(request.target))) {
            if (key != kAroundKey)
                throw UsageError("unknown parameter '" + key + "' (known: around)");
            around = parse_count(kAroundKey, value, service.limits.max_around);
        }
    } catch (const UsageError& e) {
        set_json_error(response, 400, e.what());
        return;
    }
    with_searcher(service, response, [&](SearcherPool::Lease& lease) {
        const std::optional<PassageContext> context = lease.searcher().passage(id, around);
        if (!context) {
            set_json_error(response, 404, "no passage '" + id + "'");
            return;
        }
        set_json(response, passage_context_json(*context));
    });
}

void taxonomy(const Service& service, httplib::Response& response) {
    std::shared_ptr<const Taxonomy> known = service.pool.taxonomy();
    if (known) {
        set_json(response, taxonomy_json(*known));
        return;
    }
    // No searcher opened yet (the database was missing): opening one reads the taxonomy.
    with_searcher(service, response, [&](SearcherPool::Lease& lease) {
        set_json(response, taxonomy_json(lease.taxonomy()));
    });
}

void health(const Service& service, httplib::Response& response) {
    try {
        // Opened afresh: says whether the databases are there now, whatever searchers hold.
        const OpenedDatabases opened = open_databases(service.databases, false);
        nlohmann::json revisions = nlohmann::json::array();
        for (const auto& shard : opened.shards) {
            try {
                revisions.push_back(shard.db.get_revision());
            } catch (const Xapian::Error&) {
                revisions.push_back(nullptr);  // a remote shard does not say
            }
        }
        set_json(response, {{"status", "ok"},
                            {"passages", opened.db.get_doccount()},
                            {"revisions", revisions},
                            {"waiting", service.pool.waiting()}});
    } catch (const Error&) {
        // A probe polls: its failures are not logged (a search's are, once per run).
        set_json_error(response, 503, "database unavailable");
    } catch (const Xapian::Error&) {
        set_json_error(response, 503, "database unavailable");
    }
}

void page(const httplib::Request& request, httplib::Response& response) {
    const PageAsset* asset = find_page_asset(request.path);
    if (!asset) {
        set_json_error(response, 404, status_message(404));
        return;
    }
    response.set_content(std::string(asset->body), std::string(asset->content_type).c_str());
    // Revalidated on every load: a rebuilt server serves its new page at once.
    response.set_header("Cache-Control", "no-cache");
}

}  // namespace

std::string_view query_part(std::string_view target) {
    const std::size_t question = target.find('?');
    return question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);
}

void install_routes(httplib::Server& server, const Service& service) {
    // Exact paths only (no pattern reaches a file): the page, then the API.
    server.Get("/", page);
    server.Get("/app.js", page);
    server.Get("/style.css", page);
    server.Get("/api/search",
               [&service](const httplib::Request& request, httplib::Response& response) {
                   search(service, request, response);
               });
    server.Get("/api/trace",
               [&service](const httplib::Request& request, httplib::Response& response) {
                   trace(service, request, response);
               });
    server.Get("/api/taxonomy", [&service](const httplib::Request&, httplib::Response& response) {
        taxonomy(service, response);
    });
    server.Get("/healthz", [&service](const httplib::Request&, httplib::Response& response) {
        health(service, response);
    });
}

bool serve_prefix_routes(const Service& service, const httplib::Request& request,
                         httplib::Response& response) {
    if (request.path.compare(0, kPassagePrefix.size(), kPassagePrefix) != 0) return false;
    passage(service, request, response);
    return true;
}

}  // namespace r2p::serve
