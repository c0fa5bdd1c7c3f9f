// Shapes of the values vendors put in generic fields: an "ipAddress" may be IPv4 or IPv6, a
// "file_hash" MD5, SHA-1 or SHA-256. These checks only type a value; canonicalising and
// classifying it is the IoC engine's job (canonical_indicator.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/enums.hpp"

namespace casefile::intake::detail {

/// Four dot-separated decimal octets, each 0-255.
[[nodiscard]] bool is_ipv4(std::string_view s);

/// Hex groups separated by colons (with at most one "::"), optionally ending in an IPv4
/// address; a "%zone" suffix is allowed.
[[nodiscard]] bool is_ipv6(std::string_view s);

/// ipv4 or ipv6 for an address, nothing otherwise.
[[nodiscard]] std::optional<model::IndicatorType> ip_type(std::string_view s);

/// md5, sha1, sha256 or sha512 by the length of a hex string; nothing otherwise.
[[nodiscard]] std::optional<model::IndicatorType> hash_type(std::string_view s);

/// True when `s` has the hex length of `type` (md5, sha1, sha256, sha512).
[[nodiscard]] bool is_hash_of(model::IndicatorType type, std::string_view s);

/// "T1059" or "T1059.001".
[[nodiscard]] bool is_technique_id(std::string_view s);

/// The first label of a dotted host name ("FIN-SRV02" of "FIN-SRV02.contoso.local"); the name
/// itself when it has no dot or is an IP address.
[[nodiscard]] std::string short_host_name(std::string_view name);

/// True when `name` is a dotted host name (not an IP address).
[[nodiscard]] bool is_qualified_host_name(std::string_view name);

/// A folder and a file name joined with the folder's separator; the folder alone when it
/// already ends with the name, the name alone when there is no folder.
[[nodiscard]] std::string join_path(std::string_view folder, std::string_view name);

/// "DOMAIN\\name", or "name" when the domain is empty or already part of the name.
[[nodiscard]] std::string account_name(std::string_view domain, std::string_view name);

} // namespace casefile::intake::detail
