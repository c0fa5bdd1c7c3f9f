#include "model/yaml_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"

namespace casefile::model::detail {

SourceLocation ReadContext::at(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) {
        return SourceLocation{file, 0, 0};
    }
    return SourceLocation{file, mark.line + 1, mark.column + 1};
}

void ReadContext::report(DiagnosticLevel level, const YAML::Node& node, std::string message,
                         std::string hint, std::string rule) {
    diagnostics->push_back(
        Diagnostic{level, std::move(message), std::move(hint), at(node), std::move(rule)});
}

std::string_view describe_kind(const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Sequence:
        return "a list";
    case YAML::NodeType::Map:
        return "a mapping";
    case YAML::NodeType::Scalar:
        return "text";
    default:
        return "nothing";
    }
}

MapReader::MapReader(ReadContext& ctx, const YAML::Node& node, std::string path,
                     std::vector<std::string_view> allowed)
    : ctx_(ctx), node_(node), path_(std::move(path)) {
    if (!node.IsMap()) {
        ctx_.report(DiagnosticLevel::error, node,
                    fmt::format("'{}' must be a mapping of keys to values, found {}", path_,
                                describe_kind(node)),
                    "indent its fields under it as 'key: value' lines", "wrong-type");
        return;
    }
    valid_ = true;
    std::set<std::string> seen;
    for (const auto& entry : node) {
        const std::string key = entry.first.Scalar();
        if (!seen.insert(key).second) {
            ctx_.report(DiagnosticLevel::error, entry.first,
                        fmt::format("duplicate key '{}' in '{}'", key, path_),
                        "keep one of them; YAML would silently use only the first",
                        "duplicate-key");
            continue;
        }
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
            continue;
        }
        const std::string suggestion = closest_match(key, allowed);
        std::string message = fmt::format("unknown key '{}'", key);
        if (!suggestion.empty()) {
            message += fmt::format(" (did you mean '{}'?)", suggestion);
        }
        ctx_.report(
            DiagnosticLevel::error, entry.first, std::move(message),
            fmt::format("'{}' accepts: {}", path_, fmt::join(allowed.begin(), allowed.end(), ", ")),
            "unknown-key");
    }
}

YAML::Node MapReader::get(std::string_view key) const {
    if (!valid_) {
        return YAML::Node(YAML::NodeType::Undefined);
    }
    for (const auto& entry : node_) {
        if (entry.first.Scalar() == key) {
            if (entry.second.IsNull()) {
                return YAML::Node(YAML::NodeType::Undefined);
            }
            return entry.second;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

SourceLocation MapReader::location(std::string_view key) const {
    if (valid_) {
        for (const auto& entry : node_) {
            if (entry.first.Scalar() == key) {
                return ctx_.at(entry.first);
            }
        }
    }
    return ctx_.at(node_);
}

void MapReader::report(const YAML::Node& node, std::string message, std::string hint,
                       std::string rule) {
    ctx_.report(DiagnosticLevel::error, node, std::move(message), std::move(hint), std::move(rule));
}

void MapReader::report_missing(std::string_view key) {
    ctx_.report(DiagnosticLevel::error, node_,
                fmt::format("'{}' is missing the required field '{}'", path_, key),
                fmt::format("add '{}: ...' under '{}'", key, path_), "missing-field");
}

void MapReader::report_bad_enum(const YAML::Node& node, std::string_view key, std::string_view raw,
                                const std::vector<std::string_view>& names) {
    std::string message = fmt::format("unknown {} '{}'", key, raw);
    const std::string suggestion = closest_match(raw, names);
    if (!suggestion.empty()) {
        message += fmt::format(" (did you mean '{}'?)", suggestion);
    }
    report(node, std::move(message),
           fmt::format("use one of: {}", fmt::join(names.begin(), names.end(), ", ")),
           "unknown-value");
}

YAML::Node MapReader::scalar_or_report(std::string_view key, bool required) {
    const YAML::Node node = get(key);
    if (!node) {
        if (required && valid_) {
            report_missing(key);
        }
        return node;
    }
    if (!node.IsScalar()) {
        report(node, fmt::format("'{}' must be a single value, found {}", key, describe_kind(node)),
               "write it on the same line after the colon, or as a '|' block for several "
               "lines",
               "wrong-type");
        return YAML::Node(YAML::NodeType::Undefined);
    }
    return node;
}

std::string MapReader::text(std::string_view key, bool required) {
    const YAML::Node node = scalar_or_report(key, required);
    if (!node) {
        return {};
    }
    std::string value = node.Scalar();
    if (required && trim(value).empty()) {
        report(node, fmt::format("'{}' in '{}' must not be empty", key, path_),
               "write the value after the colon", "missing-field");
    }
    return value;
}

std::optional<Time> MapReader::time(std::string_view key, bool required, bool allow_date_only) {
    const YAML::Node node = scalar_or_report(key, required);
    if (!node) {
        return std::nullopt;
    }
    TimeParseOptions options = ctx_.time_options;
    options.allow_date_only = allow_date_only;
    auto parsed = parse_time(trim(node.Scalar()), options);
    if (!parsed) {
        report(node, fmt::format("{}: {}", key, parsed.error().message), parsed.error().hint,
               "bad-time");
        return std::nullopt;
    }
    return *parsed;
}

std::optional<int> MapReader::integer(std::string_view key, int min, int max) {
    const YAML::Node node = scalar_or_report(key, false);
    if (!node) {
        return std::nullopt;
    }
    const std::string raw(trim(node.Scalar()));
    int value = 0;
    size_t used = 0;
    try {
        value = std::stoi(raw, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != raw.size() || value < min || value > max) {
        report(node,
               fmt::format("'{}' must be a whole number from {} to {}, found '{}'", key, min, max,
                           raw),
               "write digits only", "invalid-value");
        return std::nullopt;
    }
    return value;
}

std::vector<std::string> MapReader::text_list(std::string_view key) {
    std::vector<std::string> out;
    const YAML::Node list = get(key);
    if (!list) {
        return out;
    }
    if (!list.IsSequence()) {
        report(list, fmt::format("'{}' must be a list, found {}", key, describe_kind(list)),
               "write each entry on its own line starting with '- '", "wrong-type");
        return out;
    }
    for (const auto& item : list) {
        if (!item.IsScalar()) {
            report(item,
                   fmt::format("entries of '{}' must be text, found {}", key, describe_kind(item)),
                   "quote the entry if it contains ': ' or starts with a special character",
                   "wrong-type");
            continue;
        }
        out.push_back(item.Scalar());
    }
    return out;
}

} // namespace casefile::model::detail
