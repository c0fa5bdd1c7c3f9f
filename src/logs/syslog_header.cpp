#include "logs/syslog_header.hpp"

#include "core/text.hpp"
#include "logs/util.hpp"

namespace casefile::logs::detail {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::string_view next_token(std::string_view& s) {
    size_t i = 0;
    while (i < s.size() && s[i] == ' ') {
        ++i;
    }
    size_t j = i;
    while (j < s.size() && s[j] != ' ') {
        ++j;
    }
    const std::string_view token = s.substr(i, j - i);
    s = s.substr(j);
    return token;
}

/// "13:42:20[.123]" -> parts.
bool read_clock(std::string_view t, SyslogHeader& h) {
    if (t.size() < 8 || !is_digit(t[0]) || !is_digit(t[1]) || t[2] != ':' || !is_digit(t[3]) ||
        !is_digit(t[4]) || t[5] != ':' || !is_digit(t[6]) || !is_digit(t[7])) {
        return false;
    }
    h.hour = (t[0] - '0') * 10 + (t[1] - '0');
    h.minute = (t[3] - '0') * 10 + (t[4] - '0');
    h.second = (t[6] - '0') * 10 + (t[7] - '0');
    size_t i = 8;
    if (i < t.size() && t[i] == '.') {
        ++i;
        int used = 0;
        while (i < t.size() && is_digit(t[i])) {
            if (used < 9) {
                h.nanos = h.nanos * 10 + (t[i] - '0');
                ++used;
            }
            ++i;
        }
        for (; used < 9; ++used) {
            h.nanos *= 10;
        }
    }
    return i == t.size() && h.hour < 24 && h.minute < 60 && h.second <= 60;
}

} // namespace

std::optional<SyslogHeader> parse_syslog_header(std::string_view line) {
    SyslogHeader h;
    std::string_view s = line;
    if (!s.empty() && s.front() == '<') {
        const size_t close = s.find('>');
        if (close == std::string_view::npos || close < 2 || close > 4) {
            return std::nullopt;
        }
        const auto pri = parse_uint(s.substr(1, close - 1));
        if (!pri || *pri > 191) {
            return std::nullopt;
        }
        h.priority = static_cast<int>(*pri);
        s.remove_prefix(close + 1);
        if (s.size() > 2 && s[0] == '1' && s[1] == ' ') {
            // RFC 5424: VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP SD
            h.rfc5424 = true;
            s.remove_prefix(2);
            h.time_text = next_token(s);
            h.iso_time = h.time_text != "-";
            h.host = next_token(s);
            h.app = next_token(s);
            h.procid = next_token(s);
            h.msgid = next_token(s);
            size_t i = 0;
            while (i < s.size() && s[i] == ' ') {
                ++i;
            }
            s = s.substr(i);
            if (!s.empty() && s.front() == '[') {
                // Structured data: [id k="v" ...][id2 ...]; ']' inside quoted values is escaped.
                size_t j = 0;
                while (j < s.size() && s[j] == '[') {
                    bool quoted = false;
                    ++j;
                    while (j < s.size()) {
                        if (s[j] == '\\') {
                            j += 2;
                            continue;
                        }
                        if (s[j] == '"') {
                            quoted = !quoted;
                        } else if (s[j] == ']' && !quoted) {
                            break;
                        }
                        ++j;
                    }
                    if (j >= s.size()) {
                        return std::nullopt;
                    }
                    ++j;
                }
                h.structured_data = s.substr(0, j);
                s = s.substr(j);
            } else if (!s.empty() && s.front() == '-') {
                s.remove_prefix(1);
            } else {
                return std::nullopt;
            }
            if (!s.empty() && s.front() == ' ') {
                s.remove_prefix(1);
            }
            if (s.substr(0, 3) == "\xEF\xBB\xBF") {
                s.remove_prefix(3);
            }
            h.message = s;
            return h;
        }
    }
    // RFC 3164 timestamp: "Mmm dd hh:mm:ss", "Mmm dd yyyy hh:mm:ss" (Cisco) or RFC 3339.
    std::string_view rest = s;
    std::string_view first = next_token(rest);
    if (first.size() >= 19 && is_digit(first[0]) && first[4] == '-' && first[10] == 'T') {
        h.time_text = first;
        h.iso_time = true;
    } else {
        h.month = month_number(first);
        if (h.month == 0 || first.size() != 3) {
            return std::nullopt;
        }
        const std::string_view day = next_token(rest);
        const auto d = parse_uint(day);
        if (!d || *d < 1 || *d > 31) {
            return std::nullopt;
        }
        h.day = static_cast<unsigned>(*d);
        std::string_view clock = next_token(rest);
        if (clock.size() == 4 && parse_uint(clock)) {
            h.year = static_cast<int>(*parse_uint(clock));
            clock = next_token(rest);
        }
        if (!clock.empty() && clock.back() == ':') {
            clock.remove_suffix(1);
        }
        if (!read_clock(clock, h)) {
            return std::nullopt;
        }
        const size_t start = static_cast<size_t>(first.data() - line.data());
        h.time_text = line.substr(start, static_cast<size_t>(clock.data() - line.data()) +
                                             clock.size() - start);
    }
    // HOSTNAME, unless the next token is already the tag ("sshd[12]:", "%ASA-6-302013:").
    std::string_view probe = rest;
    std::string_view token = next_token(probe);
    if (token == ":") {
        rest = probe;
        token = next_token(probe);
    }
    if (!token.empty() && token.back() != ':' && token.front() != '%' &&
        token.find('[') == std::string_view::npos) {
        h.host = token;
        rest = probe;
        probe = rest;
        token = next_token(probe);
        if (token == ":") {
            rest = probe;
        }
    }
    size_t i = 0;
    while (i < rest.size() && rest[i] == ' ') {
        ++i;
    }
    rest = rest.substr(i);
    // TAG[PID]: message
    size_t tag_end = 0;
    while (tag_end < rest.size() && rest[tag_end] != ':' && rest[tag_end] != '[' &&
           rest[tag_end] != ' ' && tag_end < 48) {
        ++tag_end;
    }
    if (tag_end > 0 && tag_end < rest.size() && (rest[tag_end] == ':' || rest[tag_end] == '[') &&
        rest[0] != '%') {
        h.app = rest.substr(0, tag_end);
        size_t j = tag_end;
        if (rest[j] == '[') {
            const size_t close = rest.find(']', j);
            if (close != std::string_view::npos) {
                h.procid = rest.substr(j + 1, close - j - 1);
                j = close + 1;
            }
        }
        if (j < rest.size() && rest[j] == ':') {
            ++j;
            while (j < rest.size() && rest[j] == ' ') {
                ++j;
            }
            rest = rest.substr(j);
        } else {
            h.app = {};
            h.procid = {};
        }
    }
    h.message = rest;
    return h;
}

void apply_syslog_time(ParseContext& ctx, Event& e, const SyslogHeader& h, uint32_t line) {
    if (h.time_text.empty() || h.time_text == "-") {
        return;
    }
    if (h.iso_time) {
        ctx.set_time(e, h.time_text, line);
    } else if (h.year != 0) {
        ctx.set_local_time(e, h.year, h.month, h.day, h.hour, h.minute, h.second, h.nanos,
                           h.time_text, line);
    } else {
        ctx.set_yearless_time(e, h.month, h.day, h.hour, h.minute, h.second, h.nanos, h.time_text,
                              line);
    }
}

void add_syslog_fields(Event& e, const SyslogHeader& h) {
    if (h.priority >= 0) {
        e.fields.emplace_back("syslog.facility", std::to_string(h.priority / 8));
        e.fields.emplace_back("syslog.severity", std::to_string(h.priority % 8));
    }
    auto add = [&e](const char* name, std::string_view v) {
        if (!v.empty() && v != "-") {
            e.fields.emplace_back(name, std::string(v));
        }
    };
    add("syslog.timestamp", h.time_text);
    add("syslog.hostname", h.host);
    add("syslog.appname", h.app);
    add("syslog.procid", h.procid);
    add("syslog.msgid", h.msgid);
    add("syslog.structured_data", h.structured_data);
    if (!h.host.empty() && h.host != "-") {
        fill(e.host_name, h.host);
    }
}

void split_colon_pairs(std::string_view line,
                       std::vector<std::pair<std::string, std::string>>& out) {
    std::string key;
    std::string value;
    auto flush = [&] {
        if (!key.empty()) {
            out.emplace_back(key, std::string(trim(value)));
        }
        key.clear();
        value.clear();
    };
    std::string_view rest = line;
    while (true) {
        std::string_view token = next_token(rest);
        if (token.empty()) {
            break;
        }
        const bool is_key =
            token.size() >= 2 && token.back() == ':' &&
            ((token[0] >= 'A' && token[0] <= 'Z') || (token[0] >= 'a' && token[0] <= 'z')) &&
            token.find_first_of(":/\\", 0) == token.size() - 1;
        if (is_key) {
            flush();
            key.assign(token.substr(0, token.size() - 1));
        } else {
            if (!value.empty()) {
                value.push_back(' ');
            }
            value.append(token);
        }
    }
    flush();
}

} // namespace casefile::logs::detail
