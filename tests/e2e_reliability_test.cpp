// End-to-end reliability, input side: malformed statement files, odd folders, broken
// taxonomies and hostile queries against the real binaries. Every input is generated here.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "index/stored_passage.hpp"
#include "r2p/schema.hpp"
#include "reliability_support.hpp"
#include "skip.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using r2p::test::CommandResult;
using r2p::test::run_command;
using r2p::test::shell_quote;
using r2p::test::TempDir;
using r2p::test::write_file;

// What must become of one generated file.
enum class Outcome {
    Indexed,    // UTF-8 as it is; `passages` passages
    Converted,  // re-encoded to UTF-8 from `detail` (the encoding); `passages` passages
    Skipped,    // one warning line holding `detail` (line and byte offset)
    Repaired,   // UTF-8 with a stray byte read as Windows-1252: indexed, one warning `detail`
};

struct InputCase {
    const char* name;
    std::string bytes;
    Outcome outcome;
    std::string detail;
    std::size_t passages = 0;
    std::string expect_text;  // a piece of some stored passage's text (Indexed/Converted)
};

std::string utf16(const std::u16string& text, bool big_endian) {
    std::string out;
    for (const char16_t unit : u"\uFEFF" + text) {
        const char hi = static_cast<char>(unit >> 8);
        const char lo = static_cast<char>(unit & 0xFF);
        out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
    }
    return out;
}

std::vector<InputCase> input_cases() {
    const std::string para = "The Minister said that prevention saves lives.\n";
    std::string nul_word = "A word of NULs: ";
    for (int i = 0; i < 40; ++i) nul_word += std::string(1, '\0') + "n";
    return {
        {"good.txt", "Title line\n\nA good statement about prevention.\n\nAnd a second one.\n",
         Outcome::Indexed, "", 2, "second one"},
        // "caf\xc3\xa9 first line\n" is 17 bytes: the stray byte is at 17 + 7.
        // Regression: the stray byte made the whole file (every passage) skipped.
        {"stray-byte.txt", "caf\xc3\xa9 first line\n\nsecond \xff line\n", Outcome::Repaired,
         "stray-byte.txt:3: byte 25 (0xFF) is not UTF-8, read as Windows-1252", 1,
         "second \xc3\xbf line"},
        {"truncated.txt", "Valid \xc3\xa9 text\nends in \xe2\x82", Outcome::Skipped,
         "truncated.txt:2: invalid UTF-8 at byte 22", 0, ""},
        {"overlong-2.txt", "ok\n\xc0\xaf overlong slash\n", Outcome::Skipped,
         "overlong-2.txt:2: invalid UTF-8 at byte 3", 0, ""},
        {"overlong-3.txt", "caf\xc3\xa9\n\xe0\x80\xaf overlong slash\n", Outcome::Skipped,
         "overlong-3.txt:2: invalid UTF-8 at byte 6", 0, ""},
        {"surrogate.txt", "caf\xc3\xa9 \xed\xa0\x80 half a pair\n", Outcome::Skipped,
         "surrogate.txt:1: invalid UTF-8 at byte 6", 0, ""},
        {"nul.txt", std::string("abc\0def\n", 8), Outcome::Skipped,
         "nul.txt:1: binary file: NUL byte at byte 3", 0, ""},
        {"nul-word.txt", nul_word + "\n", Outcome::Skipped,
         "nul-word.txt:1: binary file: NUL byte at byte 16", 0, ""},
        {"latin1.txt", "The Minister said caf\xe9 na\xefve words.\n", Outcome::Converted,
         "windows-1252", 1, "caf\xc3\xa9 na\xc3\xafve"},
        {"cp1252.txt", "The Minister said \x93no country is immune\x94 \x96 today.\r\n",
         Outcome::Converted, "windows-1252", 2, "\xe2\x80\x9cno country is immune\xe2\x80\x9d"},
        {"stray-in-ascii.txt", "All ASCII but one \xff byte.\n", Outcome::Converted, "windows-1252",
         1, "one \xc3\xbf byte"},
        {"utf16le.txt", utf16(u"The Minister said \u201Cno country is immune\u201D.\r\n", false),
         Outcome::Converted, "UTF-16LE", 2, "\xe2\x80\x9cno country is immune\xe2\x80\x9d"},
        {"utf16be.txt", utf16(u"The Minister said \u201Cwe must act now\u201D.\n", true),
         Outcome::Converted, "UTF-16BE", 2, "\xe2\x80\x9cwe must act now\xe2\x80\x9d"},
        {"bom-crlf.txt", "\xef\xbb\xbfTitle line\r\n\r\nA paragraph\r\nwrapped with CRLF.\r\n",
         Outcome::Indexed, "", 1, "A paragraph wrapped with CRLF."},
        {"cr-only.txt", "Title line\r\rOld Mac line\rendings here.\r", Outcome::Indexed, "", 1,
         "Old Mac line endings here."},
        {"empty.txt", "", Outcome::Indexed, "", 0, ""},
        {"whitespace.txt", " \t \n\n\t\n   \n", Outcome::Indexed, "", 0, ""},
        {"long-word.txt", "Before " + std::string(300, 'x') + " after the long word.\n",
         Outcome::Indexed, "", 1, "after the long word"},
        {"long-line.txt",
         [&] {
             std::string line;
             while (line.size() < (1u << 20)) line += "prevention matters ";
             return "Title\n\n" + line + "\n\n" + para;
         }(),
         Outcome::Indexed, "", 2, "prevention saves lives"},
    };
}

// The stored data of every passage of `doc_id`, concatenated.
std::string stored_texts(const fs::path& db, const std::string& doc_id) {
    const Xapian::Database database(db.string());
    std::string all;
    const std::string term = std::string(r2p::schema::kDocPrefix) + doc_id;
    for (auto it = database.postlist_begin(term); it != database.postlist_end(term); ++it) {
        all += r2p::decode_stored_passage(database.get_document(*it).get_data()).text + "\n";
    }
    return all;
}

std::string stem(const char* name) { return fs::path(name).stem().string(); }

bool has(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// The input table written to one folder and indexed once (SUBCASEs re-enter the test case).
struct InputRun {
    TempDir dir;
    std::vector<InputCase> cases = input_cases();
    CommandResult result;

    InputRun() {
        for (const auto& c : cases) write_file(dir / "c" / c.name, c.bytes);
        result = r2p::test::run_index(dir / "db", shell_quote((dir / "c").string()));
    }
};

const InputRun& input_run() {
    static const InputRun run;
    return run;
}

// corpus/ indexed once for the query cases.
struct CorpusIndex {
    TempDir dir;
    int exit_code = r2p::test::run_index(dir / "db", shell_quote(r2p::test::kCorpusDir)).exit_code;
};

const CorpusIndex& corpus_index() {
    static const CorpusIndex index;
    return index;
}

// Many distinct words starting with 'a', far above the wildcard expansion cap, indexed once.
struct WildcardIndex {
    static constexpr std::size_t kFiles = r2p::test::kSanitized ? 50 : 200;
    static constexpr std::size_t kWordsPerFile = 20;
    TempDir dir;
    int exit_code = [this] {
        for (std::size_t f = 0; f < kFiles; ++f) {
            std::string text = "Words\n\n";
            for (std::size_t w = 0; w < kWordsPerFile; ++w) {
                text += "a" + std::to_string(f) + "x" + std::to_string(w) + "b ";
            }
            write_file(dir / "c" / ("w" + std::to_string(f) + ".txt"), text + "end.\n");
        }
        return r2p::test::run_index(dir / "db", shell_quote((dir / "c").string())).exit_code;
    }();
};

const WildcardIndex& wildcard_index() {
    static const WildcardIndex index;
    return index;
}

}  // namespace

TEST_SUITE("e2e_reliability") {
    TEST_CASE(
        "each malformed file gets one warning line with line and byte, every good one is indexed") {
        const InputRun& run = input_run();
        const auto& cases = run.cases;
        const fs::path db = run.dir / "db";
        const fs::path folder = run.dir / "c";
        const CommandResult& result = run.result;
        std::size_t skipped = 0;
        std::size_t repaired = 0;
        for (const auto& c : cases) {
            skipped += c.outcome == Outcome::Skipped;
            repaired += c.outcome == Outcome::Repaired;
        }
        INFO(result.err);
        CHECK(result.exit_code == 1);
        CHECK(r2p::test::line_count(result.err) == skipped + repaired);
        const json report = json::parse(result.out);
        CHECK(report["files"]["skipped"].size() == skipped);
        CHECK(report["files"]["indexed"].get<std::size_t>() == cases.size() - skipped);

        for (const auto& c : cases) {
            SUBCASE(c.name) {
                const std::string doc_id = stem(c.name);
                if (c.outcome == Outcome::Skipped || c.outcome == Outcome::Repaired) {
                    // One line: the tool's prefix, the path, line, byte, what happens.
                    const std::size_t at = result.err.find(c.detail);
                    REQUIRE(at != std::string::npos);
                    const std::size_t begin = result.err.rfind('\n', at) + 1;
                    const std::string line =
                        result.err.substr(begin, result.err.find('\n', at) - begin);
                    CHECK(line.rfind("r2p-index: warning: ", 0) == 0);
                    CHECK(has(line, (folder / c.name).string() + ":"));
                    if (c.outcome == Outcome::Skipped) {
                        CHECK(has(line, "(file skipped)"));
                        CHECK(r2p::test::passages_of(db, doc_id) == 0);
                        continue;
                    }
                } else {
                    CHECK_FALSE(has(result.err, c.name));
                }
                CHECK(r2p::test::passages_of(db, doc_id) == c.passages);
                bool converted = false;
                for (const auto& entry : report["files"]["converted"]) {
                    if (has(entry["path"].get<std::string>(), c.name)) {
                        converted = true;
                        CHECK(entry["encoding"] == (c.outcome == Outcome::Repaired
                                                        ? std::string("UTF-8+windows-1252")
                                                        : c.detail));
                    }
                }
                CHECK(converted == (c.outcome != Outcome::Indexed));
                if (!c.expect_text.empty()) {
                    const std::string texts = stored_texts(db, doc_id);
                    CHECK(has(texts, c.expect_text));
                    CHECK_FALSE(has(texts, "\r"));
                    CHECK_FALSE(has(texts, "\xef\xbb\xbf"));
                }
            }
        }
    }

    TEST_CASE("a 20 MB statement is indexed whole, in bounded time") {
        TempDir dir;
        const std::size_t paragraphs = r2p::test::kSanitized ? 2000 : 20000;
        std::string text = "A very long statement\n\n";
        text.reserve(paragraphs * 1100);
        for (std::size_t i = 1; i <= paragraphs; ++i) {
            text += "Paragraph " + std::to_string(i) + " marker" + std::to_string(i) + ".";
            while (text.size() < i * 1050) text += " The Council discussed prevention again.";
            text += "\n\n";
        }
        if (!r2p::test::kSanitized) REQUIRE(text.size() >= 20'000'000);
        write_file(dir / "c/huge.txt", text);
        const auto start = std::chrono::steady_clock::now();
        const auto result =
            r2p::test::run_index(dir / "db", shell_quote((dir / "c").string()), "", 300);
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        CHECK(r2p::test::seconds_since(start) < 300);
        CHECK(r2p::test::passages_of(dir / "db", "huge") == paragraphs);
        const auto ids = r2p::test::passage_ids(dir / "db");
        CHECK(ids.count("huge/p1") == 1);
        CHECK(ids.count("huge/p" + std::to_string(paragraphs)) == 1);
        // The last paragraph is searchable, not only stored.
        const auto found =
            r2p::test::run_search(dir / "db", "--json marker" + std::to_string(paragraphs));
        REQUIRE(found.exit_code == 0);
        CHECK(json::parse(found.out)["matches"]["lower"] == 1);
    }

    TEST_CASE("unbalanced, nested and ten thousand quotes stay inside their paragraph") {
        TempDir dir;
        // Every kind of opening mark left open, each in its own paragraph, then a closed one.
        const char* const opens[] = {
            "\"",          "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99",
            "\xc2\xab",    "\xc2\xbb",     "\xe2\x80\xb9", "\xe2\x80\x9e", "'",
            "\xe3\x80\x8c"};
        std::string text = "Quotes\n\n";
        std::size_t paragraphs = 0;
        for (const char* open : opens) {
            text += "The Minister said " + std::string(open) + "never closed at all.\n\n";
            ++paragraphs;
        }
        text +=
            "The Adviser said \"states must \xe2\x80\x9cprevent\xe2\x80\x9d and 'protect' "
            "\xc2\xab now \xc2\xbb\" today.\n\n";
        ++paragraphs;
        std::string many = "The Council heard";
        for (int i = 0; i < 10000; ++i) many += (i % 2 ? " \xe2\x80\x9cq\xe2\x80\x9d" : " \"w\"");
        text += many + " \"and one left open.\n\n";
        ++paragraphs;
        text += "The Secretary-General said \"this closed quote is found\" at the end.\n";
        ++paragraphs;
        write_file(dir / "c/quotes.txt", text);
        const auto start = std::chrono::steady_clock::now();
        const auto result =
            r2p::test::run_index(dir / "db", shell_quote((dir / "c").string()), "", 120);
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        CHECK(r2p::test::seconds_since(start) < 60);
        const json report = json::parse(result.out);
        CHECK(report["passages"]["paragraphs"] == paragraphs);
        // No quote swallowed the next paragraph: the last paragraph's quote is its own.
        const auto ids = r2p::test::passage_ids(dir / "db");
        CHECK(ids.count("quotes/p" + std::to_string(paragraphs)) == 1);
        CHECK(ids.count("quotes/p" + std::to_string(paragraphs) + "/q1") == 1);
        const auto found =
            r2p::test::run_search(dir / "db", "--json --kind quote '\"closed quote is found\"'");
        REQUIRE(found.exit_code == 0);
        CHECK(json::parse(found.out)["matches"]["lower"] == 1);
        for (const auto& id : ids) CHECK(id.rfind("quotes/p", 0) == 0);
    }

    TEST_CASE(
        "a FIFO, a dangling symlink and a symlink loop: named or followed once, never a hang") {
        TempDir dir;
        write_file(dir / "c/a.txt", "First statement about prevention.\n");
        write_file(dir / "c/sub/b.txt", "Second statement about impunity.\n");
        REQUIRE(::mkfifo((dir / "c/pipe.txt").c_str(), 0644) == 0);
        fs::create_directory_symlink("..", dir / "c/sub/up");          // loop to c/
        fs::create_directory_symlink(dir / "c", dir / "c/sub/again");  // loop by absolute path
        fs::create_symlink(dir / "c/a.txt", dir / "c/alias-of-a.md");  // a second name
        fs::create_symlink(dir / "nowhere.txt", dir / "c/dangling.txt");
        const auto start = std::chrono::steady_clock::now();
        // Given twice, and once by file, to also take the same file by another way.
        const auto result = r2p::test::run_index(dir / "db",
                                                 shell_quote((dir / "c").string()) + " " +
                                                     shell_quote((dir / "c/sub/up").string()) +
                                                     " " + shell_quote((dir / "c/a.txt").string()),
                                                 "", 30);
        INFO(result.err);
        CHECK(r2p::test::seconds_since(start) < 30);
        CHECK(result.exit_code == 1);
        CHECK(has(result.err, "pipe.txt: not a regular file (FIFO)"));
        CHECK(has(result.err, "dangling.txt: dangling symbolic link"));
        CHECK(r2p::test::line_count(result.err) == 2);
        const auto ids = r2p::test::passage_ids(dir / "db");
        CHECK(ids == std::multiset<std::string>{"a/p1", "b/p1"});
        // The FIFO given by name is refused too, still without blocking.
        const auto direct =
            r2p::test::run_index(dir / "db2", shell_quote((dir / "c/pipe.txt").string()), "", 30);
        CHECK(direct.exit_code == 1);
        CHECK(has(direct.err, "FIFO"));
    }

    TEST_CASE(
        "a file or folder the user cannot read is named and skipped, the others are indexed") {
        if (::geteuid() != 0 || run_command("command -v setpriv").exit_code != 0) {
            r2p::test::skip("needs root and setpriv to run r2p-index as an unprivileged user");
            return;
        }
        TempDir dir;  // mode 0700: nobody needs its own world-accessible folder inside
        const fs::path work = dir / "w";
        write_file(work / "c/readable.txt", "A readable statement about prevention.\n");
        write_file(work / "c/secret.txt", "A statement nobody may read.\n");
        write_file(work / "c/locked/hidden.txt", "A statement in a folder nobody may list.\n");
        fs::permissions(dir.path(), fs::perms::all);
        fs::permissions(work, fs::perms::all);
        fs::permissions(work / "c", fs::perms::all);
        fs::permissions(work / "c/readable.txt", fs::perms::owner_all | fs::perms::others_read);
        fs::permissions(work / "c/secret.txt", fs::perms::none);
        fs::permissions(work / "c/locked", fs::perms::none);
        // The binary and the taxonomy copied where nobody can reach them, wherever the
        // build tree lives (a clone under /root is not world-searchable).
        fs::copy(r2p::test::kIndexBin, work / "r2p-index");
        fs::copy(fs::path(R2P_SOURCE_DIR) / "corpus/taxonomy", work / "taxonomy");
        fs::permissions(work / "r2p-index", fs::perms::all);
        for (const auto& entry : fs::recursive_directory_iterator(work / "taxonomy")) {
            fs::permissions(entry.path(), fs::perms::owner_all | fs::perms::others_read);
        }
        fs::permissions(work / "taxonomy", fs::perms::all);
        const std::string taxonomy =
            " --themes " + shell_quote((work / "taxonomy/themes.conf").string()) + " --roles " +
            shell_quote((work / "taxonomy/roles.conf").string()) + " --synonyms " +
            shell_quote((work / "taxonomy/synonyms.conf").string());
        const auto result = run_command(
            "cd / && timeout -s KILL 60 setpriv --reuid=65534 --regid=65534 --clear-groups " +
            shell_quote((work / "r2p-index").string()) + " --quiet --json --db " +
            shell_quote((work / "db").string()) + taxonomy + " " +
            shell_quote((work / "c").string()));
        INFO(result.err);
        CHECK(result.exit_code == 1);
        CHECK(r2p::test::line_count(result.err) == 2);
        CHECK(
            has(result.err, (work / "c/secret.txt").string() + ": cannot open: Permission denied"));
        // Regression: an unreadable folder was passed over in silence (exit 0).
        CHECK(has(result.err,
                  (work / "c/locked").string() + ": cannot read folder: Permission denied"));
        CHECK(r2p::test::document_ids(work / "db") == std::set<std::string>{"readable"});
    }

    TEST_CASE("--prune never removes documents under a folder that cannot be read") {
        if (::geteuid() != 0 || run_command("command -v setpriv").exit_code != 0) {
            r2p::test::skip("needs root and setpriv to run r2p-index as an unprivileged user");
            return;
        }
        TempDir dir;
        const fs::path work = dir / "w";
        write_file(work / "c/kept.txt", "A statement about prevention.\n");
        write_file(work / "c/gone.txt", "A statement that will be deleted.\n");
        write_file(work / "c/locked/hidden.txt", "A statement in a folder that will be locked.\n");
        fs::copy(r2p::test::kIndexBin, work / "r2p-index");
        fs::copy(fs::path(R2P_SOURCE_DIR) / "corpus/taxonomy", work / "taxonomy");
        // Everything open to the unprivileged user (nobody), who runs both indexing runs.
        run_command("chmod -R a+rwX " + shell_quote(dir.path().string()));
        const auto run_as_nobody = [&](const std::string& extra) {
            return run_command(
                "cd / && timeout -s KILL 60 setpriv --reuid=65534 --regid=65534 --clear-groups " +
                shell_quote((work / "r2p-index").string()) + " --quiet --json --db " +
                shell_quote((work / "db").string()) + " --themes " +
                shell_quote((work / "taxonomy/themes.conf").string()) + " --roles " +
                shell_quote((work / "taxonomy/roles.conf").string()) + " --synonyms " +
                shell_quote((work / "taxonomy/synonyms.conf").string()) + " " + extra + " " +
                shell_quote((work / "c").string()));
        };
        const auto first = run_as_nobody("");
        INFO(first.err);
        REQUIRE(first.exit_code == 0);
        REQUIRE(r2p::test::document_ids(work / "db") ==
                std::set<std::string>{"gone", "hidden", "kept"});
        fs::remove(work / "c/gone.txt");
        fs::permissions(work / "c/locked", fs::perms::none);
        // Regression: the documents of an unreadable folder were pruned with the deleted ones.
        const auto pruned = run_as_nobody("--prune");
        INFO(pruned.err);
        CHECK(pruned.exit_code == 1);
        CHECK(has(pruned.err,
                  (work / "c/locked").string() + ": cannot read folder: Permission denied"));
        const json report = json::parse(pruned.out);
        CHECK(report["pruned"] == 1);
        REQUIRE(report["prune_limited"].size() == 1);
        CHECK(report["prune_limited"][0]["path"] == (work / "c/locked").string());
        CHECK(r2p::test::document_ids(work / "db") == std::set<std::string>{"hidden", "kept"});
    }

    TEST_CASE("a broken taxonomy stops the run before any work: exit 2, FILE:LINE") {
        TempDir dir;
        write_file(dir / "c/a.txt", "A statement about prevention.\n");
        const std::string good_roles = std::string(R2P_SOURCE_DIR) + "/corpus/taxonomy/roles.conf";
        struct Bad {
            const char* name;
            const char* text;
            const char* where;
        };
        const Bad bad[] = {
            {"unterminated", "[theme a]\nlabel = A\n[theme b\nlabel = B\n", ":3: "},
            {"no equals", "[theme a]\nlabel = A\ncue impunity\n", ":3: "},
            {"empty value", "[theme a]\nlabel = A\ncue = x || y\n", ":3: "},
            {"unknown kind", "[theme a]\nlabel = A\n[them b]\nlabel = B\n", ":3: "},
            {"unknown key", "[theme a]\nlabel = A\nparent = prevention\n", ":3: "},
            {"bad id", "[theme A B]\nlabel = A\n", ":1: "},
            {"duplicate id", "[theme a]\nlabel = A\n[theme a]\nlabel = again\n", ":3: "},
            {"invalid UTF-8", "[theme a]\nlabel = \xff\xfe\n", ":2: invalid UTF-8"},
        };
        for (const Bad& b : bad) {
            SUBCASE(b.name) {
                write_file(dir / "themes.conf", b.text);
                const auto result =
                    r2p::test::run_index(dir / "db", shell_quote((dir / "c").string()),
                                         "--themes " + shell_quote((dir / "themes.conf").string()) +
                                             " --roles " + shell_quote(good_roles),
                                         30);
                INFO(result.err);
                CHECK(result.exit_code == 2);
                CHECK(result.out.empty());
                CHECK(r2p::test::line_count(result.err) == 1);
                CHECK(result.err.rfind(
                          "r2p-index: error: " + (dir / "themes.conf").string() + b.where, 0) == 0);
                CHECK_FALSE(fs::exists(dir / "db"));
            }
        }
        // A --theme filter naming a theme the taxonomy lacks is the search-side reference.
    }

    TEST_CASE("malformed and oversized queries are usage errors: one line, exit 2, fast") {
        REQUIRE(corpus_index().exit_code == 0);
        const fs::path db = corpus_index().dir / "db";
        std::string huge(100 * 1024, 'x');
        std::string terms;
        for (int i = 0; i < 20000; ++i) terms += "w" + std::to_string(i) + " ";
        std::string words;
        for (int i = 0; i < 1001; ++i) words += "a ";
        std::string quotes;
        for (int i = 0; i < 3000; ++i) quotes += "\"";
        const std::pair<const char*, std::string> bad[] = {
            {"foo AND", shell_quote("foo AND")},
            {"AND alone", shell_quote("AND")},
            {"open paren", shell_quote("(foo (bar")},
            {"close paren", shell_quote("foo) bar)")},
            {"100 KB", shell_quote(huge)},
            {"20000 terms", shell_quote(terms)},
            {"1001 words", shell_quote(words)},
            {"--limit -1", "--limit -1 x"},
            {"--limit 1e3", "--limit 1e3 x"},
            {"--offset 4294967295", "--offset 4294967295 x"},
            {"--offset 2^64+1", "--offset 18446744073709551617 x"},
            {"--theme unknown", "--theme no-such-theme x"},
            {"theme: unknown", shell_quote("theme:no-such-theme")},
            {"--role unknown", "--role no-such-role"},
        };
        for (const auto& [name, args] : bad) {
            SUBCASE(name) {
                const auto start = std::chrono::steady_clock::now();
                const auto result = r2p::test::run_search(db, args, 10);
                CHECK(r2p::test::seconds_since(start) < 5);
                CHECK(result.exit_code == 2);
                CHECK(result.out.empty());
                CHECK(result.err.rfind("r2p-search: error: ", 0) == 0);
                CHECK(r2p::test::line_count(result.err) == 1);
                CHECK(result.err.size() < 600);  // names the query, never echoes 100 KB
            }
        }
        // Unbalanced quotes are not an error in Xapian's syntax: the phrase runs to the end.
        const std::pair<const char*, std::string> odd[] = {
            {"open quote", shell_quote("\"ending impunity")},
            {"3000 quotes", shell_quote(quotes)},
            {"lone quote", shell_quote("\"")},
            {"star", shell_quote("*")},
            {"unknown prefix", shell_quote("colour:blue impunity")},
            {"Xapian leak case", "-- " + shell_quote("-x NEAR a-d")},
            {"invalid UTF-8", shell_quote("\xff\xfe caf\xc3")},
            {"control bytes", shell_quote("a\x01b\x7f")},
            {"--limit 0", "--limit 0 impunity"},
        };
        for (const auto& [name, args] : odd) {
            SUBCASE(name) {
                const auto start = std::chrono::steady_clock::now();
                const auto result = r2p::test::run_search(db, "--json " + args, 10);
                CHECK(r2p::test::seconds_since(start) < 5);
                INFO(result.err);
                CHECK(result.exit_code == 0);
                // (LeakSanitizer may list the suppressed Xapian leak on stderr.)
                CHECK(result.err.find("r2p-search") == std::string::npos);
                const json j = json::parse(result.out);
                CHECK(j["matches"]["lower"].get<std::size_t>() <=
                      j["matches"]["upper"].get<std::size_t>());
                if (std::string(name) == "--limit 0") {
                    CHECK(j["results"].empty());
                    CHECK(j["matches"]["lower"].get<std::size_t>() >= 1);
                }
            }
        }
    }

    TEST_CASE("a* over an index of thousands of a-words is capped and answers fast") {
        const WildcardIndex& index = wildcard_index();
        REQUIRE(index.exit_code == 0);
        const fs::path db = index.dir / "db";
        const std::size_t files = WildcardIndex::kFiles;
        for (const char* query : {"a*", "a1*", "a* OR b*", "NOT a*", "a*b"}) {
            SUBCASE(query) {
                const auto start = std::chrono::steady_clock::now();
                const auto result =
                    r2p::test::run_search(db, "--json --facet doc " + shell_quote(query), 10);
                CHECK(r2p::test::seconds_since(start) < 5);
                INFO(result.err);
                REQUIRE(result.exit_code == 0);
                const json j = json::parse(result.out);
                CHECK(j["matches"]["lower"].get<std::size_t>() <= files);
            }
        }
        // The cap keeps the most frequent expansions: a* still finds passages.
        const auto a = r2p::test::run_search(db, "--json 'a*'", 10);
        REQUIRE(a.exit_code == 0);
        CHECK(json::parse(a.out)["matches"]["lower"].get<std::size_t>() >= 1);
    }
}
