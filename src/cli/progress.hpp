#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace casefile::cli {

/// "1.5 MiB": a byte count for people.
std::string human_bytes(double bytes);

/// A one-line progress bar on stderr, drawn only when `enabled` and stderr is a terminal, and at
/// most ten times a second; clear() erases it before anything else is printed.
class Progress {
public:
    Progress(std::string label, bool enabled);

    /// `done` of `total` bytes (total 0 when unknown: then only bytes and speed are shown).
    void update(uint64_t done, uint64_t total);
    void clear();

private:
    std::string label_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_;
};

} // namespace casefile::cli
