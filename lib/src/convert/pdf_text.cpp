#include "convert/pdf_text.hpp"

#include "r2p/error.hpp"

namespace r2p {

ConvertedStatement pdf_text(std::string_view /*bytes*/) {
    throw CorpusError("PDF files are not read yet");
}

}  // namespace r2p
