#include "convert/docx_text.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <string>

#include "convert/docx_styles.hpp"
#include "convert/libxml_support.hpp"
#include "convert/structured_text_writer.hpp"
#include "convert/zip_members.hpp"
#include "r2p/error.hpp"

namespace r2p {

namespace {

constexpr const char* kDocument = "word/document.xml";
constexpr const char* kStyles = "word/styles.xml";
constexpr const char* kNumbering = "word/numbering.xml";
constexpr const char* kCore = "docProps/core.xml";

// Parses a package part; entities are not expanded and nothing is fetched (XXE-safe).
// Throws CorpusError "damaged DOCX: NAME is not well-formed XML (line N)" when `required`,
// else returns null for a part that does not parse.
XmlDocPtr parse_part(const std::string& name, const std::string& bytes, bool required) {
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        if (!required) return nullptr;
        throw CorpusError("damaged DOCX: " + name + " too large");
    }
    xmlResetLastError();
    XmlDocPtr doc(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name.c_str(), nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (!doc && required) {
        const xmlError* error = xmlGetLastError();
        throw CorpusError("damaged DOCX: " + name + " is not well-formed XML" +
                          (error && error->line > 0 ? " (line " + std::to_string(error->line) + ")"
                                                    : std::string()));
    }
    return doc;
}

const xmlNode* child_element(const xmlNode* node, std::string_view name) {
    for (const xmlNode* child = node ? node->children : nullptr; child; child = child->next) {
        if (is_element(child, name)) return child;
    }
    return nullptr;
}

// The text of a paragraph's runs: w:t, tabs and breaks as spaces. Deleted text (w:delText),
// field codes (w:instrText), footnote and comment references carry no w:t and are left out;
// text boxes and drawings are not the paragraph's text.
void run_text(const xmlNode* node, std::string& text) {
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        const std::string_view name = node_name(child);
        if (name == "t") {
            for (const xmlNode* t = child->children; t; t = t->next) text += node_text(t);
        } else if (name == "tab" || name == "br" || name == "cr") {
            text += ' ';
        } else if (name == "noBreakHyphen") {
            text += '-';
        } else if (name == "drawing" || name == "pict" || name == "txbxContent" ||
                   name == "Fallback" || name == "del" || name == "pPr" || name == "rPr") {
            continue;
        } else {
            run_text(child, text);
        }
    }
}

std::string cell_text(const xmlNode* cell) {
    std::string text;
    for (const xmlNode* child = cell->children; child; child = child->next) {
        if (is_element(child, "p")) {
            run_text(child, text);
            text += ' ';
        } else if (is_element(child, "tbl") || is_element(child, "sdt")) {
            text += cell_text(child) + ' ';
        } else if (child->type == XML_ELEMENT_NODE) {
            text += cell_text(child);
        }
    }
    return text;
}

class DocxBody {
  public:
    explicit DocxBody(DocxStyles& styles) : styles_(styles) {}

    void blocks(const xmlNode* parent) {
        for (const xmlNode* child = parent->children; child; child = child->next) {
            const std::string_view name = node_name(child);
            if (name == "p") {
                paragraph(child);
            } else if (name == "tbl") {
                table(child);
            } else if (name == "sdt") {
                if (const xmlNode* content = child_element(child, "sdtContent")) blocks(content);
            } else if (name == "customXml" || name == "ins" || name == "smartTag") {
                blocks(child);
            }
        }
    }

    std::string finish() const { return out_.finish(); }

  private:
    void paragraph(const xmlNode* p) {
        std::string text;
        run_text(p, text);
        if (collapse_whitespace(text).empty()) return;  // empty paragraphs are not list items
        const xmlNode* properties = child_element(p, "pPr");
        const std::string style = attribute(child_element(properties, "pStyle"), "val");
        // Asked for every paragraph, numbered headings too, so list counters stay in step.
        const std::string mark = styles_.list_mark(properties, style);
        switch (styles_.block_of(style)) {
            case DocxBlock::Title:
                out_.title(text);
                return;
            case DocxBlock::Heading:
                out_.heading(text);
                return;
            case DocxBlock::Quote:
                out_.paragraph(text, "> " + mark);
                return;
            case DocxBlock::Body:
                break;
        }
        if (mark.size() > 2 && mark.front() == '(') {
            out_.paragraph(mark + text);  // "(a) ": a lettered item reads as its label
        } else {
            out_.paragraph(text, mark);
        }
    }

    void table(const xmlNode* tbl) {
        for (const xmlNode* row = tbl->children; row; row = row->next) {
            if (!is_element(row, "tr")) continue;
            std::string line;
            for (const xmlNode* cell = row->children; cell; cell = cell->next) {
                if (!is_element(cell, "tc")) continue;
                const std::string text = collapse_whitespace(cell_text(cell));
                if (text.empty()) continue;
                if (!line.empty()) line += "; ";
                line += text;
            }
            out_.paragraph(line);
        }
    }

    DocxStyles& styles_;
    StructuredTextWriter out_;
};

std::string core_title(const xmlDoc* core) {
    const xmlNode* root = core ? xmlDocGetRootElement(core) : nullptr;
    const xmlNode* title = child_element(root, "title");
    if (!title) return {};
    std::string text;
    for (const xmlNode* t = title->children; t; t = t->next) text += node_text(t);
    return collapse_whitespace(text);
}

}  // namespace

ConvertedStatement docx_text(std::string_view bytes) {
    if (bytes.empty()) throw CorpusError("empty DOCX file");
    std::map<std::string, std::string> parts;
    try {
        parts = read_zip_members(bytes, {kDocument, kStyles, kNumbering, kCore});
    } catch (const ZipError& e) {
        if (e.not_zip()) throw CorpusError("not a DOCX file (not a zip archive)");
        throw CorpusError(std::string("damaged DOCX: ") + e.what());
    }
    if (!parts.count(kDocument)) throw CorpusError("not a DOCX file (no word/document.xml)");
    init_libxml();
    const XmlDocPtr document = parse_part(kDocument, parts[kDocument], true);
    const XmlDocPtr styles = parse_part(kStyles, parts[kStyles], false);
    const XmlDocPtr numbering = parse_part(kNumbering, parts[kNumbering], false);
    const XmlDocPtr core = parse_part(kCore, parts[kCore], false);
    const xmlNode* body = child_element(xmlDocGetRootElement(document.get()), "body");
    if (!body) throw CorpusError("damaged DOCX: word/document.xml has no w:body");
    DocxStyles docx_styles(styles.get(), numbering.get());
    DocxBody reader(docx_styles);
    reader.blocks(body);
    ConvertedStatement converted;
    converted.text = reader.finish();
    if (converted.text.empty()) throw CorpusError("DOCX document holds no text");
    converted.title = core_title(core.get());
    return converted;
}

}  // namespace r2p
