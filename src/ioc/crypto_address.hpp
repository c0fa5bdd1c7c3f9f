#pragma once

#include <string_view>

namespace casefile::ioc::detail {

/// A Bitcoin address with a valid checksum: Base58Check P2PKH ("1...") or P2SH ("3..."), or a
/// bech32/bech32m segwit address ("bc1...").
[[nodiscard]] bool is_btc_address(std::string_view word);

/// A Monero standard, subaddress or integrated address ("4..."/"8...", 95 or 106 characters)
/// whose Keccak-256 checksum is valid.
[[nodiscard]] bool is_xmr_address(std::string_view word);

} // namespace casefile::ioc::detail
