// KQL for Microsoft Defender XDR advanced hunting: one query, a fuzzy union of one branch per
// table that can hold the case's indicators (a table missing from a tenant is skipped, not an
// error). Every branch projects the same columns, so the result is one table sorted by time.
#include <fmt/format.h>

#include "core/text.hpp"
#include "export/hunts/hunt_plan.hpp"

namespace casefile::exporting::hunts {
namespace {

struct Branch {
    std::string table;
    std::vector<std::string> conditions; ///< OR-ed
    std::string prelude;                 ///< extra operators before the filter (one per line)
    std::string device;
    std::string account;
    std::string evidence;
    std::string detail;
};

std::string kql_timespan(const Lookback& l) {
    // KQL timespans have no week unit.
    return l.unit == 'w' ? fmt::format("{}d", l.count * 7) : l.to_string();
}

} // namespace

std::string render_kql(const model::Case& c, const HuntPlan& p, const HuntOptions& hunt,
                       const ExportOptions& options) {
    std::vector<std::string> unsupported;
    for (const auto& v : p.sha512) {
        unsupported.push_back(v + " (sha512: Defender XDR tables have no SHA-512 column)");
    }
    for (const auto& v : p.ja3) {
        unsupported.push_back(v + " (ja3: Defender XDR tables have no JA3 column)");
    }
    std::string out;
    for (const auto& line : header_lines(c, p, HuntLanguage::kql, hunt, options, unsupported)) {
        out += "// " + comment_text(line) + "\n";
    }
    if (p.empty()) {
        out += "print Note = \"no indicators to search for\"\n";
        return out;
    }

    // One `let` per non-empty list, so each value appears once in the query.
    std::vector<std::string> command_line_terms;
    for (const auto* list : {&p.domains, &p.urls, &p.ips, &p.tasks}) {
        command_line_terms.insert(command_line_terms.end(), list->begin(), list->end());
    }
    const std::vector<std::pair<std::string, const std::vector<std::string>*>> lets = {
        {"iocIps", &p.ips},
        {"iocIpv4Ranges", &p.ipv4_blocks},
        {"iocIpv6Ranges", &p.ipv6_blocks},
        {"iocDomains", &p.domains},
        {"iocUrls", &p.urls},
        {"iocSha256", &p.sha256},
        {"iocSha1", &p.sha1},
        {"iocMd5", &p.md5},
        {"iocFileNames", &p.file_names},
        {"iocFilePaths", &p.file_paths},
        {"iocSenders", &p.senders},
        {"iocSubjects", &p.subjects},
        {"iocRegistryKeys", &p.registry_keys},
        {"iocTasks", &p.tasks},
        {"iocUserAgents", &p.user_agents},
        {"iocCommandLine", &command_line_terms},
    };
    out += fmt::format("let lookback = {};\n", kql_timespan(hunt.lookback));
    for (const auto& [name, list] : lets) {
        if (!list->empty()) {
            out += fmt::format("let {} = dynamic([{}]);\n", name, dq_list(*list));
        }
    }

    const auto any = [](const std::vector<std::string>& list) { return !list.empty(); };
    const auto ip_conditions = [&](std::string_view column) {
        std::vector<std::string> conds;
        if (any(p.ips)) {
            conds.push_back(fmt::format("{} in~ (iocIps)", column));
        }
        if (any(p.ipv4_blocks)) {
            conds.push_back(fmt::format("ipv4_is_in_any_range({}, iocIpv4Ranges)", column));
        }
        if (any(p.ipv6_blocks)) {
            conds.push_back(fmt::format("ipv6_is_in_any_range({}, iocIpv6Ranges)", column));
        }
        return conds;
    };
    const auto hash_conditions = [&](std::string_view prefix) {
        std::vector<std::string> conds;
        if (any(p.sha256)) {
            conds.push_back(fmt::format("{}SHA256 in~ (iocSha256)", prefix));
        }
        if (any(p.sha1)) {
            conds.push_back(fmt::format("{}SHA1 in~ (iocSha1)", prefix));
        }
        if (any(p.md5)) {
            conds.push_back(fmt::format("{}MD5 in~ (iocMd5)", prefix));
        }
        return conds;
    };
    const auto append = [](std::vector<std::string>& to, std::vector<std::string> more) {
        to.insert(to.end(), more.begin(), more.end());
    };

    std::vector<Branch> branches;
    {
        Branch b{"DeviceNetworkEvents",
                 ip_conditions("RemoteIP"),
                 "",
                 "DeviceName",
                 "InitiatingProcessAccountName",
                 "strcat(RemoteIP, \" \", RemoteUrl)",
                 "InitiatingProcessCommandLine"};
        if (any(p.domains)) {
            b.conditions.emplace_back("RemoteUrl has_any (iocDomains)");
        }
        if (any(p.urls)) {
            b.conditions.emplace_back("RemoteUrl has_any (iocUrls)");
        }
        branches.push_back(std::move(b));
    }
    branches.push_back(Branch{"DeviceLogonEvents", ip_conditions("RemoteIP"), "", "DeviceName",
                              "AccountName", "RemoteIP", "strcat(ActionType, \" \", LogonType)"});
    {
        Branch b{"DeviceFileEvents",
                 hash_conditions(""),
                 "",
                 "DeviceName",
                 "InitiatingProcessAccountName",
                 "strcat(FolderPath, \" \", SHA256)",
                 "InitiatingProcessCommandLine"};
        if (any(p.file_names)) {
            b.conditions.emplace_back("FileName in~ (iocFileNames)");
        }
        if (any(p.file_paths)) {
            b.conditions.emplace_back("FolderPath in~ (iocFilePaths)");
        }
        if (any(p.urls)) {
            b.conditions.emplace_back("FileOriginUrl has_any (iocUrls)");
        }
        if (any(p.domains)) {
            b.conditions.emplace_back("FileOriginUrl has_any (iocDomains)");
        }
        branches.push_back(std::move(b));
    }
    {
        Branch b{"DeviceProcessEvents",
                 hash_conditions(""),
                 "",
                 "DeviceName",
                 "AccountName",
                 "ProcessCommandLine",
                 "strcat(FolderPath, \" \", SHA256)"};
        append(b.conditions, hash_conditions("InitiatingProcess"));
        if (any(p.file_names)) {
            b.conditions.emplace_back("FileName in~ (iocFileNames)");
        }
        if (any(p.file_paths)) {
            b.conditions.emplace_back("FolderPath in~ (iocFilePaths)");
        }
        if (any(command_line_terms)) {
            b.conditions.emplace_back("ProcessCommandLine has_any (iocCommandLine)");
        }
        branches.push_back(std::move(b));
    }
    {
        Branch b{"DeviceImageLoadEvents",
                 hash_conditions(""),
                 "",
                 "DeviceName",
                 "InitiatingProcessAccountName",
                 "strcat(FolderPath, \" \", SHA256)",
                 "InitiatingProcessCommandLine"};
        if (any(p.file_names)) {
            b.conditions.emplace_back("FileName in~ (iocFileNames)");
        }
        branches.push_back(std::move(b));
    }
    if (any(p.registry_keys)) {
        branches.push_back(Branch{"DeviceRegistryEvents",
                                  {"RegistryKey has_any (iocRegistryKeys)"},
                                  "",
                                  "DeviceName",
                                  "InitiatingProcessAccountName",
                                  "strcat(RegistryKey, \" \", RegistryValueName)",
                                  "RegistryValueData"});
    }
    if (any(p.tasks)) {
        branches.push_back(Branch{
            "DeviceEvents",
            {"TaskName has_any (iocTasks)"},
            "    | where ActionType in (\"ScheduledTaskCreated\", \"ScheduledTaskUpdated\")\n"
            "    | extend TaskName = tostring(parse_json(AdditionalFields).TaskName)\n",
            "DeviceName",
            "InitiatingProcessAccountName",
            "TaskName",
            "InitiatingProcessCommandLine"});
    }
    {
        Branch b{"EmailEvents",
                 {},
                 "",
                 "\"\"",
                 "RecipientEmailAddress",
                 "strcat(SenderFromAddress, \" \", Subject)",
                 "NetworkMessageId"};
        if (any(p.senders)) {
            b.conditions.emplace_back("SenderFromAddress in~ (iocSenders)");
            b.conditions.emplace_back("SenderMailFromAddress in~ (iocSenders)");
        }
        if (any(p.subjects)) {
            b.conditions.emplace_back("Subject has_any (iocSubjects)");
        }
        append(b.conditions, ip_conditions("SenderIPv4"));
        if (any(p.ips)) {
            b.conditions.emplace_back("SenderIPv6 in~ (iocIps)");
        }
        branches.push_back(std::move(b));
    }
    {
        Branch b{"EmailUrlInfo", {}, "", "\"\"", "\"\"", "Url", "NetworkMessageId"};
        if (any(p.urls)) {
            b.conditions.emplace_back("Url has_any (iocUrls)");
        }
        if (any(p.domains)) {
            b.conditions.emplace_back("UrlDomain has_any (iocDomains)");
        }
        branches.push_back(std::move(b));
    }
    {
        Branch b{"EmailAttachmentInfo",
                 {},
                 "",
                 "\"\"",
                 "RecipientEmailAddress",
                 "strcat(FileName, \" \", SHA256)",
                 "NetworkMessageId"};
        if (any(p.sha256)) {
            b.conditions.emplace_back("SHA256 in~ (iocSha256)");
        }
        if (any(p.file_names)) {
            b.conditions.emplace_back("FileName in~ (iocFileNames)");
        }
        branches.push_back(std::move(b));
    }
    {
        Branch b{"UrlClickEvents", ip_conditions("IPAddress"), "", "\"\"", "AccountUpn", "Url",
                 "ActionType"};
        if (any(p.urls)) {
            b.conditions.emplace_back("Url has_any (iocUrls)");
        }
        if (any(p.domains)) {
            b.conditions.emplace_back("Url has_any (iocDomains)");
        }
        branches.push_back(std::move(b));
    }
    {
        Branch b{
            "CloudAppEvents", ip_conditions("IPAddress"), "",
            "\"\"",           "AccountDisplayName",       "strcat(IPAddress, \" \", UserAgent)",
            "ActionType"};
        if (any(p.user_agents)) {
            b.conditions.emplace_back("UserAgent in (iocUserAgents)");
        }
        branches.push_back(std::move(b));
    }

    std::vector<std::string> parts;
    for (const Branch& b : branches) {
        if (b.conditions.empty()) {
            continue;
        }
        std::string part = fmt::format("    ({}\n    | where Timestamp > ago(lookback)\n", b.table);
        part += b.prelude;
        part += fmt::format("    | where {}\n", join(b.conditions, "\n        or "));
        part += fmt::format("    | project Timestamp, SourceTable = \"{}\", DeviceName = {}, "
                            "AccountName = {}, Evidence = {}, Detail = {})",
                            b.table, b.device, b.account, b.evidence, b.detail);
        parts.push_back(std::move(part));
    }
    out += "union isfuzzy=true\n" + join(parts, ",\n") + "\n| sort by Timestamp desc\n";
    return out;
}

} // namespace casefile::exporting::hunts
