#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/analysis.hpp"
#include "core/error.hpp"

namespace casefile::exporting::stix {

/// How one indicator is expressed in STIX 2.1.
struct IndicatorMapping {
    /// The indicator's STIX pattern; empty when the type has none (cve, ATT&CK ids and `other`
    /// become other objects or are left out).
    std::string pattern;
    /// SCOs describing the value, each with its deterministic id; the value's own object last.
    std::vector<nlohmann::ordered_json> observables;
};

/// The pattern and observables for `i`: ipv4-addr/ipv6-addr (ISSUBSET for CIDR blocks),
/// domain-name, url, email-addr, file hashes (MD5, 'SHA-1', 'SHA-256', 'SHA-512', SSDEEP; the
/// file name joins the SCO when the case ties the hash to one), PE imphash, windows-registry-key
/// (hive spelled out), file name and path (with a directory SCO), autonomous-system, mac-addr,
/// email-message subject, HTTP User-Agent, scheduled task (its TaskCache registry key or its
/// file under System32\Tasks), and the custom cryptocurrency-wallet and network-traffic JA3
/// forms documented in docs/exports.md.
[[nodiscard]] Result<IndicatorMapping> map_indicator(const analysis::CaseIndicator& i);

/// The id of an SCO as STIX 2.1 section 2.9 defines it: `<type>--` + UUIDv5 in namespace
/// 00abedb4-aa42-466c-9c01-fed23315a9b7 over the RFC 8785 JSON of the type's id-contributing
/// properties (file: one hash by preference MD5, SHA-1, SHA-256, SHA-512, then name,
/// extensions, parent_directory_ref).
[[nodiscard]] Result<std::string> sco_id(const nlohmann::ordered_json& sco);

/// A registry key with its hive spelled out ("HKLM\\X" -> "HKEY_LOCAL_MACHINE\\X"), as
/// windows-registry-key:key requires.
[[nodiscard]] std::string full_registry_key(std::string_view key);

} // namespace casefile::exporting::stix
