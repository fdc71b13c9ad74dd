#include "convert/convert_statement.hpp"

#include <string>

#include "convert/docx_text.hpp"
#include "convert/html_text.hpp"
#include "convert/pdf_text.hpp"
#include "r2p/error.hpp"

namespace r2p {

ConvertedStatement convert_statement(SourceFormat format, std::string_view bytes) {
    switch (format) {
        case SourceFormat::Pdf:
            return pdf_text(bytes);
        case SourceFormat::Html:
            return html_text(bytes);
        case SourceFormat::Docx:
            return docx_text(bytes);
        default:
            break;
    }
    throw CorpusError(std::string(format_name(format)) + " files are not converted");
}

}  // namespace r2p
