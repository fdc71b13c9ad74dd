#include "r2p/table_output.hpp"

#include <algorithm>
#include <iomanip>
#include <sstream>

#include "format/table_text.hpp"

namespace r2p {

namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kPlain = "\x1b[0m";
constexpr std::string_view kIndent = "     ";

constexpr std::string_view kReplacement = "\uFFFD";

}  // namespace

// Text from the corpus, the taxonomy or the query as it may reach a terminal: C0 controls,
// DEL and C1 controls (ESC, CSI: the start of every ANSI sequence) become U+FFFD, tabs and
// line breaks a space, so no source can move the cursor, recolour or retitle the terminal.
// One code point stands for one, so column counts stay the same.
std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const bool c1 = byte == 0xC2 && i + 1 < text.size() &&
                        static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(text[i + 1]) <= 0x9F;
        if (byte == '\t' || byte == '\n' || byte == '\r') {
            out += ' ';
        } else if (byte < 0x20 || byte == 0x7F) {
            out += kReplacement;
        } else if (c1) {
            out += kReplacement;
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

// Columns a UTF-8 string takes, counting code points (continuation bytes take none).
std::size_t columns(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

}  // namespace

// Byte ranges of the lines of `text` wrapped at spaces to `width` columns.
std::vector<std::pair<std::size_t, std::size_t>> wrap(std::string_view text, std::size_t width) {
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = start;
        std::size_t last_space = std::string_view::npos;
        std::size_t used = 0;
        while (end < text.size()) {
            if (text[end] == ' ') last_space = end;
            if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80) ++used;
            if (used > width && last_space != std::string_view::npos && last_space > start) break;
            ++end;
        }
        if (end < text.size()) end = last_space;
        lines.emplace_back(start, end);
        start = end;
        while (start < text.size() && text[start] == ' ') ++start;
    }
    return lines;
}

void print_snippet(std::ostream& out, const Snippet& snippet, const TableStyle& style) {
    const std::size_t width = style.width > kIndent.size() + 20 ? style.width - kIndent.size() : 20;
    const std::string_view text = snippet.text;
    for (const auto& [begin, end] : wrap(text, width)) {
        out << kIndent;
        // Each piece made safe on its own, so only our own bold codes reach the terminal.
        std::size_t at = begin;
        for (const auto& [from, to] : snippet.marks) {
            const std::size_t a = std::max(from, at);
            const std::size_t b = std::min(to, end);
            if (a >= b) continue;
            out << terminal_safe(text.substr(at, a - at));
            if (style.bold) out << kBold;
            out << terminal_safe(text.substr(a, b - a));
            if (style.bold) out << kPlain;
            at = b;
        }
        out << terminal_safe(text.substr(at, end - at)) << '\n';
    }
}

namespace {

std::string count_line(const SearchResult& result) {
    std::ostringstream line;
    const auto& m = result.matches;
    if (m.exact()) {
        line << m.estimated << (m.estimated == 1 ? " passage matches" : " passages match");
    } else {
        line << "about " << m.estimated << " passages match";
    }
    if (result.groups) {
        const auto& g = *result.groups;
        const bool docs = result.group == GroupBy::Doc;
        line << ", in " << (g.exact() ? "" : "about ") << g.estimated << ' '
             << (docs ? (g.estimated == 1 ? "document" : "documents")
                      : (g.estimated == 1 ? "paragraph" : "paragraphs"));
    }
    if (!result.hits.empty()) {
        line << " (showing " << result.hits.front().rank << "-" << result.hits.back().rank << ")";
    }
    return line.str();
}

// "Title · 2012-09-28", with the UN symbol after the title ("Title · A/73/898 · 2019-06-10")
// and " · United States of America (usa)" when the document has them, then "event · place ·
// source URL" when the sidecar gives any.
void print_document(std::ostream& out, const StoredPassage& p) {
    std::string title = p.doc_title.empty() ? "(untitled)" : p.doc_title;
    if (!p.doc_symbol.empty()) title += " · " + p.doc_symbol;
    const std::string date = p.doc_date.empty() ? "no date" : p.doc_date;
    std::string country;
    if (!p.doc_country.empty()) {
        country =
            " · " + (p.doc_country_name.empty() ? p.doc_country
                                                : p.doc_country_name + " (" + p.doc_country + ")");
    }
    out << kIndent << terminal_safe(title + " · " + date + country) << '\n';
    std::vector<std::string> about;
    for (const std::string* field : {&p.doc_event, &p.doc_place, &p.doc_source_url}) {
        if (!field->empty()) about.push_back(*field);
    }
    if (!about.empty()) out << kIndent << terminal_safe(join(about, " · ")) << '\n';
}

// "[minister] Villy Søvndal" when the passage has one role and a name (a quote's roles are
// its speaker's; a paragraph with one role has one kind of speaker); with several roles the
// index does not say whose the name is: "[ambassador] · [secretary-general] · speaker: X".
std::string who_speaks(const StoredPassage& p) {
    std::vector<std::string> roles;
    for (const auto& role : p.roles) roles.push_back("[" + role + "]");
    if (!p.speaker) return join(roles, " · ");
    if (roles.size() == 1) return roles.front() + " " + *p.speaker;
    roles.push_back("speaker: " + *p.speaker);
    return join(roles, " · ");
}

void print_hit(std::ostream& out, const SearchHit& hit, GroupBy group, bool scored,
               const TableStyle& style) {
    const StoredPassage& p = hit.passage;
    std::ostringstream head;
    head << std::setw(3) << hit.rank << ". " << p.id;
    // The number the statement prints: what a reader citing the document looks for.
    if (!p.label.empty()) head << "  ¶" << p.label;
    head << "  " << p.kind;
    const std::string who = who_speaks(p);
    if (!who.empty()) head << "  " << who;
    if (hit.like) {
        head << "  similarity " << std::fixed << std::setprecision(2) << hit.like->similarity
             << (hit.like->verbatim ? " (verbatim)" : "");
    } else if (scored) {
        head << "  " << std::fixed << std::setprecision(2) << hit.score;
    }
    out << terminal_safe(head.str()) << '\n';
    print_document(out, p);
    if (!p.themes.empty()) {
        out << kIndent << "themes: " << terminal_safe(join(p.themes, ", ")) << '\n';
    }
    // A like hit's snippet is its matching sentence, the words the asked one lacks marked.
    print_snippet(out, hit.snippet, style);
    if (hit.like && !hit.like->missing.empty()) {
        out << kIndent << "missing: " << terminal_safe(join(hit.like->missing, " ")) << '\n';
    }
    if (hit.folded > 0) {
        out << kIndent << "+" << hit.folded << " more matching in this "
            << (group == GroupBy::Doc ? "document" : "paragraph") << '\n';
    }
}

// One passage of a context: its head ("> " marking the passage asked for), then its whole
// text wrapped.
void print_context_passage(std::ostream& out, const StoredPassage& p, bool marked,
                           const TableStyle& style) {
    std::ostringstream head;
    head << (marked ? ">" : " ") << (p.kind == "quote" ? "    " : "  ") << p.id;
    if (!p.label.empty()) head << "  ¶" << p.label;
    head << "  " << p.kind;
    const std::string who = who_speaks(p);
    if (!who.empty()) head << "  " << who;
    out << terminal_safe(head.str()) << '\n';
    print_snippet(out, Snippet{p.text, {}}, style);
}

// Years read best in order, and passages without a date belong in the table too: with them
// the counts add up to the match count.
Facet years_in_order(const Facet& facet, const MatchCounts& matches) {
    Facet years = facet;
    std::sort(years.entries.begin(), years.entries.end(),
              [](const FacetEntry& a, const FacetEntry& b) { return a.value < b.value; });
    Xapian::doccount dated = 0;
    for (const auto& e : years.entries) dated += e.count;
    if (matches.lower == matches.upper && matches.lower > dated) {
        years.entries.push_back({"no date", "no date", matches.lower - dated});
    }
    return years;
}

void print_facet(std::ostream& out, const Facet& facet) {
    out << '\n' << facet_name(facet.field) << ":\n";
    if (facet.entries.empty()) {
        out << "  (none)\n";
        return;
    }
    std::size_t value_width = 0;
    std::size_t label_width = 0;
    bool labelled = false;
    for (const auto& e : facet.entries) {
        value_width = std::max(value_width, columns(e.value));
        label_width = std::max(label_width, columns(e.label));
        labelled = labelled || e.label != e.value;
    }
    for (const auto& e : facet.entries) {
        out << "  " << terminal_safe(e.value)
            << std::string(value_width - columns(e.value) + 2, ' ');
        if (labelled) {
            out << terminal_safe(e.label) << std::string(label_width - columns(e.label) + 2, ' ');
        }
        out << std::setw(6) << e.count << '\n';
    }
}

}  // namespace

void print_table(std::ostream& out, const SearchResult& result, const TableStyle& style) {
    if (!result.missing_shards.empty()) {
        out << "Not searched (unreachable):";
        for (const auto& shard : result.missing_shards) out << ' ' << terminal_safe(shard);
        out << '\n';
    }
    if (result.corrected_query) {
        out << "Showing results for " << terminal_safe(*result.corrected_query)
            << "; search instead for " << terminal_safe(result.query);
        if (!style.search_as_asked.empty()) out << " (" << style.search_as_asked << ")";
        out << '\n';
    }
    out << count_line(result) << '\n';
    for (const auto& sentence : result.like_sentences) {
        out << "Like: " << terminal_safe(sentence) << '\n';
    }
    // A query of filters only ranks nothing: every score is 0, and showing it says otherwise.
    const bool scored = std::any_of(result.hits.begin(), result.hits.end(),
                                    [](const SearchHit& hit) { return hit.score > 0; });
    for (const auto& hit : result.hits) {
        out << '\n';
        print_hit(out, hit, result.group, scored, style);
    }
    for (const auto& facet : result.facets) {
        print_facet(
            out, facet.field == FacetField::Year ? years_in_order(facet, result.matches) : facet);
    }
    // A corrected query says so at the top already.
    if (result.suggestion && !result.corrected_query) {
        out << "\nDid you mean: " << terminal_safe(*result.suggestion) << '\n';
    }
}

void print_passage_context(std::ostream& out, const PassageContext& context,
                           const TableStyle& style) {
    const StoredPassage& p = context.passage;
    print_document(out, p);
    const auto quotes = [&] {
        for (const auto& quote : context.quotes) {
            out << '\n';
            print_context_passage(out, quote, quote.id == p.id, style);
        }
    };
    for (const auto& before : context.before) {
        out << '\n';
        print_context_passage(out, before, false, style);
    }
    out << '\n';
    print_context_passage(out, context.parent ? *context.parent : p, !context.parent, style);
    quotes();
    for (const auto& after : context.after) {
        out << '\n';
        print_context_passage(out, after, false, style);
    }
}

}  // namespace r2p
