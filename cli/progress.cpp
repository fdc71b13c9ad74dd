#include "cli/progress.hpp"

#include <cstdio>

namespace r2p::cli {

void ProgressBar::update(std::size_t done, std::size_t total, std::size_t passages) {
    if (!enabled_ || total == 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (done != total && drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    constexpr std::size_t kWidth = 30;
    const std::size_t filled = done * kWidth / total;
    char bar[kWidth + 1];
    for (std::size_t i = 0; i < kWidth; ++i) bar[i] = i < filled ? '#' : ' ';
    bar[kWidth] = '\0';
    std::fprintf(stderr, "\r[%s] %zu/%zu files, %zu passages", bar, done, total, passages);
    std::fflush(stderr);
    drawn_ = true;
}

void ProgressBar::finish() {
    if (!drawn_) return;
    std::fputc('\n', stderr);
    drawn_ = false;
}

}  // namespace r2p::cli
