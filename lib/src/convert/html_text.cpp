#include "convert/html_text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

#include <cstdint>
#include <string>
#include <vector>

#include "convert/html_charset.hpp"
#include "convert/html_main_content.hpp"
#include "convert/html_metadata.hpp"
#include "convert/libxml_support.hpp"
#include "convert/structured_text_writer.hpp"
#include "r2p/error.hpp"

namespace r2p {

namespace {

// How far into the file NUL bytes are looked for: text pages have none, images and
// executables named .html have them early.
constexpr std::size_t kBinarySniffBytes = 4096;

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool looks_binary(std::string_view bytes) {
    if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) return false;  // UTF-16
    return bytes.substr(0, kBinarySniffBytes).find('\0') != std::string_view::npos;
}

bool is_heading(std::string_view name) {
    return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

// Elements that end the text run before them and start a new one.
bool is_block(std::string_view name) {
    static constexpr std::string_view kBlocks[] = {
        "p",       "div",    "section", "article", "main",   "header",     "footer",
        "address", "center", "dl",      "dt",      "dd",     "figure",     "figcaption",
        "pre",     "hr",     "details", "summary", "hgroup", "caption",    "fieldset",
        "body",    "html",   "ul",      "ol",      "li",     "table",      "tr",
        "td",      "th",     "thead",   "tbody",   "tfoot",  "blockquote",
    };
    for (std::string_view block : kBlocks) {
        if (name == block) return true;
    }
    return is_heading(name);
}

// "3" -> 3; 0 when not a positive number of a sane size.
long list_number(const std::string& value) {
    if (value.empty() || value.size() > 6) return 0;
    long n = 0;
    for (char c : value) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + (c - '0');
    }
    return n;
}

// Walks the main content and writes its blocks as structured text.
class HtmlBlocks {
  public:
    explicit HtmlBlocks(const xmlNode* root) : furniture_(root) {}

    void walk(const xmlNode* node) {
        for (const xmlNode* child = node->children; child; child = child->next) visit(child);
    }

    std::string finish() {
        flush();
        return out_.finish();
    }

  private:
    struct List {
        bool ordered = false;
        long next = 1;
    };

    void visit(const xmlNode* node) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            run_ += node_text(node);
            return;
        }
        if (node->type != XML_ELEMENT_NODE || furniture_.contains(node)) return;
        const std::string_view name = node_name(node);
        if (name == "br") {
            run_ += ' ';
        } else if (is_heading(name)) {
            flush();
            const std::string text = inline_text(node);
            if (quote_depth_ > 0 || !item_mark_.empty()) {
                run_ = text;
                flush();
            } else if (name == "h1") {
                out_.title(text);
            } else {
                out_.heading(text);
            }
        } else if (name == "blockquote") {
            flush();
            ++quote_depth_;
            walk(node);
            flush();
            --quote_depth_;
        } else if (name == "ul" || name == "ol" || name == "menu") {
            flush();
            List list;
            list.ordered = name == "ol";
            if (const long start = list_number(attribute(node, "start")); start > 0)
                list.next = start;
            lists_.push_back(list);
            walk(node);
            flush();
            lists_.pop_back();
        } else if (name == "li") {
            flush();
            item_mark_ = "- ";
            if (!lists_.empty() && lists_.back().ordered) {
                List& list = lists_.back();
                if (const long value = list_number(attribute(node, "value")); value > 0)
                    list.next = value;
                item_mark_ = std::to_string(list.next++) + ". ";
            }
            walk(node);
            flush();
            item_mark_.clear();
        } else if (name == "table" && !is_layout_table(node)) {
            flush();
            table_rows(node);
        } else if (is_block(name)) {
            flush();
            walk(node);
            flush();
        } else {
            walk(node);
        }
    }

    // A table whose cells hold paragraphs, headings or lists lays out the page: its cells are
    // read as blocks, not as a row of values.
    static bool is_layout_table(const xmlNode* table) {
        for (const xmlNode* child = table->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE) continue;
            const std::string_view name = node_name(child);
            if (name == "table" ||
                (is_block(name) && name != "tr" && name != "td" && name != "th" &&
                 name != "thead" && name != "tbody" && name != "tfoot" && name != "caption")) {
                return true;
            }
            if (is_layout_table(child)) return true;
        }
        return false;
    }

    // One paragraph a row, its non-empty cells joined by "; ".
    void table_rows(const xmlNode* node) {
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE || furniture_.contains(child)) continue;
            const std::string_view name = node_name(child);
            if (name == "tr") {
                std::string row;
                for (const xmlNode* cell = child->children; cell; cell = cell->next) {
                    if (!is_element(cell, "td") && !is_element(cell, "th")) continue;
                    const std::string text = collapse_whitespace(inline_text(cell));
                    if (text.empty()) continue;
                    if (!row.empty()) row += "; ";
                    row += text;
                }
                run_ = row;
                flush();
            } else if (name == "caption") {
                run_ = inline_text(child);
                flush();
            } else {
                table_rows(child);  // thead, tbody, tfoot
            }
        }
    }

    // Everything under `node` as one run of text: blocks and <br> become spaces.
    std::string inline_text(const xmlNode* node) const {
        std::string text;
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                text += node_text(child);
            } else if (child->type == XML_ELEMENT_NODE && !furniture_.contains(child)) {
                const std::string_view name = node_name(child);
                const bool spaced = name == "br" || is_block(name);
                if (spaced) text += ' ';
                text += inline_text(child);
                if (spaced) text += ' ';
            }
        }
        return text;
    }

    // Writes the text run so far as a paragraph in its context (quotation, list item).
    void flush() {
        if (collapse_whitespace(run_).empty()) {
            run_.clear();
            return;
        }
        std::string mark = quote_depth_ > 0 ? "> " : "";
        mark += item_mark_;
        item_mark_.clear();  // an item's later blocks continue it unmarked
        out_.paragraph(run_, mark);
        run_.clear();
    }

    const PageFurniture furniture_;
    StructuredTextWriter out_;
    std::string run_;
    int quote_depth_ = 0;
    std::string item_mark_;
    std::vector<List> lists_;
};

}  // namespace

ConvertedStatement html_text(std::string_view bytes) {
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw CorpusError("empty HTML file");
    if (looks_binary(bytes)) throw CorpusError("not an HTML file (binary data)");
    // Decoded here, not by libxml2, whose converters stop at the first bad byte and would
    // drop the rest of the page.
    const HtmlBytes page = html_to_utf8(bytes);
    if (page.utf8.size() > static_cast<std::size_t>(INT32_MAX))
        throw CorpusError("HTML file too large");
    init_libxml();
    xmlResetLastError();
    const XmlDocPtr doc(
        htmlReadMemory(page.utf8.data(), static_cast<int>(page.utf8.size()), nullptr, "UTF-8",
                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC));
    if (!doc || !xmlDocGetRootElement(doc.get())) throw CorpusError("not readable as HTML");
    // libxml2 stops reading at 256 nested elements and keeps what it read: say so, since the
    // rest of the page is lost.
    std::vector<std::string> warnings;
    if (page.replaced > 0) {
        warnings.push_back(std::to_string(page.replaced) +
                           (page.replaced == 1 ? " byte that is" : " bytes that are") +
                           " not UTF-8 read as Windows-1252");
    }
    const xmlError* error = xmlGetLastError();
    if (error && error->message &&
        std::string_view(error->message).find("Excessive depth") != std::string_view::npos) {
        warnings.push_back("line " + std::to_string(error->line) +
                           ": elements nested too deep (over 256): the rest of the page was "
                           "not read");
    }
    const xmlNode* root = html_main_content(doc.get());
    HtmlBlocks blocks(root);
    blocks.walk(root);
    ConvertedStatement converted;
    converted.text = blocks.finish();
    if (converted.text.empty()) {
        throw CorpusError(warnings.empty() ? "HTML page holds no text"
                                           : "HTML page holds no text before " + warnings[0]);
    }
    converted.title = html_title(doc.get());
    converted.date = html_date(doc.get());
    converted.warnings = std::move(warnings);
    return converted;
}

}  // namespace r2p
