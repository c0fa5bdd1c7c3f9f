#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/parser.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

using detail::fill;

std::vector<std::string_view> split_row(std::string_view s, bool tabs) {
    std::vector<std::string_view> out;
    if (tabs) {
        size_t i = 0;
        while (true) {
            const size_t tab = s.find('\t', i);
            out.push_back(
                s.substr(i, tab == std::string_view::npos ? std::string_view::npos : tab - i));
            if (tab == std::string_view::npos) {
                return out;
            }
            i = tab + 1;
        }
    }
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') {
            ++i;
        }
        const size_t start = i;
        if (i < s.size() && s[i] == '"') {
            // Some writers quote values that contain spaces.
            const size_t close = s.find('"', i + 1);
            i = close == std::string_view::npos ? s.size() : close + 1;
            out.push_back(s.substr(start + 1, i - start - 2 + (close == std::string_view::npos)));
            continue;
        }
        while (i < s.size() && s[i] != ' ') {
            ++i;
        }
        if (i > start) {
            out.push_back(s.substr(start, i - start));
        }
    }
    return out;
}

/// W3C Extended Log File Format (IIS, Zscaler NSS web feeds, Bluecoat, Forcepoint): directives
/// "#Software:", "#Fields: date time c-ip cs-method cs-uri-stem ...", then one row per request.
/// Times are UTC as the format defines.
class W3cParser final : public LogParser {
public:
    std::string_view name() const override { return "w3c"; }
    std::string_view description() const override {
        return "W3C extended log (#Fields: header; IIS, Zscaler, Bluecoat)";
    }

    int detect(std::string_view head, std::string_view) const override {
        return detail::contains(head, "#Fields:") ? 92 : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::LineCursor lines(ctx.text());
        std::string_view line;
        uint32_t number = 0;
        std::vector<std::string> names;
        bool tabs = false;
        while (lines.next(line, number)) {
            const std::string_view t = trim(line);
            if (t.empty()) {
                continue;
            }
            if (t.front() == '#') {
                if (starts_with_icase(t, "#Fields:")) {
                    const std::string_view list = trim(t.substr(8));
                    tabs = list.find('\t') != std::string_view::npos;
                    names.clear();
                    for (const std::string_view n : split_row(list, tabs)) {
                        names.emplace_back(trim(n));
                    }
                }
                continue;
            }
            if (names.empty()) {
                ctx.warn(number, "data line before any #Fields: directive", "the line is skipped");
                continue;
            }
            const bool row_tabs = tabs || line.find('\t') != std::string_view::npos;
            const auto cells = split_row(line, row_tabs);
            if (cells.size() != names.size()) {
                ctx.warn(
                    number,
                    fmt::format("row has {} values, #Fields names {}", cells.size(), names.size()),
                    "the line is skipped");
                continue;
            }
            Event e = ctx.make_event(number, t);
            for (size_t i = 0; i < cells.size(); ++i) {
                e.fields.emplace_back(names[i], std::string(cells[i]));
            }
            map(ctx, e);
            ctx.emit(e);
        }
    }

private:
    static std::string_view get(const Event& e, std::string_view name) {
        for (const auto& [k, v] : e.fields) {
            if (equals_icase(k, name)) {
                return detail::meaningful(v);
            }
        }
        return {};
    }

    static std::string plus_to_space(std::string_view s) {
        std::string out(s);
        for (char& c : out) {
            c = c == '+' ? ' ' : c;
        }
        return out;
    }

    static void map(ParseContext& ctx, Event& e) {
        const std::string_view date = get(e, "date");
        const std::string_view time = get(e, "time");
        if (!date.empty() && !time.empty()) {
            ctx.set_time_any(e, fmt::format("{} {}", date, time), e.line, true);
        } else if (!get(e, "datetime").empty()) {
            ctx.set_time_any(e, get(e, "datetime"), e.line, true);
        }
        e.event_category = "web";
        fill(e.source_ip, get(e, "c-ip"));
        fill(e.destination_ip, get(e, "s-ip"));
        fill(e.destination_ip, get(e, "r-ip"));
        fill(e.http_request_method, get(e, "cs-method"));
        fill(e.http_response_status_code, get(e, "sc-status"));
        detail::set_user(e, get(e, "cs-username"));
        fill(e.host_name, get(e, "s-computername"));
        fill(e.host_name, get(e, "s-sitename"));
        const std::string_view ua = get(e, "cs(User-Agent)");
        if (!ua.empty()) {
            e.user_agent_original = plus_to_space(ua);
        }
        e.source_bytes = detail::parse_uint(get(e, "cs-bytes"));
        e.destination_bytes = detail::parse_uint(get(e, "sc-bytes"));
        const auto port = detail::parse_port(get(e, "s-port"));
        e.destination_port = port;
        std::string_view host = get(e, "cs-host");
        if (host.empty()) {
            host = get(e, "cs(Host)");
        }
        const std::string_view uri = get(e, "cs-uri");
        const std::string_view stem = get(e, "cs-uri-stem");
        const std::string_view query = get(e, "cs-uri-query");
        if (!uri.empty()) {
            e.url_full.assign(uri);
        } else if (!stem.empty()) {
            std::string url;
            if (!host.empty()) {
                const std::string_view scheme = get(e, "cs-uri-scheme");
                url = fmt::format(
                    "{}://{}", scheme.empty() ? (port && *port == 443 ? "https" : "http") : scheme,
                    host);
                if (port && *port != 80 && *port != 443) {
                    url += fmt::format(":{}", *port);
                }
            }
            url += stem;
            if (!query.empty()) {
                url.push_back('?');
                url.append(query);
            }
            e.url_full = url;
        }
        if (!host.empty()) {
            // cs-host may carry a port ("203.0.113.50:8443").
            e.url_domain = detail::url_host(host);
            e.destination_domain = e.url_domain;
        }
        fill(e.event_action, get(e, "s-action"));
        fill(e.event_action, get(e, "x-action"));
        const std::string& code = e.http_response_status_code;
        if (!code.empty()) {
            e.event_outcome = code[0] == '2' || code[0] == '3' ? "success" : "failure";
        }
    }
};

} // namespace

const LogParser& w3c_parser() {
    static const W3cParser parser;
    return parser;
}

} // namespace casefile::logs
