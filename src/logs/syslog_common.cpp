#include "logs/syslog_common.hpp"

#include "core/text.hpp"
#include "logs/util.hpp"

namespace casefile::logs::detail {
namespace {

std::string_view word_after(std::string_view msg, std::string_view marker) {
    const size_t at = msg.find(marker);
    if (at == std::string_view::npos) {
        return {};
    }
    const std::string_view rest = msg.substr(at + marker.size());
    return rest.substr(0, rest.find(' '));
}

/// sshd: "Accepted publickey for alice from 10.0.0.5 port 51515 ssh2",
/// "Failed password for invalid user admin from 203.0.113.9 port 4242 ssh2".
void map_sshd(Event& e, std::string_view msg) {
    const bool accepted = starts_with_icase(msg, "Accepted ");
    const bool failed = starts_with_icase(msg, "Failed ");
    if (!accepted && !failed) {
        return;
    }
    std::string_view user = word_after(msg, " for ");
    if (user == "invalid" && contains(msg, " for invalid user ")) {
        user = word_after(msg, " for invalid user ");
    }
    set_user(e, user);
    e.source_ip.assign(word_after(msg, " from "));
    e.source_port = parse_port(word_after(msg, " port "));
    e.event_category = "authentication";
    e.event_action = accepted ? "logged-in" : "logon-failed";
    e.event_outcome = accepted ? "success" : "failure";
    e.fields.emplace_back("sshd.method",
                          std::string(word_after(msg, accepted ? "Accepted " : "Failed ")));
}

} // namespace

void map_syslog_message(ParseContext& ctx, Event& e, const SyslogHeader& h, uint32_t line) {
    add_syslog_fields(e, h);
    apply_syslog_time(ctx, e, h, line);
    fill(e.process_name, h.app);
    fill(e.process_pid, h.procid);
    e.fields.emplace_back("message", std::string(h.message));
    if (h.app == "sshd") {
        map_sshd(e, h.message);
    } else if (h.app == "sudo" && contains(h.message, "COMMAND=")) {
        const std::string_view user = trim(h.message.substr(0, h.message.find(':')));
        set_user(e, user);
        e.process_command_line.assign(h.message.substr(h.message.find("COMMAND=") + 8));
        e.event_action = "sudo";
        e.event_category = "process";
    }
    std::string msg(trim(h.message));
    if (msg.size() > 240) {
        msg.resize(240);
        msg += "...";
    }
    e.message = h.app.empty() ? msg : std::string(h.app) + ": " + msg;
}

} // namespace casefile::logs::detail
