#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace casefile::ioc::detail {

/// SHA-256 (FIPS 180-4), for Base58Check address checksums.
[[nodiscard]] std::array<uint8_t, 32> sha256(std::span<const uint8_t> data);

/// Keccak-256 as Monero uses it (original Keccak padding, not SHA3-256).
[[nodiscard]] std::array<uint8_t, 32> keccak256(std::span<const uint8_t> data);

} // namespace casefile::ioc::detail
