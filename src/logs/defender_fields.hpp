#pragma once

#include <string_view>
#include <vector>

#include "logs/json_records.hpp"

namespace casefile::logs::detail {

/// Column names of the Defender XDR advanced-hunting tables casefile maps
/// (DeviceProcessEvents, DeviceNetworkEvents, DeviceFileEvents, DeviceLogonEvents,
/// DeviceRegistryEvents, EmailEvents, UrlClickEvents).
[[nodiscard]] const KeyIndex& defender_keys();

/// Fills the event from a Defender row whose fields are already in event.fields. `table` is
/// the table name when the source says it ("AdvancedHunting-DeviceNetworkEvents"), else "".
/// `times_utc`: a zone-less Timestamp is UTC (the CSV export's "Timestamp [UTC]" column).
void map_defender_row(ParseContext& ctx, Event& event, std::vector<std::string_view>& values,
                      bool times_utc);

/// Detection score for Defender column names in `head`.
[[nodiscard]] int defender_column_score(std::string_view head);

} // namespace casefile::logs::detail
