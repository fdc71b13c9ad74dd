#include "cli/app.hpp"

#include <unistd.h>

#include <iostream>

#include <xapian.h>

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
        std::cout << "usage: r2p-" << tool << ' ' << usage_line << "\n\n" << shown << '\n';
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

std::filesystem::path default_taxonomy_dir() {
    std::error_code ec;
    const std::filesystem::path local = "corpus/taxonomy";
    if (std::filesystem::is_directory(local, ec)) return local;
    return R2P_SOURCE_TAXONOMY_DIR;
}

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace r2p::cli
