#include "intake/formats/crowdstrike_fields.hpp"

#include <array>

#include <fmt/format.h>

#include "intake/json_fields.hpp"
#include "intake/value_shapes.hpp"

namespace casefile::intake::detail::crowdstrike {
namespace {

using model::CaseStatus;
using model::IndicatorType;
using model::Severity;

constexpr std::array<VendorName<Severity>, 6> kSeverities{{
    {"Informational", Severity::informational},
    {"Info", Severity::informational},
    {"Low", Severity::low},
    {"Medium", Severity::medium},
    {"High", Severity::high},
    {"Critical", Severity::critical},
}};

constexpr std::array<VendorName<CaseStatus>, 7> kStatuses{{
    {"new", CaseStatus::open},
    {"in_progress", CaseStatus::in_progress},
    {"reopened", CaseStatus::open},
    {"true_positive", CaseStatus::resolved},
    {"false_positive", CaseStatus::resolved},
    {"ignored", CaseStatus::resolved},
    {"closed", CaseStatus::closed},
}};

/// Falcon's ioc_type values and our types for them.
constexpr std::array<std::pair<std::string_view, IndicatorType>, 9> kIocTypes{{
    {"hash_sha256", IndicatorType::sha256},
    {"hash_sha1", IndicatorType::sha1},
    {"hash_md5", IndicatorType::md5},
    {"domain", IndicatorType::domain},
    {"ipv4", IndicatorType::ipv4},
    {"ipv6", IndicatorType::ipv6},
    {"url", IndicatorType::url},
    {"filename", IndicatorType::filename},
    {"registry_key", IndicatorType::registry_key},
}};

std::string text(const Json& object, std::string_view field) {
    return scalar_text(find(object, field)).value_or("");
}

/// Falcon's "N/A" and empty strings mean "no value".
const Json* value(const Json& object, std::string_view field) {
    const Json* v = find(object, field);
    if (v != nullptr && v->is_string() && v->get_ref<const std::string&>() == "N/A") {
        return nullptr;
    }
    return v;
}

/// The parent's command line: what started the detected process. Its hashes are context (an
/// explorer.exe or services.exe), so they stay in the saved alert rather than becoming
/// indicators.
void map_parent(const Json& process, const std::string& child, CaseBuilder& b) {
    // The Detects API flattens the parent into parent_details.parent_*; the Alerts API nests
    // it as parent_details.* .
    const Json* parent = find(process, "parent_details");
    if (parent == nullptr || !parent->is_object()) {
        return;
    }
    const std::string name = text(*parent, "filename");
    const std::string title =
        fmt::format("parent of {}", child.empty() ? "the detected process" : child);
    b.command(value(*parent, "parent_cmdline"), name, title);
    b.command(value(*parent, "cmdline"), name, title);
}

} // namespace

SeverityNames severities() {
    return kSeverities;
}

void severity_number_only(const Json& alert, std::string_view number, std::string_view name,
                          CaseBuilder& b) {
    const auto score = scalar_text(find(alert, number));
    if (score && find(alert, name) == nullptr) {
        b.warn(fmt::format("'{}' is {}, but '{}' is missing and CrowdStrike publishes no bucket "
                           "boundaries for its 1-100 score, so no severity is derived from it",
                           number, *score, name),
               "give the severity Falcon shows with --severity");
    }
}

StatusNames statuses() {
    return kStatuses;
}

void map_device(const Json& alert, CaseBuilder& b) {
    const Json* device = find(alert, "device");
    model::Device d;
    if (device != nullptr && device->is_object()) {
        d.id = text(*device, "device_id");
        d.hostname = text(*device, "hostname");
        for (const std::string& ip : scalar_texts(find(*device, "local_ip"))) {
            if (ip_type(ip)) {
                d.ips.push_back(ip);
            } else {
                b.warn(
                    fmt::format("'device.local_ip' is '{}', not an IP address: not recorded", ip));
            }
        }
    }
    if (d.id.empty()) {
        d.id = text(alert, "agent_id");
    }
    b.device(std::move(d));
}

void map_process(const Json& process, const std::string& at, CaseBuilder& b) {
    const std::string name = text(process, "filename");
    const std::string note =
        name.empty() ? std::string("detected process") : fmt::format("detected process {}", name);
    b.indicator(IndicatorType::sha256, value(process, "sha256"), at + "sha256", note, name);
    b.indicator(IndicatorType::sha1, value(process, "sha1"), at + "sha1", note, name);
    b.indicator(IndicatorType::md5, value(process, "md5"), at + "md5", note, name);
    b.command(value(process, "cmdline"), name, name.empty() ? "detected process" : name);

    model::User user;
    const std::string user_id = text(process, "user_id");
    if (user_id.starts_with("S-")) {
        user.sid = user_id;
    }
    if (const auto account = scalar_text(value(process, "user_name"))) {
        user.account = account_name(text(process, "logon_domain"), *account);
    }
    user.upn = text(process, "user_principal");
    b.user(std::move(user));

    const std::string ioc_type = text(process, "ioc_type");
    for (const auto& [falcon, type] : kIocTypes) {
        if (ioc_type == falcon) {
            b.indicator(type, value(process, "ioc_value"), at + "ioc_value",
                        fmt::format("{} ({})", note,
                                    text(process, "ioc_source").empty()
                                        ? "Falcon IOC"
                                        : text(process, "ioc_source")));
        }
    }
    b.technique(value(process, "technique_id"), at + "technique_id");
    map_parent(process, name, b);
}

} // namespace casefile::intake::detail::crowdstrike
