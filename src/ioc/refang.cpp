#include <algorithm>
#include <vector>

#include "ioc/defang.hpp"
#include "ioc/normalize.hpp"

namespace casefile::ioc {

namespace {

bool host_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

/// Where "http://" goes in front of a host that was defanged and is followed by a path but has
/// no scheme ("example[.]com/test"), as iocextract's refang does.
std::vector<size_t> scheme_insertions(std::string_view text, const detail::Normalized& norm) {
    std::vector<size_t> points;
    for (const detail::Edit& e : norm.edits()) {
        if (e.kind != '.') {
            continue;
        }
        size_t begin = e.norm_begin;
        while (begin > 0 && host_char(text[begin - 1])) {
            --begin;
        }
        size_t end = e.norm_begin + e.norm_len;
        while (end < text.size() && host_char(text[end])) {
            ++end;
        }
        if (end >= text.size() || text[end] != '/' || begin == e.norm_begin) {
            continue;
        }
        // "10[.]0[.]0[.]0/8" is a CIDR block, not a host with a path.
        size_t digits = end + 1;
        while (digits < text.size() && digits - end <= 3 && text[digits] >= '0' &&
               text[digits] <= '9') {
            ++digits;
        }
        if (digits > end + 1 && digits - end <= 3 &&
            (digits == text.size() || !(host_char(text[digits]) || text[digits] == '/'))) {
            continue;
        }
        if (begin > 0) {
            const char prev = text[begin - 1];
            if (prev == ':' || prev == '/' || prev == '@' || prev == '\\' || prev == '_' ||
                prev == '%') {
                continue;
            }
        }
        if (points.empty() || points.back() != begin) {
            points.push_back(begin);
        }
    }
    return points;
}

} // namespace

std::string refang_text(std::string_view text) {
    detail::Normalized norm;
    detail::normalize(text, detail::RefangMode::filter, norm);
    const std::string_view fanged = norm.text();
    if (!norm.changed()) {
        return std::string(text);
    }
    const std::vector<size_t> points = scheme_insertions(fanged, norm);
    std::string out;
    out.reserve(fanged.size() + points.size() * 7);
    size_t copied = 0;
    for (size_t p : points) {
        out.append(fanged.substr(copied, p - copied));
        out += "http://";
        copied = p;
    }
    out.append(fanged.substr(copied));
    return out;
}

} // namespace casefile::ioc
