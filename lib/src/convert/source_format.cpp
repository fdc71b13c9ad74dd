#include "convert/source_format.hpp"

#include <array>
#include <string>
#include <utility>

#include "text/ascii_case.hpp"

namespace r2p {
namespace {

// Word-processor, e-book and page formats users keep statements in that we cannot read:
// named in the run's report as skipped, so that none is lost without a word.
constexpr std::array<std::string_view, 12> kUnreadDocuments = {
    ".doc", ".rtf", ".odt",  ".pages", ".epub", ".wpd",
    ".ps",  ".xps", ".djvu", ".docm",  ".dotx", ".mht",
};

}  // namespace

SourceFormat source_format_of(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    if (name.empty() || name.front() == '.') return SourceFormat::Other;
    const std::string ext = detail::ascii_lower(path.extension().string());
    if (ext == ".txt") return SourceFormat::Text;
    if (ext == ".md" || ext == ".markdown") return SourceFormat::Markdown;
    if (ext == ".pdf") return SourceFormat::Pdf;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return SourceFormat::Html;
    if (ext == ".docx") return SourceFormat::Docx;
    for (std::string_view unread : kUnreadDocuments) {
        if (ext == unread) return SourceFormat::Unread;
    }
    return SourceFormat::Other;
}

bool is_readable_format(SourceFormat format) {
    return format != SourceFormat::Unread && format != SourceFormat::Other;
}

std::string_view format_name(SourceFormat format) {
    switch (format) {
        case SourceFormat::Text:
            return "text";
        case SourceFormat::Markdown:
            return "Markdown";
        case SourceFormat::Pdf:
            return "PDF";
        case SourceFormat::Html:
            return "HTML";
        case SourceFormat::Docx:
            return "DOCX";
        case SourceFormat::Unread:
            return "unread";
        case SourceFormat::Other:
            break;
    }
    return "other";
}

}  // namespace r2p
