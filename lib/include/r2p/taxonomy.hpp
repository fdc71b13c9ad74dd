// The theme and speaker-role taxonomies, loaded from the data files in corpus/taxonomy/.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace r2p {

/// A theme: what passages are about.
struct Theme {
    std::string id;                     ///< "accountability"
    std::string label;                  ///< "Ending impunity"
    std::vector<std::string> headings;  ///< heading / run-in heading aliases naming the theme
    std::vector<std::string> cues;      ///< cue phrases; matched stemmed and folded
};

/// A speaker role: who speaks.
struct Role {
    std::string id;                    ///< "deputy-secretary-general"
    std::string label;                 ///< "Deputy Secretary-General"
    std::vector<std::string> aliases;  ///< phrases naming the role ("Deputy Secretary-General",
                                       ///< "DSG"); singular and plural forms both listed
};

/// Words the speaker tagger needs; data, so other conventions can be taught without code.
struct AttributionRules {
    std::vector<std::string> speech_verbs;  ///< "said", "argued", "noted", ...
    std::vector<std::string> honorifics;    ///< "H.E.", "Mr.", "Dr.", ...
    std::vector<std::string> indefinites;   ///< "one", "a", "several", "some": no name given
    std::vector<std::string> lead_ins;      ///< "in the words of", "according to", ...
};

/// A group of query words that mean the same ("R2P", "RtoP", "responsibility to protect").
struct SynonymGroup {
    std::vector<std::string> phrases;
};

/// Everything loaded from the taxonomy files.
struct Taxonomy {
    std::vector<Theme> themes;
    std::vector<Role> roles;
    AttributionRules attribution;
    std::vector<SynonymGroup> synonyms;

    /// The theme with this id, or nullptr.
    const Theme* find_theme(const std::string& id) const;
    /// The role with this id, or nullptr.
    const Role* find_role(const std::string& id) const;
};

/// Paths of the taxonomy files; empty members mean "the default in taxonomy_dir".
struct TaxonomyFiles {
    std::filesystem::path themes;
    std::filesystem::path roles;
    std::filesystem::path synonyms;  ///< optional file: missing is not an error
};

/// Default taxonomy file paths under `dir` (normally corpus/taxonomy).
TaxonomyFiles default_taxonomy_files(const std::filesystem::path& dir);

/// Loads and validates the taxonomy. Throws TaxonomyError "FILE:LINE: reason" on a syntax
/// error, a duplicate id, an entry without id or label, or a missing themes/roles file.
Taxonomy load_taxonomy(const TaxonomyFiles& files);

}  // namespace r2p
