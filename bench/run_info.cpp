#include "bench/run_info.hpp"

#include <sys/utsname.h>

#include <ctime>
#include <fstream>
#include <thread>

#include <xapian.h>

namespace r2p::bench {

namespace {

// The value of the first line of `file` starting with `key` ("model name : AMD ..."), or "".
std::string read_first_line_with(const std::string& file, const std::string& key) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0) {
            const auto colon = line.find(':');
            std::string value = colon == std::string::npos ? line : line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(" \t"));
            return value;
        }
    }
    return "";
}

}  // namespace

std::string utc_now_text() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &utc);
    return buffer;
}

nlohmann::json machine_json() {
    utsname names{};
    ::uname(&names);
    return {{"cpu", read_first_line_with("/proc/cpuinfo", "model name")},
            {"cores", std::thread::hardware_concurrency()},
            {"memory", read_first_line_with("/proc/meminfo", "MemTotal")},
            {"kernel", std::string(names.sysname) + " " + names.release},
            {"xapian", Xapian::version_string()}};
}

nlohmann::json load_average_json() {
    std::ifstream in("/proc/loadavg");
    double one = 0, five = 0, fifteen = 0;
    if (!(in >> one >> five >> fifteen)) return nullptr;
    return nlohmann::json::array({one, five, fifteen});
}

}  // namespace r2p::bench
