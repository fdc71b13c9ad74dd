#include "index/report_builder.hpp"

#include <algorithm>

namespace r2p {

ReportBuilder::ReportBuilder(IndexReport& report, std::size_t total,
                             const ProgressCallback& progress)
    : report_(report), total_(total), progress_(progress) {}

void ReportBuilder::skipped(const std::string& path, const std::string& reason, std::size_t bytes) {
    std::lock_guard lock(mutex_);
    report_.bytes_read += bytes;
    report_.skipped.push_back({path, reason});
    file_done();
}

void ReportBuilder::unchanged(const CorpusFile& file, std::size_t bytes) {
    std::lock_guard lock(mutex_);
    report_.bytes_read += bytes;
    ++report_.files_unchanged;
    report_.unchanged.push_back({file.doc_id, file.path.string()});
    file_done();
}

void ReportBuilder::written(const CorpusFile& file, const LoadedStatement& loaded, bool replaced,
                            std::size_t bytes) {
    std::lock_guard lock(mutex_);
    report_.bytes_read += bytes;
    ++report_.files_indexed;
    (replaced ? report_.replaced : report_.added).push_back({file.doc_id, file.path.string()});
    passages_ += loaded.passages.size();
    for (const Passage& passage : loaded.passages) {
        (passage.kind == PassageKind::Quote ? report_.quotes : report_.paragraphs) += 1;
        for (const auto& theme : passage.themes) ++report_.passages_per_theme[theme];
        for (const auto& role : passage.roles) ++report_.passages_per_role[role];
    }
    if (loaded.converted) report_.converted.push_back({file.path.string(), loaded.encoding});
    report_.warnings.insert(report_.warnings.end(), loaded.warnings.begin(), loaded.warnings.end());
    file_done();
}

void ReportBuilder::passages_written(std::size_t passages) {
    std::lock_guard lock(mutex_);
    if (progress_) progress_(files_done_, total_, passages_ + passages);
}

void ReportBuilder::file_done() {
    ++files_done_;
    if (progress_) progress_(files_done_, total_, passages_);
}

void ReportBuilder::sort_by_path() {
    std::lock_guard lock(mutex_);
    const auto by_path = [](const auto& a, const auto& b) { return a.path < b.path; };
    std::stable_sort(report_.skipped.begin(), report_.skipped.end(), by_path);
    std::stable_sort(report_.converted.begin(), report_.converted.end(), by_path);
    // Each file's lines stay in order: they start with the path and their byte offsets grow.
    std::stable_sort(report_.warnings.begin(), report_.warnings.end(),
                     [](const std::string& a, const std::string& b) {
                         return a.substr(0, a.find(':')) < b.substr(0, b.find(':'));
                     });
    for (auto* list : {&report_.added, &report_.replaced, &report_.unchanged}) {
        std::stable_sort(list->begin(), list->end(), by_path);
    }
}

}  // namespace r2p
