#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ioc/domain_rules.hpp"
#include "ioc/normalize.hpp"
#include "ioc/scanner.hpp"

namespace casefile::ioc::detail {

/// A fast 64-bit hash of (type, value); IndicatorSet's table compares full keys, so quality need
/// only be good enough to spread random hashes and look-alike IPs.
[[nodiscard]] uint64_t indicator_key_hash(model::IndicatorType type, std::string_view value);

/// One match of a scanned piece, in original (not normalized) piece offsets.
struct PieceMatch {
    uint64_t hash = 0; ///< indicator_key_hash(type, value)
    uint32_t offset = 0;
    uint32_t length = 0;
    uint32_t value_begin = 0; ///< into ScannedPiece::values
    uint32_t value_size = 0;
    uint32_t line = 0;       ///< newlines in the piece before the match
    uint32_t line_start = 0; ///< piece offset of the match's line (when `line` > 0)
    model::IndicatorType type = model::IndicatorType::other;
};

/// What scanning one piece of whole lines found, for merging into an IndicatorSet in input
/// order: the matches carry line numbers relative to the piece, so pieces can be scanned in any
/// order, on any thread. Cache-line aligned: the ones next to it in a ring are filled by other
/// threads at the same time.
struct alignas(64) ScannedPiece {
    std::vector<PieceMatch> matches;
    std::string values; ///< the matches' canonical values, back to back
    uint32_t newlines = 0;
    uint32_t last_line_start = 0; ///< piece offset just past its last newline (when any)

    [[nodiscard]] std::string_view value(const PieceMatch& m) const {
        return std::string_view(values).substr(m.value_begin, m.value_size);
    }
};

/// Pre-passes and scans pieces of line-aligned text; one per thread, since the caches it keeps
/// between pieces are not shared (nor, being cache-line aligned, their cache lines).
class alignas(64) PieceScanner {
public:
    PieceScanner(const DomainRules& rules, const ScanSettings& settings)
        : rules_(&rules), settings_(settings) {}

    /// Scans `piece` (at most 4 GiB) into `out`, replacing what it held.
    void scan(std::string_view piece, ScannedPiece& out);

private:
    void add(const RawMatch& raw);
    [[nodiscard]] size_t find_newline(size_t from) const;
    void count_lines_to(size_t pos);

    const DomainRules* rules_;
    ScanSettings settings_;
    ScanCaches caches_;
    Normalized norm_;
    // Per piece:
    std::string_view piece_;
    ScannedPiece* out_ = nullptr;
    size_t next_newline_ = 0; ///< piece offset of the first newline not yet counted
};

} // namespace casefile::ioc::detail
