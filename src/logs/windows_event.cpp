#include "logs/windows_event.hpp"

#include <array>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/text.hpp"
#include "logs/util.hpp"

namespace casefile::logs::detail {
namespace {

/// Offset of the next "<Event" start tag (not <Events>, <EventData>, <EventID>) from `pos`.
size_t find_event_start(std::string_view text, size_t pos) {
    while (true) {
        pos = text.find("<Event", pos);
        if (pos == std::string_view::npos) {
            return pos;
        }
        const size_t after = pos + 6;
        if (after < text.size() &&
            (text[after] == '>' || text[after] == ' ' || text[after] == '\t' ||
             text[after] == '\r' || text[after] == '\n')) {
            return pos;
        }
        pos = after;
    }
}

void add_system_values(const pugi::xml_node& system, Event& e) {
    auto add = [&e](std::string name, std::string_view value) {
        if (!value.empty()) {
            e.fields.emplace_back(std::move(name), std::string(value));
        }
    };
    add("Provider", system.child("Provider").attribute("Name").value());
    add("EventID", trim(system.child("EventID").child_value()));
    add("Version", system.child("Version").child_value());
    add("Level", system.child("Level").child_value());
    add("Task", system.child("Task").child_value());
    add("Keywords", system.child("Keywords").child_value());
    add("TimeCreated", system.child("TimeCreated").attribute("SystemTime").value());
    add("EventRecordID", system.child("EventRecordID").child_value());
    add("Execution.ProcessID", system.child("Execution").attribute("ProcessID").value());
    add("Channel", system.child("Channel").child_value());
    add("Computer", trim(system.child("Computer").child_value()));
    add("Security.UserID", system.child("Security").attribute("UserID").value());
}

void add_data_values(const pugi::xml_node& event_node, Event& e) {
    for (const pugi::xml_node& data : event_node.child("EventData").children()) {
        if (data.type() != pugi::node_element) {
            continue;
        }
        const char* name = data.attribute("Name").value();
        e.fields.emplace_back(*name != '\0' ? name : data.name(), data.child_value());
    }
    // UserData (1102 and others) holds one element whose children are the values.
    for (const pugi::xml_node& holder : event_node.child("UserData").children()) {
        for (const pugi::xml_node& data : holder.children()) {
            if (data.type() == pugi::node_element) {
                e.fields.emplace_back(data.name(), data.child_value());
            }
        }
    }
    const pugi::xml_node message = event_node.child("RenderingInfo").child("Message");
    if (message) {
        e.fields.emplace_back("RenderingInfo.Message", message.child_value());
    }
}

std::string_view security_action(std::string_view id) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kActions = {{
        {"4624", "logged-in"},
        {"4625", "logon-failed"},
        {"4634", "logged-out"},
        {"4647", "logged-out"},
        {"4648", "logged-in-explicit"},
        {"4672", "logged-in-special"},
        {"4688", "created-process"},
        {"4720", "added-user-account"},
        {"4722", "enabled-user-account"},
        {"4726", "deleted-user-account"},
        {"4728", "added-member-to-group"},
        {"4732", "added-member-to-group"},
        {"4756", "added-member-to-group"},
        {"4768", "kerberos-authentication-ticket-requested"},
        {"4769", "kerberos-service-ticket-requested"},
        {"4776", "credential-validated"},
        {"1102", "audit-log-cleared"},
    }};
    for (const auto& [code, action] : kActions) {
        if (code == id) {
            return action;
        }
    }
    return {};
}

std::string_view security_category(std::string_view id) {
    if (id == "4688") {
        return "process";
    }
    if (id == "4720" || id == "4722" || id == "4726" || id == "4728" || id == "4732" ||
        id == "4756") {
        return "iam";
    }
    if (id == "1102") {
        return "configuration";
    }
    return "authentication";
}

void set_target_user(Event& e, const NamedValues& v) {
    set_user(e, value_of(v, "TargetUserName"));
    fill(e.user_domain, value_of(v, "TargetDomainName"));
    fill(e.user_id, value_of(v, "TargetUserSid"));
    fill(e.user_id, value_of(v, "TargetSid"));
}

void set_subject_user(Event& e, const NamedValues& v) {
    set_user(e, value_of(v, "SubjectUserName"));
    fill(e.user_domain, value_of(v, "SubjectDomainName"));
    fill(e.user_id, value_of(v, "SubjectUserSid"));
}

} // namespace

std::string_view value_of(const NamedValues& values, std::string_view name) {
    for (const auto& [k, v] : values) {
        if (k == name) {
            const std::string_view m = meaningful(v);
            if (!m.empty()) {
                return m;
            }
        }
    }
    return {};
}

void for_each_windows_xml_event(ParseContext& ctx, const std::function<void(Event&)>& fn) {
    const std::string_view text = ctx.text();
    size_t pos = find_event_start(text, 0);
    size_t line_off = 0;
    uint32_t line = 1;
    if (pos == std::string_view::npos && !trim(text).empty()) {
        ctx.warn(1, "no <Event> element found", "is this Windows event XML?");
    }
    while (pos != std::string_view::npos) {
        line = line_at(text, pos, line_off, line);
        line_off = pos;
        const size_t close = text.find("</Event>", pos);
        const size_t next = find_event_start(text, pos + 6);
        if (close == std::string_view::npos || (next != std::string_view::npos && next < close)) {
            ctx.warn(line, "<Event> element is not closed", "the event is skipped");
            pos = next;
            continue;
        }
        const size_t end = close + 8;
        const std::string_view chunk = text.substr(pos, end - pos);
        pugi::xml_document doc;
        const pugi::xml_parse_result parsed = doc.load_buffer(
            chunk.data(), chunk.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
            pugi::encoding_utf8);
        if (!parsed) {
            const uint32_t at = line_at(chunk, static_cast<size_t>(parsed.offset)) - 1 + line;
            ctx.warn(at, fmt::format("malformed event XML: {}", parsed.description()),
                     "the event is skipped");
        } else {
            const pugi::xml_node event_node = doc.child("Event");
            Event e = ctx.make_event(line, chunk);
            add_system_values(event_node.child("System"), e);
            add_data_values(event_node, e);
            fn(e);
        }
        pos = find_event_start(text, end);
    }
}

void map_security_event(ParseContext& ctx, Event& e, std::string_view id, const NamedValues& v) {
    (void)ctx;
    e.event_code.assign(id);
    e.event_action.assign(security_action(id));
    e.event_category.assign(security_category(id));
    fill(e.host_name, value_of(v, "Computer"));

    const bool subject_is_actor = id == "4672" || id == "4688" || id == "1102";
    if (id == "4728" || id == "4732" || id == "4756") {
        // The member added is the account the event is about; the group is the target.
        const std::string_view member = value_of(v, "MemberName");
        if (!member.empty()) {
            // MemberName is a distinguished name: "CN=John Smith,OU=...".
            std::string_view cn = member;
            if (starts_with_icase(cn, "CN=")) {
                cn = cn.substr(3, cn.find(',') == std::string_view::npos ? std::string_view::npos
                                                                         : cn.find(',') - 3);
            }
            e.user_name.assign(cn);
        }
        fill(e.user_id, value_of(v, "MemberSid"));
        e.message = fmt::format(
            "{} added to group {}{}{} by {}", e.user_name.empty() ? e.user_id : e.user_name,
            value_of(v, "TargetDomainName"), value_of(v, "TargetDomainName").empty() ? "" : "\\",
            value_of(v, "TargetUserName"), value_of(v, "SubjectUserName"));
    } else if (subject_is_actor && value_of(v, "TargetUserName").empty()) {
        set_subject_user(e, v);
    } else if (!value_of(v, "TargetUserName").empty() || !value_of(v, "TargetUserSid").empty()) {
        set_target_user(e, v);
    } else {
        set_subject_user(e, v);
    }
    if (id == "4776") {
        fill(e.source_domain, value_of(v, "Workstation"));
    }
    set_logon_type(e, value_of(v, "LogonType"));
    std::string_view ip = value_of(v, "IpAddress");
    if (starts_with_icase(ip, "::ffff:")) {
        ip.remove_prefix(7);
    }
    fill(e.source_ip, ip);
    const auto port = parse_port(value_of(v, "IpPort"));
    if (port && *port != 0) {
        e.source_port = port;
    }
    fill(e.source_domain, value_of(v, "WorkstationName"));

    if (id == "4688") {
        fill(e.process_executable, value_of(v, "NewProcessName"));
        fill(e.process_pid, value_of(v, "NewProcessId"));
        fill(e.process_command_line, value_of(v, "CommandLine"));
        const std::string_view parent = value_of(v, "ParentProcessName");
        fill(e.process_parent_name, base_name(parent));
    } else {
        fill(e.process_executable, value_of(v, "ProcessName"));
        fill(e.process_pid, value_of(v, "ProcessId"));
    }
    if (!e.process_executable.empty()) {
        e.process_name.assign(base_name(e.process_executable));
    }

    const std::string_view status = value_of(v, "Status");
    const std::string_view keywords = value_of(v, "Keywords");
    if (id == "4625" || contains_icase(keywords, "Audit Failure") ||
        contains(keywords, "0x8010000000000000")) {
        e.event_outcome = "failure";
    } else if ((id == "4768" || id == "4769" || id == "4776") && !status.empty()) {
        e.event_outcome = equals_icase(status, "0x0") || status == "0" ? "success" : "failure";
    } else if (id == "4624" || contains_icase(keywords, "Audit Success") ||
               contains(keywords, "0x8020000000000000")) {
        e.event_outcome = "success";
    }
    if (id == "1102") {
        e.message = fmt::format("security audit log cleared by {}{}{}", e.user_domain,
                                e.user_domain.empty() ? "" : "\\", e.user_name);
    } else if (id == "4769") {
        e.message = fmt::format("Kerberos service ticket for {} requested by {}",
                                value_of(v, "ServiceName"), e.user_name);
    }
}

void map_sysmon_event(ParseContext& ctx, Event& e, std::string_view id, const NamedValues& v) {
    (void)ctx;
    e.event_code.assign(id);
    fill(e.host_name, value_of(v, "Computer"));
    std::string_view image = value_of(v, "Image");
    std::string_view user = value_of(v, "User");
    std::string_view pid = value_of(v, "ProcessId");
    if (id == "8" || id == "10") {
        image = value_of(v, "SourceImage");
        user = value_of(v, "SourceUser");
        pid = value_of(v, "SourceProcessId");
    }
    fill(e.process_executable, image);
    if (!e.process_executable.empty()) {
        e.process_name.assign(base_name(e.process_executable));
    }
    fill(e.process_pid, pid);
    set_user(e, user);
    const std::string_view target = value_of(v, "TargetImage");
    if (id == "1") {
        e.event_action = "process-created";
        e.event_category = "process";
        fill(e.process_command_line, value_of(v, "CommandLine"));
        fill(e.process_parent_name, base_name(value_of(v, "ParentImage")));
        fill(e.process_parent_command_line, value_of(v, "ParentCommandLine"));
        set_hash_list(e, value_of(v, "Hashes"));
    } else if (id == "3") {
        e.event_action = "network-connection";
        e.event_category = "network";
        fill(e.source_ip, value_of(v, "SourceIp"));
        e.source_port = parse_port(value_of(v, "SourcePort"));
        fill(e.source_domain, value_of(v, "SourceHostname"));
        fill(e.destination_ip, value_of(v, "DestinationIp"));
        e.destination_port = parse_port(value_of(v, "DestinationPort"));
        fill(e.destination_domain, value_of(v, "DestinationHostname"));
        e.network_transport = to_lower(value_of(v, "Protocol"));
        fill(e.network_protocol, value_of(v, "DestinationPortName"));
    } else if (id == "7") {
        e.event_action = "image-loaded";
        e.event_category = "library";
        fill(e.file_path, value_of(v, "ImageLoaded"));
        e.file_name.assign(base_name(e.file_path));
        set_hash_list(e, value_of(v, "Hashes"));
        e.message = fmt::format("{} loaded {}", e.process_name, e.file_path);
    } else if (id == "8" || id == "10") {
        e.event_action = id == "8" ? "create-remote-thread" : "process-accessed";
        e.event_category = "process";
        e.message = fmt::format("{} {} {}{}", e.process_name,
                                id == "8" ? "created a remote thread in" : "opened", target,
                                value_of(v, "GrantedAccess").empty()
                                    ? std::string()
                                    : fmt::format(" (access {})", value_of(v, "GrantedAccess")));
    } else if (id == "11" || id == "23" || id == "26") {
        e.event_action = id == "11" ? "file-created" : "file-deleted";
        e.event_category = "file";
        fill(e.file_path, value_of(v, "TargetFilename"));
        e.file_name.assign(base_name(e.file_path));
        set_hash_list(e, value_of(v, "Hashes"));
        e.message = fmt::format("{} {} {}", e.process_name, id == "11" ? "created" : "deleted",
                                e.file_path);
    } else if (id == "12" || id == "13" || id == "14") {
        e.event_category = "registry";
        const std::string_view type = value_of(v, "EventType");
        e.event_action = type.empty() ? (id == "13" ? "SetValue" : "registry") : std::string(type);
        fill(e.registry_path, value_of(v, "TargetObject"));
        if (id == "13") {
            e.registry_value.assign(base_name(e.registry_path));
            e.message = fmt::format("{} set {} = {}", e.process_name, e.registry_path,
                                    value_of(v, "Details"));
        }
    } else if (id == "22") {
        e.event_action = "dns-query";
        e.event_category = "network";
        fill(e.dns_question_name, value_of(v, "QueryName"));
        e.message = fmt::format("{} resolved {} -> {}", e.process_name, e.dns_question_name,
                                value_of(v, "QueryResults"));
    } else if (id == "5") {
        e.event_action = "process-terminated";
        e.event_category = "process";
    }
    const std::string_view utc = value_of(v, "UtcTime");
    if (!e.time && !utc.empty()) {
        // Sysmon writes UtcTime in UTC without a zone suffix.
        ctx.set_time_any(e, utc, e.line, true);
    }
}

} // namespace casefile::logs::detail
