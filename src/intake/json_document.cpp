#include "intake/json_document.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"

namespace casefile::intake::detail {
namespace {

/// 1-based line and column (in bytes) of the byte at `offset`.
SourceLocation location_of(std::string_view text, size_t offset, const std::string& file) {
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const size_t line_start = before.rfind('\n');
    const size_t column = line_start == std::string_view::npos ? offset + 1 : offset - line_start;
    return SourceLocation{file, line, static_cast<int>(column)};
}

/// Finds the first bracket nested deeper than kMaxJsonDepth, outside strings.
std::optional<size_t> too_deep_at(std::string_view text) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth) {
                return i;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

/// nlohmann's message without its "[json.exception...] parse error at line L, column C: "
/// prefix, which repeats what the location already says.
std::string short_message(const nlohmann::json::parse_error& e) {
    std::string message = e.what();
    const size_t column = message.find("column ");
    const size_t colon = column == std::string::npos ? column : message.find(": ", column);
    if (colon != std::string::npos) {
        return message.substr(colon + 2);
    }
    const size_t bracket = message.find("] ");
    return bracket == std::string::npos ? message : message.substr(bracket + 2);
}

tl::unexpected<Error> parse_failure(const nlohmann::json::parse_error& e, std::string_view text,
                                    size_t base, const std::string& file) {
    const size_t offset = base + (e.byte > 0 ? e.byte - 1 : 0);
    return fail(ErrorCode::bad_input, fmt::format("not valid JSON: {}", short_message(e)),
                "fix the JSON at that place, or export the alert again (a truncated copy or a "
                "trailing comma are the usual causes)",
                location_of(text, offset, file));
}

/// JSON Lines: every non-empty line one document. Returns nothing when the first line is not a
/// document on its own, so a pretty-printed file reports its own syntax error instead.
std::optional<Result<Json>> parse_json_lines(std::string_view text, const std::string& file) {
    Json documents = Json::array();
    size_t start = 0;
    bool first = true;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view line = text.substr(start, end - start);
        if (!trim(line).empty()) {
            try {
                documents.push_back(Json::parse(line));
            } catch (const nlohmann::json::parse_error& e) {
                if (first) {
                    return std::nullopt;
                }
                return Result<Json>(parse_failure(e, text, start, file));
            } catch (const nlohmann::json::exception& e) {
                if (first) {
                    return std::nullopt;
                }
                return Result<Json>(fail(ErrorCode::bad_input,
                                         fmt::format("not valid JSON: {}", e.what()), {},
                                         location_of(text, start, file)));
            }
            first = false;
        }
        start = end + 1;
    }
    if (documents.size() < 2) {
        return std::nullopt;
    }
    return Result<Json>(std::move(documents));
}

bool is_list_at(const Json& object, std::string_view key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_array();
}

/// A search hit or an export row wraps the alert: Elasticsearch puts it under "_source",
/// Splunk's export endpoint under "result".
const Json* unwrap_element(const Json& element) {
    if (!element.is_object()) {
        return nullptr;
    }
    if (const auto source = element.find("_source");
        source != element.end() && source->is_object()) {
        return &*source;
    }
    if (const auto result = element.find("result");
        result != element.end() && result->is_object() && element.contains("preview")) {
        return &*result;
    }
    return &element;
}

} // namespace

std::string describe_wrapper(const std::string& wrapper) {
    return wrapper == "[]" ? std::string("the top-level list")
                           : fmt::format("the '{}' list", wrapper);
}

Result<Json> parse_json(std::string_view text, const std::string& file) {
    if (trim(text).empty()) {
        return fail(ErrorCode::bad_input, "the file is empty", "export the alert again as JSON",
                    SourceLocation{file, 1, 1});
    }
    if (const auto deep = too_deep_at(text)) {
        return fail(ErrorCode::bad_input,
                    fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth),
                    "no alert export nests this deep; check that this is the alert file",
                    location_of(text, *deep, file));
    }
    try {
        return Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        if (auto lines = parse_json_lines(text, file)) {
            return std::move(*lines);
        }
        return parse_failure(e, text, 0, file);
    } catch (const nlohmann::json::exception& e) {
        // Numbers beyond the range of a double end up here, without a position.
        return fail(ErrorCode::bad_input, fmt::format("not valid JSON: {}", e.what()),
                    "check the numbers in the file", SourceLocation{file, 0, 0});
    }
}

Result<SelectedAlert> select_alert(const Json& document, std::optional<size_t> index,
                                   const std::string& file) {
    std::vector<const Json*> list;
    SelectedAlert selected;
    if (document.is_array()) {
        selected.wrapper = "[]";
    } else if (document.is_object()) {
        for (const char* key : {"value", "results", "resources"}) {
            if (is_list_at(document, key)) {
                selected.wrapper = key;
                break;
            }
        }
        if (selected.wrapper.empty()) {
            const auto hits = document.find("hits");
            if (hits != document.end() && hits->is_object() && is_list_at(*hits, "hits")) {
                selected.wrapper = "hits.hits";
            }
        }
    } else {
        return fail(ErrorCode::bad_input,
                    fmt::format("'{}' is JSON but holds a single {}, not an alert", file,
                                document.type_name()),
                    "an alert export is a JSON object (or a list of them)");
    }

    if (selected.wrapper.empty()) {
        list.push_back(&document);
    } else {
        const Json& items = document.is_array()               ? document
                            : selected.wrapper == "hits.hits" ? document["hits"]["hits"]
                                                              : document[selected.wrapper];
        for (const Json& item : items) {
            list.push_back(&item);
        }
    }
    if (list.empty()) {
        return fail(ErrorCode::bad_input,
                    fmt::format("'{}' holds no alerts: {} is empty", file,
                                describe_wrapper(selected.wrapper)),
                    "export the alert again, or check the search or filter that produced it");
    }
    selected.count = list.size();
    if (!index && list.size() > 1) {
        return fail(ErrorCode::bad_input,
                    fmt::format("'{}' holds {} alerts in {}; casefile opens one case per alert",
                                file, list.size(), describe_wrapper(selected.wrapper)),
                    fmt::format("pick one with --alert-index N (0 to {})", list.size() - 1));
    }
    selected.index = index.value_or(0);
    if (selected.index >= list.size()) {
        return fail(ErrorCode::bad_usage,
                    fmt::format("--alert-index {} is out of range: '{}' holds {} alert{}",
                                selected.index, file, list.size(), list.size() == 1 ? "" : "s"),
                    fmt::format("use a number from 0 to {}", list.size() - 1));
    }
    selected.element = list[selected.index];
    selected.alert = unwrap_element(*selected.element);
    if (selected.alert == nullptr) {
        return fail(ErrorCode::bad_input,
                    fmt::format("alert {} in '{}' is a {}, not a JSON object", selected.index, file,
                                selected.element->type_name()),
                    "an alert export is a JSON object (or a list of them)");
    }
    return selected;
}

std::vector<const Json*> elements_of(const Json& document, std::string_view key) {
    const Json* list = nullptr;
    if (document.is_array()) {
        list = &document;
    } else if (document.is_object()) {
        if (is_list_at(document, key)) {
            list = &document[std::string(key)];
        } else if (is_list_at(document, "value")) {
            list = &document["value"];
        }
    }
    std::vector<const Json*> out;
    if (list == nullptr) {
        out.push_back(&document);
        return out;
    }
    for (const Json& item : *list) {
        out.push_back(&item);
    }
    return out;
}

} // namespace casefile::intake::detail
