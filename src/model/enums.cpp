#include "model/enums.hpp"

#include <string>

namespace casefile::model {

std::optional<Tlp> parse_tlp(std::string_view text) {
    std::string label = to_lower(trim(text));
    if (label.rfind("tlp:", 0) == 0) {
        label.erase(0, 4);
    }
    if (label == "clear" || label == "white") {
        return Tlp::clear;
    }
    if (label == "green") {
        return Tlp::green;
    }
    if (label == "amber") {
        return Tlp::amber;
    }
    if (label == "amber+strict" || label == "amber_strict") {
        return Tlp::amber_strict;
    }
    if (label == "red") {
        return Tlp::red;
    }
    return std::nullopt;
}

std::string_view display_name(Severity s) {
    switch (s) {
    case Severity::informational:
        return "Informational";
    case Severity::low:
        return "Low";
    case Severity::medium:
        return "Medium";
    case Severity::high:
        return "High";
    case Severity::critical:
        return "Critical";
    }
    return "Unknown";
}

std::string_view display_name(CaseStatus s) {
    switch (s) {
    case CaseStatus::open:
        return "Open";
    case CaseStatus::in_progress:
        return "In progress";
    case CaseStatus::contained:
        return "Contained";
    case CaseStatus::resolved:
        return "Resolved";
    case CaseStatus::closed:
        return "Closed";
    }
    return "Unknown";
}

std::string_view display_name(QueryLanguage q) {
    switch (q) {
    case QueryLanguage::spl:
        return "Splunk";
    case QueryLanguage::kql:
        return "KQL";
    case QueryLanguage::esql:
        return "ES|QL";
    case QueryLanguage::sigma:
        return "Sigma";
    case QueryLanguage::other:
        return "Query";
    }
    return "Query";
}

std::string_view display_name(LogKind k) {
    switch (k) {
    case LogKind::edr:
        return "EDR";
    case LogKind::firewall:
        return "Firewall";
    case LogKind::auth:
        return "Auth";
    case LogKind::proxy:
        return "Proxy";
    case LogKind::email:
        return "Email";
    case LogKind::dns:
        return "DNS";
    case LogKind::sysmon:
        return "Sysmon";
    case LogKind::cloud:
        return "Cloud";
    case LogKind::other:
        return "Log";
    }
    return "Log";
}

std::string_view display_name(ScriptLanguage l) {
    switch (l) {
    case ScriptLanguage::powershell:
        return "PowerShell";
    case ScriptLanguage::cmd:
        return "Command Prompt";
    case ScriptLanguage::bash:
        return "Shell";
    case ScriptLanguage::python:
        return "Python";
    case ScriptLanguage::javascript:
        return "JavaScript";
    case ScriptLanguage::vbscript:
        return "VBScript";
    case ScriptLanguage::other:
        return "Script";
    }
    return "Script";
}

std::string_view display_name(IndicatorType t) {
    switch (t) {
    case IndicatorType::ipv4:
    case IndicatorType::ipv6:
        return "IP Addresses";
    case IndicatorType::domain:
        return "Domains";
    case IndicatorType::url:
        return "URLs";
    case IndicatorType::email:
        return "Email Addresses";
    case IndicatorType::md5:
    case IndicatorType::sha1:
    case IndicatorType::sha256:
    case IndicatorType::sha512:
    case IndicatorType::ssdeep:
    case IndicatorType::imphash:
        return "File Hashes";
    case IndicatorType::ja3:
        return "TLS Fingerprints";
    case IndicatorType::cve:
        return "Vulnerabilities";
    case IndicatorType::attack_technique:
    case IndicatorType::attack_tactic:
    case IndicatorType::attack_mitigation:
        return "ATT&CK";
    case IndicatorType::registry_key:
        return "Registry Keys";
    case IndicatorType::file_path:
        return "File Paths";
    case IndicatorType::filename:
        return "File Names";
    case IndicatorType::btc:
    case IndicatorType::xmr:
        return "Cryptocurrency Addresses";
    case IndicatorType::asn:
        return "Autonomous Systems";
    case IndicatorType::mac:
        return "MAC Addresses";
    case IndicatorType::email_subject:
        return "Email Subjects";
    case IndicatorType::scheduled_task:
        return "Scheduled Tasks";
    case IndicatorType::user_agent:
        return "User Agents";
    case IndicatorType::other:
        return "Other";
    }
    return "Other";
}

} // namespace casefile::model
