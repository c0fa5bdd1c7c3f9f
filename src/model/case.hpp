// model: the Case — everything an analyst records about one investigation — and its
// persistence as a case folder (case.yaml + evidence/). It validates what it loads and never
// interprets evidence: parsing logs and finding indicators belong to logs/ and ioc/.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/time.hpp"
#include "model/enums.hpp"

namespace casefile::model {

/// The alert that opened the investigation.
struct Alert {
    std::string ticket_id;
    std::string source; ///< product that raised it, e.g. "Microsoft Defender for Endpoint"
    std::string title;
    Time observed_at;
    Severity severity = Severity::medium;
    std::optional<CaseStatus> status;
    std::optional<Tlp> tlp;
    std::string description;
};

struct User {
    std::string sid;
    std::string name;    ///< display name
    std::string account; ///< logon name, e.g. "CONTOSO\\j.smith" or "j.smith"
    std::string upn;     ///< user principal name, e.g. "j.smith@contoso.com"
    std::string email;
    std::string title; ///< job title
    SourceLocation where;
};

struct Device {
    std::string id;
    std::string hostname;
    std::vector<std::string> ips;
    SourceLocation where;
};

struct Entities {
    std::vector<User> users;
    std::vector<Device> devices;
};

/// A SIEM query the analyst ran. Its text is inline or in `file` (relative to the case folder).
struct Query {
    QueryLanguage language = QueryLanguage::other;
    std::string title;
    std::string text;
    std::string file;
    SourceLocation where;
    bool discovered = false; ///< found in evidence/ without a case.yaml entry
};

/// A raw log excerpt exactly as exported. `format` names the log format ("defender-json",
/// "windows-security-text", ...) when known; `time` is set when the analyst recorded one.
struct RawLog {
    LogKind kind = LogKind::other;
    std::string format;
    std::string title;
    std::string text;
    std::string file;
    std::optional<Time> time;
    SourceLocation where;
    bool discovered = false;
};

/// A command or script seen during the incident.
struct Command {
    ScriptLanguage language = ScriptLanguage::other;
    std::string title;
    std::string text;
    std::string file;
    SourceLocation where;
    bool discovered = false;
};

/// An indicator the analyst entered by hand (others are extracted from the evidence).
struct ManualIndicator {
    IndicatorType type = IndicatorType::other;
    std::string value;
    std::string note;
    std::string file; ///< for hashes: the file the hash belongs to
    SourceLocation where;
};

struct DetectionRatio {
    int detected = 0;
    int total = 0;
    bool operator==(const DetectionRatio&) const = default;
};

struct Screenshot {
    std::string url;
    std::string file;
    std::string caption;
    bool operator==(const Screenshot&) const = default;
};

/// A result from an OSINT source or sandbox (VirusTotal, Hybrid Analysis, urlscan...).
struct OsintResult {
    std::string provider;
    std::string subject; ///< what was looked up
    std::string verdict;
    std::optional<DetectionRatio> detections;
    std::vector<std::string> detection_names; ///< e.g. "Trojan.Agent"
    std::optional<Time> first_seen;
    std::optional<Time> last_seen;
    std::string classification;
    std::vector<std::string> behaviours;
    std::vector<std::string> links; ///< references; never treated as indicators
    std::optional<Screenshot> screenshot;
    SourceLocation where;
};

/// An analysis or triage step.
struct Step {
    std::optional<Time> time;
    std::string text;
    std::string actor;
    SourceLocation where;
};

/// Something the team did (containment, eradication, notification).
struct Action {
    std::optional<Time> time;
    std::string text;
    std::string actor;
    SourceLocation where;
};

struct Escalation {
    std::optional<Time> time;
    std::string to;
    std::string reason;
    SourceLocation where;
};

/// A section the layout has no place for, kept verbatim (Markdown body).
struct CustomSection {
    std::string title;
    std::string body;
    SourceLocation where;
};

/// Per-case lint settings: rules the analyst has decided do not apply to this case.
struct LintSettings {
    std::vector<std::string> disable; ///< rule ids such as "time-shift"
    SourceLocation where;             ///< the `lint:` entry in case.yaml
};

struct Case {
    /// Zone for times written without one (IANA name); empty: such times are errors.
    std::string timezone;
    Alert alert;
    Entities entities;
    std::vector<Query> queries;
    std::vector<RawLog> logs;
    std::vector<ManualIndicator> indicators;
    /// MITRE ATT&CK technique ids the case names ("T1059.001"), e.g. from the alert.
    std::vector<std::string> techniques;
    std::vector<Command> commands;
    std::vector<OsintResult> osint;
    std::vector<Step> triage;
    std::vector<Action> actions;
    std::vector<Escalation> escalations;
    std::string summary; ///< final summary, for analysts
    std::string executive_summary;
    std::vector<std::string> lessons;
    std::vector<std::string> next_steps;
    std::vector<CustomSection> sections;
    LintSettings lint;

    /// Folder the case was loaded from; evidence `file` paths are relative to it.
    std::filesystem::path folder;
    /// Where each top-level and alert field was written ("alert.observed_at" -> case.yaml:7:3),
    /// so later checks can point at the line to fix.
    std::map<std::string, SourceLocation> locations;
};

/// The schema line every case.yaml starts with.
inline constexpr std::string_view kSchemaId = "casefile/1";

} // namespace casefile::model
