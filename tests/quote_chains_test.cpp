// continued_quotes: which paragraphs go on with the quote the paragraph before left open.
#include "tag/quote_chains.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse/document.hpp"
#include "parse/quotes.hpp"

namespace {

r2p::Document doc_of(const std::vector<std::string>& texts) {
    r2p::Document doc;
    for (const auto& t : texts) {
        r2p::Paragraph p;
        p.text = t;
        p.quotes = r2p::find_quotes(t);
        doc.paragraphs.push_back(p);
    }
    return doc;
}

}  // namespace

TEST_SUITE("quote_chains") {
    TEST_CASE("an open quote goes on into paragraphs that open with a quotation mark") {
        const auto doc = doc_of({
            "She told the Council: \u201CWe have seen the warning signs before.",
            "\u201CThen came the killings, and each time the world said it had not known.",
            "\u201CThis time we know.\u201D",
            "\u201CA new quote, closed before,\u201D another said.",
            "Then the debate moved on.",
        });
        CHECK(r2p::detail::continued_quotes(doc) ==
              std::vector<bool>{false, true, true, false, false});
    }

    TEST_CASE("no chain without an open quote or without an opening mark") {
        const auto doc = doc_of({
            "She said: \u201CWe have seen the warning signs before.",
            "Delegates heard that \u201Cthe lists are being drawn up again\u201D.",
            "\u00AB Les signes sont l\u00E0 \u00BB, a-t-il dit.",
        });
        CHECK(r2p::detail::continued_quotes(doc) == std::vector<bool>{false, false, false});
    }

    TEST_CASE("consecutive block quotes are one quotation") {
        r2p::Document doc = doc_of({"As the Secretary-General reminded us:", "", "", "After."});
        for (std::size_t p : {1u, 2u}) {
            doc.paragraphs[p].text = "Prevention is the daily work of governments.";
            r2p::Quote q{0, doc.paragraphs[p].text.size(), doc.paragraphs[p].text, true};
            q.block = true;
            doc.paragraphs[p].quotes = {q};
        }
        CHECK(r2p::detail::continued_quotes(doc) == std::vector<bool>{false, false, true, false});
    }
}
