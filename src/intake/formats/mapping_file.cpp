#include "intake/formats/mapping_file.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/text.hpp"
#include "intake/alert_format.hpp"
#include "model/yaml_reader.hpp"

namespace casefile::intake::detail {
namespace {

using model::detail::MapReader;
using model::detail::ReadContext;

/// Type names a mapping may give besides casefile's own: "ip" and "hash" are typed by the
/// value's shape, for products whose field holds several kinds.
const std::vector<std::string_view>& indicator_type_names() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out = model::enum_names<model::IndicatorType>();
        out.insert(out.begin(), {"ip", "hash"});
        return out;
    }();
    return names;
}

bool valid_format_name(std::string_view name) {
    if (name.empty() || name.size() > 40 ||
        !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= '0' && name[0] <= '9'))) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

bool valid_pointer(std::string_view pointer) {
    if (pointer.empty()) {
        return true;
    }
    if (pointer.front() != '/') {
        return false;
    }
    // "~" must be followed by 0 or 1 (RFC 6901).
    for (size_t i = 0; i < pointer.size(); ++i) {
        if (pointer[i] == '~' &&
            (i + 1 == pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1'))) {
            return false;
        }
    }
    return true;
}

void check_pointer(MapReader& m, const YAML::Node& node, std::string_view key) {
    const std::string& pointer = node.Scalar();
    if (!valid_pointer(pointer)) {
        m.report(
            node,
            fmt::format("'{}' must be a JSON pointer such as /rule/name, found '{}'", key, pointer),
            "start it with '/', separate keys with '/', use '*' for every list element "
            "and write '~1' for a '/' inside a key",
            "invalid-value");
    }
}

void read_fields(ReadContext& ctx, const YAML::Node& node, Mapping& mapping) {
    MapReader m(ctx, node, "fields", mapping_fields());
    if (!m.valid()) {
        return;
    }
    for (const std::string_view key : mapping_fields()) {
        const YAML::Node value = m.scalar_or_report(key, false);
        if (!value) {
            continue;
        }
        check_pointer(m, value, key);
        mapping.fields.emplace_back(key, value.Scalar());
    }
}

void read_indicators(ReadContext& ctx, const YAML::Node& node, Mapping& mapping) {
    MapReader m(ctx, node, "indicators", indicator_type_names());
    if (!m.valid()) {
        return;
    }
    for (const std::string_view type : indicator_type_names()) {
        const YAML::Node value = m.get(type);
        if (!value) {
            continue;
        }
        std::vector<std::string> pointers;
        if (value.IsScalar()) {
            check_pointer(m, value, type);
            pointers.push_back(value.Scalar());
        } else if (value.IsSequence()) {
            for (const YAML::Node& item : value) {
                if (!item.IsScalar()) {
                    m.report(item,
                             fmt::format("'indicators.{}' lists something that is not a "
                                         "pointer",
                                         type),
                             "list JSON pointers such as /network/dst_ip", "wrong-type");
                    continue;
                }
                check_pointer(m, item, type);
                pointers.push_back(item.Scalar());
            }
        } else {
            m.report(value,
                     fmt::format("'indicators.{}' must be a pointer or a list of them", type),
                     "write '/path' or '[/path/a, /path/b]'", "wrong-type");
        }
        mapping.indicators.emplace_back(type, std::move(pointers));
    }
}

/// A product-word -> casefile-value table such as "severity: {P1: critical, P2: high}".
template <class E>
void read_translation(ReadContext& ctx, const YAML::Node& node, std::string_view key,
                      std::vector<std::pair<std::string, E>>& out) {
    if (!node.IsMap()) {
        ctx.report(DiagnosticLevel::error, node,
                   fmt::format("'{}' must map the product's words to casefile's", key),
                   fmt::format("write one 'product-word: casefile-word' per line, e.g. 'P1: {}'",
                               model::enum_names<E>().back()),
                   "wrong-type");
        return;
    }
    for (const auto& entry : node) {
        if (!entry.second.IsScalar()) {
            ctx.report(DiagnosticLevel::error, entry.second,
                       fmt::format("'{}.{}' must be one word", key, entry.first.Scalar()),
                       "write the casefile value after the colon", "wrong-type");
            continue;
        }
        const auto ours = model::parse_enum<E>(entry.second.Scalar());
        if (!ours) {
            const auto names = model::enum_names<E>();
            ctx.report(DiagnosticLevel::error, entry.second,
                       fmt::format("unknown {} '{}'", key, entry.second.Scalar()),
                       fmt::format("use one of: {}", fmt::join(names.begin(), names.end(), ", ")),
                       "unknown-value");
            continue;
        }
        out.emplace_back(entry.first.Scalar(), *ours);
    }
}

void read_header(ReadContext& ctx, MapReader& top, const YAML::Node& root, Mapping& mapping) {
    const YAML::Node schema = top.scalar_or_report("schema", false);
    if (!schema) {
        ctx.report(DiagnosticLevel::error, root, "the mapping file does not say its schema",
                   fmt::format("add 'schema: {}' as the first line", kMappingSchema),
                   "missing-field");
    } else if (schema.Scalar() != kMappingSchema) {
        top.report(schema, fmt::format("unsupported mapping schema '{}'", schema.Scalar()),
                   fmt::format("this casefile reads '{}'", kMappingSchema), "unknown-value");
    }
    mapping.format = top.text("format", true);
    if (!mapping.format.empty() && !valid_format_name(mapping.format)) {
        top.report(top.get("format"),
                   fmt::format("format name '{}' is not a short lower-case name", mapping.format),
                   "use letters, digits and '-', e.g. 'acme-edr'; it names the saved alert file",
                   "invalid-value");
    }
    for (const AlertFormat* builtin : builtin_formats()) {
        if (mapping.format == builtin->name) {
            top.report(top.get("format"), fmt::format("'{}' is a built-in format", mapping.format),
                       "name your mapping after the product, e.g. 'acme-edr'", "invalid-value");
        }
    }
    mapping.source = top.text("source", true);
    mapping.kind = top.enumeration<model::LogKind>("kind").value_or(model::LogKind::other);
}

} // namespace

const std::vector<std::string_view>& mapping_fields() {
    static const std::vector<std::string_view> fields = {
        "alert.ticket_id",   "alert.title", "alert.observed_at", "alert.severity",  "alert.status",
        "alert.description", "user.sid",    "user.name",         "user.account",    "user.upn",
        "user.email",        "user.title",  "device.id",         "device.hostname", "device.ips",
        "techniques",        "command"};
    return fields;
}

Result<Mapping> parse_mapping(const InputFile& file) {
    YAML::Node root;
    try {
        root = YAML::Load(file.text);
    } catch (const YAML::ParserException& e) {
        return fail(ErrorCode::bad_input, fmt::format("mapping file is not valid YAML: {}", e.msg),
                    "indent with spaces and quote values that contain ': '",
                    SourceLocation{file.name, e.mark.line + 1, e.mark.column + 1});
    } catch (const YAML::Exception& e) {
        return fail(ErrorCode::bad_input, fmt::format("mapping file is not valid YAML: {}", e.msg),
                    {}, SourceLocation{file.name, 0, 0});
    }
    std::vector<Diagnostic> diagnostics;
    ReadContext ctx{file.name, &diagnostics, {}};
    Mapping mapping;
    MapReader top(
        ctx, root, "mapping",
        {"schema", "format", "source", "kind", "fields", "indicators", "severity", "status"});
    if (top.valid()) {
        read_header(ctx, top, root, mapping);
        if (const YAML::Node fields = top.get("fields")) {
            read_fields(ctx, fields, mapping);
        } else {
            ctx.report(DiagnosticLevel::error, root, "the mapping file has no 'fields'",
                       "map at least alert.title, alert.observed_at and alert.severity",
                       "missing-field");
        }
        if (const YAML::Node indicators = top.get("indicators")) {
            read_indicators(ctx, indicators, mapping);
        }
        if (const YAML::Node severity = top.get("severity")) {
            read_translation(ctx, severity, "severity", mapping.severities);
        }
        if (const YAML::Node status = top.get("status")) {
            read_translation(ctx, status, "status", mapping.statuses);
        }
    }
    const auto error = std::find_if(diagnostics.begin(), diagnostics.end(), [](const auto& d) {
        return d.level == DiagnosticLevel::error;
    });
    if (error != diagnostics.end()) {
        const auto count = std::count_if(diagnostics.begin(), diagnostics.end(), [](const auto& d) {
            return d.level == DiagnosticLevel::error;
        });
        std::string message = error->message;
        if (count > 1) {
            message += fmt::format(" (and {} more problem{} in the mapping file)", count - 1,
                                   count == 2 ? "" : "s");
        }
        return fail(ErrorCode::bad_input, std::move(message), error->hint, error->where);
    }
    return mapping;
}

} // namespace casefile::intake::detail
