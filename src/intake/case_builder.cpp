#include "intake/case_builder.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"
#include "intake/json_fields.hpp"
#include "intake/value_shapes.hpp"
#include "intake/vendor_time.hpp"

namespace casefile::intake::detail {
namespace {

using model::CaseStatus;
using model::Device;
using model::IndicatorType;
using model::ScriptLanguage;
using model::Severity;
using model::User;

bool same_text(std::string_view a, std::string_view b) {
    return !a.empty() && !b.empty() && equals_icase(a, b);
}

/// "CONTOSO\\j.smith" -> {"CONTOSO", "j.smith"}; "j.smith" -> {"", "j.smith"}.
std::pair<std::string_view, std::string_view> split_account(std::string_view account) {
    const size_t slash = account.find('\\');
    if (slash == std::string_view::npos) {
        return {{}, account};
    }
    return {account.substr(0, slash), account.substr(slash + 1)};
}

/// NetBIOS and DNS spellings of one domain ("CONTOSO", "contoso.local") are the same domain.
bool same_domain(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty()) {
        return true;
    }
    const auto first_label = [](std::string_view d) { return d.substr(0, d.find('.')); };
    return equals_icase(a, b) || equals_icase(first_label(a), first_label(b));
}

bool same_account(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty()) {
        return false;
    }
    const auto [domain_a, name_a] = split_account(a);
    const auto [domain_b, name_b] = split_account(b);
    return equals_icase(name_a, name_b) && same_domain(domain_a, domain_b);
}

bool same_user(const User& a, const User& b) {
    if (!a.sid.empty() && !b.sid.empty()) {
        return equals_icase(a.sid, b.sid);
    }
    // A mailbox address that equals a sign-in name is the same person seen by two products.
    return same_text(a.upn, b.upn) || same_text(a.email, b.email) || same_text(a.upn, b.email) ||
           same_text(a.email, b.upn) || same_account(a.account, b.account);
}

void fill(std::string& into, const std::string& from) {
    if (into.empty()) {
        into = from;
    }
}

void merge_user(User& into, const User& from) {
    fill(into.sid, from.sid);
    fill(into.name, from.name);
    // The spelling with a domain says more.
    if (into.account.empty() || (into.account.find('\\') == std::string::npos &&
                                 from.account.find('\\') != std::string::npos)) {
        if (!from.account.empty()) {
            into.account = from.account;
        }
    }
    fill(into.upn, from.upn);
    fill(into.email, from.email);
    fill(into.title, from.title);
}

bool same_device(const Device& a, const Device& b) {
    return same_text(a.id, b.id) || same_text(a.hostname, b.hostname) ||
           same_text(short_host_name(a.id), b.hostname) ||
           same_text(a.hostname, short_host_name(b.id));
}

void merge_device(Device& into, const Device& from) {
    fill(into.id, from.id);
    fill(into.hostname, from.hostname);
    for (const std::string& ip : from.ips) {
        if (std::find(into.ips.begin(), into.ips.end(), ip) == into.ips.end()) {
            into.ips.push_back(ip);
        }
    }
}

/// Values compared without case: hashes, domains, emails and the like.
bool case_insensitive(IndicatorType type) {
    switch (type) {
    case IndicatorType::md5:
    case IndicatorType::sha1:
    case IndicatorType::sha256:
    case IndicatorType::sha512:
    case IndicatorType::domain:
    case IndicatorType::email:
    case IndicatorType::ipv6:
        return true;
    default:
        return false;
    }
}

bool is_hash_type(IndicatorType type) {
    return type == IndicatorType::md5 || type == IndicatorType::sha1 ||
           type == IndicatorType::sha256 || type == IndicatorType::sha512;
}

/// The language of a command line, from the program that ran it.
ScriptLanguage language_of(std::string_view image, std::string_view command_line) {
    std::string name = to_lower(image);
    if (name.empty()) {
        const std::string_view first = command_line.substr(0, command_line.find(' '));
        name = to_lower(first);
    }
    if (const size_t slash = name.find_last_of("\\/"); slash != std::string::npos) {
        name = name.substr(slash + 1);
    }
    while (!name.empty() && (name.back() == '"' || name.back() == '\'')) {
        name.pop_back();
    }
    if (name == "powershell.exe" || name == "pwsh.exe" || name == "powershell_ise.exe" ||
        name == "powershell" || name == "pwsh") {
        return ScriptLanguage::powershell;
    }
    if (name == "cmd.exe" || name == "cmd") {
        return ScriptLanguage::cmd;
    }
    if (name == "bash" || name == "sh" || name == "zsh" || name == "dash") {
        return ScriptLanguage::bash;
    }
    if (name.starts_with("python")) {
        return ScriptLanguage::python;
    }
    if (name == "node.exe" || name == "node") {
        return ScriptLanguage::javascript;
    }
    return ScriptLanguage::other;
}

std::string quoted_list(const std::vector<std::string>& fields) {
    std::vector<std::string> unique;
    for (const auto& f : fields) {
        if (std::find(unique.begin(), unique.end(), f) == unique.end()) {
            unique.push_back(f);
        }
    }
    return join(unique, ", ");
}

} // namespace

CaseBuilder::CaseBuilder(std::string file, std::string_view product, model::LogKind kind,
                         const ioc::Extractor& extractor)
    : file_(std::move(file)), extractor_(extractor), product_(product) {
    built_.kind = kind;
}

void CaseBuilder::warn(std::string message, std::string hint) {
    built_.diagnostics.push_back(Diagnostic{DiagnosticLevel::warning, std::move(message),
                                            std::move(hint), SourceLocation{file_, 0, 0},
                                            "alert-intake"});
}

void CaseBuilder::note(std::string message) {
    built_.diagnostics.push_back(
        Diagnostic{DiagnosticLevel::info, std::move(message), {}, SourceLocation{file_, 0, 0}, ""});
}

std::optional<std::string> CaseBuilder::text_of(const Json* value, std::string_view field) {
    if (value == nullptr) {
        return std::nullopt;
    }
    if (value->is_object() || value->is_array()) {
        warn(fmt::format("'{}' is {}, not a single value: not used", field, describe(*value)));
        return std::nullopt;
    }
    return scalar_text(value);
}

bool CaseBuilder::alert_id(const Json* value, std::string_view field) {
    if (!built_.alert_id.empty()) {
        return true;
    }
    if (auto text = text_of(value, field)) {
        built_.alert_id = std::move(*text);
        return true;
    }
    return false;
}

bool CaseBuilder::title(const Json* value, std::string_view field) {
    if (title_set_) {
        return true;
    }
    title_fields_.emplace_back(field);
    if (auto text = text_of(value, field)) {
        built_.value.alert.title = std::move(*text);
        title_set_ = true;
    }
    return title_set_;
}

bool CaseBuilder::description(const Json* value, std::string_view field) {
    if (description_set_) {
        return true;
    }
    description_fields_.emplace_back(field);
    if (auto text = text_of(value, field)) {
        built_.value.alert.description = std::move(*text);
        description_set_ = true;
    }
    return description_set_;
}

bool CaseBuilder::observed_at(const Json* value, std::string_view field) {
    if (observed_) {
        return true;
    }
    observed_fields_.emplace_back(field);
    if (value == nullptr) {
        return false;
    }
    auto time = vendor_time(*value);
    if (!time) {
        warn(fmt::format("'{}' cannot be used as the observation time: {}", field,
                         time.error().message),
             time.error().hint);
        return false;
    }
    observed_ = *time;
    observed_origin_ = is_epoch_value(*value)
                           ? fmt::format("{} ({}, Unix time)", field, *scalar_text(value))
                           : std::string(field);
    return true;
}

template <class E>
bool CaseBuilder::enumeration(const Json* value, std::string_view field,
                              std::span<const VendorName<E>> names, std::string_view what,
                              std::optional<E>& out, std::string& origin) {
    if (out) {
        return true;
    }
    const auto text = text_of(value, field);
    if (!text) {
        return false;
    }
    std::vector<std::string> spellings;
    for (const VendorName<E>& name : names) {
        if (equals_icase(name.vendor, *text)) {
            if (!name.ours) {
                warn(fmt::format("'{}' is '{}', which {} uses for \"not known\": the case's {} "
                                 "is not taken from it",
                                 field, *text, product_, what));
                return false;
            }
            out = name.ours;
            origin = fmt::format("{} '{}'", field, *text);
            return true;
        }
        spellings.emplace_back(name.vendor);
    }
    warn(fmt::format("'{}' is '{}', which is not on {}'s {} scale ({}): not used", field, *text,
                     product_, what, join(spellings, ", ")));
    return false;
}

bool CaseBuilder::severity(const Json* value, std::string_view field, SeverityNames names) {
    if (!severity_) {
        severity_fields_.emplace_back(field);
    }
    return enumeration(value, field, names, "severity", severity_, severity_origin_);
}

bool CaseBuilder::status(const Json* value, std::string_view field, StatusNames names) {
    return enumeration(value, field, names, "status", status_, status_origin_);
}

void CaseBuilder::source(std::string product) {
    if (!product.empty()) {
        product_ = std::move(product);
    }
}

void CaseBuilder::log_kind(model::LogKind kind) {
    built_.kind = kind;
}

void CaseBuilder::user(User user) {
    if (user.sid.empty() && user.name.empty() && user.account.empty() && user.upn.empty() &&
        user.email.empty()) {
        return;
    }
    for (User& known : built_.value.entities.users) {
        if (same_user(known, user)) {
            merge_user(known, user);
            return;
        }
    }
    built_.value.entities.users.push_back(std::move(user));
}

void CaseBuilder::device(Device device) {
    if (device.id.empty() && device.hostname.empty()) {
        if (!device.ips.empty()) {
            warn(fmt::format("a device with address {} has neither a name nor an id in the "
                             "alert: not recorded as a device",
                             join(device.ips, ", ")),
                 "add it under entities.devices in case.yaml once you know its name");
        }
        return;
    }
    for (Device& known : built_.value.entities.devices) {
        if (same_device(known, device)) {
            merge_device(known, device);
            return;
        }
    }
    built_.value.entities.devices.push_back(std::move(device));
}

void CaseBuilder::indicator_text(IndicatorType type, std::string_view value, std::string_view field,
                                 std::string note, std::string file) {
    auto canonical = extractor_.canonicalize(type, value);
    if (!canonical) {
        warn(fmt::format("'{}': {}: not recorded as an indicator", field,
                         canonical.error().message));
        return;
    }
    // The IoC engine has checked the shape; all zeros is a valid shape that means "no hash".
    if (is_hash_type(type) && canonical->find_first_not_of('0') == std::string::npos) {
        warn(fmt::format("'{}' is all zeros, which vendors write for \"no hash\": not recorded as "
                         "an indicator",
                         field));
        return;
    }
    const bool icase = case_insensitive(type);
    for (model::ManualIndicator& known : built_.value.indicators) {
        if (known.type == type &&
            (icase ? equals_icase(known.value, *canonical) : known.value == *canonical)) {
            fill(known.file, file);
            return;
        }
    }
    built_.value.indicators.push_back(
        model::ManualIndicator{type, std::move(*canonical), std::move(note), std::move(file), {}});
}

void CaseBuilder::indicator(IndicatorType type, const Json* value, std::string_view field,
                            const std::string& note, const std::string& file) {
    if (value == nullptr) {
        return;
    }
    if (value->is_object()) {
        warn(fmt::format("'{}' is an object, not a value: not recorded as an indicator", field));
        return;
    }
    for (const std::string& text : scalar_texts(value)) {
        indicator_text(type, text, field, note, file);
    }
}

void CaseBuilder::ip(const Json* value, std::string_view field, const std::string& note) {
    if (value == nullptr) {
        return;
    }
    if (value->is_object()) {
        warn(fmt::format("'{}' is an object, not an address: not recorded as an indicator", field));
        return;
    }
    for (const std::string& text : scalar_texts(value)) {
        if (const auto type = ip_type(text)) {
            indicator_text(*type, text, field, note);
        } else {
            warn(fmt::format("'{}' is '{}', not an IP address: not recorded as an indicator", field,
                             text));
        }
    }
}

void CaseBuilder::hash(const Json* value, std::string_view field, std::string note,
                       std::string file) {
    const auto text = text_of(value, field);
    if (!text) {
        return;
    }
    if (const auto type = hash_type(*text)) {
        indicator_text(*type, *text, field, std::move(note), std::move(file));
    } else {
        warn(fmt::format("'{}' is '{}', not an MD5, SHA-1, SHA-256 or SHA-512 hash: not recorded "
                         "as an indicator",
                         field, *text));
    }
}

void CaseBuilder::technique(const Json* value, std::string_view field) {
    if (value == nullptr) {
        return;
    }
    if (value->is_object()) {
        warn(fmt::format("'{}' is an object, not ATT&CK technique ids: not used", field));
        return;
    }
    for (const std::string& id : scalar_texts(value)) {
        if (!is_technique_id(id)) {
            warn(fmt::format("'{}' holds '{}', which is not an ATT&CK technique id (T1059 or "
                             "T1059.001): not recorded",
                             field, id));
            continue;
        }
        auto& techniques = built_.value.techniques;
        if (std::find(techniques.begin(), techniques.end(), id) == techniques.end()) {
            techniques.push_back(id);
        }
    }
}

void CaseBuilder::command(const Json* command_line, std::string_view image, std::string title) {
    const auto text = text_of(command_line, "command line");
    if (!text) {
        return;
    }
    for (const model::Command& known : built_.value.commands) {
        if (known.text == *text) {
            return;
        }
    }
    model::Command cmd;
    cmd.language = language_of(image, *text);
    cmd.title = std::move(title);
    cmd.text = *text;
    built_.value.commands.push_back(std::move(cmd));
}

BuiltCase CaseBuilder::finish(const Overrides& overrides) {
    model::Alert& alert = built_.value.alert;
    alert.source = product_;
    const auto error = [&](std::string message, std::string hint) {
        built_.diagnostics.push_back(Diagnostic{DiagnosticLevel::error, std::move(message),
                                                std::move(hint), SourceLocation{file_, 0, 0},
                                                "missing-required"});
    };
    const auto looked_for = [](const std::vector<std::string>& fields) {
        return fields.empty() ? std::string("no field of this format carries it")
                              : "looked for: " + quoted_list(fields);
    };

    if (!overrides.title.empty()) {
        if (title_set_ && alert.title != overrides.title) {
            note(fmt::format("title: --title replaces the alert's \"{}\"", alert.title));
        }
        alert.title = overrides.title;
        title_set_ = true;
    }
    if (!title_set_) {
        error(fmt::format("the alert has no title ({})", looked_for(title_fields_)),
              "give one with --title \"...\"");
    }

    if (overrides.observed_at) {
        if (observed_) {
            note(fmt::format("observed_at: --observed-at replaces {} from {}",
                             format_rfc3339(observed_->utc), observed_origin_));
        }
        observed_ = overrides.observed_at;
    } else if (observed_) {
        note(fmt::format("observed_at: {} from {}", format_rfc3339(observed_->utc),
                         observed_origin_));
    }
    if (observed_) {
        alert.observed_at = *observed_;
    } else {
        error(fmt::format("the alert does not say when the activity began ({})",
                          looked_for(observed_fields_)),
              "pass --observed-at with the time of the first activity, taken from the evidence, "
              "e.g. --observed-at 2025-11-11T13:42:18Z");
    }

    if (overrides.severity) {
        if (severity_ && severity_ != overrides.severity) {
            note(fmt::format("severity: --severity {} replaces {} from {}",
                             to_string(*overrides.severity), to_string(*severity_),
                             severity_origin_));
        }
        severity_ = overrides.severity;
    } else if (severity_) {
        note(fmt::format("severity: {} from {}", to_string(*severity_), severity_origin_));
    }
    if (severity_) {
        alert.severity = *severity_;
    } else {
        error(fmt::format("the alert gives no usable severity ({})", looked_for(severity_fields_)),
              "give one with --severity informational|low|medium|high|critical");
    }

    alert.status = status_;
    alert.tlp = overrides.tlp.value_or(model::Tlp::amber);
    if (!overrides.tlp) {
        note("tlp: TLP:AMBER, the default for new cases (set another with --tlp)");
    }
    if (!description_set_ && !description_fields_.empty()) {
        warn(fmt::format("the alert has no description ({})", looked_for(description_fields_)));
    }
    if (built_.value.entities.users.empty()) {
        warn("the alert names no user", "add users under entities.users in case.yaml as the "
                                        "investigation finds them");
    }
    if (built_.value.entities.devices.empty()) {
        warn("the alert names no device", "add devices under entities.devices in case.yaml as "
                                          "the investigation finds them");
    }
    alert.ticket_id = built_.alert_id;
    return std::move(built_);
}

} // namespace casefile::intake::detail
