// Strict reading of YAML mappings: every read records where the value was, every problem
// becomes a located Diagnostic, and keys nobody asked for are reported with a suggestion.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/error.hpp"
#include "core/time.hpp"
#include "model/enums.hpp"

namespace casefile::model::detail {

/// Shared state of one parse: the file label, the diagnostics, and the case's time zone.
struct ReadContext {
    std::string file;
    std::vector<Diagnostic>* diagnostics = nullptr;
    TimeParseOptions time_options;

    SourceLocation at(const YAML::Node& node) const;
    void report(DiagnosticLevel level, const YAML::Node& node, std::string message,
                std::string hint, std::string rule);
};

/// Human name of a node's kind ("a list", "text"), for "expected X, found Y" messages.
std::string_view describe_kind(const YAML::Node& node);

/// Reads one mapping. Construct with the keys it allows; the destructor-free `finish()`
/// reports unknown keys. Missing required values are reported by the getters.
class MapReader {
public:
    /// `path` names the mapping in messages ("alert", "actions[2]").
    MapReader(ReadContext& ctx, const YAML::Node& node, std::string path,
              std::vector<std::string_view> allowed);

    /// False when the node was not a mapping (already reported).
    [[nodiscard]] bool valid() const { return valid_; }

    /// The value node, or an undefined node when absent or null.
    [[nodiscard]] YAML::Node get(std::string_view key) const;
    [[nodiscard]] SourceLocation location(std::string_view key) const;

    [[nodiscard]] std::string text(std::string_view key, bool required = false);
    [[nodiscard]] std::optional<Time> time(std::string_view key, bool required = false,
                                           bool allow_date_only = false);
    [[nodiscard]] std::optional<int> integer(std::string_view key, int min, int max);
    [[nodiscard]] std::vector<std::string> text_list(std::string_view key);

    template <class E>
    [[nodiscard]] std::optional<E> enumeration(std::string_view key, bool required = false) {
        const YAML::Node node = scalar_or_report(key, required);
        if (!node) {
            return std::nullopt;
        }
        const auto raw = node.Scalar();
        if (auto value = parse_enum<E>(raw)) {
            return value;
        }
        report_bad_enum(node, key, raw, enum_names<E>());
        return std::nullopt;
    }

    /// Reports a value that is present but wrong.
    void report(const YAML::Node& node, std::string message, std::string hint,
                std::string rule = "invalid-value");
    void report_missing(std::string_view key);
    void report_bad_enum(const YAML::Node& node, std::string_view key, std::string_view raw,
                         const std::vector<std::string_view>& names);

    /// The scalar at `key`, or undefined (reporting when required, or when it is not a scalar).
    [[nodiscard]] YAML::Node scalar_or_report(std::string_view key, bool required);

    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] ReadContext& context() { return ctx_; }

private:
    ReadContext& ctx_;
    YAML::Node node_;
    std::string path_;
    bool valid_ = false;
};

/// Reads `key` as a list, calling `read_item(item_node, "key[i]")` for each element.
template <class F> void read_list(MapReader& map, std::string_view key, F&& read_item) {
    const YAML::Node list = map.get(key);
    if (!list) {
        return;
    }
    if (!list.IsSequence()) {
        map.report(list, fmt::format("'{}' must be a list, found {}", key, describe_kind(list)),
                   "write each entry on its own line starting with '- '", "wrong-type");
        return;
    }
    for (size_t i = 0; i < list.size(); ++i) {
        read_item(list[i], fmt::format("{}[{}]", key, i));
    }
}

} // namespace casefile::model::detail
