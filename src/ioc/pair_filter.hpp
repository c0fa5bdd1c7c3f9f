#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace casefile::ioc::detail {

/// The pre-pass's exact test: the pair (a, b) may start a notation when
/// `needs[a] & next_classes[b]` is not zero.
struct PairTables {
    const std::array<uint16_t, 256>* needs;
    const std::array<uint16_t, 256>* next_classes;
};

/// The first offset k in [i, last) whose pair (text[k], text[k + 1]) passes the exact test, else
/// `last`. `vector` allows a vector filter for the pairs of extract mode (see pair_may_start) to
/// pass over 32 pairs a step, on processors with AVX2.
[[nodiscard]] size_t next_trigger_pair(const char* text, size_t i, size_t last,
                                       const PairTables& tables, bool vector);

/// The vector filter for one pair: false only when (a, b) starts no notation of extract mode.
[[nodiscard]] bool pair_may_start(unsigned char a, unsigned char b);

} // namespace casefile::ioc::detail
