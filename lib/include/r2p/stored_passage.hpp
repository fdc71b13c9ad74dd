// What each Xapian document's data holds: everything needed to display a passage.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace r2p {

/// A passage as stored in the index and shown in results.
struct StoredPassage {
    std::string id;
    std::string kind;  ///< "paragraph" | "quote"
    std::string text;  ///< original text, NFC (not folded)
    std::vector<std::string> themes;
    std::vector<std::string> roles;
    std::optional<std::string> speaker;
    std::string parent;  ///< paragraph id of a quote, else empty
    std::string section;
    std::string doc_id;
    std::string doc_title;
    std::string doc_date;
    std::string doc_path;
    std::size_t line = 0;        ///< line of the paragraph in the file (1-based)
    std::string doc_event;       ///< from the sidecar; empty when not given
    std::string doc_place;       ///< from the sidecar; empty when not given
    std::string doc_source_url;  ///< from the sidecar; empty when not given
};

}  // namespace r2p
