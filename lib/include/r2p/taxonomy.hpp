// The theme and speaker-role taxonomies, loaded from the data files in corpus/taxonomy/.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace r2p {

/// How many distinct weak cues of a theme a paragraph needs when themes.conf gives no
/// `weak-min`: one weak cue alone ("civilians") says little, two together say more.
inline constexpr std::size_t kDefaultWeakMin = 2;

/// A theme: what passages are about.
struct Theme {
    std::string id;                     ///< "accountability"
    std::string label;                  ///< "Ending impunity"
    std::vector<std::string> headings;  ///< heading / run-in heading aliases naming the theme
    std::vector<std::string> cues;      ///< cue phrases; matched stemmed and folded
    /// Weak cue phrases, matched as cues are: the theme follows from `weak_min` distinct
    /// ones in a paragraph ("hospitals" and "humanitarian law"), never from one.
    std::vector<std::string> weak{};         // {}: brace-initialised Themes need not name it
    std::size_t weak_min = kDefaultWeakMin;  ///< distinct weak cues needed (1..9)

    bool operator==(const Theme&) const = default;
};

/// A speaker role: who speaks.
struct Role {
    std::string id;                    ///< "deputy-secretary-general"
    std::string label;                 ///< "Deputy Secretary-General"
    std::vector<std::string> aliases;  ///< phrases naming the role ("Deputy Secretary-General",
                                       ///< "DSG"); singular and plural forms both listed

    bool operator==(const Role&) const = default;
};

/// Words the speaker tagger needs; data, so other conventions can be taught without code.
struct AttributionRules {
    std::vector<std::string> speech_verbs;  ///< "said", "argued", "noted", ...
    std::vector<std::string> honorifics;    ///< "H.E.", "Mr.", "Dr.", ...
    std::vector<std::string> indefinites;   ///< "one", "a", "several", "some": no name given
    std::vector<std::string> lead_ins;      ///< "in the words of", "according to", ...

    bool operator==(const AttributionRules&) const = default;
};

/// A group of query words that mean the same ("R2P", "RtoP", "responsibility to protect").
struct SynonymGroup {
    std::vector<std::string> phrases;

    bool operator==(const SynonymGroup&) const = default;
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

    bool operator==(const Taxonomy&) const = default;
};

/// Paths of the taxonomy files; empty members mean "the default in corpus/taxonomy".
struct TaxonomyFiles {
    std::filesystem::path themes;
    std::filesystem::path roles;
    std::filesystem::path synonyms;
    /// Whether a missing `synonyms` file means "no synonyms" (so for the default file);
    /// a file the user named must be there. The default path is always optional.
    bool synonyms_optional = false;
};

/// Default taxonomy file paths under `dir` (normally corpus/taxonomy), synonyms optional.
TaxonomyFiles default_taxonomy_files(const std::filesystem::path& dir);

/// One taxonomy file's content, and the name its error messages give ("FILE:LINE: reason").
struct TaxonomyText {
    std::string name;  ///< a path, or what a database stored it as
    std::string text;
};

/// The content of the three taxonomy files (an empty synonyms text: no synonyms).
struct TaxonomyTexts {
    TaxonomyText themes;
    TaxonomyText roles;
    TaxonomyText synonyms;

    /// Equal when the texts are (whatever their names).
    bool operator==(const TaxonomyTexts& other) const {
        return themes.text == other.themes.text && roles.text == other.roles.text &&
               synonyms.text == other.synonyms.text;
    }
};

/// Reads one taxonomy file. Throws TaxonomyError "PATH: cannot open taxonomy file" when it
/// is missing or unreadable, "PATH: cannot read taxonomy file..." for a folder or a read
/// error.
TaxonomyText read_taxonomy_text(const std::filesystem::path& path);

/// As read_taxonomy_text, but a file that does not exist reads as empty (the optional
/// default synonyms file).
TaxonomyText read_optional_taxonomy_text(const std::filesystem::path& path);

/// Reads the three files (see TaxonomyFiles for defaults and the optional synonyms file).
/// Throws TaxonomyError as read_taxonomy_text does.
TaxonomyTexts read_taxonomy_texts(const TaxonomyFiles& files);

/// Parses and validates the texts. Throws TaxonomyError "NAME:LINE: reason" on a syntax
/// error, a duplicate id, an entry without id or label, a themes or roles text without
/// entries.
Taxonomy parse_taxonomy(const TaxonomyTexts& texts);

/// read_taxonomy_texts, then parse_taxonomy.
Taxonomy load_taxonomy(const TaxonomyFiles& files);

/// The taxonomy written back in the files' format (ids, labels and lists; no comments):
/// parse_taxonomy(format_taxonomy(t)) gives `t` again. Names are "themes.conf",
/// "roles.conf", "synonyms.conf".
TaxonomyTexts format_taxonomy(const Taxonomy& taxonomy);

}  // namespace r2p
