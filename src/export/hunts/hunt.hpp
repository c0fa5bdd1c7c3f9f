#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "export/export.hpp"

namespace casefile::exporting {

enum class HuntLanguage { kql, spl, esql, sigma };

/// "kql", "spl", "esql", "sigma".
[[nodiscard]] std::string_view to_string(HuntLanguage language);
[[nodiscard]] std::optional<HuntLanguage> parse_hunt_language(std::string_view text);

/// How far back a retrospective sweep looks: a count and a unit (s, m, h, d or w).
struct Lookback {
    int64_t count = 30;
    char unit = 'd';

    /// "30d"
    [[nodiscard]] std::string to_string() const;
    [[nodiscard]] std::chrono::seconds duration() const;
};

/// Parses "30d", "12h", "90m", "3600s", "2w" (a positive count up to 3650 days' worth).
[[nodiscard]] Result<Lookback> parse_lookback(std::string_view text);

struct HuntOptions {
    Lookback lookback;
    /// ES|QL source indices (FROM); SPL and KQL name their data models and tables themselves.
    std::string esql_index = "logs-*";
};

/// A retrospective sweep for the case's indicators in one query language:
/// - kql: one Microsoft Defender XDR advanced-hunting query, a fuzzy union over
///   DeviceNetworkEvents, DeviceLogonEvents, DeviceFileEvents, DeviceProcessEvents,
///   DeviceImageLoadEvents, DeviceRegistryEvents, DeviceEvents, EmailEvents, EmailUrlInfo,
///   EmailAttachmentInfo, UrlClickEvents and CloudAppEvents;
/// - spl: one Splunk search of tstats over the CIM data models (Network_Traffic, Web,
///   Network_Resolution, Endpoint, Email) joined with append;
/// - esql: one Elasticsearch ES|QL query per indicator family over ECS fields (ES|QL rejects a
///   query that names a field no index maps, so families stay apart);
/// - sigma: one Sigma rule per indicator family, as a multi-document YAML file.
/// A header comment names the case, its TLP, the look-back, values expected to hit benign
/// traffic, and values the language cannot search for. Values are escaped for each language.
[[nodiscard]] Result<ExportResult> hunt_query(const model::Case& c, const analysis::Analysis& a,
                                              HuntLanguage language, const HuntOptions& hunt,
                                              const ExportOptions& options);

} // namespace casefile::exporting
