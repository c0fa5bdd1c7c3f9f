#include <array>

#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/parser.hpp"
#include "logs/util.hpp"
#include "logs/windows_event.hpp"

namespace casefile::logs {
namespace {

using detail::contains;
using detail::NamedValues;

constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kDescriptions = {{
    {"An account was successfully logged on", "4624"},
    {"An account failed to log on", "4625"},
    {"An account was logged off", "4634"},
    {"User initiated logoff", "4647"},
    {"A logon was attempted using explicit credentials", "4648"},
    {"Special privileges assigned to new logon", "4672"},
    {"A new process has been created", "4688"},
    {"A user account was created", "4720"},
    {"A user account was enabled", "4722"},
    {"A member was added to a security-enabled global group", "4728"},
    {"A member was added to a security-enabled local group", "4732"},
    {"A Kerberos authentication ticket (TGT) was requested", "4768"},
    {"A Kerberos service ticket was requested", "4769"},
    {"The computer attempted to validate the credentials for an account", "4776"},
    {"The audit log was cleared", "1102"},
}};

constexpr std::array<std::string_view, 22> kSections = {"Subject",
                                                        "New Logon",
                                                        "Logon Information",
                                                        "Network Information",
                                                        "Detailed Authentication Information",
                                                        "Account For Which Logon Failed",
                                                        "Failure Information",
                                                        "Account Whose Credentials Were Used",
                                                        "Target Server",
                                                        "Process Information",
                                                        "Creator Subject",
                                                        "Target Subject",
                                                        "New Account",
                                                        "Target Account",
                                                        "Member",
                                                        "Group",
                                                        "Attributes",
                                                        "Additional Information",
                                                        "Account Information",
                                                        "Service Information",
                                                        "Certificate Information",
                                                        "Impersonation Level"};

bool is_section(std::string_view key) {
    for (const std::string_view s : kSections) {
        if (equals_icase(s, key)) {
            return true;
        }
    }
    return false;
}

/// The EventData name of a rendered label, which depends on the section it is under.
std::string_view xml_name(std::string_view section, std::string_view key) {
    const bool subject =
        equals_icase(section, "Subject") || equals_icase(section, "Creator Subject");
    const bool member = equals_icase(section, "Member");
    if (equals_icase(key, "Security ID")) {
        return subject ? "SubjectUserSid" : member ? "MemberSid" : "TargetUserSid";
    }
    if (equals_icase(key, "Account Name")) {
        return subject ? "SubjectUserName" : member ? "MemberName" : "TargetUserName";
    }
    if (equals_icase(key, "Account Domain")) {
        return subject ? "SubjectDomainName" : "TargetDomainName";
    }
    if (equals_icase(key, "Logon ID")) {
        return subject ? "SubjectLogonId" : "TargetLogonId";
    }
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 26> kNames = {{
        {"Logon Type", "LogonType"},
        {"Workstation Name", "WorkstationName"},
        {"Source Workstation", "Workstation"},
        {"Source Network Address", "IpAddress"},
        {"Network Address", "IpAddress"},
        {"Client Address", "IpAddress"},
        {"Source Port", "IpPort"},
        {"Client Port", "IpPort"},
        {"Port", "IpPort"},
        {"Logon Process", "LogonProcessName"},
        {"Authentication Package", "AuthenticationPackageName"},
        {"Process ID", "ProcessId"},
        {"Process Name", "ProcessName"},
        {"New Process ID", "NewProcessId"},
        {"New Process Name", "NewProcessName"},
        {"Creator Process ID", "ProcessId"},
        {"Creator Process Name", "ParentProcessName"},
        {"Process Command Line", "CommandLine"},
        {"Failure Reason", "FailureReason"},
        {"Status", "Status"},
        {"Sub Status", "SubStatus"},
        {"Result Code", "Status"},
        {"Error Code", "Status"},
        {"Service Name", "ServiceName"},
        {"Target Server Name", "TargetServerName"},
        {"Logon Account", "TargetUserName"},
    }};
    for (const auto& [label, name] : kNames) {
        if (equals_icase(label, key)) {
            return name;
        }
    }
    if (equals_icase(key, "Group Name")) {
        return "TargetUserName";
    }
    if (equals_icase(key, "Group Domain")) {
        return "TargetDomainName";
    }
    if (equals_icase(key, "Privileges")) {
        return "PrivilegeList";
    }
    if (equals_icase(key, "Computer")) {
        return "Computer";
    }
    if (equals_icase(key, "Keywords")) {
        return "Keywords";
    }
    return {};
}

/// True when `s` reads like a label: "Account Name", "Source Network Address". Labels have no
/// digits and single spaces, which tells them from values such as "FIN-SRV02  Source...".
bool key_like(std::string_view s) {
    if (s.size() < 2 || s.size() > 48 || !(s[0] >= 'A' && s[0] <= 'Z') ||
        s.find("  ") != std::string_view::npos ||
        s.find_first_of("0123456789\t") != std::string_view::npos) {
        return false;
    }
    for (const char c : s) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == ' ' || c == '(' || c == ')' || c == '-' ||
                        c == '\'' || c == '/';
        if (!ok) {
            return false;
        }
    }
    return true;
}

/// Where the next "  Label:" starts in `rest` (after a run of two blanks or a tab), or npos.
size_t next_label(std::string_view rest) {
    size_t i = 0;
    while (i < rest.size()) {
        size_t j = i;
        bool tab = false;
        while (j < rest.size() && (rest[j] == ' ' || rest[j] == '\t')) {
            tab = tab || rest[j] == '\t';
            ++j;
        }
        if (j - i >= 2 || tab || (i == 0 && j > 0)) {
            const size_t colon = rest.find(':', j);
            if (colon != std::string_view::npos && key_like(rest.substr(j, colon - j)) &&
                (colon + 1 >= rest.size() || rest[colon + 1] == ' ' || rest[colon + 1] == '\t')) {
                return j;
            }
        }
        i = j + 1;
    }
    return std::string_view::npos;
}

struct Block {
    uint32_t line = 0;
    size_t begin = 0;
    size_t end = 0;
};

/// Splits the file into events: each starts at an Event Viewer "Log Name:" line or a Splunk
/// "LogName=" line (with the date line before it); without either the file is one event.
std::vector<Block> split_blocks(std::string_view text) {
    std::vector<Block> blocks;
    detail::LineCursor lines(text);
    std::string_view line;
    uint32_t number = 0;
    size_t prev_off = 0;
    std::string_view prev;
    while (lines.next(line, number)) {
        const std::string_view t = trim(line);
        size_t start = std::string_view::npos;
        uint32_t start_line = number;
        if (starts_with_icase(t, "Log Name:")) {
            start = lines.offset();
        } else if (starts_with_icase(t, "LogName=")) {
            start = lines.offset();
            if (detail::parse_datetime(prev)) {
                start = prev_off;
                start_line = number - 1;
            }
        }
        if (start != std::string_view::npos) {
            if (!blocks.empty()) {
                blocks.back().end = start;
            }
            blocks.push_back({start_line, start, text.size()});
        }
        prev = t;
        prev_off = lines.offset();
    }
    if (blocks.empty()) {
        const size_t first = text.find_first_not_of(" \t\r\n");
        if (first != std::string_view::npos) {
            blocks.push_back({detail::line_at(text, first), first, text.size()});
        }
    } else if (blocks.front().begin > 0 && !trim(text.substr(0, blocks.front().begin)).empty()) {
        const size_t first = text.find_first_not_of(" \t\r\n");
        blocks.insert(blocks.begin(), {detail::line_at(text, first), first, blocks.front().begin});
    }
    return blocks;
}

/// Windows Security events in their rendered text form: Event Viewer's "Copy details as text"
/// (Log Name:/Date:/Event ID: header), Splunk's classic WinEventLog (LogName=/EventCode=) and a
/// bare message body ("Subject: Security ID: ...").
class WindowsSecurityTextParser final : public LogParser {
public:
    std::string_view name() const override { return "windows-security-text"; }
    std::string_view description() const override {
        return "Windows Security events as rendered text (Event Viewer copy, Splunk WinEventLog)";
    }

    int detect(std::string_view head, std::string_view) const override {
        const size_t start = head.find_first_not_of(" \t\r\n");
        if (start == std::string_view::npos || head[start] == '{' || head[start] == '<' ||
            head[start] == '[') {
            return 0;
        }
        int score = 0;
        for (const std::string_view label :
             {"Security ID:", "Account Name:", "Logon Type:", "Source Network Address:",
              "Account Domain:", "EventCode=", "LogName=Security", "Log Name:"}) {
            score += contains(head, label) ? 20 : 0;
        }
        return score > 85 ? 85 : score;
    }

    void parse(ParseContext& ctx) const override {
        const std::string_view text = ctx.text();
        for (const Block& b : split_blocks(text)) {
            std::string_view raw = text.substr(b.begin, b.end - b.begin);
            while (!raw.empty() &&
                   (raw.back() == '\n' || raw.back() == '\r' || raw.back() == ' ')) {
                raw.remove_suffix(1);
            }
            parse_block(ctx, raw, b.line);
        }
    }

private:
    static void parse_block(ParseContext& ctx, std::string_view raw, uint32_t first_line) {
        Event e = ctx.make_event(first_line, raw);
        NamedValues values;
        std::string id;
        std::string description;
        std::string_view date;
        std::string section;
        detail::LineCursor lines(raw);
        std::string_view line;
        uint32_t n = 0;
        bool in_message = false;
        while (lines.next(line, n)) {
            const uint32_t number = first_line + n - 1;
            const std::string_view t = trim(line);
            if (t.empty()) {
                continue;
            }
            const bool indented = line.front() == ' ' || line.front() == '\t';
            // Splunk WinEventLog header: Key=Value lines up to Message=.
            const size_t eq = t.find('=');
            const size_t colon = t.find(':');
            if (!in_message && eq != std::string_view::npos && eq > 0 &&
                (colon == std::string_view::npos || eq < colon) && key_like(t.substr(0, eq)) &&
                t.substr(0, eq).find(' ') == std::string_view::npos) {
                const std::string_view key = t.substr(0, eq);
                const std::string_view value = t.substr(eq + 1);
                e.fields.emplace_back(std::string(key), std::string(value));
                if (key == "EventCode") {
                    id = value;
                } else if (key == "ComputerName") {
                    values.emplace_back("Computer", value);
                } else if (key == "Keywords") {
                    values.emplace_back("Keywords", value);
                } else if (key == "Message") {
                    description = value;
                    in_message = true;
                }
                continue;
            }
            if (n == 1 && detail::parse_datetime(t)) {
                date = t; // Splunk puts the local time alone on the first line
                e.fields.emplace_back("Date", std::string(t));
                continue;
            }
            if (!indented) {
                section.clear();
            }
            std::string_view rest = t;
            const size_t first_colon = rest.find(':');
            if (first_colon == std::string_view::npos || !key_like(rest.substr(0, first_colon))) {
                if (description.empty()) {
                    description = t;
                }
                continue;
            }
            while (!rest.empty()) {
                const size_t c = rest.find(':');
                if (c == std::string_view::npos) {
                    break;
                }
                const std::string_view key = trim(rest.substr(0, c));
                std::string_view after = rest.substr(c + 1);
                const size_t next = next_label(after);
                const std::string_view value =
                    trim(next == std::string_view::npos ? after : after.substr(0, next));
                rest = next == std::string_view::npos ? std::string_view{} : after.substr(next);
                if (value.empty() && is_section(key)) {
                    section = key;
                    continue;
                }
                e.fields.emplace_back(section.empty() ? std::string(key)
                                                      : section + "." + std::string(key),
                                      std::string(value));
                if (equals_icase(key, "Event ID")) {
                    id = value;
                } else if (equals_icase(key, "Date")) {
                    date = value;
                } else if (equals_icase(key, "Description") && !value.empty()) {
                    description = value;
                } else {
                    const std::string_view name = xml_name(section, key);
                    if (!name.empty()) {
                        values.emplace_back(std::string(name), std::string(value));
                    }
                }
            }
            (void)number;
        }
        if (id.empty()) {
            for (const auto& [sentence, code] : kDescriptions) {
                if (starts_with_icase(description, sentence)) {
                    id = code;
                    break;
                }
            }
        }
        if (id.empty() && !detail::value_of(values, "LogonType").empty()) {
            // The field set identifies the event: a logon type with failure information is
            // 4625, without it 4624 (the other events listed here carry no logon type).
            id = detail::value_of(values, "FailureReason").empty() &&
                         detail::value_of(values, "SubStatus").empty()
                     ? "4624"
                     : "4625";
        }
        if (!date.empty()) {
            ctx.set_time_any(e, date, first_line, false);
        }
        detail::map_security_event(ctx, e, trim(id), values);
        if (e.fields.empty()) {
            ctx.warn(first_line, "no Windows event fields found in this block",
                     "expected lines such as 'Account Name: j.smith'");
            return;
        }
        ctx.emit(e);
    }
};

} // namespace

const LogParser& windows_security_text_parser() {
    static const WindowsSecurityTextParser parser;
    return parser;
}

} // namespace casefile::logs
