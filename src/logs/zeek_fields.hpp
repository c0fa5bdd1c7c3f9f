#pragma once

#include "logs/parser.hpp"

namespace casefile::logs::detail {

/// Normalizes a Zeek conn/dns/http/ssl record whose fields (Zeek names: ts, uid, id.orig_h,
/// ...) are in event.fields. `path` is the log name ("conn", "dns", ...) or "" to infer it.
void map_zeek_record(ParseContext& ctx, Event& event, std::string_view path);

} // namespace casefile::logs::detail
