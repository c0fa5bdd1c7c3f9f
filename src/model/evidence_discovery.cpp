#include "model/evidence_discovery.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/file_io.hpp"
#include "core/text.hpp"

namespace casefile::model {
namespace fs = std::filesystem;

namespace {

bool contains_any(std::string_view haystack, std::initializer_list<std::string_view> needles) {
    return std::any_of(needles.begin(), needles.end(), [&](std::string_view n) {
        return haystack.find(n) != std::string_view::npos;
    });
}

/// The file name without ".gz", lower-cased.
std::string base_name(const fs::path& name) {
    fs::path p = name.filename();
    if (p.extension() == ".gz") {
        p = p.stem();
    }
    return to_lower(p.string());
}

LogKind guess_kind_from_name(std::string_view name) {
    if (contains_any(name, {"sysmon"})) {
        return LogKind::sysmon;
    }
    if (contains_any(name, {"edr", "defender", "mde", "crowdstrike", "falcon", "sentinelone"})) {
        return LogKind::edr;
    }
    if (contains_any(name, {"firewall", "fw", "iptables", "asa", "paloalto", "panos", "netflow"})) {
        return LogKind::firewall;
    }
    if (contains_any(name, {"auth", "security", "logon", "signin", "4624", "4625", "kerberos"})) {
        return LogKind::auth;
    }
    if (contains_any(name, {"proxy", "squid", "zscaler", "bluecoat", "web"})) {
        return LogKind::proxy;
    }
    if (contains_any(name, {"dns"})) {
        return LogKind::dns;
    }
    if (contains_any(name, {"email", "mail", "smtp", "phish"})) {
        return LogKind::email;
    }
    if (contains_any(name, {"cloudtrail", "aws", "azure", "entra", "okta", "o365", "m365", "gcp",
                            "cloud"})) {
        return LogKind::cloud;
    }
    return LogKind::other;
}

LogKind guess_kind_from_content(std::string_view content) {
    const std::string_view head = content.substr(0, 8192);
    if (contains_any(head, {"Microsoft-Windows-Sysmon"})) {
        return LogKind::sysmon;
    }
    if (contains_any(head, {"\"DeviceName\"", "\"ActionType\"", "InitiatingProcess"})) {
        return LogKind::edr;
    }
    if (contains_any(head, {"Logon Type:", "Microsoft-Windows-Security-Auditing",
                            "\"userPrincipalName\"", "Account Name:"})) {
        return LogKind::auth;
    }
    if (contains_any(head, {" ALLOW ", " DENY ", " DROP ", "%ASA-", "SRC=", ",TRAFFIC,"})) {
        return LogKind::firewall;
    }
    if (contains_any(head,
                     {"TCP_MISS", "TCP_HIT", "#Fields:", " GET http", " POST http", " GET hxxp"})) {
        return LogKind::proxy;
    }
    if (contains_any(head, {"\"eventSource\"", "\"eventVersion\"", "\"eventType\""})) {
        return LogKind::cloud;
    }
    return LogKind::other;
}

} // namespace

EvidenceGuess guess_evidence(const fs::path& name, std::string_view content) {
    EvidenceGuess guess;
    const std::string lower = base_name(name);
    const std::string ext = fs::path(lower).extension().string();

    if (ext == ".spl" || ext == ".kql" || ext == ".esql" || lower.ends_with(".sigma.yml") ||
        lower.ends_with(".sigma.yaml")) {
        guess.role = EvidenceGuess::Role::query;
        guess.query_language = ext == ".spl"    ? QueryLanguage::spl
                               : ext == ".kql"  ? QueryLanguage::kql
                               : ext == ".esql" ? QueryLanguage::esql
                                                : QueryLanguage::sigma;
        return guess;
    }
    static const std::pair<std::string_view, ScriptLanguage> kScripts[] = {
        {".ps1", ScriptLanguage::powershell}, {".psm1", ScriptLanguage::powershell},
        {".bat", ScriptLanguage::cmd},        {".cmd", ScriptLanguage::cmd},
        {".sh", ScriptLanguage::bash},        {".py", ScriptLanguage::python},
        {".js", ScriptLanguage::javascript},  {".vbs", ScriptLanguage::vbscript},
    };
    for (const auto& [script_ext, language] : kScripts) {
        if (ext == script_ext) {
            guess.role = EvidenceGuess::Role::command;
            guess.script_language = language;
            return guess;
        }
    }
    guess.role = EvidenceGuess::Role::log;
    guess.log_kind = guess_kind_from_name(lower);
    if (guess.log_kind == LogKind::other) {
        guess.log_kind = guess_kind_from_content(content);
    }
    return guess;
}

namespace {

/// Normalises "evidence/./x.log" and "./evidence/x.log" to one spelling for comparisons.
std::string normal_key(const fs::path& p) {
    return p.lexically_normal().generic_string();
}

template <class T>
void read_referenced(Case& c, std::vector<T>& items, std::set<std::string>& referenced,
                     std::vector<Diagnostic>& diagnostics) {
    for (T& item : items) {
        if (item.file.empty()) {
            continue;
        }
        const fs::path relative(item.file);
        if (relative.is_absolute() || normal_key(relative).starts_with("..")) {
            diagnostics.push_back(Diagnostic{
                DiagnosticLevel::error,
                fmt::format("evidence file '{}' lies outside the case folder", item.file),
                "copy the file into the case's evidence/ folder and refer to it as "
                "evidence/<name>",
                item.where, "evidence-outside-case"});
            continue;
        }
        referenced.insert(normal_key(relative));
        auto text = read_file(c.folder / relative);
        if (!text) {
            diagnostics.push_back(Diagnostic{
                DiagnosticLevel::error,
                fmt::format("cannot read evidence file '{}': {}", item.file, text.error().message),
                "check the path (relative to the case folder) and the file's permissions",
                item.where, "unreadable-evidence"});
            continue;
        }
        item.text = std::move(*text);
    }
}

} // namespace

void load_evidence_files(Case& c, std::vector<Diagnostic>& diagnostics,
                         const std::string& case_file_label) {
    std::set<std::string> referenced;
    read_referenced(c, c.queries, referenced, diagnostics);
    read_referenced(c, c.logs, referenced, diagnostics);
    read_referenced(c, c.commands, referenced, diagnostics);
    for (const OsintResult& r : c.osint) {
        if (r.screenshot && !r.screenshot->file.empty()) {
            referenced.insert(normal_key(r.screenshot->file));
        }
    }

    const fs::path evidence_dir = c.folder / "evidence";
    std::error_code ec;
    if (!fs::is_directory(evidence_dir, ec)) {
        return;
    }
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(evidence_dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with(".")) {
            if (it->is_directory()) {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (it->is_regular_file()) {
            files.push_back(fs::relative(it->path(), c.folder));
        }
    }
    if (ec) {
        diagnostics.push_back(
            Diagnostic{DiagnosticLevel::error,
                       fmt::format("cannot list '{}': {}", evidence_dir.string(), ec.message()),
                       "check the folder's permissions", SourceLocation{case_file_label, 0, 0},
                       "unreadable-evidence"});
    }
    std::sort(files.begin(), files.end());

    static const std::set<std::string> kNotEvidence = {".png",  ".jpg", ".jpeg", ".gif",
                                                       ".webp", ".pdf", ".md"};
    for (const fs::path& file : files) {
        if (referenced.contains(normal_key(file)) ||
            kNotEvidence.contains(to_lower(file.extension().string()))) {
            continue;
        }
        const SourceLocation where{file.generic_string(), 0, 0};
        auto text = read_file(c.folder / file);
        if (!text) {
            diagnostics.push_back(
                Diagnostic{DiagnosticLevel::error,
                           fmt::format("cannot read evidence file: {}", text.error().message),
                           "check the file's permissions", where, "unreadable-evidence"});
            continue;
        }
        const EvidenceGuess guess = guess_evidence(file, *text);
        const std::string relative = file.generic_string();
        switch (guess.role) {
        case EvidenceGuess::Role::query:
            c.queries.push_back(
                Query{guess.query_language, {}, std::move(*text), relative, where, true});
            break;
        case EvidenceGuess::Role::command:
            c.commands.push_back(
                Command{guess.script_language, {}, std::move(*text), relative, where, true});
            break;
        case EvidenceGuess::Role::log:
            c.logs.push_back(RawLog{
                guess.log_kind, {}, {}, std::move(*text), relative, std::nullopt, where, true});
            break;
        }
    }
}

} // namespace casefile::model
