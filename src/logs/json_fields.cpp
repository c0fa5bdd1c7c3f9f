#include "logs/json_fields.hpp"

#include "logs/parser.hpp"
#include "logs/util.hpp"

namespace casefile::logs::detail {

std::string_view JsonView::get(std::initializer_list<std::string_view> names) const {
    for (const std::string_view name : names) {
        for (const auto& [k, v] : e_.fields) {
            std::string_view key = k;
            if (key.size() > 11 && key.substr(0, 11) == "properties.") {
                key.remove_prefix(11);
            }
            if (key == name) {
                const std::string_view m = meaningful(v);
                if (!m.empty()) {
                    return m;
                }
            }
        }
    }
    return {};
}

void set_json_time(ParseContext& ctx, Event& e, std::string_view value, bool utc) {
    if (value.empty()) {
        return;
    }
    const size_t dot = value.find('.');
    if (parse_uint(value.substr(0, dot)) &&
        value.find_first_of("-:/ T") == std::string_view::npos) {
        if (dot == std::string_view::npos && value.size() >= 12) {
            ctx.set_epoch_millis(e, value, e.line);
        } else {
            ctx.set_epoch_time(e, value, e.line);
        }
        return;
    }
    ctx.set_time_any(e, value, e.line, utc);
}

bool starts_json(std::string_view head) {
    const size_t start = head.find_first_not_of(" \t\r\n");
    return start != std::string_view::npos && (head[start] == '{' || head[start] == '[');
}

} // namespace casefile::logs::detail
