#include "convert/docx_text.hpp"

#include "r2p/error.hpp"

namespace r2p {

ConvertedStatement docx_text(std::string_view /*bytes*/) {
    throw CorpusError("DOCX files are not read yet");
}

}  // namespace r2p
