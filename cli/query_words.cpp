#include "cli/query_words.hpp"

namespace r2p::cli {

namespace {

// The option a "--name[=value]" or "-x" argument names in `known`, if any. Long names must be
// spelt out in full once the words have started: `impunity --lim` is two words.
const po::option_description* find_option(const std::string& arg,
                                          const po::options_description& known, bool guess) {
    if (arg.rfind("--", 0) == 0) {
        const std::string name = arg.substr(2, arg.find('=') - 2);
        if (name.empty()) return nullptr;
        try {
            return known.find_nothrow(name, guess);
        } catch (const po::error&) {
            return nullptr;  // ambiguous: the parser says so
        }
    }
    if (arg.size() == 2 && arg[0] == '-') {
        // Short options are found by their "-x" form.
        for (const auto& option : known.options()) {
            if (option->canonical_display_name(po::command_line_style::allow_dash_for_short) ==
                arg) {
                return option.get();
            }
        }
    }
    return nullptr;
}

bool takes_value(const po::option_description& option, const std::string& arg) {
    return option.semantic()->max_tokens() > 0 && arg.find('=') == std::string::npos;
}

}  // namespace

std::vector<std::string> options_before_words(const std::vector<std::string>& args,
                                              const po::options_description& known) {
    std::vector<std::string> options;
    std::vector<std::string> words;
    bool in_words = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--") {
            words.insert(words.end(), args.begin() + static_cast<long>(i) + 1, args.end());
            break;
        }
        const bool dashed = arg.size() > 1 && arg[0] == '-';
        const bool long_form = arg.rfind("--", 0) == 0;
        const po::option_description* option =
            dashed ? find_option(arg, known, !in_words) : nullptr;
        if (option != nullptr || (long_form && !in_words)) {
            options.push_back(arg);
            const bool value_follows =
                option != nullptr && takes_value(*option, arg) && i + 1 < args.size();
            if (value_follows) options.push_back(args[++i]);
            continue;
        }
        words.push_back(arg);
        in_words = true;
    }
    if (!words.empty()) {
        options.emplace_back("--");
        options.insert(options.end(), words.begin(), words.end());
    }
    return options;
}

}  // namespace r2p::cli
