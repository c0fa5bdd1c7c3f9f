#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "ioc/defang.hpp"
#include "ioc/domain_rules.hpp"
#include "ioc/extractor.hpp"
#include "ioc/scanner.hpp"
#include "ioc/warninglist.hpp"

namespace casefile::ioc {

/// What an Extractor holds; shared with IndicatorSet.
struct Extractor::Impl {
    detail::DomainRules rules;
    Warninglists lists;
    std::vector<Diagnostic> notes;
    DefangStyle style;
};

namespace detail {

[[nodiscard]] ScanSettings settings_for(const ExtractOptions& options);

/// The class of an ipv4/ipv6 canonical value (a CIDR block by its network), else nullopt.
[[nodiscard]] std::optional<IpClass> ip_class_of(model::IndicatorType type,
                                                 std::string_view canonical);

} // namespace detail
} // namespace casefile::ioc
