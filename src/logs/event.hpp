#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/time.hpp"

namespace casefile::logs {

/// One normalized log event. Field names follow a subset of the Elastic Common Schema with dots
/// written as underscores (`source.ip` -> `source_ip`); docs/log-formats.md maps each format's
/// fields onto them. Empty strings and empty optionals mean "not in the source".
struct Event {
    std::optional<Timestamp> time; ///< UTC; empty when the source has none (never guessed)
    std::string time_original;     ///< the time text as written in the source
    std::string format;            ///< parser name, e.g. "defender-json"
    std::string file;              ///< source file label, as given to parse_log
    uint32_t line = 0;             ///< 1-based line where the event starts

    std::string event_action, event_code, event_outcome, event_category;
    std::string host_name, host_ip;
    std::string user_name, user_domain, user_id; ///< user_id = SID / UPN / object id
    std::string process_name, process_executable, process_command_line, process_pid;
    std::string process_parent_name, process_parent_command_line;
    std::string file_path, file_name, file_hash_md5, file_hash_sha1, file_hash_sha256;
    std::string source_ip, destination_ip, destination_domain, network_transport, network_protocol;
    std::optional<uint16_t> source_port, destination_port;
    std::optional<uint64_t> source_bytes, destination_bytes;
    std::string url_full, url_domain, http_request_method, http_response_status_code;
    std::string dns_question_name, registry_path, registry_value, email_from, email_to,
        email_subject;
    std::string logon_type;      ///< the number only: "10 (RemoteInteractive)" -> "10"
    std::string logon_type_name; ///< "RemoteInteractive"; empty when the number is unknown
    std::string message;         ///< one-line human summary for timelines

    std::string source_domain;       ///< client host name (4624 WorkstationName, Zeek/Suricata)
    std::string user_agent_original; ///< HTTP user agent as sent
    std::string rule_name;           ///< firewall rule, IDS signature, policy that matched
    std::string url_original;        ///< the URL exactly as written when it was defanged or encoded

    std::vector<std::string> related_ip, related_hosts, related_user, related_hash;
    /// Every original field, name -> value, in source order. Nested JSON is flattened with
    /// dotted names ("actor.alternateId", "target.0.type"); nothing is dropped.
    std::vector<std::pair<std::string, std::string>> fields;
    std::string raw; ///< the event's raw text

    /// The first original field named `name`, or nullptr.
    [[nodiscard]] const std::string* field(std::string_view name) const;

    /// Empties every member but keeps the strings' storage, so a parser can refill the same
    /// event for the next record without allocating. `fields` keeps its entries' storage too;
    /// resize it to the new record's count.
    void clear_for_reuse();
};

} // namespace casefile::logs
