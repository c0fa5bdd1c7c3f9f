#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/enums.hpp"

namespace casefile::ioc {

/// What kind of address an IP indicator is. Everything but `public_address` is left out of
/// extraction results unless ExtractOptions::include_private is set.
enum class IpClass {
    public_address,
    private_address, ///< RFC 1918, IPv6 unique-local fc00::/7
    loopback,        ///< 127.0.0.0/8, ::1
    link_local,      ///< 169.254.0.0/16, fe80::/10
    cgnat,           ///< RFC 6598 shared address space 100.64.0.0/10
    documentation,   ///< RFC 5737, RFC 3849, RFC 9637
    multicast,       ///< 224.0.0.0/4, ff00::/8
    reserved,        ///< every other special-purpose block (IANA registries)
};

/// "public", "private", "loopback", "link-local", "cgnat", "documentation", "multicast",
/// "reserved".
[[nodiscard]] std::string_view to_string(IpClass c);

/// Where an indicator was seen. line and column are 1-based; column counts bytes.
struct Occurrence {
    uint64_t offset = 0; ///< byte offset of the span in the original text
    uint32_t length = 0; ///< span length in the original text (covers defang notation)
    uint32_t line = 0;
    uint32_t column = 0;
    uint32_t source = 0; ///< index of the input the text came from (IndicatorSet::add_source)
};

/// One hit in a text, as Extractor::scan() reports it.
struct Match {
    model::IndicatorType type = model::IndicatorType::other;
    uint64_t offset = 0;       ///< byte offset of the span in the ORIGINAL text
    uint32_t length = 0;       ///< span length in the original text (covers defang notation)
    std::string value;         ///< canonical (refanged, normalised)
    bool was_defanged = false; ///< the span used defang notation
};

/// One indicator aggregated over all its occurrences.
struct Indicator {
    model::IndicatorType type = model::IndicatorType::other;
    std::string value;    ///< canonical
    std::string defanged; ///< in the configured DefangStyle
    std::vector<Occurrence> occurrences;
    std::optional<IpClass> ip_class;       ///< for ipv4/ipv6 (and CIDR blocks, by network)
    std::vector<std::string> warninglists; ///< names of the lists that contain it
};

} // namespace casefile::ioc
