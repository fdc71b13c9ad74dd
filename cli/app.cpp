#include "cli/app.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include <xapian.h>

#include "r2p/collections.hpp"
#include "r2p/error.hpp"

namespace r2p::cli {

namespace {

int report(std::string_view tool, std::string_view what, int code) {
    std::cerr << "r2p-" << tool << ": error: " << what << '\n';
    return code;
}

}  // namespace

int run_tool(std::string_view tool, const std::function<int()>& body) {
    try {
        return body();
    } catch (const po::error& e) {
        return report(tool, std::string(e.what()) + " (see --help)", kUsage);
    } catch (const UsageError& e) {
        return report(tool, e.what(), kUsage);
    } catch (const TaxonomyError& e) {
        // A broken taxonomy is a problem with what the user gave us, like a bad option.
        return report(tool, e.what(), kUsage);
    } catch (const Error& e) {
        return report(tool, e.what(), kDatabase);
    } catch (const Xapian::Error& e) {
        return report(tool, e.get_description(), kDatabase);
    } catch (const std::bad_alloc&) {
        return report(tool, "out of memory", kDatabase);
    } catch (const std::exception& e) {
        return report(tool, e.what(), kDatabase);
    }
}

po::options_description standard_options() {
    po::options_description options;
    options.add_options()("help,h", "show this help and exit")("version",
                                                               "show the version and exit");
    return options;
}

bool parse_command_line(int argc, const char* const argv[], std::string_view tool,
                        std::string_view usage_line, const po::options_description& visible,
                        const po::options_description& hidden,
                        const po::positional_options_description& positional,
                        po::variables_map& vm) {
    po::options_description shown = standard_options();
    shown.add(visible);
    po::options_description all;
    all.add(shown).add(hidden);
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
        std::cout << "usage: r2p-" << tool << ' ' << usage_line << "\n\n"
                  << format_help(shown) << '\n';
        return false;
    }
    if (vm.count("version")) {
        std::cout << "r2p-" << tool << ' ' << R2P_VERSION << " (Xapian " << Xapian::version_string()
                  << ")\n";
        return false;
    }
    po::notify(vm);
    return true;
}

bool parse_command_line(int argc, const char* const argv[], std::string_view tool,
                        std::string_view usage_line, const po::options_description& visible,
                        const po::positional_options_description& positional,
                        po::variables_map& vm) {
    return parse_command_line(argc, argv, tool, usage_line, visible, po::options_description(),
                              positional, vm);
}

po::options_description taxonomy_options(TaxonomyDefault defaults) {
    const std::string from = defaults == TaxonomyDefault::Database
                                 ? "the database's, else corpus/taxonomy/"
                                 : "corpus/taxonomy/";
    po::options_description options("Taxonomy");
    options.add_options()("themes", po::value<std::string>()->value_name("FILE"),
                          ("theme taxonomy (default: " + from + "themes.conf)").c_str())(
        "roles", po::value<std::string>()->value_name("FILE"),
        ("speaker-role taxonomy (default: " + from + "roles.conf)").c_str())(
        "synonyms", po::value<std::string>()->value_name("FILE"),
        ("query synonyms (default: " + from + "synonyms.conf, if there)").c_str());
    return options;
}

NamedTaxonomyFiles read_named_taxonomy_files(const po::variables_map& vm) {
    NamedTaxonomyFiles named;
    const auto read = [&](const char* option, std::optional<TaxonomyText>& text) {
        if (vm.count(option)) text = read_taxonomy_text(vm[option].as<std::string>());
    };
    read("themes", named.themes);
    read("roles", named.roles);
    read("synonyms", named.synonyms);
    return named;
}

Taxonomy resolve_taxonomy(const NamedTaxonomyFiles& named,
                          const std::optional<TaxonomyTexts>& stored) {
    // Default files are read only for the parts neither named nor stored: with all three
    // named, the tools work where there is no corpus/taxonomy.
    const TaxonomyFiles defaults = default_taxonomy_files(default_taxonomy_dir());
    TaxonomyTexts texts;
    texts.themes = named.themes ? *named.themes
                   : stored     ? stored->themes
                                : read_taxonomy_text(defaults.themes);
    texts.roles = named.roles ? *named.roles
                  : stored    ? stored->roles
                              : read_taxonomy_text(defaults.roles);
    texts.synonyms = named.synonyms ? *named.synonyms
                     : stored       ? stored->synonyms
                                    : read_optional_taxonomy_text(defaults.synonyms);
    return parse_taxonomy(texts);
}

Taxonomy load_taxonomy_from(const po::variables_map& vm) {
    return resolve_taxonomy(read_named_taxonomy_files(vm), std::nullopt);
}

namespace {

// corpus/FOLDER under the working directory when there, else the source tree's.
std::filesystem::path corpus_data_dir(const char* folder) {
    std::error_code ec;
    const std::filesystem::path local = std::filesystem::path("corpus") / folder;
    if (std::filesystem::is_directory(local, ec)) return local;
    return std::filesystem::path(R2P_SOURCE_CORPUS_DIR) / folder;
}

}  // namespace

std::filesystem::path default_taxonomy_dir() { return corpus_data_dir("taxonomy"); }

std::filesystem::path default_collections_dir() { return corpus_data_dir("collections"); }

std::filesystem::path resolve_collection_profile(const std::string& name_or_file) {
    const std::filesystem::path dir = default_collections_dir();
    const std::filesystem::path path = collection_profile_path(name_or_file, dir);
    std::error_code ec;
    if (path.string() != name_or_file && !std::filesystem::is_regular_file(path, ec)) {
        std::string known;
        for (const std::string& name : known_collection_profiles(dir))
            known += (known.empty() ? "" : ", ") + name;
        throw UsageError("unknown collection profile '" + name_or_file +
                         "' (known: " + (known.empty() ? "none in " + dir.string() : known) + ")");
    }
    return path;
}

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

bool colour_allowed(bool terminal, const char* no_color) {
    return terminal && (no_color == nullptr || *no_color == '\0');
}

bool stdout_may_use_colour() {
    return colour_allowed(stdout_is_terminal(), std::getenv("NO_COLOR"));
}

namespace {

std::string_view trim_end(std::string_view s) {
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// `text` in lines of at most `width` characters, broken at spaces only.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            lines.push_back(std::move(line));
            line.clear();
        }
        if (!line.empty()) line += ' ';
        line += word;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

}  // namespace

std::string format_help(const po::options_description& options, std::size_t width) {
    struct Entry {
        std::string left;  // "  --db DIR"
        std::string description;
    };
    std::vector<Entry> entries;
    std::size_t column = 0;
    for (const auto& option : options.options()) {
        std::string left = "  " + option->format_name() + " " + option->format_parameter();
        left = std::string(trim_end(left));
        column = std::max(column, left.size() + 2);
        entries.push_back({std::move(left), option->description()});
    }
    column = std::min(column, width / 2);

    std::ostringstream boost_text;
    boost_text << options;
    std::ostringstream out;
    std::istringstream lines(boost_text.str());
    for (std::string line; std::getline(lines, line);) {
        // Boost's continuation lines: written again below, with their option.
        if (line.starts_with(" ") && !line.starts_with("  -") && !trim_end(line).empty()) {
            continue;
        }
        const auto entry = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) {
            return line.starts_with(e.left) &&
                   (line.size() == e.left.size() || line[e.left.size()] == ' ');
        });
        if (!line.starts_with("  -") || entry == entries.end()) {
            out << trim_end(line) << '\n';
            continue;
        }
        out << entry->left;
        std::size_t at = entry->left.size();
        const auto wrapped = wrap_words(entry->description, width - column);
        if (!wrapped.empty() && at + 1 > column) {
            out << '\n';
            at = 0;
        }
        for (std::size_t i = 0; i < wrapped.size(); ++i) {
            if (i != 0) {
                out << '\n';
                at = 0;
            }
            out << std::string(column - at, ' ') << wrapped[i];
        }
        out << '\n';
    }
    return out.str();
}

}  // namespace r2p::cli
