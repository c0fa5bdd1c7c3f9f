#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casefile::exporting {

/// An RFC 4122 UUID, bytes in network order.
struct Uuid {
    std::array<uint8_t, 16> bytes{};
    bool operator==(const Uuid&) const = default;
};

/// Parses "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (either case); nullopt otherwise.
[[nodiscard]] std::optional<Uuid> parse_uuid(std::string_view text);

/// Lower-case 8-4-4-4-12 form.
[[nodiscard]] std::string to_string(const Uuid& uuid);

/// Name-based UUID version 5 (RFC 4122 §4.3): SHA-1 over the namespace's bytes and `name`.
[[nodiscard]] Uuid uuid5(const Uuid& name_space, std::string_view name);

/// SHA-1 of `data` (OpenSSL libcrypto); only for UUIDv5, never for security decisions.
[[nodiscard]] std::array<uint8_t, 20> sha1(std::string_view data);

/// The namespace of every id casefile derives itself (STIX SDOs/SROs, MISP events and
/// attributes, Sigma rules). STIX forbids its own SCO namespace for anything but SCOs, so
/// these ids never collide with a STIX SCO id.
inline constexpr std::string_view kCasefileNamespace = "8e96a6b3-7ae6-413e-85f4-a7118b2221f3";

/// uuid5(kCasefileNamespace, name) as text: the stable id of one exported object.
[[nodiscard]] std::string stable_uuid(std::string_view name);

} // namespace casefile::exporting
