// parse_document on the UN General Debate Corpus: paragraph quality over a fixed sample of
// real speeches. Needs the corpus beside the project (../shared/corpora/ungdc); without it
// the case is reported skipped.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parse/header_lines.hpp"
#include "parse/hyphenation.hpp"
#include "parse/parse_document.hpp"
#include "skip.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

// Sessions ending in 5 (1950 ... 2020), countries A to C: about 250 speeches from every era
// and layout, taken in one pass over the archive.
const char* const kSample = "TXT/Session *5 - */[A-C]*.txt";
// Lines of a one-paragraph-a-line file are at least this long, for the most part.
constexpr std::size_t kLongLine = 200;

bool starts_lower_ascii(std::string_view s) { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    return s;
}

// A line of the speaker's words, told from page furniture ("20-24523 5/12", "A/75/PV.4",
// "12 General Assembly - Fiftieth session", "(spoke in French)") roughly: it has lower-case
// letters and is no running head or interpreter's note.
bool is_text_line(std::string_view line) {
    if (line.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos) return false;
    if (line.starts_with("(spoke in")) return false;
    return line.size() > 60 || line.find(" session") == std::string_view::npos ||
           line.find_first_of("0123456789") == std::string_view::npos;
}

// How many paragraphs the file itself marks, counted from its lines without the parser:
// lines opening with a space (plus the first) in indented files, lines that do not go on in
// lower case in files of long lines; 0 when the file marks none this way. A salutation alone
// on its line is no paragraph.
std::size_t marked_paragraphs(const std::string& text) {
    std::size_t indented = 0;
    std::size_t lines = 0;
    std::size_t starts = 0;
    std::size_t bytes = 0;
    std::size_t long_bytes = 0;
    std::istringstream in(text);
    std::string raw;
    while (std::getline(in, raw)) {
        const std::string_view line = trim(raw);
        if (!is_text_line(line)) continue;
        if (r2p::detail::is_salutation(line)) continue;  // "Excellencies,": no passage
        ++lines;
        bytes += line.size();
        if (line.size() > kLongLine) long_bytes += line.size();
        if (!starts_lower_ascii(line)) ++starts;
        if (lines > 1 && (raw[0] == ' ' || raw[0] == '\t') && !starts_lower_ascii(line)) {
            ++indented;
        }
    }
    if (indented >= 3 && indented * 20 >= lines) return indented + 1;
    if (lines >= 3 && long_bytes * 10 >= bytes * 8) return starts;
    return 0;
}

bool is_job_number(std::string_view t) {
    if (t.size() != 8 || t[2] != '-') return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i != 2 && (t[i] < '0' || t[i] > '9')) return false;
    }
    return true;
}

// "25/09/2008": the date beside a record symbol in a running head.
bool is_slash_date(std::string_view t) {
    return t.size() == 10 && t[2] == '/' && t[5] == '/' &&
           t.find_first_not_of("0123456789/") == std::string_view::npos;
}

// Page furniture left in a paragraph: a job number, a running head's record symbol and date
// ("A/63/PV.5 25/09/2008"; a symbol cited in the text, "(see A/63/PV.5)", is the speaker's),
// an interpreter's note, or a bare page number as the whole paragraph.
bool holds_furniture(const std::string& text) {
    if (text.find("(spoke in") != std::string::npos) return true;
    if (text.size() <= 3 && text.find_first_not_of("0123456789") == std::string::npos) return true;
    std::istringstream in(text);
    std::vector<std::string> words;
    std::string w;
    while (in >> w) words.push_back(w);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (is_job_number(words[i])) return true;
        const bool symbol =
            words[i].starts_with("A/") && words[i].find("/PV.") != std::string::npos;
        if (symbol && ((i > 0 && is_slash_date(words[i - 1])) ||
                       (i + 1 < words.size() && is_slash_date(words[i + 1])))) {
            return true;
        }
    }
    return false;
}

bool is_salutation(const std::string& text) {
    return text.size() < 60 && text.back() == ',' && std::count(text.begin(), text.end(), ' ') < 6;
}

// Ends as a sentence does: . ! ? or :, perhaps followed by closing quotes or brackets.
bool ends_sentence(std::string_view text) {
    while (!text.empty()) {
        const unsigned char c = static_cast<unsigned char>(text.back());
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*') {
            text.remove_suffix(1);
        } else if (text.size() >= 3 && (text.ends_with("\u201D") || text.ends_with("\u2019") ||
                                        text.ends_with("\u00BB"))) {
            text.remove_suffix(text.ends_with("\u00BB") ? 2 : 3);
        } else {
            break;
        }
    }
    return !text.empty() &&
           (text.back() == '.' || text.back() == '!' || text.back() == '?' || text.back() == ':');
}

std::string lower_letters(std::string_view w) {
    std::string out;
    for (char c : w) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || c == '-') out += c;
    }
    return out;
}

// Split hyphenations left, per document: a word ending in "-" before a space that is not a
// suspended compound ("pre- and post-"), or "x-y" where "xy" is a word of the system lists,
// "x" is not, and "x-y" occurs only once in the document (a split, not the author's spelling).
std::size_t split_hyphens(const std::vector<std::string>& paragraphs, std::size_t& words) {
    const auto& dictionary = r2p::detail::system_words();
    std::vector<std::string> tokens;
    for (const std::string& p : paragraphs) {
        std::istringstream in(p);
        std::string w;
        while (in >> w) tokens.push_back(w);
    }
    words += tokens.size();
    std::unordered_map<std::string, std::size_t> uses;
    for (const std::string& t : tokens) ++uses[lower_letters(t)];
    std::size_t splits = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i];
        if (t.size() > 1 && t.back() == '-' && i + 1 < tokens.size()) {
            const std::string next = lower_letters(tokens[i + 1]);
            if (next != "and" && next != "or" && next != "nor" && next != "to") ++splits;
            continue;
        }
        const std::string w = lower_letters(t);
        const std::size_t dash = w.find('-');
        if (dash == std::string::npos || dash == 0 || w.find('-', dash + 1) != std::string::npos) {
            continue;
        }
        const std::string head = w.substr(0, dash);
        const std::string joined = head + w.substr(dash + 1);
        if (dictionary.count(joined) != 0 && dictionary.count(head) == 0 && uses[w] == 1) {
            ++splits;
        }
    }
    return splits;
}

}  // namespace

TEST_SUITE("optional_ungdc_paragraphs") {
    TEST_CASE("UNGDC speeches split into the paragraphs their records mark, free of furniture") {
        const fs::path corpus = fs::path(R2P_SOURCE_DIR) / ".." / "shared" / "corpora" / "ungdc";
        const fs::path archive = corpus / "ungdc-1946-2024.tar.xz";
        if (!fs::exists(archive)) {
            r2p::test::skip("the UN General Debate Corpus is not at " + corpus.string());
            return;
        }
        r2p::test::TempDir dir;
        const r2p::test::CommandResult unpacked =
            r2p::test::run_command("tar -xJf " + r2p::test::shell_quote(archive.string()) + " -C " +
                                   r2p::test::shell_quote(dir.path().string()) + " --wildcards " +
                                   r2p::test::shell_quote(kSample));
        REQUIRE_MESSAGE(unpacked.exit_code == 0, unpacked.err);

        std::vector<fs::path> files;
        for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
            if (entry.is_regular_file()) files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        REQUIRE(files.size() >= 200);

        std::size_t paragraphs = 0;
        std::size_t lower_starts = 0;
        std::size_t open_ends = 0;
        std::size_t salutations = 0;
        std::size_t with_furniture = 0;
        std::size_t marked_files = 0;
        std::size_t marked_as_written = 0;
        std::size_t words = 0;
        std::size_t splits = 0;
        for (const fs::path& file : files) {
            const std::string text = r2p::test::read_file(file);
            r2p::DocumentMeta meta;
            meta.id = file.stem().string();
            meta.title = "Statement in the general debate";  // as the collection's table gives
            const r2p::Document doc = r2p::parse_document(text, meta);
            std::vector<std::string> texts;
            for (const r2p::Paragraph& p : doc.paragraphs) {
                texts.push_back(p.text);
                ++paragraphs;
                if (starts_lower_ascii(p.text)) ++lower_starts;
                if (holds_furniture(p.text)) {
                    ++with_furniture;
                    MESSAGE(file.filename().string() << ":" << p.line << ": " << p.text);
                }
                if (is_salutation(p.text)) {
                    ++salutations;
                } else if (!ends_sentence(p.text)) {
                    ++open_ends;
                }
            }
            splits += split_hyphens(texts, words);
            const std::size_t marked = marked_paragraphs(text);
            if (marked == 0) continue;
            ++marked_files;
            const std::size_t got = doc.paragraphs.size();
            const std::size_t diff = got > marked ? got - marked : marked - got;
            if (diff <= 2 || diff * 10 <= marked) {
                ++marked_as_written;
            } else {
                MESSAGE(file.filename().string()
                        << ": " << got << " paragraphs, " << marked << " marked");
            }
        }
        MESSAGE(files.size() << " speeches, " << paragraphs << " paragraphs, " << lower_starts
                             << " start lower case, " << open_ends << " end open (and "
                             << salutations << " salutations), " << marked_as_written << " of "
                             << marked_files << " marked files as marked, " << splits
                             << " split hyphens in " << words << " words");
        REQUIRE(paragraphs > 0);
        CHECK(with_furniture == 0);
        CHECK(lower_starts * 100 <= paragraphs);
        CHECK(open_ends * 100 <= paragraphs * 3);
        REQUIRE(marked_files > 0);
        CHECK(marked_as_written * 100 >= marked_files * 95);
        CHECK(splits * 10000 <= words);
    }
}  // TEST_SUITE
