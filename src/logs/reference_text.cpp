#include "logs/reference_text.hpp"

#include "core/text.hpp"
#include "logs/syslog_header.hpp"
#include "logs/util.hpp"

namespace casefile::logs::detail {

bool starts_with_rfc3339(std::string_view line) {
    const size_t sp = line.find(' ');
    if (sp == std::string_view::npos || sp < 19) {
        return false;
    }
    const std::string_view t = line.substr(0, sp);
    return t[4] == '-' && t[7] == '-' && (t[10] == 'T' || t[10] == 't') && t[13] == ':' &&
           t[0] >= '0' && t[0] <= '9';
}

void for_each_timed_block(ParseContext& ctx,
                          const std::function<bool(Event&, std::string_view header)>& header,
                          const std::function<void(Event&)>& finish) {
    const std::string_view text = ctx.text();
    LineCursor lines(text);
    std::string_view line;
    uint32_t number = 0;
    std::optional<Event> current;
    size_t block_start = 0;
    size_t block_end = 0;
    auto close = [&] {
        if (current) {
            current->raw.assign(text.substr(block_start, block_end - block_start));
            finish(*current);
            ctx.emit(*current);
            current.reset();
        }
    };
    while (lines.next(line, number)) {
        const std::string_view t = trim(line);
        if (t.empty() || t.front() == '#') {
            continue;
        }
        if (starts_with_rfc3339(t)) {
            close();
            Event e = ctx.make_event(number, {});
            if (header(e, t)) {
                current = std::move(e);
                block_start = lines.offset();
                block_end = lines.offset() + line.size();
            }
            continue;
        }
        if (!current) {
            ctx.warn(number, "line belongs to no event",
                     "an event starts with a line beginning with an RFC 3339 time");
            continue;
        }
        split_colon_pairs(t, current->fields);
        block_end = lines.offset() + line.size();
    }
    close();
}

} // namespace casefile::logs::detail
