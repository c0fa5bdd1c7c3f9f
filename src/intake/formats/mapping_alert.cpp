// Applying a user's mapping file to an alert: JSON pointers resolved with "*" wildcards, users
// and devices assembled per list element, the product's words translated.
#include <map>

#include <fmt/format.h>

#include "intake/formats/mapping_file.hpp"
#include "intake/json_fields.hpp"
#include "model/enums.hpp"

namespace casefile::intake::detail {
namespace {

using model::IndicatorType;

/// RFC 6901 unescaping: "~1" is "/", "~0" is "~".
std::string unescape(std::string_view token) {
    std::string out;
    for (size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size()) {
            out += token[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

std::vector<std::string> tokens_of(std::string_view pointer) {
    std::vector<std::string> tokens;
    size_t start = 1;
    while (start <= pointer.size()) {
        size_t slash = pointer.find('/', start);
        if (slash == std::string_view::npos) {
            slash = pointer.size();
        }
        tokens.push_back(unescape(pointer.substr(start, slash - start)));
        start = slash + 1;
    }
    return tokens;
}

std::optional<size_t> index_of(const std::string& token) {
    if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0') ||
        !std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    return static_cast<size_t>(std::stoul(token));
}

/// Our severity and status words, after the mapping's own, so "high" works without a table.
template <class E>
std::vector<VendorName<E>> names_for(const std::vector<std::pair<std::string, E>>& table) {
    std::vector<VendorName<E>> names;
    names.reserve(table.size() + model::EnumNames<E>::values.size());
    for (const auto& [word, ours] : table) {
        names.push_back({word, ours});
    }
    for (const auto& [ours, word] : model::EnumNames<E>::values) {
        names.push_back({word, ours});
    }
    return names;
}

/// The first value of a single-valued field; says so when the pointer reaches several.
const Json* single(const std::vector<PointerMatch>& matches, std::string_view field,
                   std::string_view pointer, CaseBuilder& b) {
    if (matches.empty()) {
        return nullptr;
    }
    if (matches.size() > 1) {
        b.note(fmt::format("{}: '{}' reaches {} values; the first is used", field, pointer,
                           matches.size()));
    }
    return matches.front().value;
}

void set_text(std::string& into, const Json* value) {
    if (auto text = scalar_text(value)) {
        into = std::move(*text);
    }
}

} // namespace

std::vector<PointerMatch> resolve_pointer(const Json& document, std::string_view pointer) {
    std::vector<PointerMatch> current{{&document, 0}};
    if (pointer.empty()) {
        return current;
    }
    if (pointer.front() != '/') {
        return {};
    }
    bool expanded = false;
    for (const std::string& token : tokens_of(pointer)) {
        std::vector<PointerMatch> next;
        for (const PointerMatch& match : current) {
            const Json& node = *match.value;
            if (token == "*" && node.is_array()) {
                for (size_t i = 0; i < node.size(); ++i) {
                    next.push_back({&node[i], expanded ? match.element : i});
                }
            } else if (node.is_object()) {
                if (const auto it = node.find(token); it != node.end()) {
                    next.push_back({&*it, match.element});
                }
            } else if (node.is_array()) {
                if (const auto i = index_of(token); i && *i < node.size()) {
                    next.push_back({&node[*i], match.element});
                }
            }
        }
        expanded = expanded || token == "*";
        current = std::move(next);
    }
    std::erase_if(current, [](const PointerMatch& m) { return m.value->is_null(); });
    return current;
}

void apply_mapping(const Mapping& mapping, const Json& alert, CaseBuilder& b) {
    const auto severities = names_for(mapping.severities);
    const auto statuses = names_for(mapping.statuses);
    std::map<size_t, model::User> users;
    std::map<size_t, model::Device> devices;
    for (const auto& [field, pointer] : mapping.fields) {
        const auto matches = resolve_pointer(alert, pointer);
        if (field == "alert.ticket_id") {
            b.alert_id(single(matches, field, pointer, b), pointer);
        } else if (field == "alert.title") {
            b.title(single(matches, field, pointer, b), pointer);
        } else if (field == "alert.description") {
            b.description(single(matches, field, pointer, b), pointer);
        } else if (field == "alert.observed_at") {
            b.observed_at(single(matches, field, pointer, b), pointer);
        } else if (field == "alert.severity") {
            b.severity(single(matches, field, pointer, b), pointer, severities);
        } else if (field == "alert.status") {
            b.status(single(matches, field, pointer, b), pointer, statuses);
        } else if (field == "techniques") {
            for (const PointerMatch& m : matches) {
                b.technique(m.value, pointer);
            }
        } else if (field == "command") {
            for (const PointerMatch& m : matches) {
                b.command(m.value, "", "mapped command");
            }
        } else if (field.starts_with("user.")) {
            for (const PointerMatch& m : matches) {
                model::User& u = users[m.element];
                const std::string_view part = std::string_view(field).substr(5);
                std::string& slot = part == "sid"       ? u.sid
                                    : part == "name"    ? u.name
                                    : part == "account" ? u.account
                                    : part == "upn"     ? u.upn
                                    : part == "email"   ? u.email
                                                        : u.title;
                set_text(slot, m.value);
            }
        } else if (field == "device.ips") {
            for (const PointerMatch& m : matches) {
                for (std::string& ip : scalar_texts(m.value)) {
                    devices[m.element].ips.push_back(std::move(ip));
                }
            }
        } else if (field.starts_with("device.")) {
            for (const PointerMatch& m : matches) {
                set_text(field == "device.id" ? devices[m.element].id : devices[m.element].hostname,
                         m.value);
            }
        }
    }
    for (auto& [element, user] : users) {
        b.user(std::move(user));
    }
    for (auto& [element, device] : devices) {
        b.device(std::move(device));
    }
    for (const auto& [type, pointers] : mapping.indicators) {
        for (const std::string& pointer : pointers) {
            const std::string note = fmt::format("mapped from {}", pointer);
            for (const PointerMatch& m : resolve_pointer(alert, pointer)) {
                if (type == "ip") {
                    b.ip(m.value, pointer, note);
                } else if (type == "hash") {
                    for (const std::string& value : scalar_texts(m.value)) {
                        const Json text(value);
                        b.hash(&text, pointer, note);
                    }
                } else if (const auto t = model::parse_enum<IndicatorType>(type)) {
                    b.indicator(*t, m.value, pointer, note);
                }
            }
        }
    }
}

} // namespace casefile::intake::detail
