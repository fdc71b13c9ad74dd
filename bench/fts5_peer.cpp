// The SQLite FTS5 peer: indexing and queries as its users would write them.
#include <map>

#include <sqlite3.h>

#include "bench/engines.hpp"
#include "bench/stopwatch.hpp"
#include "r2p/error.hpp"

namespace r2p::bench {

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

std::unique_ptr<Engine> open_fts5_peer(const std::filesystem::path& file) {
    return std::make_unique<Fts5Peer>(file);
}

}  // namespace r2p::bench
