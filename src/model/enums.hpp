#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.hpp"

namespace casefile::model {

enum class Severity { informational, low, medium, high, critical };

/// Where the investigation stands.
enum class CaseStatus { open, in_progress, contained, resolved, closed };

/// FIRST TLP 2.0 labels.
enum class Tlp { clear, green, amber, amber_strict, red };

enum class QueryLanguage { spl, kql, esql, sigma, other };

/// What produced a raw log; drives the label of its evidence block ("EDR 1", "Auth 3").
enum class LogKind { edr, firewall, auth, proxy, email, dns, sysmon, cloud, other };

enum class ScriptLanguage { powershell, cmd, bash, python, javascript, vbscript, other };

/// Indicator types, named as in `casefile iocs --format json`. The last four cannot be found in
/// text by shape; analysts enter them by hand.
enum class IndicatorType {
    ipv4,
    ipv6,
    domain,
    url,
    email,
    md5,
    sha1,
    sha256,
    sha512,
    ssdeep,
    imphash,
    ja3,
    cve,
    attack_technique,
    attack_tactic,
    attack_mitigation,
    registry_key,
    file_path,
    filename,
    btc,
    xmr,
    asn,
    mac,
    email_subject,
    scheduled_task,
    user_agent,
    other,
};

/// Name table for each enum; the spelling is the one case.yaml and JSON use.
template <class E> struct EnumNames;

#define CASEFILE_ENUM_NAMES(E, ...)                                                                \
    template <> struct EnumNames<E> {                                                              \
        static constexpr auto values =                                                             \
            std::to_array<std::pair<E, std::string_view>>({__VA_ARGS__});                          \
    }

CASEFILE_ENUM_NAMES(Severity, {Severity::informational, "informational"}, {Severity::low, "low"},
                    {Severity::medium, "medium"}, {Severity::high, "high"},
                    {Severity::critical, "critical"});
CASEFILE_ENUM_NAMES(CaseStatus, {CaseStatus::open, "open"},
                    {CaseStatus::in_progress, "in_progress"}, {CaseStatus::contained, "contained"},
                    {CaseStatus::resolved, "resolved"}, {CaseStatus::closed, "closed"});
CASEFILE_ENUM_NAMES(Tlp, {Tlp::clear, "TLP:CLEAR"}, {Tlp::green, "TLP:GREEN"},
                    {Tlp::amber, "TLP:AMBER"}, {Tlp::amber_strict, "TLP:AMBER+STRICT"},
                    {Tlp::red, "TLP:RED"});
CASEFILE_ENUM_NAMES(QueryLanguage, {QueryLanguage::spl, "spl"}, {QueryLanguage::kql, "kql"},
                    {QueryLanguage::esql, "esql"}, {QueryLanguage::sigma, "sigma"},
                    {QueryLanguage::other, "other"});
CASEFILE_ENUM_NAMES(LogKind, {LogKind::edr, "edr"}, {LogKind::firewall, "firewall"},
                    {LogKind::auth, "auth"}, {LogKind::proxy, "proxy"}, {LogKind::email, "email"},
                    {LogKind::dns, "dns"}, {LogKind::sysmon, "sysmon"}, {LogKind::cloud, "cloud"},
                    {LogKind::other, "other"});
CASEFILE_ENUM_NAMES(ScriptLanguage, {ScriptLanguage::powershell, "powershell"},
                    {ScriptLanguage::cmd, "cmd"}, {ScriptLanguage::bash, "bash"},
                    {ScriptLanguage::python, "python"}, {ScriptLanguage::javascript, "javascript"},
                    {ScriptLanguage::vbscript, "vbscript"}, {ScriptLanguage::other, "other"});
CASEFILE_ENUM_NAMES(IndicatorType, {IndicatorType::ipv4, "ipv4"}, {IndicatorType::ipv6, "ipv6"},
                    {IndicatorType::domain, "domain"}, {IndicatorType::url, "url"},
                    {IndicatorType::email, "email"}, {IndicatorType::md5, "md5"},
                    {IndicatorType::sha1, "sha1"}, {IndicatorType::sha256, "sha256"},
                    {IndicatorType::sha512, "sha512"}, {IndicatorType::ssdeep, "ssdeep"},
                    {IndicatorType::imphash, "imphash"}, {IndicatorType::ja3, "ja3"},
                    {IndicatorType::cve, "cve"},
                    {IndicatorType::attack_technique, "attack_technique"},
                    {IndicatorType::attack_tactic, "attack_tactic"},
                    {IndicatorType::attack_mitigation, "attack_mitigation"},
                    {IndicatorType::registry_key, "registry_key"},
                    {IndicatorType::file_path, "file_path"}, {IndicatorType::filename, "filename"},
                    {IndicatorType::btc, "btc"}, {IndicatorType::xmr, "xmr"},
                    {IndicatorType::asn, "asn"}, {IndicatorType::mac, "mac"},
                    {IndicatorType::email_subject, "email_subject"},
                    {IndicatorType::scheduled_task, "scheduled_task"},
                    {IndicatorType::user_agent, "user_agent"}, {IndicatorType::other, "other"});

#undef CASEFILE_ENUM_NAMES

/// The case.yaml / JSON spelling of an enumerator.
template <class E> [[nodiscard]] constexpr std::string_view to_string(E value) {
    for (const auto& [e, name] : EnumNames<E>::values) {
        if (e == value) {
            return name;
        }
    }
    return "?";
}

/// Case-insensitive lookup of an enumerator by its spelling.
template <class E> [[nodiscard]] std::optional<E> parse_enum(std::string_view text) {
    for (const auto& [e, name] : EnumNames<E>::values) {
        if (equals_icase(name, text)) {
            return e;
        }
    }
    return std::nullopt;
}

/// All spellings, for error messages ("expected one of: low, medium, ...").
template <class E> [[nodiscard]] std::vector<std::string_view> enum_names() {
    std::vector<std::string_view> names;
    for (const auto& entry : EnumNames<E>::values) {
        names.push_back(entry.second);
    }
    return names;
}

/// Parses a TLP label in any common spelling: "TLP:AMBER", "amber", "amber+strict", and the
/// TLP 1.0 "WHITE" (now CLEAR).
[[nodiscard]] std::optional<Tlp> parse_tlp(std::string_view text);

/// Human labels used in reports: "Medium", "In progress", "Splunk", "EDR".
[[nodiscard]] std::string_view display_name(Severity s);
[[nodiscard]] std::string_view display_name(CaseStatus s);
[[nodiscard]] std::string_view display_name(QueryLanguage q);
[[nodiscard]] std::string_view display_name(LogKind k);
[[nodiscard]] std::string_view display_name(ScriptLanguage l);
[[nodiscard]] std::string_view display_name(IndicatorType t);

} // namespace casefile::model
