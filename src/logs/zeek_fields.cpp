#include "logs/zeek_fields.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/json_fields.hpp"
#include "logs/util.hpp"

namespace casefile::logs::detail {

void map_zeek_record(ParseContext& ctx, Event& e, std::string_view path) {
    const JsonView j(e);
    if (path.empty()) {
        path = j.get("_path");
    }
    if (path.empty()) {
        path = !j.get("query").empty()         ? "dns"
               : !j.get("uri").empty()         ? "http"
               : !j.get("server_name").empty() ? "ssl"
               : !j.get("conn_state").empty()  ? "conn"
                                               : "";
    }
    set_json_time(ctx, e, j.get("ts"), false);
    e.event_action.assign(path);
    e.event_category = path == "http" ? "web" : "network";
    fill(e.source_ip, j.get("id.orig_h"));
    fill(e.destination_ip, j.get("id.resp_h"));
    e.source_port = parse_port(j.get("id.orig_p"));
    e.destination_port = parse_port(j.get("id.resp_p"));
    e.network_transport = to_lower(j.get("proto"));
    fill(e.network_protocol, j.get("service"));
    if (path == "conn") {
        e.source_bytes = parse_uint(j.get("orig_bytes"));
        e.destination_bytes = parse_uint(j.get("resp_bytes"));
        fill(e.event_outcome, j.get("conn_state") == "REJ" ? "failure" : "");
    } else if (path == "dns") {
        fill(e.dns_question_name, j.get("query"));
        e.message = fmt::format("DNS {} {} from {} -> {}", j.get("qtype_name"), e.dns_question_name,
                                e.source_ip, j.get({"answers", "answers.0"}));
    } else if (path == "http") {
        const std::string_view host = j.get("host");
        const std::string_view uri = j.get("uri");
        fill(e.destination_domain, host);
        if (!uri.empty()) {
            e.url_full = host.empty() || uri.front() != '/'
                             ? std::string(uri)
                             : fmt::format("http://{}{}{}", host,
                                           e.destination_port && *e.destination_port != 80
                                               ? fmt::format(":{}", *e.destination_port)
                                               : "",
                                           uri);
        }
        fill(e.http_request_method, j.get("method"));
        fill(e.http_response_status_code, j.get("status_code"));
        fill(e.user_agent_original, j.get("user_agent"));
        e.destination_bytes = parse_uint(j.get("response_body_len"));
        e.source_bytes = parse_uint(j.get("request_body_len"));
    } else if (path == "ssl") {
        fill(e.destination_domain, j.get("server_name"));
        e.message = fmt::format("TLS {} -> {}:{} SNI {} {}", e.source_ip, e.destination_ip,
                                j.get("id.resp_p"), e.destination_domain, j.get("version"));
    }
}

} // namespace casefile::logs::detail
