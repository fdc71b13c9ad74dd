// make_passages: a parsed document's paragraphs and speech quotes as indexable passages.
#include "parse/passage.hpp"

#include <string>

namespace r2p {

std::string_view kind_name(PassageKind kind) {
    switch (kind) {
        case PassageKind::Paragraph:
            return "paragraph";
        case PassageKind::Quote:
            return "quote";
    }
    return "paragraph";
}

std::vector<Passage> make_passages(const Document& doc) {
    std::vector<Passage> passages;
    passages.reserve(doc.paragraphs.size());
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
        const Paragraph& paragraph = doc.paragraphs[p];
        Passage para;
        para.id = doc.meta.id + "/p" + std::to_string(p + 1);
        para.kind = PassageKind::Paragraph;
        para.text = paragraph.text;
        para.paragraph_index = p;
        const std::string parent_id = para.id;
        passages.push_back(std::move(para));

        std::size_t speech_number = 0;
        for (std::size_t q = 0; q < paragraph.quotes.size(); ++q) {
            const Quote& quote = paragraph.quotes[q];
            if (!quote.speech) continue;
            Passage passage;
            passage.id = parent_id + "/q" + std::to_string(++speech_number);
            passage.kind = PassageKind::Quote;
            passage.text = quote.text;
            passage.parent_id = parent_id;
            passage.paragraph_index = p;
            passage.quote_index = q;
            passages.push_back(std::move(passage));
        }
    }
    return passages;
}

}  // namespace r2p
