#pragma once

#include "logs/syslog_header.hpp"

namespace casefile::logs::detail {

/// Shared by the two syslog parsers: header fields, time, and what the message says for the
/// few programs whose messages matter in investigations (sshd logons, sudo).
void map_syslog_message(ParseContext& ctx, Event& event, const SyslogHeader& header, uint32_t line);

} // namespace casefile::logs::detail
