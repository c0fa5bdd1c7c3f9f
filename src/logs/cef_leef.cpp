#include "logs/cef_leef.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/util.hpp"

namespace casefile::logs::detail {

void split_cef_extension(std::string_view ext,
                         std::vector<std::pair<std::string, std::string>>& out) {
    auto key_at = [&ext](size_t i) -> size_t {
        // Length of a key starting at i (followed by '='), or 0.
        size_t j = i;
        while (j < ext.size() &&
               ((ext[j] >= 'a' && ext[j] <= 'z') || (ext[j] >= 'A' && ext[j] <= 'Z') ||
                (ext[j] >= '0' && ext[j] <= '9') || ext[j] == '_' || ext[j] == '.' ||
                ext[j] == '-' || ext[j] == '[' || ext[j] == ']')) {
            ++j;
        }
        return j > i && j < ext.size() && ext[j] == '=' ? j - i : 0;
    };
    size_t i = 0;
    while (i < ext.size() && ext[i] == ' ') {
        ++i;
    }
    while (i < ext.size()) {
        const size_t klen = key_at(i);
        if (klen == 0) {
            break;
        }
        std::string key(ext.substr(i, klen));
        size_t j = i + klen + 1;
        std::string value;
        size_t next = ext.size();
        for (size_t k = j; k < ext.size(); ++k) {
            if (ext[k] == '\\' && k + 1 < ext.size()) {
                const char c = ext[k + 1];
                value.push_back(c == 'n' ? '\n' : c == 'r' ? '\r' : c);
                ++k;
                continue;
            }
            if (ext[k] == ' ' && key_at(k + 1) > 0) {
                next = k + 1;
                break;
            }
            value.push_back(ext[k]);
        }
        while (!value.empty() && value.back() == ' ') {
            value.pop_back();
        }
        out.emplace_back(std::move(key), std::move(value));
        i = next;
    }
}

void set_cef_time(ParseContext& ctx, Event& e, std::string_view value, uint32_t line) {
    value = trim(value);
    if (value.empty()) {
        return;
    }
    if (parse_uint(value)) {
        if (value.size() >= 12) {
            ctx.set_epoch_millis(e, value, line);
        } else {
            ctx.set_epoch_time(e, value, line);
        }
        return;
    }
    ctx.set_time_any(e, value, line, false);
}

void map_cef_keys(Event& e) {
    std::string_view suser;
    std::string_view duser;
    for (const auto& [k, raw] : e.fields) {
        const std::string_view v = meaningful(raw);
        if (v.empty()) {
            continue;
        }
        if (k == "src" || k == "sourceTranslatedAddress" || k == "c6a2") {
            fill(e.source_ip, v);
        } else if (k == "dst" || k == "c6a3") {
            fill(e.destination_ip, v);
        } else if (k == "spt" || k == "srcPort") {
            e.source_port = parse_port(v);
        } else if (k == "dpt" || k == "dstPort") {
            e.destination_port = parse_port(v);
        } else if (k == "proto") {
            e.network_transport = to_lower(v);
        } else if (k == "app" || k == "applicationProtocol") {
            fill(e.network_protocol, to_lower(v));
        } else if (k == "act" || k == "action") {
            fill(e.event_action, v);
        } else if (k == "outcome") {
            fill(e.event_outcome, to_lower(v));
        } else if (k == "request" || k == "url") {
            fill(e.url_full, v);
        } else if (k == "requestMethod") {
            fill(e.http_request_method, v);
        } else if (k == "requestClientApplication" || k == "userAgent") {
            fill(e.user_agent_original, v);
        } else if (k == "suser" || k == "usrName") {
            suser = v;
        } else if (k == "duser") {
            duser = v;
        } else if (k == "suid" || k == "duid") {
            fill(e.user_id, v);
        } else if (k == "sntdom" || k == "dntdom" || k == "domain") {
            fill(e.user_domain, v);
        } else if (k == "shost" || k == "srcHostName") {
            fill(e.source_domain, v);
        } else if (k == "dhost" || k == "destinationDnsDomain" || k == "dstHostName") {
            fill(e.destination_domain, v);
        } else if (k == "dvchost" || k == "devName") {
            fill(e.host_name, v);
        } else if (k == "dvc") {
            fill(e.host_ip, v);
        } else if (k == "dproc") {
            // The process acted on (launched, connecting); sproc is the one that caused it.
            fill(e.process_executable, v);
            fill(e.process_name, base_name(v));
        } else if (k == "sproc") {
            fill(e.process_parent_name, base_name(v));
        } else if (k == "spid" || k == "dpid") {
            fill(e.process_pid, v);
        } else if (k == "fname" || k == "fileName") {
            fill(e.file_name, v);
        } else if (k == "filePath") {
            fill(e.file_path, v);
        } else if (k == "fileHash" || k == "oldFileHash") {
            set_hash(e, v);
        } else if (k == "out" || k == "srcBytes") {
            e.source_bytes = parse_uint(v);
        } else if (k == "in" || k == "dstBytes") {
            e.destination_bytes = parse_uint(v);
        } else if (k == "cat") {
            fill(e.event_category, v);
        } else if (k == "cs1" || k == "cs2" || k == "cs3" || k == "cs4" || k == "cs5" ||
                   k == "cs6") {
            // A custom string named "rule" or "policy" by its label names the rule that matched.
            const std::string label = k + "Label";
            for (const auto& [lk, lv] : e.fields) {
                if (lk != label) {
                    continue;
                }
                if (contains_icase(lv, "rule") || contains_icase(lv, "policy")) {
                    fill(e.rule_name, v);
                } else if (contains_icase(lv, "command")) {
                    fill(e.process_command_line, v);
                }
            }
        }
    }
    set_user(e, suser.empty() ? duser : suser);
    if (!e.event_outcome.empty() && parse_uint(e.event_outcome)) {
        // Some proxies (Zscaler NSS) put the HTTP status in outcome.
        fill(e.http_response_status_code, e.event_outcome);
        e.event_outcome =
            e.event_outcome[0] == '2' || e.event_outcome[0] == '3' ? "success" : "failure";
    } else if (!e.event_outcome.empty()) {
        const std::string o = to_lower(e.event_outcome);
        e.event_outcome =
            o == "success" || o == "allowed" || o == "allow"
                ? "success"
                : (o == "failure" || o == "fail" || o == "blocked" || o == "denied" ? "failure"
                                                                                    : o);
    }
}

} // namespace casefile::logs::detail
