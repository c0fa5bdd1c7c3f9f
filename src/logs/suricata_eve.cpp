#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/json_fields.hpp"
#include "logs/json_records.hpp"
#include "logs/parser.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

using detail::fill;

/// Suricata EVE JSON (eve.json): event_type alert, dns, http, tls, flow, fileinfo and others
/// by their common 5-tuple.
class SuricataEveParser final : public LogParser {
public:
    std::string_view name() const override { return "suricata-eve"; }
    std::string_view description() const override {
        return "Suricata EVE JSON (alert, dns, http, tls, flow, fileinfo)";
    }

    int detect(std::string_view head, std::string_view) const override {
        using detail::contains;
        if (!detail::starts_json(head)) {
            return 0;
        }
        return contains(head, "\"event_type\"") &&
                       (contains(head, "\"flow_id\"") || contains(head, "\"src_ip\""))
                   ? 92
                   : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::for_each_json_record(ctx, [](ParseContext& ctx, Event& e) {
            const detail::JsonView j(e);
            detail::set_json_time(ctx, e, j.get("timestamp"), false);
            const std::string_view type = j.get("event_type");
            e.event_action.assign(type);
            fill(e.host_name, j.get("host"));
            fill(e.source_ip, j.get("src_ip"));
            fill(e.destination_ip, j.get("dest_ip"));
            e.source_port = detail::parse_port(j.get("src_port"));
            e.destination_port = detail::parse_port(j.get("dest_port"));
            e.network_transport = to_lower(j.get("proto"));
            fill(e.network_protocol, j.get("app_proto"));
            e.event_category = "network";
            if (type == "alert") {
                e.event_category = "intrusion_detection";
                fill(e.rule_name, j.get("alert.signature"));
                fill(e.event_code, j.get("alert.signature_id"));
                const std::string_view action = j.get("alert.action");
                e.event_outcome = action == "blocked" ? "failure" : "";
                e.message = fmt::format("alert {} [{}] {}:{} -> {}:{}", e.rule_name,
                                        j.get("alert.category"), e.source_ip, j.get("src_port"),
                                        e.destination_ip, j.get("dest_port"));
            }
            fill(e.dns_question_name, j.get({"dns.rrname", "dns.queries.0.rrname"}));
            const std::string_view host = j.get("http.hostname");
            const std::string_view url = j.get("http.url");
            if (!url.empty()) {
                if (!host.empty() && url.front() == '/') {
                    // fileinfo records run server -> client, so the server port is src_port.
                    const auto port = type == "fileinfo" ? e.source_port : e.destination_port;
                    e.url_full =
                        fmt::format("http://{}{}{}", host,
                                    port && *port != 80 ? fmt::format(":{}", *port) : "", url);
                } else {
                    e.url_full.assign(url);
                }
            }
            fill(e.destination_domain, host);
            fill(e.destination_domain, j.get("tls.sni"));
            fill(e.http_request_method, j.get("http.http_method"));
            fill(e.http_response_status_code, j.get("http.status"));
            fill(e.user_agent_original, j.get("http.http_user_agent"));
            e.source_bytes = detail::parse_uint(j.get("flow.bytes_toserver"));
            e.destination_bytes = detail::parse_uint(j.get("flow.bytes_toclient"));
            fill(e.file_name, detail::base_name(j.get("fileinfo.filename")));
            detail::set_hash(e, j.get("fileinfo.sha256"));
            detail::set_hash(e, j.get("fileinfo.md5"));
            if (type == "tls" && e.message.empty()) {
                e.message = fmt::format("TLS {} -> {}:{} SNI {} {}", e.source_ip, e.destination_ip,
                                        j.get("dest_port"), j.get("tls.sni"), j.get("tls.version"));
            }
            ctx.emit(e);
        });
    }
};

} // namespace

const LogParser& suricata_eve_parser() {
    static const SuricataEveParser parser;
    return parser;
}

} // namespace casefile::logs
