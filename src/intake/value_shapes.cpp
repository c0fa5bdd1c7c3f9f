#include "intake/value_shapes.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace casefile::intake::detail {
namespace {

bool is_hex_digit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool all_hex(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_hex_digit);
}

/// Colon-separated groups of 1-4 hex digits; the last may be an IPv4 address (worth two groups)
/// when `v4_last` allows it.
bool hex_groups(std::string_view s, bool v4_last, int& count) {
    size_t start = 0;
    while (true) {
        const size_t colon = s.find(':', start);
        const bool last = colon == std::string_view::npos;
        const std::string_view group =
            s.substr(start, last ? std::string_view::npos : colon - start);
        if (last && v4_last && group.find('.') != std::string_view::npos) {
            if (!is_ipv4(group)) {
                return false;
            }
            count += 2;
            return true;
        }
        if (group.empty() || group.size() > 4 || !all_hex(group)) {
            return false;
        }
        ++count;
        if (last) {
            return true;
        }
        start = colon + 1;
    }
}

} // namespace

bool is_ipv4(std::string_view s) {
    int octets = 0;
    size_t start = 0;
    while (true) {
        const size_t dot = s.find('.', start);
        const std::string_view part =
            s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (part.empty() || part.size() > 3 ||
            !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return false;
        }
        int value = 0;
        for (const char c : part) {
            value = value * 10 + (c - '0');
        }
        if (value > 255) {
            return false;
        }
        ++octets;
        if (dot == std::string_view::npos) {
            break;
        }
        start = dot + 1;
    }
    return octets == 4;
}

bool is_ipv6(std::string_view s) {
    if (const size_t zone = s.find('%'); zone != std::string_view::npos) {
        s = s.substr(0, zone);
    }
    const size_t gap = s.find("::");
    if (gap == std::string_view::npos) {
        int groups = 0;
        return hex_groups(s, true, groups) && groups == 8;
    }
    const std::string_view head = s.substr(0, gap);
    const std::string_view tail = s.substr(gap + 2);
    if (tail.find("::") != std::string_view::npos) {
        return false;
    }
    int head_groups = 0;
    int tail_groups = 0;
    // "::" stands for at least one group of zeros.
    return (head.empty() || hex_groups(head, tail.empty(), head_groups)) &&
           (tail.empty() || hex_groups(tail, true, tail_groups)) && head_groups + tail_groups <= 7;
}

std::optional<model::IndicatorType> ip_type(std::string_view s) {
    if (is_ipv4(s)) {
        return model::IndicatorType::ipv4;
    }
    if (is_ipv6(s)) {
        return model::IndicatorType::ipv6;
    }
    return std::nullopt;
}

std::optional<model::IndicatorType> hash_type(std::string_view s) {
    if (!all_hex(s)) {
        return std::nullopt;
    }
    switch (s.size()) {
    case 32:
        return model::IndicatorType::md5;
    case 40:
        return model::IndicatorType::sha1;
    case 64:
        return model::IndicatorType::sha256;
    case 128:
        return model::IndicatorType::sha512;
    default:
        return std::nullopt;
    }
}

bool is_hash_of(model::IndicatorType type, std::string_view s) {
    return hash_type(s) == type;
}

bool is_technique_id(std::string_view s) {
    const auto digits = [](std::string_view d) {
        return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (s.size() != 5 && s.size() != 9) {
        return false;
    }
    return s[0] == 'T' && digits(s.substr(1, 4)) &&
           (s.size() == 5 || (s[5] == '.' && digits(s.substr(6))));
}

bool is_qualified_host_name(std::string_view name) {
    const size_t dot = name.find('.');
    return dot != std::string_view::npos && dot > 0 && !ip_type(name);
}

std::string short_host_name(std::string_view name) {
    if (!is_qualified_host_name(name)) {
        return std::string(name);
    }
    return std::string(name.substr(0, name.find('.')));
}

std::string join_path(std::string_view folder, std::string_view name) {
    if (folder.empty()) {
        return std::string(name);
    }
    if (name.empty() || (folder.size() > name.size() &&
                         equals_icase(folder.substr(folder.size() - name.size()), name) &&
                         (folder[folder.size() - name.size() - 1] == '\\' ||
                          folder[folder.size() - name.size() - 1] == '/'))) {
        return std::string(folder);
    }
    const bool unix_style =
        folder.find('/') != std::string_view::npos && folder.find('\\') == std::string_view::npos;
    const char separator = unix_style ? '/' : '\\';
    std::string out(folder);
    if (out.back() != separator) {
        out += separator;
    }
    return out + std::string(name);
}

std::string account_name(std::string_view domain, std::string_view name) {
    if (domain.empty() || name.find('\\') != std::string_view::npos) {
        return std::string(name);
    }
    return std::string(domain) + "\\" + std::string(name);
}

} // namespace casefile::intake::detail
