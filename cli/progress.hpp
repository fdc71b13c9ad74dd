// A one-line progress bar on stderr for long runs.
#pragma once

#include <chrono>
#include <cstddef>

namespace r2p::cli {

/// Redraws "[#####     ] 512/1024 files, 40000 passages" on stderr at most 10 times a
/// second; finish() ends the line. Draws nothing when disabled.
class ProgressBar {
  public:
    explicit ProgressBar(bool enabled) : enabled_(enabled) {}
    void update(std::size_t done, std::size_t total, std::size_t passages);
    void finish();

  private:
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace r2p::cli
