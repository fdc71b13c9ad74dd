#include "search/passage_context.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>
#include <vector>

#include "index/stored_passage.hpp"
#include "index/stored_passage_reader.hpp"
#include "r2p/schema.hpp"

namespace r2p {

namespace {

// The number after `marker` ("/p", "/q") at the end of `id`, and where the marker starts.
std::optional<std::pair<std::size_t, std::size_t>> trailing_number(std::string_view id,
                                                                   std::string_view marker) {
    const std::size_t at = id.rfind(marker);
    if (at == std::string_view::npos || at == 0) return std::nullopt;
    const std::string_view digits = id.substr(at + marker.size());
    if (digits.empty() || digits.size() > 9 || digits.front() == '0') return std::nullopt;
    std::size_t n = 0;
    for (const char c : digits) {
        if (std::isdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return std::pair{n, at};
}

// Every passage holding `term`, in docid order.
std::vector<StoredPassage> passages_with(const Xapian::Database& db, const std::string& term) {
    std::vector<StoredPassage> out;
    if (term.size() > schema::kMaxTermBytes) return out;
    StoredPassageReader reader(db);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        out.push_back(reader.read(*it));
    }
    return out;
}

std::optional<StoredPassage> passage_by_id(const Xapian::Database& db, const std::string& id) {
    std::vector<StoredPassage> found = passages_with(db, std::string(schema::kIdPrefix) + id);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

// A quote's number M of "…/qM" (quotes of one paragraph sort by it); 0 when it has none.
std::size_t quote_number(const std::string& id) {
    const auto n = trailing_number(id, "/q");
    return n ? n->first : 0;
}

}  // namespace

std::optional<std::size_t> paragraph_number(const std::string& id) {
    const auto n = trailing_number(id, "/p");
    if (!n) return std::nullopt;
    return n->first;
}

std::optional<PassageContext> read_passage_context(const Xapian::Database& db,
                                                   const std::string& id, std::size_t around) {
    std::optional<StoredPassage> passage = passage_by_id(db, id);
    if (!passage) return std::nullopt;
    PassageContext context;
    context.passage = std::move(*passage);
    const StoredPassage& p = context.passage;
    const std::string paragraph = p.parent.empty() ? p.id : p.parent;
    if (!p.parent.empty()) context.parent = passage_by_id(db, p.parent);

    context.quotes = passages_with(db, std::string(schema::kParentPrefix) + paragraph);
    std::stable_sort(context.quotes.begin(), context.quotes.end(),
                     [](const StoredPassage& a, const StoredPassage& b) {
                         return quote_number(a.id) < quote_number(b.id);
                     });

    // Neighbours by number: paragraph ids are dense from 1 in document order.
    const auto number = trailing_number(paragraph, "/p");
    if (!number) return context;
    const auto [n, at] = *number;
    const std::string stem = paragraph.substr(0, at) + "/p";
    for (std::size_t k = n > around ? n - around : 1; k < n; ++k) {
        if (auto before = passage_by_id(db, stem + std::to_string(k))) {
            context.before.push_back(std::move(*before));
        }
    }
    for (std::size_t k = n + 1; k - n <= around; ++k) {
        auto after = passage_by_id(db, stem + std::to_string(k));
        if (!after) break;  // past the document's last paragraph
        context.after.push_back(std::move(*after));
    }
    return context;
}

}  // namespace r2p
