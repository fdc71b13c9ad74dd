// Words split by a hyphen at the end of a line: joined back, or kept as the compound they are.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace r2p::detail {

/// How the two halves of a word hyphenated at a line end are put back together.
enum class HyphenJoin {
    kDropHyphen,          ///< "inter-" + "national" -> "international"
    kKeepHyphen,          ///< "Secretary-" + "General" -> "Secretary-General"
    kKeepHyphenAndSpace,  ///< "pre-" + "and post-conflict": a suspended compound
};

/// The system word lists (/usr/share/dict/american-english and british-english), lower-cased,
/// read once per process on first use (thread-safe). Empty when neither file exists: callers
/// then decide with the document's own vocabulary alone.
const std::unordered_set<std::string>& system_words();

/// Decides line-end hyphens for one document. The document's own vocabulary decides first
/// (the joined word, or the hyphenated form, used elsewhere in the same text), then the system
/// word lists, then the shape of the halves (lower case on both sides joins). The vocabulary
/// is counted on the first call only, so documents without line-end hyphens pay nothing.
/// Keeps a view of `document`, which must outlive it.
class LineEndHyphens {
  public:
    explicit LineEndHyphens(std::string_view document) : document_(document) {}
    /// With `words` (lower-case) in place of the system word lists; `words` must outlive it.
    LineEndHyphens(std::string_view document, const std::unordered_set<std::string>& words)
        : document_(document), words_(&words) {}

    /// `left` is the word that ends the line, hyphen included ("inter-"); `right` is the first
    /// word of the next line ("national,"). Punctuation around the words is allowed.
    HyphenJoin decide(std::string_view left, std::string_view right);

  private:
    void count_words();
    std::size_t uses(const std::string& lower_word) const;

    std::string_view document_;
    const std::unordered_set<std::string>* words_ = nullptr;  // null: system_words()
    bool counted_ = false;
    std::string lower_;  // the document, ASCII lower-cased; the keys below view it
    std::unordered_map<std::string_view, std::size_t> counts_;
};

/// `text` with the words that a lost line break left split inside a line ("inter- national",
/// "Secretary- General") put back together as `hyphens` decides; "pre- and post-conflict" and
/// dashes with a space on both sides ("force - we") stay. Linear in the size of `text`.
std::string rejoin_split_words(std::string_view text, LineEndHyphens& hyphens);

}  // namespace r2p::detail
