#include "convert/html_text.hpp"

#include "r2p/error.hpp"

namespace r2p {

ConvertedStatement html_text(std::string_view /*bytes*/) {
    throw CorpusError("HTML files are not read yet");
}

}  // namespace r2p
