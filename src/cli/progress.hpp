#pragma once

#include <chrono>
#include <cstdint>

namespace casefile::cli {

/// A one-line progress bar on stderr, drawn only when stderr is a terminal and at most ten times
/// a second; clear() erases it before anything else is printed.
class Progress {
public:
    /// `total` bytes expected (0 when unknown: then only bytes and speed are shown).
    explicit Progress(uint64_t total);
    void update(uint64_t done);
    void clear();

private:
    bool enabled_;
    bool drawn_ = false;
    uint64_t total_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_;
};

} // namespace casefile::cli
