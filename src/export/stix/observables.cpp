#include "export/stix/observables.hpp"

#include <array>

#include <fmt/format.h>

#include "core/text.hpp"
#include "export/jcs.hpp"
#include "export/stix/pattern_parser.hpp"
#include "export/uuid.hpp"

namespace casefile::exporting::stix {
namespace {

using Json = nlohmann::ordered_json;
using model::IndicatorType;

/// STIX 2.1 section 2.9: the namespace of every SCO id.
constexpr std::string_view kScoNamespace = "00abedb4-aa42-466c-9c01-fed23315a9b7";

Json sco(std::string_view type) {
    return Json{{"type", type}, {"spec_version", "2.1"}, {"id", ""}};
}

Result<Json> with_id(Json object) {
    auto id = sco_id(object);
    if (!id) {
        return tl::unexpected(id.error());
    }
    object["id"] = *id;
    return object;
}

std::string equals(std::string_view path, std::string_view value) {
    return fmt::format("{} = {}", path, pattern_string(value));
}

/// Splits a Windows or POSIX path into directory and file name.
std::pair<std::string, std::string> split_path(std::string_view path) {
    const size_t slash = path.find_last_of("\\/");
    if (slash == std::string_view::npos) {
        return {"", std::string(path)};
    }
    std::string dir(path.substr(0, slash));
    if (dir.empty() || (dir.size() == 2 && dir[1] == ':')) {
        dir += path[slash]; // keep the root: "/" or "C:\"
    }
    return {dir, std::string(path.substr(slash + 1))};
}

std::string_view hash_key(IndicatorType t) {
    switch (t) {
    case IndicatorType::md5:
        return "MD5";
    case IndicatorType::sha1:
        return "SHA-1";
    case IndicatorType::sha256:
        return "SHA-256";
    case IndicatorType::sha512:
        return "SHA-512";
    case IndicatorType::ssdeep:
        return "SSDEEP";
    default:
        return "";
    }
}

/// A file SCO named `name` in `dir`, preceded by its directory SCO.
Status add_file(IndicatorMapping& m, const std::string& dir, const std::string& name, Json file) {
    if (!dir.empty()) {
        Json d = sco("directory");
        d["path"] = dir;
        auto with = with_id(std::move(d));
        if (!with) {
            return tl::unexpected(with.error());
        }
        file["parent_directory_ref"] = (*with)["id"];
        m.observables.push_back(std::move(*with));
    }
    if (!name.empty()) {
        file["name"] = name;
    }
    auto with = with_id(std::move(file));
    if (!with) {
        return tl::unexpected(with.error());
    }
    m.observables.push_back(std::move(*with));
    return {};
}

Status add_value_sco(IndicatorMapping& m, std::string_view type, const std::string& value) {
    Json o = sco(type);
    o["value"] = value;
    auto with = with_id(std::move(o));
    if (!with) {
        return tl::unexpected(with.error());
    }
    m.observables.push_back(std::move(*with));
    return {};
}

} // namespace

std::string full_registry_key(std::string_view key) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kHives = {{
        {"HKLM", "HKEY_LOCAL_MACHINE"},
        {"HKCU", "HKEY_CURRENT_USER"},
        {"HKCR", "HKEY_CLASSES_ROOT"},
        {"HKU", "HKEY_USERS"},
        {"HKCC", "HKEY_CURRENT_CONFIG"},
        {"HKPD", "HKEY_PERFORMANCE_DATA"},
    }};
    size_t end = key.find('\\');
    if (end == std::string_view::npos) {
        end = key.size();
    }
    std::string_view root = key.substr(0, end);
    if (!root.empty() && root.back() == ':') {
        root.remove_suffix(1); // PowerShell drive "HKLM:"
    }
    for (const auto& [short_name, long_name] : kHives) {
        if (equals_icase(root, short_name) || equals_icase(root, long_name)) {
            return std::string(long_name) + std::string(key.substr(end));
        }
    }
    return std::string(key);
}

Result<std::string> sco_id(const Json& object) {
    const std::string type = object.value("type", "");
    static const std::array<std::pair<std::string_view, std::vector<std::string_view>>, 11>
        contributing_properties = {{
            {"ipv4-addr", {"value"}},
            {"ipv6-addr", {"value"}},
            {"domain-name", {"value"}},
            {"url", {"value"}},
            {"email-addr", {"value"}},
            {"mac-addr", {"value"}},
            {"autonomous-system", {"number"}},
            {"directory", {"path"}},
            {"windows-registry-key", {"key", "values"}},
            {"email-message", {"from_ref", "subject", "body"}},
            {"file", {"hashes", "name", "extensions", "parent_directory_ref"}},
        }};
    const auto* entry = std::find_if(contributing_properties.begin(), contributing_properties.end(),
                                     [&](const auto& e) { return e.first == type; });
    if (entry == contributing_properties.end()) {
        return fail(ErrorCode::internal,
                    fmt::format("no id-contributing properties for '{}'", type));
    }
    Json contributing = Json::object();
    for (const std::string_view key : entry->second) {
        const auto it = object.find(key);
        if (it == object.end()) {
            continue;
        }
        if (key == "hashes") {
            // One hash, the first present in python-stix2's order of preference.
            for (const char* algo : {"MD5", "SHA-1", "SHA-256", "SHA-512"}) {
                if (it->contains(algo)) {
                    contributing["hashes"] = Json{{algo, (*it)[algo]}};
                    break;
                }
            }
            if (!contributing.contains("hashes")) {
                contributing["hashes"] = *it;
            }
        } else {
            contributing[std::string(key)] = *it;
        }
    }
    auto canonical = canonical_json(contributing);
    if (!canonical) {
        return tl::unexpected(canonical.error());
    }
    static const Uuid sco_namespace = *parse_uuid(kScoNamespace);
    return type + "--" + to_string(uuid5(sco_namespace, *canonical));
}

Result<IndicatorMapping> map_indicator(const analysis::CaseIndicator& i) {
    IndicatorMapping m;
    Status status;
    switch (i.type) {
    case IndicatorType::ipv4:
    case IndicatorType::ipv6: {
        const std::string_view type = i.type == IndicatorType::ipv4 ? "ipv4-addr" : "ipv6-addr";
        const bool block = i.value.find('/') != std::string::npos;
        m.pattern = fmt::format("[{}:value {} {}]", type, block ? "ISSUBSET" : "=",
                                pattern_string(i.value));
        status = add_value_sco(m, type, i.value);
        break;
    }
    case IndicatorType::domain:
        m.pattern = "[" + equals("domain-name:value", i.value) + "]";
        status = add_value_sco(m, "domain-name", i.value);
        break;
    case IndicatorType::url:
        m.pattern = "[" + equals("url:value", i.value) + "]";
        status = add_value_sco(m, "url", i.value);
        break;
    case IndicatorType::email:
        m.pattern = "[" + equals("email-addr:value", i.value) + "]";
        status = add_value_sco(m, "email-addr", i.value);
        break;
    case IndicatorType::md5:
    case IndicatorType::sha1:
    case IndicatorType::sha256:
    case IndicatorType::sha512:
    case IndicatorType::ssdeep: {
        const std::string_view key = hash_key(i.type);
        const std::string path = key.find('-') == std::string_view::npos
                                     ? fmt::format("file:hashes.{}", key)
                                     : fmt::format("file:hashes.'{}'", key);
        m.pattern = "[" + equals(path, i.value) + "]";
        Json file = sco("file");
        file["hashes"] = Json{{key, i.value}};
        const auto [dir, name] = split_path(i.file);
        status = add_file(m, dir, name, std::move(file));
        break;
    }
    case IndicatorType::imphash:
        // A PE extension SCO would need pe_type, which the case does not know: pattern only.
        m.pattern = "[" + equals("file:extensions.'windows-pebinary-ext'.imphash", i.value) + "]";
        break;
    case IndicatorType::ja3:
        // STIX 2.1 defines no TLS fingerprint property; a custom one (x_ prefix, section 11.1).
        m.pattern = "[" + equals("network-traffic:x_ja3_md5", i.value) + "]";
        break;
    case IndicatorType::registry_key: {
        const std::string key = full_registry_key(i.value);
        m.pattern = "[" + equals("windows-registry-key:key", key) + "]";
        Json o = sco("windows-registry-key");
        o["key"] = key;
        auto with = with_id(std::move(o));
        if (!with) {
            return tl::unexpected(with.error());
        }
        m.observables.push_back(std::move(*with));
        break;
    }
    case IndicatorType::file_path:
    case IndicatorType::filename: {
        const auto [dir, name] = split_path(i.value);
        m.pattern = "[" + equals("file:name", name);
        if (!dir.empty()) {
            m.pattern += " AND " + equals("file:parent_directory_ref.path", dir);
        }
        m.pattern += "]";
        status = add_file(m, dir, name, sco("file"));
        break;
    }
    case IndicatorType::asn: {
        std::string digits = i.value;
        if (starts_with_icase(digits, "AS")) {
            digits.erase(0, 2);
        }
        uint64_t number = 0;
        for (const char c : digits) {
            number = number * 10 + static_cast<uint64_t>(c - '0');
        }
        m.pattern = fmt::format("[autonomous-system:number = {}]", number);
        Json o = sco("autonomous-system");
        o["number"] = number;
        auto with = with_id(std::move(o));
        if (!with) {
            return tl::unexpected(with.error());
        }
        m.observables.push_back(std::move(*with));
        break;
    }
    case IndicatorType::mac:
        m.pattern = "[" + equals("mac-addr:value", i.value) + "]";
        status = add_value_sco(m, "mac-addr", i.value);
        break;
    case IndicatorType::email_subject: {
        m.pattern = "[" + equals("email-message:subject", i.value) + "]";
        Json o = sco("email-message");
        o["is_multipart"] = false;
        o["subject"] = i.value;
        auto with = with_id(std::move(o));
        if (!with) {
            return tl::unexpected(with.error());
        }
        m.observables.push_back(std::move(*with));
        break;
    }
    case IndicatorType::user_agent:
        m.pattern = "[" +
                    equals("network-traffic:extensions.'http-request-ext'.request_header."
                           "'User-Agent'",
                           i.value) +
                    "]";
        break;
    case IndicatorType::scheduled_task: {
        // Windows keeps every task under TaskCache\Tree in the registry and as a file under
        // System32\Tasks; either one observed means the task exists.
        std::string name = i.value;
        while (!name.empty() && name.front() == '\\') {
            name.erase(0, 1);
        }
        const auto [folder, task] = split_path(name);
        std::string tasks_dir = R"(C:\Windows\System32\Tasks)";
        if (!folder.empty()) {
            tasks_dir += "\\" + folder;
        }
        m.pattern = "[" +
                    equals("windows-registry-key:key",
                           "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\"
                           "Schedule\\TaskCache\\Tree\\" +
                               name) +
                    " OR (" + equals("file:name", task) + " AND " +
                    equals("file:parent_directory_ref.path", tasks_dir) + ")]";
        break;
    }
    case IndicatorType::btc:
    case IndicatorType::xmr:
        // No STIX 2.1 SCO for wallets; OpenCTI's cryptocurrency-wallet form.
        m.pattern = "[" + equals("cryptocurrency-wallet:value", i.value) + "]";
        break;
    case IndicatorType::cve:
    case IndicatorType::attack_technique:
    case IndicatorType::attack_tactic:
    case IndicatorType::attack_mitigation:
    case IndicatorType::other:
        break;
    }
    if (!status) {
        return tl::unexpected(status.error());
    }
    return m;
}

} // namespace casefile::exporting::stix
