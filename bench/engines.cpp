#include "bench/engines.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <map>

#include <sqlite3.h>
#include <xapian.h>

#include "index/corpus_files.hpp"
#include "index/index_writer.hpp"
#include "index/statement_loader.hpp"
#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "r2p/search.hpp"
#include "tag/tagger.hpp"
#include "util/worker_pool.hpp"

namespace r2p::bench {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

// ------------------------------------------------------------------------------------------
// Loading

std::vector<PeerPassage> load_peer_passages(const std::vector<std::string>& paths,
                                            const Taxonomy& taxonomy, unsigned threads) {
    const CorpusListing listing = list_corpus_files(paths);
    const Tagger tagger(taxonomy);
    std::vector<std::vector<PeerPassage>> per_file(listing.files.size());
    WorkerPool pool(std::max(1U, threads));
    pool.run_all(listing.files.size(), [&](std::size_t i) {
        const CorpusFile& file = listing.files[i];
        try {
            const LoadedStatement loaded = load_statement(file, read_file_bytes(file.path),
                                                          read_sidecar_bytes(file.path), tagger);
            const std::string date = date_sort_value(loaded.doc.meta.date);
            for (const Passage& p : loaded.passages) {
                per_file[i].push_back({p.id, std::string(kind_name(p.kind)), p.text, date,
                                       loaded.doc.meta.id, p.themes, p.roles});
            }
        } catch (const Error&) {
            // Left out of the peers as r2p-index leaves it out of ours.
        }
    });
    std::vector<PeerPassage> passages;
    for (auto& file : per_file) {
        for (auto& p : file) passages.push_back(std::move(p));
    }
    return passages;
}

// ------------------------------------------------------------------------------------------
// Plain Xapian

PeerIndexFigures index_xapian_peer(const std::vector<PeerPassage>& passages,
                                   const std::filesystem::path& dir) {
    PeerIndexFigures figures;
    const auto start = Clock::now();
    try {
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator indexer;
        indexer.set_stemmer(Xapian::Stem("en"));
        for (const PeerPassage& p : passages) {
            Xapian::Document doc;
            indexer.set_document(doc);
            indexer.index_text(p.text);
            for (const auto& theme : p.themes)
                doc.add_boolean_term(std::string(schema::kThemePrefix) + theme);
            for (const auto& role : p.roles)
                doc.add_boolean_term(std::string(schema::kRolePrefix) + role);
            doc.add_value(schema::slot(schema::Slot::Date), p.date);
            doc.add_value(schema::slot(schema::Slot::Themes), schema::join_ids(p.themes));
            doc.add_value(schema::slot(schema::Slot::Roles), schema::join_ids(p.roles));
            doc.set_data(p.text);
            const std::string id_term = std::string(schema::kIdPrefix) + p.id;
            doc.add_boolean_term(id_term);
            db.replace_document(id_term, doc);
            figures.text_bytes += p.text.size();
        }
        db.commit();
    } catch (const Xapian::Error& e) {
        throw IndexError("plain Xapian peer: " + e.get_description());
    }
    figures.passages = passages.size();
    figures.seconds = seconds_since(start);
    return figures;
}

namespace {

/// Splits counts of joined id sets into per-id counts, as a user of ValueCountMatchSpy
/// storing a multi-valued field in one slot must.
std::size_t split_counts(const Xapian::ValueCountMatchSpy& spy) {
    std::map<std::string, Xapian::doccount> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string combined = *it;
        std::size_t start = 0;
        while (start <= combined.size()) {
            std::size_t end = combined.find(schema::kListSeparator, start);
            if (end == std::string::npos) end = combined.size();
            if (end > start) counts[combined.substr(start, end - start)] += it.get_termfreq();
            start = end + 1;
        }
    }
    return counts.size();
}

class XapianPeer final : public Engine {
  public:
    explicit XapianPeer(const std::filesystem::path& dir) : db_(dir.string()) {
        parser_.set_stemmer(Xapian::Stem("en"));
        parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser_.set_database(db_);
    }

    QueryOutcome run(const BenchQuery& query, bool facets) override {
        facets = facets || query.facets;
        // The documented default operator is OR: an AND query says so.
        std::string text = query.text();
        if (query.shape == QueryShape::And) text = query.words[0] + " AND " + query.words[1];
        Xapian::Query q = parser_.parse_query(
            text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD);
        if (!query.theme.empty()) {
            q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                              Xapian::Query(std::string(schema::kThemePrefix) + query.theme));
        }
        Xapian::Enquire enquire(db_);
        enquire.set_query(q);
        if (query.sort_date) {
            enquire.set_sort_by_value_then_relevance(schema::slot(schema::Slot::Date), true);
        }
        Xapian::ValueCountMatchSpy themes(schema::slot(schema::Slot::Themes));
        Xapian::ValueCountMatchSpy roles(schema::slot(schema::Slot::Roles));
        if (facets) {
            enquire.add_matchspy(&themes);
            enquire.add_matchspy(&roles);
        }
        const Xapian::MSet mset = enquire.get_mset(0, 10, facets ? db_.get_doccount() : 0);
        QueryOutcome outcome;
        outcome.matches = mset.get_matches_estimated();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            outcome.hits += it.get_document().get_data().empty() ? 0 : 1;
        }
        if (facets) outcome.facet_values = split_counts(themes) + split_counts(roles);
        return outcome;
    }

  private:
    Xapian::Database db_;
    Xapian::QueryParser parser_;
};

}  // namespace

// ------------------------------------------------------------------------------------------
// SQLite FTS5

namespace {

class Sqlite {
  public:
    Sqlite(const std::filesystem::path& file, int flags) {
        if (sqlite3_open_v2(file.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
            const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw IndexError("SQLite " + file.string() + ": " + why);
        }
    }
    ~Sqlite() {
        for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
        sqlite3_close(db_);
    }
    Sqlite(const Sqlite&) = delete;
    Sqlite& operator=(const Sqlite&) = delete;

    void exec(const std::string& sql) {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string why = error ? error : "unknown error";
            sqlite3_free(error);
            throw IndexError("SQLite: " + why + " in: " + sql);
        }
    }
    /// A prepared statement, reset and unbound, owned by this connection.
    sqlite3_stmt* statement(const std::string& sql) {
        auto it = cache_.find(sql);
        if (it == cache_.end()) {
            sqlite3_stmt* stmt = nullptr;
            if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
                throw IndexError(std::string("SQLite: ") + sqlite3_errmsg(db_) + " in: " + sql);
            }
            it = cache_.emplace(sql, stmt).first;
        }
        sqlite3_reset(it->second);
        sqlite3_clear_bindings(it->second);
        return it->second;
    }
    void check_done(int rc) {
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            throw IndexError(std::string("SQLite: ") + sqlite3_errmsg(db_));
    }

  private:
    sqlite3* db_ = nullptr;
    std::map<std::string, sqlite3_stmt*> cache_;
};

void bind_text(sqlite3_stmt* stmt, int index, const std::string& text) {
    sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

std::string fts5_match(const BenchQuery& query) {
    std::string out;
    auto quoted = [](const std::string& w) { return "\"" + w + "\""; };
    switch (query.shape) {
        case QueryShape::Term:
            out = quoted(query.words[0]);
            break;
        case QueryShape::And:
            out = quoted(query.words[0]) + " " + quoted(query.words[1]);
            break;
        case QueryShape::Or:
            out = quoted(query.words[0]) + " OR " + quoted(query.words[1]);
            break;
        case QueryShape::Phrase: {
            std::string phrase;
            for (const auto& w : query.words) phrase += (phrase.empty() ? "" : " ") + w;
            out = quoted(phrase);
            break;
        }
        case QueryShape::Prefix:
            out = query.words[0] + "*";
            break;
    }
    return out;
}

class Fts5Peer final : public Engine {
  public:
    explicit Fts5Peer(const std::filesystem::path& file)
        : db_(file, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX) {}

    QueryOutcome run(const BenchQuery& query, bool facets) override {
        facets = facets || query.facets;
        const std::string match = fts5_match(query);
        const std::string theme_filter =
            query.theme.empty() ? ""
                                : " AND passages_fts.rowid IN (SELECT passage FROM passage_themes "
                                  "WHERE theme = ?2)";
        std::string top;
        if (query.sort_date) {
            top =
                "SELECT passages.pid, passages_fts.text FROM passages_fts JOIN passages ON "
                "passages.id = passages_fts.rowid WHERE passages_fts MATCH ?1" +
                theme_filter + " ORDER BY passages.date DESC, bm25(passages_fts) LIMIT 10";
        } else {
            top =
                "SELECT passages_fts.rowid, passages_fts.text, bm25(passages_fts) AS score FROM "
                "passages_fts WHERE passages_fts MATCH ?1" +
                theme_filter + " ORDER BY score LIMIT 10";
        }
        QueryOutcome outcome;
        outcome.hits = rows(top, match, query.theme, nullptr);
        if (facets) {
            std::size_t count = 0;
            rows("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?1" + theme_filter,
                 match, query.theme, &count);
            outcome.matches = count;
            for (const char* field : {"theme", "role"}) {
                const std::string table = std::string("passage_") + field + "s";
                outcome.facet_values += rows(
                    std::string("SELECT f.") + field + ", count(*) AS n FROM passages_fts JOIN " +
                        table + " f ON f.passage = passages_fts.rowid WHERE passages_fts MATCH ?1" +
                        theme_filter + " GROUP BY f." + field + " ORDER BY n DESC",
                    match, query.theme, nullptr);
            }
        }
        return outcome;
    }

  private:
    /// Steps a query to its end; returns its rows; `first` gets the first column of the first
    /// row as a number.
    std::size_t rows(const std::string& sql, const std::string& match, const std::string& theme,
                     std::size_t* first) {
        sqlite3_stmt* stmt = db_.statement(sql);
        bind_text(stmt, 1, match);
        if (!theme.empty()) bind_text(stmt, 2, theme);
        std::size_t n = 0;
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            if (n == 0 && first) *first = static_cast<std::size_t>(sqlite3_column_int64(stmt, 0));
            // Read the text as a user would display it.
            if (sqlite3_column_count(stmt) > 1) (void)sqlite3_column_text(stmt, 1);
            ++n;
        }
        db_.check_done(rc);
        return n;
    }

    Sqlite db_;
};

}  // namespace

PeerIndexFigures index_fts5_peer(const std::vector<PeerPassage>& passages,
                                 const std::filesystem::path& file) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
    PeerIndexFigures figures;
    const auto start = Clock::now();
    {
        Sqlite db(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        db.exec(
            "CREATE VIRTUAL TABLE passages_fts USING fts5(text, tokenize = 'porter unicode61 "
            "remove_diacritics 2');"
            "CREATE TABLE passages(id INTEGER PRIMARY KEY, pid TEXT UNIQUE, kind TEXT, date TEXT,"
            " doc TEXT);"
            "CREATE TABLE passage_themes(passage INTEGER, theme TEXT);"
            "CREATE TABLE passage_roles(passage INTEGER, role TEXT);"
            "CREATE INDEX passage_themes_theme ON passage_themes(theme, passage);"
            "CREATE INDEX passage_themes_passage ON passage_themes(passage);"
            "CREATE INDEX passage_roles_role ON passage_roles(role, passage);"
            "CREATE INDEX passage_roles_passage ON passage_roles(passage);"
            "BEGIN;");
        sqlite3_stmt* fts = db.statement("INSERT INTO passages_fts(rowid, text) VALUES(?1, ?2)");
        sqlite3_stmt* row = db.statement(
            "INSERT INTO passages(id, pid, kind, date, doc) VALUES(?1, ?2, ?3, ?4, ?5)");
        sqlite3_stmt* theme =
            db.statement("INSERT INTO passage_themes(passage, theme) VALUES(?1, ?2)");
        sqlite3_stmt* role =
            db.statement("INSERT INTO passage_roles(passage, role) VALUES(?1, ?2)");
        sqlite3_int64 rowid = 0;
        for (const PeerPassage& p : passages) {
            ++rowid;
            sqlite3_reset(fts);
            sqlite3_bind_int64(fts, 1, rowid);
            bind_text(fts, 2, p.text);
            db.check_done(sqlite3_step(fts));
            sqlite3_reset(row);
            sqlite3_bind_int64(row, 1, rowid);
            bind_text(row, 2, p.id);
            bind_text(row, 3, p.kind);
            bind_text(row, 4, p.date);
            bind_text(row, 5, p.doc);
            db.check_done(sqlite3_step(row));
            for (const auto& t : p.themes) {
                sqlite3_reset(theme);
                sqlite3_bind_int64(theme, 1, rowid);
                bind_text(theme, 2, t);
                db.check_done(sqlite3_step(theme));
            }
            for (const auto& r : p.roles) {
                sqlite3_reset(role);
                sqlite3_bind_int64(role, 1, rowid);
                bind_text(role, 2, r);
                db.check_done(sqlite3_step(role));
            }
            figures.text_bytes += p.text.size();
        }
        db.exec("COMMIT;");
    }
    figures.passages = passages.size();
    figures.seconds = seconds_since(start);
    return figures;
}

void optimize_fts5(const std::filesystem::path& file) {
    Sqlite db(file, SQLITE_OPEN_READWRITE);
    db.exec("INSERT INTO passages_fts(passages_fts) VALUES('optimize'); VACUUM;");
}

// ------------------------------------------------------------------------------------------
// Ours: the library's search path, as r2p-search runs it

namespace {

class Ours final : public Engine {
  public:
    Ours(const std::vector<std::string>& specs, const Taxonomy& taxonomy)
        : searcher_(specs, taxonomy) {}

    QueryOutcome run(const BenchQuery& query, bool facets) override {
        SearchRequest request;
        request.query = query.text();
        request.limit = 10;
        if (!query.theme.empty()) request.filters.themes = {query.theme};
        if (facets || query.facets) request.facets = {FacetField::Theme, FacetField::Role};
        request.sort = query.sort_date ? SortOrder::Date : SortOrder::Relevance;
        const SearchResult result = searcher_.run(request);
        QueryOutcome outcome;
        outcome.matches = result.matches.estimated;
        outcome.hits = result.hits.size();
        for (const Facet& facet : result.facets) outcome.facet_values += facet.entries.size();
        return outcome;
    }

  private:
    Searcher searcher_;
};

}  // namespace

std::unique_ptr<Engine> open_ours(const std::filesystem::path& db, const Taxonomy& taxonomy) {
    return std::make_unique<Ours>(std::vector<std::string>{db.string()}, taxonomy);
}

std::unique_ptr<Engine> open_ours(const std::vector<std::string>& specs, const Taxonomy& taxonomy) {
    return std::make_unique<Ours>(specs, taxonomy);
}

std::unique_ptr<Engine> open_xapian_peer(const std::filesystem::path& db) {
    try {
        return std::make_unique<XapianPeer>(db);
    } catch (const Xapian::Error& e) {
        throw IndexError("plain Xapian peer " + db.string() + ": " + e.get_description());
    }
}

std::unique_ptr<Engine> open_fts5_peer(const std::filesystem::path& file) {
    return std::make_unique<Fts5Peer>(file);
}

// ------------------------------------------------------------------------------------------
// Files

namespace {

template <typename F>
void for_each_file(const std::filesystem::path& path, F f) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
        f(path);
        return;
    }
    for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) f(it->path());
    }
}

}  // namespace

void evict_from_page_cache(const std::filesystem::path& path) {
    for_each_file(path, [](const std::filesystem::path& file) {
        const int fd = ::open(file.c_str(), O_RDONLY);
        if (fd < 0) return;
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    });
}

std::size_t disk_bytes(const std::filesystem::path& path) {
    std::size_t total = 0;
    for_each_file(path, [&](const std::filesystem::path& file) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(file, ec);
        if (!ec) total += static_cast<std::size_t>(size);
    });
    return total;
}

}  // namespace r2p::bench
