#include "cli/progress.hpp"

#include <array>
#include <cstdio>

#include <fmt/format.h>
#include <unistd.h>

namespace casefile::cli {

std::string human_bytes(double bytes) {
    static constexpr std::array<const char*, 5> kUnits = {"B", "KiB", "MiB", "GiB", "TiB"};
    size_t unit = 0;
    while (bytes >= 1024 && unit + 1 < kUnits.size()) {
        bytes /= 1024;
        ++unit;
    }
    return unit == 0 ? fmt::format("{:.0f} B", bytes)
                     : fmt::format("{:.1f} {}", bytes, kUnits[unit]);
}

Progress::Progress(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled && ::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()), last_{} {}

void Progress::update(uint64_t done, uint64_t total) {
    if (!enabled_) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(100) && done < total) {
        return;
    }
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds / 1e6 : 0;
    const std::string so_far = human_bytes(static_cast<double>(done));
    if (total > 0) {
        constexpr int kWidth = 30;
        const double part =
            done >= total ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
        const auto filled = static_cast<size_t>(part * kWidth);
        std::fprintf(stderr, "\r%s [%s%s] %3d%%  %s / %s  %.0f MB/s\x1b[K", label_.c_str(),
                     std::string(filled, '#').c_str(), std::string(kWidth - filled, '-').c_str(),
                     static_cast<int>(part * 100), so_far.c_str(),
                     human_bytes(static_cast<double>(total)).c_str(), rate);
    } else {
        std::fprintf(stderr, "\r%s %s  %.0f MB/s\x1b[K", label_.c_str(), so_far.c_str(), rate);
    }
    std::fflush(stderr);
    drawn_ = true;
}

void Progress::clear() {
    if (drawn_) {
        std::fputs("\r\x1b[K", stderr);
        std::fflush(stderr);
        drawn_ = false;
    }
}

} // namespace casefile::cli
