#include <string>

#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/parse.hpp"

namespace casefile::logs {
namespace {

void append_escaped(std::string& out, std::string_view s) {
    std::string clean;
    if (!is_valid_utf8(s)) {
        clean = sanitize_utf8(s);
        s = clean;
    }
    append_json_string(out, s);
}

class ObjectWriter {
public:
    explicit ObjectWriter(std::string& out) : out_(out) { out_.push_back('{'); }

    void str(std::string_view key, std::string_view value) {
        if (!value.empty()) {
            name(key);
            append_escaped(out_, value);
        }
    }
    template <class T> void num(std::string_view key, const std::optional<T>& value) {
        if (value) {
            name(key);
            out_ += std::to_string(*value);
        }
    }
    void list(std::string_view key, const std::vector<std::string>& values) {
        if (values.empty()) {
            return;
        }
        name(key);
        out_.push_back('[');
        for (size_t i = 0; i < values.size(); ++i) {
            if (i > 0) {
                out_.push_back(',');
            }
            append_escaped(out_, values[i]);
        }
        out_.push_back(']');
    }
    void name(std::string_view key) {
        if (!first_) {
            out_.push_back(',');
        }
        first_ = false;
        append_escaped(out_, key);
        out_.push_back(':');
    }
    void close() { out_.push_back('}'); }

private:
    std::string& out_;
    bool first_ = true;
};

} // namespace

std::string to_json_line(const Event& e) {
    std::string out;
    out.reserve(512 + e.raw.size() * 2);
    ObjectWriter w(out);
    if (e.time) {
        w.str("@timestamp", format_rfc3339(*e.time));
    }
    w.str("casefile.time_original", e.time_original);
    w.str("event.dataset", e.format);
    w.str("log.file.path", e.file);
    if (e.line > 0) {
        w.name("log.file.line");
        out += std::to_string(e.line);
    }
    w.str("message", e.message);
    w.str("event.action", e.event_action);
    w.str("event.code", e.event_code);
    w.str("event.outcome", e.event_outcome);
    w.str("event.category", e.event_category);
    w.str("host.name", e.host_name);
    w.str("host.ip", e.host_ip);
    w.str("user.name", e.user_name);
    w.str("user.domain", e.user_domain);
    w.str("user.id", e.user_id);
    w.str("process.name", e.process_name);
    w.str("process.executable", e.process_executable);
    w.str("process.command_line", e.process_command_line);
    w.str("process.pid", e.process_pid);
    w.str("process.parent.name", e.process_parent_name);
    w.str("process.parent.command_line", e.process_parent_command_line);
    w.str("file.path", e.file_path);
    w.str("file.name", e.file_name);
    w.str("file.hash.md5", e.file_hash_md5);
    w.str("file.hash.sha1", e.file_hash_sha1);
    w.str("file.hash.sha256", e.file_hash_sha256);
    w.str("source.ip", e.source_ip);
    w.num("source.port", e.source_port);
    w.str("source.domain", e.source_domain);
    w.num("source.bytes", e.source_bytes);
    w.str("destination.ip", e.destination_ip);
    w.num("destination.port", e.destination_port);
    w.str("destination.domain", e.destination_domain);
    w.num("destination.bytes", e.destination_bytes);
    w.str("network.transport", e.network_transport);
    w.str("network.protocol", e.network_protocol);
    w.str("url.full", e.url_full);
    w.str("url.original", e.url_original);
    w.str("url.domain", e.url_domain);
    w.str("http.request.method", e.http_request_method);
    w.str("http.response.status_code", e.http_response_status_code);
    w.str("user_agent.original", e.user_agent_original);
    w.str("dns.question.name", e.dns_question_name);
    w.str("registry.path", e.registry_path);
    w.str("registry.value", e.registry_value);
    w.str("email.from.address", e.email_from);
    w.str("email.to.address", e.email_to);
    w.str("email.subject", e.email_subject);
    w.str("logon.type", e.logon_type);
    w.str("logon.type_name", e.logon_type_name);
    w.str("rule.name", e.rule_name);
    w.list("related.ip", e.related_ip);
    w.list("related.hosts", e.related_hosts);
    w.list("related.user", e.related_user);
    w.list("related.hash", e.related_hash);
    if (!e.fields.empty()) {
        w.name("fields");
        ObjectWriter f(out);
        std::vector<std::string_view> seen;
        for (const auto& [k, v] : e.fields) {
            // JSON objects need unique names; a repeated source field gets "#2", "#3".
            size_t n = 1;
            for (const std::string_view s : seen) {
                n += s == k ? 1 : 0;
            }
            seen.push_back(k);
            if (n == 1) {
                f.name(k);
            } else {
                f.name(fmt::format("{}#{}", k, n));
            }
            append_escaped(out, v);
        }
        f.close();
    }
    w.str("event.original", e.raw);
    w.close();
    return out;
}

} // namespace casefile::logs
