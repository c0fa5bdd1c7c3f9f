#include "cli/progress.hpp"

#include <array>
#include <cstdio>

#include <unistd.h>

namespace casefile::cli {

Progress::Progress(uint64_t total)
    : enabled_(::isatty(STDERR_FILENO) == 1), total_(total),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::update(uint64_t done) {
    if (!enabled_) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) {
        return;
    }
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(done) / 1e6;
    const double rate = seconds > 0 ? mb / seconds : 0;
    if (total_ > 0) {
        constexpr int kWidth = 30;
        const double part =
            done >= total_ ? 1.0 : static_cast<double>(done) / static_cast<double>(total_);
        const int filled = static_cast<int>(part * kWidth);
        std::array<char, kWidth + 1> bar{};
        for (int k = 0; k < kWidth; ++k) {
            bar[k] = k < filled ? '#' : '.';
        }
        bar[kWidth] = '\0';
        std::fprintf(stderr, "\r[%s] %3d%%  %.1f MB  %.0f MB/s ", bar.data(),
                     static_cast<int>(part * 100), mb, rate);
    } else {
        std::fprintf(stderr, "\r%.1f MB  %.0f MB/s ", mb, rate);
    }
    std::fflush(stderr);
    drawn_ = true;
}

void Progress::clear() {
    if (drawn_) {
        std::fprintf(stderr, "\r%60s\r", "");
        std::fflush(stderr);
        drawn_ = false;
    }
}

} // namespace casefile::cli
