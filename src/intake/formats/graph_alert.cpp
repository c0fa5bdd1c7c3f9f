// Microsoft Graph security alert (alerts_v2, the Defender XDR alert): GET
// /security/alerts_v2/{id}, per Graph's "alert resource type" and its evidence types, which
// are told apart by "@odata.type".
#include <array>
#include <map>

#include <fmt/format.h>

#include "intake/alert_format.hpp"
#include "intake/json_fields.hpp"
#include "intake/value_shapes.hpp"

namespace casefile::intake::detail {
namespace {

using model::CaseStatus;
using model::IndicatorType;
using model::Severity;

constexpr std::string_view kTypePrefix = "#microsoft.graph.security.";

constexpr std::array<VendorName<Severity>, 6> kSeverities{{
    {"unknown", std::nullopt},
    {"informational", Severity::informational},
    {"low", Severity::low},
    {"medium", Severity::medium},
    {"high", Severity::high},
    {"unknownFutureValue", std::nullopt},
}};

constexpr std::array<VendorName<CaseStatus>, 5> kStatuses{{
    {"unknown", std::nullopt},
    {"new", CaseStatus::open},
    {"inProgress", CaseStatus::in_progress},
    {"resolved", CaseStatus::resolved},
    {"unknownFutureValue", std::nullopt},
}};

/// Product names for Graph's serviceSource values.
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kServices{{
    {"microsoftDefenderForEndpoint", "Microsoft Defender for Endpoint"},
    {"microsoftDefenderForIdentity", "Microsoft Defender for Identity"},
    {"microsoftDefenderForCloudApps", "Microsoft Defender for Cloud Apps"},
    {"microsoftDefenderForOffice365", "Microsoft Defender for Office 365"},
    {"microsoft365Defender", "Microsoft Defender XDR"},
    {"azureAdIdentityProtection", "Microsoft Entra ID Protection"},
    {"microsoftAppGovernance", "Microsoft app governance"},
    {"dataLossPrevention", "Microsoft Purview Data Loss Prevention"},
    {"microsoftDefenderForCloud", "Microsoft Defender for Cloud"},
    {"microsoftSentinel", "Microsoft Sentinel"},
    {"microsoftInsiderRiskManagement", "Microsoft Purview Insider Risk Management"},
}};

std::string evidence_type(const Json& item) {
    const std::string type = scalar_text(find(item, "@odata.type")).value_or("");
    return type.starts_with(kTypePrefix) ? type.substr(kTypePrefix.size()) : type;
}

int detect(const Json& alert) {
    int score = 0;
    if (scalar_text(find(alert, "@odata.type")) == "#microsoft.graph.security.alert") {
        score += 10;
    }
    if (const auto context = scalar_text(find(alert, "@odata.context"))) {
        if (context->find("alerts_v2") != std::string::npos) {
            score += 10;
        }
    }
    score += points_if(alert, "serviceSource", 3) + points_if(alert, "providerAlertId", 3) +
             points_if(alert, "firstActivityDateTime", 2);
    for (const Json* item : array_items(find(alert, "evidence"))) {
        if (evidence_type(*item).ends_with("Evidence")) {
            score += 3;
            break;
        }
    }
    return score;
}

model::User user_from_account(const Json* account) {
    model::User user;
    if (account == nullptr || !account->is_object()) {
        return user;
    }
    user.sid = scalar_text(find(*account, "userSid")).value_or("");
    user.name = scalar_text(find(*account, "displayName")).value_or("");
    user.upn = scalar_text(find(*account, "userPrincipalName")).value_or("");
    if (const auto name = scalar_text(find(*account, "accountName"))) {
        user.account = account_name(scalar_text(find(*account, "domainName")).value_or(""), *name);
    }
    return user;
}

/// Hashes of a fileDetails object, tied to its file name, and the file's path when `with_path`.
void map_file(const Json* details, const std::string& at, const std::string& note, bool with_path,
              CaseBuilder& b) {
    if (details == nullptr || !details->is_object()) {
        return;
    }
    const std::string name = scalar_text(find(*details, "fileName")).value_or("");
    for (const auto& [key, type] :
         {std::pair{"sha256", IndicatorType::sha256}, std::pair{"sha1", IndicatorType::sha1},
          std::pair{"md5", IndicatorType::md5}}) {
        b.indicator(type, find(*details, key), at + key, note, name);
    }
    if (with_path && !name.empty()) {
        const std::string path =
            join_path(scalar_text(find(*details, "filePath")).value_or(""), name);
        b.indicator_text(path == name ? IndicatorType::filename : IndicatorType::file_path, path,
                         at + "filePath", note);
    }
}

void map_registry(const Json& item, const std::string& at, const std::string& note,
                  CaseBuilder& b) {
    const auto key = scalar_text(find(item, "registryKey"));
    if (!key) {
        return;
    }
    const std::string hive = scalar_text(find(item, "registryHive")).value_or("");
    const bool has_hive = hive.empty() || key->starts_with("HK");
    b.indicator_text(IndicatorType::registry_key, has_hive ? *key : hive + "\\" + *key,
                     at + "registryKey", note);
}

void map_device(const Json& item, CaseBuilder& b) {
    model::Device device;
    const auto dns_name = scalar_text(find(item, "deviceDnsName"));
    if (dns_name) {
        device.hostname = short_host_name(*dns_name);
        if (is_qualified_host_name(*dns_name)) {
            device.id = *dns_name;
        }
    }
    if (const auto host = scalar_text(find(item, "hostName"))) {
        device.hostname = *host;
    }
    if (device.id.empty()) {
        device.id = scalar_text(find(item, "mdeDeviceId"))
                        .value_or(scalar_text(find(item, "azureAdDeviceId")).value_or(""));
    }
    for (const std::string& ip : scalar_texts(find(item, "ipInterfaces"))) {
        if (ip_type(ip)) {
            device.ips.push_back(ip);
        }
    }
    b.device(std::move(device));
}

void map_message(const Json& item, const std::string& at, CaseBuilder& b) {
    const std::string note = "alert evidence: analyzed message";
    b.ip(find(item, "senderIp"), at + "senderIp", note + " (sender IP)");
    b.indicator(IndicatorType::url, find(item, "urls"), at + "urls", note);
    b.indicator(IndicatorType::email_subject, find(item, "subject"), at + "subject", note);
    for (const char* sender : {"p1Sender", "p2Sender"}) {
        if (const Json* s = find(item, sender); s && s->is_object()) {
            b.indicator(IndicatorType::email, find(*s, "emailAddress"),
                        at + sender + ".emailAddress", fmt::format("{} ({})", note, sender));
        }
    }
    if (const auto recipient = scalar_text(find(item, "recipientEmailAddress"))) {
        model::User user;
        user.email = *recipient;
        b.user(std::move(user));
    }
}

void map_evidence(const Json& item, size_t i, std::map<std::string, int>& unmapped,
                  CaseBuilder& b) {
    const std::string at = fmt::format("evidence[{}].", i);
    const std::string type = evidence_type(item);
    const std::string note = fmt::format("alert evidence: {}", type);
    if (type == "deviceEvidence") {
        map_device(item, b);
    } else if (type == "userEvidence") {
        b.user(user_from_account(find(item, "userAccount")));
    } else if (type == "mailboxEvidence") {
        model::User user = user_from_account(find(item, "userAccount"));
        user.email = scalar_text(find(item, "primaryAddress")).value_or("");
        if (user.name.empty()) {
            user.name = scalar_text(find(item, "displayName")).value_or("");
        }
        b.user(std::move(user));
    } else if (type == "fileEvidence") {
        map_file(find(item, "fileDetails"), at + "fileDetails.", note, true, b);
    } else if (type == "processEvidence") {
        const Json* image = find(item, "imageFile");
        map_file(image, at + "imageFile.", note, false, b);
        const std::string name =
            image ? scalar_text(find(*image, "fileName")).value_or("") : std::string();
        const std::string pid = scalar_text(find(item, "processId")).value_or("");
        b.command(find(item, "processCommandLine"), name,
                  pid.empty() ? name : fmt::format("{} (process {})", name, pid));
        b.user(user_from_account(find(item, "userAccount")));
    } else if (type == "ipEvidence") {
        b.ip(find(item, "ipAddress"), at + "ipAddress", note);
    } else if (type == "urlEvidence") {
        b.indicator(IndicatorType::url, find(item, "url"), at + "url", note);
    } else if (type == "analyzedMessageEvidence") {
        map_message(item, at, b);
    } else if (type == "registryKeyEvidence" || type == "registryValueEvidence") {
        map_registry(item, at, note, b);
    } else {
        ++unmapped[type.empty() ? "untyped" : type];
    }
}

void map(const AlertDocuments& documents, CaseBuilder& b) {
    const Json& alert = documents.alert;
    const auto service = scalar_text(find(alert, "serviceSource"));
    if (const auto product = scalar_text(find(alert, "productName"))) {
        b.source(*product);
    } else if (service) {
        for (const auto& [value, product] : kServices) {
            if (*service == value) {
                b.source(std::string(product));
            }
        }
    }
    if (service == "microsoftDefenderForEndpoint") {
        b.log_kind(model::LogKind::edr);
    } else if (service == "microsoftDefenderForOffice365") {
        b.log_kind(model::LogKind::email);
    }
    b.alert_id(find(alert, "id"), "id");
    b.title(find(alert, "title"), "title");
    b.description(find(alert, "description"), "description");
    b.observed_at(find(alert, "firstActivityDateTime"), "firstActivityDateTime");
    b.severity(find(alert, "severity"), "severity", kSeverities);
    b.status(find(alert, "status"), "status", kStatuses);
    b.technique(find(alert, "mitreTechniques"), "mitreTechniques");

    std::map<std::string, int> unmapped;
    const auto evidence = array_items(find(alert, "evidence"));
    for (size_t i = 0; i < evidence.size(); ++i) {
        if (evidence[i]->is_object()) {
            map_evidence(*evidence[i], i, unmapped, b);
        }
    }
    for (const auto& [type, count] : unmapped) {
        b.note(fmt::format("{} {} item{} kept in the saved alert only (casefile has no field "
                           "for {})",
                           count, type, count == 1 ? "" : "s", type));
    }
}

} // namespace

const AlertFormat& graph_alert_format() {
    static const AlertFormat format{
        "graph-alert",
        "Microsoft Defender XDR",
        "Microsoft Graph security alert v2 (GET /security/alerts_v2/{id})",
        "alert",
        model::LogKind::cloud,
        detect,
        map};
    return format;
}

} // namespace casefile::intake::detail
