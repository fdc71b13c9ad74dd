#include "parse/markdown_blocks.hpp"

#include <string>
#include <vector>

#include "parse/dates.hpp"
#include "parse/parse_text.hpp"

namespace r2p::detail {
namespace {

constexpr std::size_t kFrontMatterMaxLines = 40;

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        lines.push_back(text.substr(pos, eol - pos));
        pos = eol + 1;
    }
    return lines;
}

void take_front_matter_value(std::string_view key, std::string_view value, DocumentMeta& meta) {
    auto fill = [&](std::string& field) {
        if (field.empty()) field = collapse_spaces(value);
    };
    if (key == "title") fill(meta.title);
    if (key == "date" && meta.date.empty()) meta.date = find_date(value);
    if (key == "speaker") fill(meta.speaker);
    if (key == "speaker_post" || key == "post") fill(meta.speaker_post);
    if (key == "event") fill(meta.event);
    if (key == "place") fill(meta.place);
    if (key == "symbol") fill(meta.symbol);
    if (key == "source_url") fill(meta.source_url);
}

// Skips a leading front matter block, taking its values. Returns the text after it and
// advances `line` past it; returns `text` unchanged when it opens no closed block.
std::string_view front_matter(std::string_view text, DocumentMeta& meta, std::size_t& line) {
    if (text.substr(0, 4) != "---\n") return text;
    // Read all keys first: an unclosed block is no front matter and must set nothing.
    std::vector<std::pair<std::string, std::string_view>> values;
    std::size_t pos = 4;
    for (std::size_t n = 0; n < kFrontMatterMaxLines && pos < text.size(); ++n) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        const std::string_view l = trim(text.substr(pos, eol - pos));
        if (l == "---" || l == "...") {
            for (const auto& [key, value] : values) take_front_matter_value(key, value, meta);
            line += n + 2;
            return eol >= text.size() ? std::string_view{} : text.substr(eol + 1);
        }
        const std::size_t colon = l.find(':');
        if (colon != std::string_view::npos) {
            std::string_view value = trim(l.substr(colon + 1));
            if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
                value.back() == value.front()) {
                value = value.substr(1, value.size() - 2);
            }
            values.emplace_back(ascii_lower(trim(l.substr(0, colon))), value);
        }
        pos = eol + 1;
    }
    return text;
}

bool is_fence(std::string_view line) {
    line = trim(line);
    return line.starts_with("```") || line.starts_with("~~~");
}

// "[1]: http://example.org" or "[un]: <https://un.org> "Title"": a link target, not text.
bool is_reference_definition(std::string_view line) {
    line = trim(line);
    if (line.size() < 4 || line[0] != '[' || line[1] == '^') return false;
    const std::size_t close = line.find("]:");
    if (close == std::string_view::npos || close < 2) return false;
    if (line.substr(1, close - 1).find(']') != std::string_view::npos) return false;
    const std::string_view target = trim(line.substr(close + 2));
    if (target.empty()) return false;
    const std::size_t space = target.find(' ');
    const std::string_view rest = space == std::string_view::npos ? "" : trim(target.substr(space));
    // After the target only a title in quotes or brackets may follow.
    return rest.empty() || rest.front() == '"' || rest.front() == '\'' || rest.front() == '(';
}

// "|---|:---:|", "--- | ---": the rule under a table's header row.
bool is_table_rule(std::string_view line) {
    line = trim(line);
    bool dash = false;
    bool pipe = false;
    for (char c : line) {
        if (c == '-') {
            dash = true;
        } else if (c == '|') {
            pipe = true;
        } else if (c != ':' && c != ' ' && c != '\t') {
            return false;
        }
    }
    return dash && pipe;
}

bool has_pipe(std::string_view line) { return line.find('|') != std::string_view::npos; }

// A table row as one list item: its non-empty cells joined by "; ".
std::string table_row(std::string_view line) {
    line = trim(line);
    std::vector<std::string> cells;
    std::string cell;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
            cell += '|';
            ++i;
        } else if (line[i] == '|') {
            cells.push_back(std::move(cell));
            cell.clear();
        } else {
            cell += line[i];
        }
    }
    cells.push_back(std::move(cell));
    std::string row;
    for (const std::string& c : cells) {
        const std::string_view t = trim(c);
        if (t.empty()) continue;
        if (!row.empty()) row += "; ";
        row.append(t);
    }
    return row.empty() ? row : "- " + row;
}

// Drops HTML comments, which may run over several lines; `open` carries one across lines.
std::string without_comments(std::string_view line, bool& open) {
    std::string out;
    std::size_t pos = 0;
    while (pos < line.size()) {
        if (open) {
            const std::size_t end = line.find("-->", pos);
            if (end == std::string_view::npos) return out;
            open = false;
            pos = end + 3;
            continue;
        }
        const std::size_t start = line.find("<!--", pos);
        if (start == std::string_view::npos) {
            out.append(line.substr(pos));
            break;
        }
        out.append(line.substr(pos, start - pos));
        open = true;
        pos = start + 4;
    }
    return out;
}

// Whether `body` holds any mark of the blocks resolved here; most statements hold none.
bool may_hold_blocks(std::string_view body) {
    for (std::string_view mark : {"```", "~~~", "<!--", "]:", "|"}) {
        if (body.find(mark) != std::string_view::npos) return true;
    }
    return false;
}

}  // namespace

MarkdownBlocks read_markdown_blocks(std::string_view text, DocumentMeta& meta) {
    MarkdownBlocks blocks;
    const std::string_view body = front_matter(text, meta, blocks.first_line);
    blocks.body = body;
    if (!may_hold_blocks(body)) return blocks;
    blocks.was_rewritten = true;
    const std::vector<std::string_view> lines = split_lines(body);
    std::string& out = blocks.rewritten;
    out.reserve(body.size());
    bool in_fence = false;
    bool in_comment = false;
    bool in_table = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) out += '\n';
        const std::string_view line = lines[i];
        if (is_fence(line)) {
            in_fence = !in_fence;
            continue;  // the fence's marks go, its lines stay text
        }
        if (in_fence) {
            out.append(line);
            continue;
        }
        std::string uncommented;
        std::string_view clean = line;
        if (in_comment || line.find("<!--") != std::string_view::npos) {
            uncommented = without_comments(line, in_comment);
            clean = uncommented;
        }
        if (is_reference_definition(clean)) continue;
        // A table: a row with pipes above a rule, and the rows with pipes below it.
        if (!in_table && has_pipe(clean) && i + 1 < lines.size() && is_table_rule(lines[i + 1]) &&
            !is_table_rule(clean)) {
            in_table = true;
        } else if (in_table && (trim(clean).empty() || !has_pipe(clean))) {
            in_table = false;
        }
        if (in_table) {
            if (!is_table_rule(clean)) out += table_row(clean);
            continue;
        }
        out.append(clean);
    }
    return blocks;
}

}  // namespace r2p::detail
