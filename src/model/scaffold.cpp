#include "model/scaffold.hpp"

#include <fmt/format.h>

#include "core/file_io.hpp"
#include "model/yaml_writer.hpp"

namespace casefile::model {
namespace fs = std::filesystem;

std::string scaffold_case_yaml(const ScaffoldOptions& o) {
    const std::string title = o.title.empty() ? "Untitled investigation" : o.title;
    return fmt::format(
        R"(schema: casefile/1
# Zone for times written without one ("2025-11-11 13:42"). Prefer UTC with a Z.
# timezone: Europe/Berlin

alert:
  ticket_id: {ticket}
  source: {source}
  title: {title}
  observed_at: {observed}   # when the alert fired, UTC (RFC 3339)
  severity: {severity}   # informational | low | medium | high | critical
  status: open   # open | in_progress | contained | resolved | closed
  tlp: TLP:AMBER   # TLP:CLEAR | TLP:GREEN | TLP:AMBER | TLP:AMBER+STRICT | TLP:RED
  # description: |
  #   What the alert says happened, on which host, for which user.

# entities:
#   users:
#     - {{sid: S-1-5-21-..., name: Jane Doe, email: jane.doe@example.com, title: Analyst}}
#   devices:
#     - {{id: WS-042.corp.example, hostname: WS-042, ips: [10.0.0.42]}}

# Evidence: drop exports into evidence/ and they are picked up by name and content.
# List them here to set the kind, format or time, or paste small excerpts inline.
# evidence:
#   queries:
#     - language: kql   # spl | kql | esql | sigma | other
#       file: evidence/process-hunt.kql
#   logs:
#     - kind: edr   # edr | firewall | auth | proxy | email | dns | sysmon | cloud | other
#       file: evidence/edr-export.json
#       time: 2025-11-11T13:42:18Z

# Indicators you know of; those in the evidence are found automatically.
# indicators:
#   - {{type: domain, value: evil.example, note: payload host}}
#   - {{type: sha256, value: <64 hex digits>, file: payload.exe}}

# commands:
#   - language: powershell
#     text: |
#       powershell.exe -nop -w hidden -enc ...

# osint:
#   - provider: VirusTotal
#     subject: evil.example
#     detections: 34/71
#     first_seen: 2025-11-10

# triage:
#   - {{time: 2025-11-11T13:50:00Z, actor: analyst, text: Reviewed the process tree}}
# actions:
#   - {{time: 2025-11-11T13:55:00Z, actor: analyst, text: Isolated the host}}
# escalations:
#   - {{time: 2025-11-11T14:00:00Z, to: IR lead, reason: Confirmed compromise}}

# summary: |
#   What happened, how it was found, what was done.
# executive_summary: |
#   Impact, status and decisions needed, in plain words for leadership.
# lessons:
#   - What to do differently.
# next_steps:
#   - Follow-up action, with an owner.
)",
        fmt::arg("ticket", detail::double_quoted(o.ticket_id)),
        fmt::arg("source", detail::double_quoted(o.source.empty() ? "unknown" : o.source)),
        fmt::arg("title", detail::double_quoted(title)),
        fmt::arg("observed", format_rfc3339(o.observed_at)), fmt::arg("severity", o.severity));
}

Status create_case_folder(const fs::path& dir, ScaffoldOptions options) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec))) {
        return fail(ErrorCode::conflict,
                    fmt::format("'{}' already exists and is not an empty folder", dir.string()),
                    "choose a new folder name; casefile never overwrites an existing case");
    }
    if (options.ticket_id.empty()) {
        options.ticket_id = fs::absolute(dir).lexically_normal().filename().string();
        if (options.ticket_id.empty()) {
            options.ticket_id = fs::absolute(dir).parent_path().filename().string();
        }
    }
    fs::create_directories(dir / "evidence", ec);
    if (ec) {
        return fail(
            ErrorCode::io,
            fmt::format("cannot create '{}': {}", (dir / "evidence").string(), ec.message()),
            "check that the parent folder exists and is writable");
    }
    return write_file_atomic(dir / "case.yaml", scaffold_case_yaml(options));
}

} // namespace casefile::model
