#include "core/text.hpp"
#include "logs/json_fields.hpp"
#include "logs/json_records.hpp"
#include "logs/parser.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

using detail::fill;

// Each target field with the names it goes by in ECS, OCSF, Splunk CIM and common shippers,
// in order of preference. Names are compared case-insensitively.
enum Target : size_t {
    kTime,
    kHost,
    kHostIp,
    kUser,
    kUserDomain,
    kUserId,
    kSrcIp,
    kSrcPort,
    kDstIp,
    kDstPort,
    kDstDomain,
    kUrl,
    kUrlDomain,
    kMethod,
    kStatus,
    kProcName,
    kProcExe,
    kCmdLine,
    kPid,
    kParentName,
    kParentCmd,
    kFilePath,
    kFileName,
    kHash,
    kDns,
    kAction,
    kOutcome,
    kCategory,
    kCode,
    kTransport,
    kMessage,
    kUserAgent,
    kEmailFrom,
    kEmailTo,
    kSubject,
    kSrcBytes,
    kDstBytes,
    kRule,
    kRegistry,
    kTargetCount
};

const std::vector<std::vector<std::string_view>>& aliases() {
    static const std::vector<std::vector<std::string_view>> table = {
        {"@timestamp", "timestamp", "time", "_time", "eventtime", "event_time", "ts", "datetime",
         "time_dt", "created_at", "date", "timegenerated"},
        {"host.name", "hostname", "host", "computer", "computername", "device.hostname",
         "device.name", "dvc_host", "dvchost", "devicename", "agent.hostname"},
        {"host.ip", "device.ip", "dvc", "dvc_ip"},
        {"user.name", "user", "username", "user_name", "src_user", "actor.user.name",
         "userprincipalname", "upn", "account", "accountname"},
        {"user.domain", "actor.user.domain", "user_domain", "domain_name"},
        {"user.id", "user_id", "actor.user.uid", "usersid", "sid", "user.uid"},
        {"source.ip", "src_ip", "src", "srcip", "source_ip", "client_ip", "clientip", "client.ip",
         "src_endpoint.ip", "sourceipaddress", "ipaddress", "ip", "remote_addr", "callerip"},
        {"source.port", "src_port", "srcport", "sport", "spt", "src_endpoint.port", "client.port"},
        {"destination.ip", "dest_ip", "dst_ip", "dst", "dest", "dstip", "destination_ip",
         "dst_endpoint.ip", "server.ip", "remoteip"},
        {"destination.port", "dest_port", "dst_port", "dstport", "dport", "dpt",
         "dst_endpoint.port", "server.port"},
        {"destination.domain", "dest_host", "dst_host", "dst_endpoint.hostname", "server.domain",
         "destination.address"},
        {"url.full", "url", "uri", "request_url", "http.url", "http_request.url.url_string",
         "url.original", "request"},
        {"url.domain", "http_request.url.hostname", "url_domain"},
        {"http.request.method", "http_method", "method", "request_method",
         "http_request.http_method"},
        {"http.response.status_code", "status_code", "http_status", "http_response.code", "status"},
        {"process.name", "process_name", "processname", "process.file.name"},
        {"process.executable", "process_path", "image", "process.file.path", "process_exec"},
        {"process.command_line", "command_line", "commandline", "cmdline", "process.cmd_line",
         "cmd", "process"},
        {"process.pid", "pid", "process_id", "processid"},
        {"process.parent.name", "parent_process_name", "parent_process",
         "process.parent_process.name"},
        {"process.parent.command_line", "parent_command_line", "process.parent_process.cmd_line",
         "parent_process_command_line"},
        {"file.path", "file_path", "filepath", "file.directory"},
        {"file.name", "file_name", "filename"},
        {"file.hash.sha256", "sha256", "hash.sha256", "file.hash.sha1", "sha1", "file.hash.md5",
         "md5", "file_hash", "hash", "filehash"},
        {"dns.question.name", "query", "dns_query", "query.hostname", "dns.query"},
        {"event.action", "action", "activity_name", "eventname", "event_type", "operation"},
        {"event.outcome", "outcome", "result"},
        {"event.category", "category", "class_name"},
        {"event.code", "event_id", "eventid", "signature_id"},
        {"network.transport", "transport", "protocol", "proto", "connection_info.protocol_name"},
        {"message", "msg", "description"},
        {"user_agent.original", "user_agent", "useragent", "http_user_agent",
         "http_request.user_agent"},
        {"email.from.address", "sender", "from"},
        {"email.to.address", "recipient", "to"},
        {"email.subject", "subject"},
        {"source.bytes", "bytes_out", "bytes_sent", "sent_bytes"},
        {"destination.bytes", "bytes_in", "bytes_received", "received_bytes"},
        {"rule.name", "rule", "signature", "policy", "rule_name"},
        {"registry.path", "registry_path", "registry_key", "targetobject"},
    };
    return table;
}

/// Generic JSON Lines (and JSON arrays/objects): time, host, user, IPs, URL, process and file
/// fields taken by their common names in ECS, OCSF and Splunk CIM spellings.
class GenericJsonlParser final : public LogParser {
public:
    std::string_view name() const override { return "jsonl"; }
    std::string_view description() const override {
        return "Any JSON Lines / JSON (fields by ECS, OCSF and Splunk CIM names)";
    }

    int detect(std::string_view head, std::string_view) const override {
        return detail::starts_json(head) ? 15 : 0;
    }

    void parse(ParseContext& ctx) const override {
        const auto& table = aliases();
        std::unordered_map<std::string, std::pair<size_t, size_t>> index;
        for (size_t t = 0; t < table.size(); ++t) {
            for (size_t rank = 0; rank < table[t].size(); ++rank) {
                index.emplace(std::string(table[t][rank]), std::make_pair(t, rank));
            }
        }
        std::vector<std::string_view> best(kTargetCount);
        std::vector<size_t> best_rank(kTargetCount);
        std::string lowered;
        detail::for_each_json_record(ctx, [&](ParseContext& ctx, Event& e) {
            best.assign(kTargetCount, {});
            best_rank.assign(kTargetCount, SIZE_MAX);
            for (const auto& [k, v] : e.fields) {
                lowered = to_lower(k);
                const auto it = index.find(lowered);
                const std::string_view value = detail::meaningful(v);
                if (it != index.end() && !value.empty() &&
                    it->second.second < best_rank[it->second.first]) {
                    best[it->second.first] = value;
                    best_rank[it->second.first] = it->second.second;
                }
            }
            map(ctx, e, best);
            ctx.emit(e);
        });
    }

private:
    static void map(ParseContext& ctx, Event& e, const std::vector<std::string_view>& v) {
        detail::set_json_time(ctx, e, v[kTime], false);
        fill(e.host_name, v[kHost]);
        fill(e.host_ip, v[kHostIp]);
        detail::set_user(e, v[kUser]);
        fill(e.user_domain, v[kUserDomain]);
        fill(e.user_id, v[kUserId]);
        fill(e.source_ip, v[kSrcIp]);
        e.source_port = detail::parse_port(v[kSrcPort]);
        fill(e.destination_ip, v[kDstIp]);
        e.destination_port = detail::parse_port(v[kDstPort]);
        fill(e.destination_domain, v[kDstDomain]);
        if (detail::looks_defanged(v[kUrl])) {
            e.url_original.assign(v[kUrl]);
            e.url_full = detail::refang_minimal(v[kUrl]);
        } else {
            fill(e.url_full, v[kUrl]);
        }
        fill(e.url_domain, v[kUrlDomain]);
        fill(e.http_request_method, v[kMethod]);
        if (detail::parse_uint(v[kStatus])) {
            fill(e.http_response_status_code, v[kStatus]);
        }
        fill(e.process_executable, v[kProcExe]);
        fill(e.process_name, v[kProcName]);
        fill(e.process_name, detail::base_name(e.process_executable));
        fill(e.process_command_line, v[kCmdLine]);
        fill(e.process_pid, v[kPid]);
        fill(e.process_parent_name, v[kParentName]);
        fill(e.process_parent_command_line, v[kParentCmd]);
        fill(e.file_path, v[kFilePath]);
        fill(e.file_name, v[kFileName]);
        detail::set_hash(e, v[kHash]);
        fill(e.dns_question_name, v[kDns]);
        fill(e.event_action, v[kAction]);
        fill(e.event_outcome, to_lower(v[kOutcome]));
        fill(e.event_category, v[kCategory]);
        fill(e.event_code, v[kCode]);
        fill(e.network_transport, to_lower(v[kTransport]));
        fill(e.message, v[kMessage]);
        if (e.message.size() > 240) {
            e.message.resize(240);
            e.message += "...";
        }
        fill(e.user_agent_original, v[kUserAgent]);
        fill(e.email_from, v[kEmailFrom]);
        fill(e.email_to, v[kEmailTo]);
        fill(e.email_subject, v[kSubject]);
        e.source_bytes = detail::parse_uint(v[kSrcBytes]);
        e.destination_bytes = detail::parse_uint(v[kDstBytes]);
        fill(e.rule_name, v[kRule]);
        fill(e.registry_path, v[kRegistry]);
    }
};

} // namespace

const LogParser& generic_jsonl_parser() {
    static const GenericJsonlParser parser;
    return parser;
}

} // namespace casefile::logs
