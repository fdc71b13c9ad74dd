// The words of a PDF's pages as poppler-cpp reads them: the one place that talks to poppler.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace r2p::detail {

/// One word as printed: its text (UTF-8), its box in points from the page's top left corner,
/// its type size and whether its font is bold.
struct PdfWord {
    std::string text;
    double x0 = 0, top = 0, x1 = 0, bottom = 0;
    double size = 0;
    bool bold = false;
    bool space_after = false;  ///< poppler saw a space after it on the same line
};

struct PdfPage {
    double width = 0, height = 0;
    std::vector<PdfWord> words;  ///< horizontal words only, in poppler's order
};

struct PdfPages {
    std::vector<PdfPage> pages;
    std::string info_title;             ///< the document information's Title, UTF-8; may be empty
    std::vector<std::string> warnings;  ///< "page 3: ..." for pages poppler could not open
};

/// Reads every page's words. Throws CorpusError "not a readable PDF file" (not a PDF,
/// damaged), "encrypted PDF (needs a password)" or "no text in the PDF (scanned pages need
/// OCR)". Poppler's own messages are silenced for the whole process on the first call.
PdfPages read_pdf_pages(std::string_view bytes);

}  // namespace r2p::detail
