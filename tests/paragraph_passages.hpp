// One passage per paragraph of a statement (ids DOC/p1, DOC/p2, ...), as tests hand them to
// IndexWriter; callers add speakers, themes or quotes.
#pragma once

#include <string>
#include <vector>

#include "parse/passage.hpp"

namespace r2p::test {

inline std::vector<Passage> paragraph_passages(const Document& doc) {
    std::vector<Passage> passages;
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
        Passage p;
        p.id = doc.meta.id + "/p" + std::to_string(i + 1);
        p.text = doc.paragraphs[i].text;
        p.paragraph_index = i;
        passages.push_back(p);
    }
    return passages;
}

}  // namespace r2p::test
