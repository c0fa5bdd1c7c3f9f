#include "logs/defender_fields.hpp"

#include "core/text.hpp"
#include "logs/util.hpp"

namespace casefile::logs::detail {
namespace {

// Index of each column in defender_keys(); keep both lists in the same order.
enum Key : size_t {
    kTimestamp,
    kTime,
    kCategory,
    kDeviceName,
    kActionType,
    kFileName,
    kFolderPath,
    kSha1,
    kSha256,
    kMd5,
    kProcessId,
    kProcessCommandLine,
    kAccountDomain,
    kAccountName,
    kAccountSid,
    kAccountUpn,
    kAccountObjectId,
    kRemoteIp,
    kRemotePort,
    kRemoteUrl,
    kRemoteDeviceName,
    kLocalIp,
    kLocalPort,
    kProtocol,
    kIpFileName,
    kIpFolderPath,
    kIpCommandLine,
    kIpId,
    kIpSha1,
    kIpSha256,
    kIpMd5,
    kIpAccountDomain,
    kIpAccountName,
    kIpAccountSid,
    kIpAccountUpn,
    kIpParentFileName,
    kLogonType,
    kRegistryKey,
    kRegistryValueName,
    kFileOriginUrl,
    kFileOriginIp,
    kSenderFromAddress,
    kRecipientEmailAddress,
    kSubject,
    kSenderIpv4,
    kSenderIpv6,
    kDeliveryAction,
    kUrl,
    kIpAddress,
    kUserName,
    kTable,
    kKeyCount
};

std::string_view table_category(std::string_view table) {
    if (contains(table, "DeviceNetworkEvents")) {
        return "network";
    }
    if (contains(table, "DeviceProcessEvents")) {
        return "process";
    }
    if (contains(table, "DeviceFileEvents")) {
        return "file";
    }
    if (contains(table, "DeviceLogonEvents")) {
        return "authentication";
    }
    if (contains(table, "DeviceRegistryEvents")) {
        return "registry";
    }
    if (contains(table, "Email")) {
        return "email";
    }
    if (contains(table, "UrlClick")) {
        return "web";
    }
    return {};
}

std::string_view infer_category(const std::vector<std::string_view>& v) {
    if (!v[kLogonType].empty()) {
        return "authentication";
    }
    if (!v[kRegistryKey].empty()) {
        return "registry";
    }
    if (!v[kSenderFromAddress].empty() || !v[kRecipientEmailAddress].empty()) {
        return "email";
    }
    if (!v[kRemoteIp].empty() || !v[kRemoteUrl].empty() || !v[kLocalIp].empty()) {
        return "network";
    }
    if (starts_with_icase(v[kActionType], "Process")) {
        return "process";
    }
    if (starts_with_icase(v[kActionType], "File")) {
        return "file";
    }
    if (!v[kUrl].empty()) {
        return "web";
    }
    return {};
}

} // namespace

const KeyIndex& defender_keys() {
    static const KeyIndex keys({"Timestamp",
                                "time",
                                "category",
                                "DeviceName",
                                "ActionType",
                                "FileName",
                                "FolderPath",
                                "SHA1",
                                "SHA256",
                                "MD5",
                                "ProcessId",
                                "ProcessCommandLine",
                                "AccountDomain",
                                "AccountName",
                                "AccountSid",
                                "AccountUpn",
                                "AccountObjectId",
                                "RemoteIP",
                                "RemotePort",
                                "RemoteUrl",
                                "RemoteDeviceName",
                                "LocalIP",
                                "LocalPort",
                                "Protocol",
                                "InitiatingProcessFileName",
                                "InitiatingProcessFolderPath",
                                "InitiatingProcessCommandLine",
                                "InitiatingProcessId",
                                "InitiatingProcessSHA1",
                                "InitiatingProcessSHA256",
                                "InitiatingProcessMD5",
                                "InitiatingProcessAccountDomain",
                                "InitiatingProcessAccountName",
                                "InitiatingProcessAccountSid",
                                "InitiatingProcessAccountUpn",
                                "InitiatingProcessParentFileName",
                                "LogonType",
                                "RegistryKey",
                                "RegistryValueName",
                                "FileOriginUrl",
                                "FileOriginIP",
                                "SenderFromAddress",
                                "RecipientEmailAddress",
                                "Subject",
                                "SenderIPv4",
                                "SenderIPv6",
                                "DeliveryAction",
                                "Url",
                                "IPAddress",
                                "UserName",
                                "Table"});
    static_assert(kKeyCount == 51);
    return keys;
}

int defender_column_score(std::string_view head) {
    int score = 0;
    for (const std::string_view key :
         {"DeviceName", "ActionType", "InitiatingProcess", "ReportId", "DeviceId",
          "AdvancedHunting-", "NetworkMessageId", "SenderFromAddress", "RemoteIP"}) {
        if (contains(head, key)) {
            score += 20;
        }
    }
    // One shared column name (RemoteIP, DeviceName) is common elsewhere; two are Defender.
    return score < 40 ? 0 : (score > 90 ? 90 : score);
}

void map_defender_row(ParseContext& ctx, Event& e, std::vector<std::string_view>& v,
                      bool times_utc) {
    if (!v[kTimestamp].empty()) {
        ctx.set_time_any(e, v[kTimestamp], e.line, times_utc);
    } else if (!v[kTime].empty()) {
        ctx.set_time_any(e, v[kTime], e.line, times_utc);
    }
    std::string_view category = table_category(v[kCategory]);
    if (category.empty()) {
        category = table_category(v[kTable]);
    }
    if (category.empty()) {
        category = infer_category(v);
    }
    e.event_category.assign(category);
    e.event_action.assign(v[kActionType]);
    e.host_name.assign(v[kDeviceName]);

    const std::string_view action = v[kActionType];
    const bool process_event = category == "process";
    if (process_event) {
        fill(e.process_name, v[kFileName]);
        fill(e.process_executable, v[kFolderPath]);
        fill(e.process_command_line, v[kProcessCommandLine]);
        fill(e.process_pid, v[kProcessId]);
        fill(e.process_parent_name, v[kIpFileName]);
        fill(e.process_parent_command_line, v[kIpCommandLine]);
        set_hash(e, v[kSha256]);
        set_hash(e, v[kSha1]);
        set_hash(e, v[kMd5]);
    } else {
        fill(e.process_name, v[kIpFileName]);
        fill(e.process_executable, v[kIpFolderPath]);
        fill(e.process_command_line, v[kProcessCommandLine]);
        fill(e.process_command_line, v[kIpCommandLine]);
        fill(e.process_pid, v[kIpId]);
        fill(e.process_parent_name, v[kIpParentFileName]);
        fill(e.file_name, v[kFileName]);
        fill(e.file_path, v[kFolderPath]);
        if (category == "file" || !v[kSha256].empty() || !v[kSha1].empty() || !v[kMd5].empty()) {
            set_hash(e, v[kSha256]);
            set_hash(e, v[kSha1]);
            set_hash(e, v[kMd5]);
        }
    }
    if (e.file_hash_sha256.empty() && e.file_hash_sha1.empty() && e.file_hash_md5.empty()) {
        set_hash(e, v[kIpSha256]);
        set_hash(e, v[kIpSha1]);
        set_hash(e, v[kIpMd5]);
    }

    // The account the row is about: the logon account or the new process's account first,
    // then the initiating process's account, then a free-form UserName column.
    if (!v[kAccountName].empty()) {
        set_user(e, v[kAccountName]);
        fill(e.user_domain, v[kAccountDomain]);
        fill(e.user_id, v[kAccountSid]);
        fill(e.user_id, v[kAccountUpn]);
        fill(e.user_id, v[kAccountObjectId]);
    } else if (!v[kIpAccountName].empty()) {
        set_user(e, v[kIpAccountName]);
        fill(e.user_domain, v[kIpAccountDomain]);
        fill(e.user_id, v[kIpAccountSid]);
        fill(e.user_id, v[kIpAccountUpn]);
    } else if (!v[kUserName].empty()) {
        set_user(e, v[kUserName]);
    } else if (!v[kAccountUpn].empty()) {
        set_user(e, v[kAccountUpn]);
    }

    const bool inbound = category == "authentication" || starts_with_icase(action, "Inbound") ||
                         equals_icase(action, "ListeningConnectionCreated");
    if (inbound) {
        // For logons and accepted connections the remote side is the source.
        fill(e.source_ip, v[kRemoteIp]);
        e.source_port = parse_port(v[kRemotePort]);
        fill(e.source_domain, v[kRemoteDeviceName]);
        fill(e.destination_ip, v[kLocalIp]);
        e.destination_port = parse_port(v[kLocalPort]);
    } else {
        fill(e.destination_ip, v[kRemoteIp]);
        e.destination_port = parse_port(v[kRemotePort]);
        fill(e.source_ip, v[kLocalIp]);
        e.source_port = parse_port(v[kLocalPort]);
    }
    if (!v[kRemoteUrl].empty()) {
        if (contains(v[kRemoteUrl], "://")) {
            e.url_full.assign(v[kRemoteUrl]);
            e.destination_domain = url_host(v[kRemoteUrl]);
        } else {
            e.destination_domain = url_host(v[kRemoteUrl]);
        }
    }
    // DeviceLogonEvents' Protocol column names the authentication protocol (Negotiate, NTLM).
    if (!v[kProtocol].empty() && category != "authentication") {
        std::string proto = to_lower(v[kProtocol]);
        // Defender writes "Tcp", "Udp", "TcpV4"/"TcpV6" (listening sockets).
        if (starts_with_icase(proto, "tcp")) {
            proto = "tcp";
        } else if (starts_with_icase(proto, "udp")) {
            proto = "udp";
        }
        e.network_transport = proto;
    }
    set_logon_type(e, v[kLogonType]);
    fill(e.registry_path, v[kRegistryKey]);
    fill(e.registry_value, v[kRegistryValueName]);
    fill(e.url_full, v[kFileOriginUrl]);
    fill(e.url_full, v[kUrl]);
    if (e.source_ip.empty()) {
        fill(e.source_ip, v[kFileOriginIp]);
        fill(e.source_ip, v[kSenderIpv4]);
        fill(e.source_ip, v[kSenderIpv6]);
        fill(e.source_ip, v[kIpAddress]);
    }
    fill(e.email_from, v[kSenderFromAddress]);
    fill(e.email_to, v[kRecipientEmailAddress]);
    fill(e.email_subject, v[kSubject]);
    if (category == "email") {
        fill(e.event_action, v[kDeliveryAction]);
    }
    if (ends_with_icase(action, "Success") || equals_icase(action, "ConnectionAcknowledged")) {
        e.event_outcome = "success";
    } else if (ends_with_icase(action, "Failed") || ends_with_icase(action, "Blocked")) {
        e.event_outcome = "failure";
    }
}

} // namespace casefile::logs::detail
