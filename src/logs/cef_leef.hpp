#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "logs/parser.hpp"

namespace casefile::logs::detail {

/// CEF extension "k=v k2=v with spaces": a key starts after a space and ends at an unescaped
/// '='; CEF escapes (\= \\ \n \r) are undone.
void split_cef_extension(std::string_view ext,
                         std::vector<std::pair<std::string, std::string>>& out);

/// Sets the event's time from a CEF/LEEF time value: Unix milliseconds, or "Nov 11 2025
/// 13:42:20[.123][ zone]" (local when no zone).
void set_cef_time(ParseContext& ctx, Event& event, std::string_view value, uint32_t line);

/// Maps the ArcSight/QRadar keys both formats share (src, dst, spt/srcPort, ...).
void map_cef_keys(Event& event);

} // namespace casefile::logs::detail
