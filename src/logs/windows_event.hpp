#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "logs/parser.hpp"

namespace casefile::logs::detail {

using NamedValues = std::vector<std::pair<std::string, std::string>>;

/// The first value named `name` in `values` ("" when absent or a placeholder such as "-").
[[nodiscard]] std::string_view value_of(const NamedValues& values, std::string_view name);

/// Finds each <Event>...</Event> element (Windows event XML as wevtutil, Get-WinEvent .ToXml()
/// or Event Viewer "Save as XML" write it, with or without an <Events> root) and hands it to
/// `fn` as an Event with line and raw set and fields holding System values (EventID, Provider,
/// TimeCreated, Computer, Channel, Keywords, ...) followed by every EventData/UserData value
/// under its Name. The XML is read by pugixml one element at a time, so one broken event is
/// a diagnostic and the next one is still read.
void for_each_windows_xml_event(ParseContext& ctx, const std::function<void(Event&)>& fn);

/// Normalizes a Windows Security event from its XML-named values (EventData names such as
/// TargetUserName, IpAddress, LogonType). `event_id` may be empty.
void map_security_event(ParseContext& ctx, Event& event, std::string_view event_id,
                        const NamedValues& values);

/// Normalizes a Sysmon event (ids 1, 3, 7, 8, 10, 11, 12, 13, 22 and others by their common
/// fields) from its EventData values.
void map_sysmon_event(ParseContext& ctx, Event& event, std::string_view event_id,
                      const NamedValues& values);

} // namespace casefile::logs::detail
