#include "r2p/report_output.hpp"

#include <iomanip>
#include <sstream>

namespace r2p {

namespace {

double megabytes_per_second(const IndexReport& report) {
    return report.seconds > 0 ? static_cast<double>(report.bytes_read) / 1e6 / report.seconds : 0.0;
}

nlohmann::json changes_to_json(const std::vector<DocumentChange>& changes) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& change : changes) list.push_back({{"id", change.id}, {"path", change.path}});
    return list;
}

void print_changes(const char* what, const std::vector<DocumentChange>& changes,
                   std::ostream& out) {
    for (const auto& change : changes)
        out << "    " << what << ' ' << change.id << "  " << change.path << '\n';
}

}  // namespace

nlohmann::json report_to_json(const IndexReport& report) {
    nlohmann::json converted = nlohmann::json::array();
    for (const auto& file : report.converted) {
        converted.push_back({{"path", file.path}, {"encoding", file.encoding}});
    }
    nlohmann::json skipped = nlohmann::json::array();
    for (const auto& file : report.skipped) {
        skipped.push_back({{"path", file.path}, {"reason", file.reason}});
    }
    nlohmann::json prune_limited = nlohmann::json::array();
    for (const auto& unread : report.prune_limited) {
        prune_limited.push_back({{"path", unread.path}, {"reason", unread.reason}});
    }
    nlohmann::json json = {
        {"files",
         {{"found", report.files_found},
          {"indexed", report.files_indexed},
          {"unchanged", report.files_unchanged},
          {"converted", converted},
          {"skipped", skipped},
          {"ignored", report.ignored}}},
        {"passages",
         {{"paragraphs", report.paragraphs},
          {"quotes", report.quotes},
          {"total", report.passages()}}},
        {"themes", report.passages_per_theme},
        {"roles", report.passages_per_role},
        {"pruned", report.documents_pruned},
        {"shards", report.shards},
        {"seconds", report.seconds},
        {"passages_per_second", report.passages_per_second()},
        {"megabytes_per_second", megabytes_per_second(report)},
        {"prune_limited", prune_limited},
        {"dry_run", report.dry_run},
        {"warnings", report.warnings},
    };
    if (report.dry_run) {
        json["documents"] = {{"added", changes_to_json(report.added)},
                             {"replaced", changes_to_json(report.replaced)},
                             {"unchanged", changes_to_json(report.unchanged)},
                             {"pruned", changes_to_json(report.pruned)}};
    }
    return json;
}

void print_report_table(const IndexReport& report, std::ostream& out) {
    auto row = [&](const std::string& label, const auto& value) {
        out << "  " << std::left << std::setw(28) << label << value << '\n';
    };
    if (report.dry_run) {
        out << "Dry run: nothing written\n";
        print_changes("add", report.added, out);
        print_changes("replace", report.replaced, out);
        print_changes("unchanged", report.unchanged, out);
        print_changes("prune", report.pruned, out);
    }
    out << "Files\n";
    row("found", report.files_found);
    row("indexed (new or changed)", report.files_indexed);
    row("unchanged", report.files_unchanged);
    row("converted to UTF-8", report.converted.size());
    row("skipped", report.skipped.size());
    if (!report.ignored.empty()) row("ignored (not statements)", report.ignored.size());
    if (report.documents_pruned > 0) row("pruned (files gone)", report.documents_pruned);
    if (report.shards > 0) row("shards", report.shards);
    for (const auto& file : report.converted)
        out << "    converted " << file.path << " from " << file.encoding << '\n';
    for (const auto& file : report.skipped) out << "    " << file.reason << '\n';
    if (!report.ignored.empty()) out << "    " << ignored_summary(report.ignored) << '\n';
    for (const auto& warning : report.warnings) out << "    " << warning << '\n';
    for (const auto& unread : report.prune_limited) {
        out << "    not pruned under " << unread.path << ": " << unread.reason << '\n';
    }
    out << "Passages\n";
    row("paragraphs", report.paragraphs);
    row("quotes", report.quotes);
    if (!report.passages_per_theme.empty()) {
        out << "Passages per theme\n";
        for (const auto& [theme, count] : report.passages_per_theme) row(theme, count);
    }
    if (!report.passages_per_role.empty()) {
        out << "Passages per role\n";
        for (const auto& [role, count] : report.passages_per_role) row(role, count);
    }
    out << "Speed\n";
    std::ostringstream rate;
    rate << std::fixed << std::setprecision(0) << report.passages_per_second() << " passages/s, "
         << std::setprecision(2) << megabytes_per_second(report) << " MB/s in "
         << std::setprecision(2) << report.seconds << " s";
    row("throughput", rate.str());
}

}  // namespace r2p
