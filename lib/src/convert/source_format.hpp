// Which reader a statement file needs, told by its name: plain text, Markdown, PDF, HTML or
// DOCX; and the document formats we know of but do not read.
#pragma once

#include <filesystem>
#include <string_view>

namespace r2p {

enum class SourceFormat {
    Text,      ///< .txt
    Markdown,  ///< .md, .markdown
    Pdf,       ///< .pdf
    Html,      ///< .html, .htm, .xhtml
    Docx,      ///< .docx
    Unread,    ///< a document format we know and do not read (.doc, .rtf, .odt, ...)
    Other,     ///< not a statement at all (sidecars, images, data, hidden files)
};

/// The format of the file `path` names, by its extension (case-insensitive). Hidden files
/// (a leading dot) and sidecars (NAME.meta.json) are Other.
SourceFormat source_format_of(const std::filesystem::path& path);

/// True for the formats r2p-index reads (Text to Docx).
bool is_readable_format(SourceFormat format);

/// "text", "Markdown", "PDF", "HTML", "DOCX", "unread", "other": for messages.
std::string_view format_name(SourceFormat format);

}  // namespace r2p
