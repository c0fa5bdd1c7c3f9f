#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis.hpp"
#include "core/error.hpp"
#include "model/enums.hpp"

namespace casefile::exporting {

/// One literal the sweep looks for.
struct SweepPattern {
    model::IndicatorType type = model::IndicatorType::other;
    std::string value;     ///< the bytes to find
    std::string indicator; ///< the canonical indicator reported for a hit (value may be a variant)
    bool caseless = false;
};

/// The literals for a case's indicators: each canonical value, matched without regard to case
/// where the type is case-insensitive (domains, emails, hashes, IPv6, MAC, file names and paths,
/// registry keys, CVEs), and a URL whose path is only "/" also without that slash. ATT&CK ids,
/// values shorter than 4 bytes and values holding a line break are left out, each with a note.
[[nodiscard]] std::vector<SweepPattern> sweep_patterns(const analysis::Analysis& a,
                                                       std::vector<Diagnostic>* notes);

/// One occurrence of an indicator in a log file.
struct SweepHit {
    std::string_view file;
    uint64_t line = 0;   ///< 1-based
    uint64_t column = 0; ///< 1-based, in bytes
    model::IndicatorType type = model::IndicatorType::other;
    std::string_view indicator;
};

struct SweepOptions {
    unsigned threads = 0;         ///< 0: one per hardware thread
    size_t block_bytes = 4 << 20; ///< bytes per scan block (a longer line is split safely)
    /// Called from the calling thread with the bytes of input files consumed so far (compressed
    /// bytes for .gz files) and the total; may be empty.
    std::function<void(uint64_t done, uint64_t total)> progress;
};

struct SweepSummary {
    uint64_t files = 0;             ///< files scanned
    uint64_t bytes = 0;             ///< bytes scanned (after decompression)
    uint64_t hits = 0;              ///< occurrences reported
    uint64_t lines = 0;             ///< lines with at least one hit
    std::vector<Diagnostic> errors; ///< files that could not be read (the others were scanned)
};

/// A compiled multi-literal matcher (Vectorscan block mode) over the patterns of one case.
/// Matching is on bytes; an occurrence counts only where it stands alone: the bytes next to it
/// are not letters, digits or '_' (as `grep -w`), a domain or email is not part of a longer name
/// ('-' before or after, '.' and a label after), an IPv4 address is not part of a longer dotted
/// number, a URL is not followed by more URL, a file name is not part of a longer name.
class SweepEngine {
public:
    /// Compiles the patterns; fails when there are none or Vectorscan rejects them.
    [[nodiscard]] static Result<SweepEngine> compile(std::vector<SweepPattern> patterns);

    SweepEngine(SweepEngine&&) noexcept;
    SweepEngine& operator=(SweepEngine&&) noexcept;
    ~SweepEngine();

    [[nodiscard]] size_t pattern_count() const;

    /// Scans every file (plain or gzip, recognised by its magic bytes) of `inputs`, descending
    /// into folders (sorted, symlinked folders not followed), in line-aligned blocks on
    /// `options.threads` threads with memory bounded by threads x block size. Calls `on_hit` on
    /// the calling thread in file and offset order. A file that cannot be read is an error in the
    /// summary; a missing input is an error result.
    [[nodiscard]] Result<SweepSummary>
    sweep(const std::vector<std::filesystem::path>& inputs, const SweepOptions& options,
          const std::function<void(const SweepHit&)>& on_hit) const;

    /// Scans one in-memory text as if it were a file called `name` (tests, small inputs).
    [[nodiscard]] SweepSummary scan_text(std::string_view text, std::string_view name,
                                         const std::function<void(const SweepHit&)>& on_hit) const;

private:
    struct Impl;
    explicit SweepEngine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace casefile::exporting
