#include "r2p/search_copy_output.hpp"

#include <iomanip>

namespace r2p {

namespace {

double megabytes(std::size_t bytes) { return static_cast<double>(bytes) / 1e6; }

}  // namespace

nlohmann::json search_copy_to_json(const SearchCopyReport& report) {
    nlohmann::json files = nlohmann::json::object();
    for (const auto& [name, bytes] : report.file_bytes) files[name] = bytes;
    return {{"copy", report.copy.string()},
            {"shards_merged", report.shards_merged},
            {"passages", report.passages},
            {"search_only", report.search_only},
            {"bytes", report.bytes},
            {"termlist_bytes_left_out", report.termlist_bytes_left_out},
            {"files", files},
            {"passages_compressed", report.passages_compressed},
            {"passage_dictionary_bytes", report.passage_dictionary_bytes},
            {"passage_data_bytes_before", report.passage_data_bytes_before},
            {"passage_data_bytes_after", report.passage_data_bytes_after},
            {"compact_seconds", report.compact_seconds},
            {"tables_seconds", report.tables_seconds}};
}

void print_search_copy(const SearchCopyReport& report, std::ostream& out) {
    out << std::fixed << std::setprecision(1) << "copied " << report.shards_merged
        << (report.shards_merged == 1 ? " database" : " shards") << " (" << report.passages
        << " passages) into " << report.copy.string() << " in "
        << report.compact_seconds + report.tables_seconds << " s: " << megabytes(report.bytes)
        << " MB";
    if (report.search_only) {
        out << ", search-only (termlist table of " << megabytes(report.termlist_bytes_left_out)
            << " MB left out)";
    }
    out << '\n';
    if (report.passages_compressed > 0) {
        out << "  passages' data compressed with a dictionary of "
            << megabytes(report.passage_dictionary_bytes) * 1000
            << " KB: " << megabytes(report.passage_data_bytes_before) << " -> "
            << megabytes(report.passage_data_bytes_after) << " MB\n";
    }
    for (const auto& [name, bytes] : report.file_bytes)
        out << "  " << std::left << std::setw(16) << name << std::right << std::setw(10)
            << megabytes(bytes) << " MB\n";
}

}  // namespace r2p
