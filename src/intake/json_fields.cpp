#include "intake/json_fields.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace casefile::intake::detail {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> segments;
    size_t start = 0;
    while (start <= path.size()) {
        size_t dot = path.find('.', start);
        if (dot == std::string_view::npos) {
            dot = path.size();
        }
        segments.push_back(path.substr(start, dot - start));
        start = dot + 1;
    }
    return segments;
}

/// Tries every way of grouping segments[i..] into keys: "a.b.c" may be stored as a→b→c,
/// "a.b"→c, a→"b.c" or "a.b.c". Depth is bounded by the number of segments in our own paths.
const Json* find_from(const Json& object, const std::vector<std::string_view>& segments, size_t i) {
    if (!object.is_object()) {
        return nullptr;
    }
    std::string key;
    for (size_t j = i; j < segments.size(); ++j) {
        if (j > i) {
            key += '.';
        }
        key += segments[j];
        const auto it = object.find(key);
        if (it == object.end()) {
            continue;
        }
        if (j + 1 == segments.size()) {
            return it->is_null() ? nullptr : &*it;
        }
        if (const Json* found = find_from(*it, segments, j + 1)) {
            return found;
        }
    }
    return nullptr;
}

} // namespace

const Json* find(const Json& object, std::string_view path) {
    return find_from(object, split_path(path), 0);
}

std::optional<std::string> scalar_text(const Json* value) {
    if (value == nullptr) {
        return std::nullopt;
    }
    switch (value->type()) {
    case Json::value_t::string: {
        const std::string_view text = trim(value->get_ref<const std::string&>());
        if (text.empty()) {
            return std::nullopt;
        }
        return std::string(text);
    }
    case Json::value_t::number_integer:
        return std::to_string(value->get<int64_t>());
    case Json::value_t::number_unsigned:
        return std::to_string(value->get<uint64_t>());
    case Json::value_t::number_float:
        return fmt::format("{}", value->get<double>());
    case Json::value_t::boolean:
        return value->get<bool>() ? "true" : "false";
    default:
        return std::nullopt;
    }
}

std::vector<std::string> scalar_texts(const Json* value) {
    std::vector<std::string> out;
    if (value == nullptr) {
        return out;
    }
    if (!value->is_array()) {
        if (auto text = scalar_text(value)) {
            out.push_back(std::move(*text));
        }
        return out;
    }
    for (const Json& item : *value) {
        if (auto text = scalar_text(&item)) {
            out.push_back(std::move(*text));
        }
    }
    return out;
}

std::vector<const Json*> array_items(const Json* value) {
    std::vector<const Json*> out;
    if (value != nullptr && value->is_array()) {
        for (const Json& item : *value) {
            out.push_back(&item);
        }
    }
    return out;
}

std::string_view describe(const Json& value) {
    switch (value.type()) {
    case Json::value_t::object:
        return "an object";
    case Json::value_t::array:
        return "a list";
    case Json::value_t::string:
        return "text";
    case Json::value_t::boolean:
        return "true/false";
    case Json::value_t::null:
        return "null";
    default:
        return "a number";
    }
}

} // namespace casefile::intake::detail
