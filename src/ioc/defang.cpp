#include "ioc/defang.hpp"

#include "ioc/url.hpp"

namespace casefile::ioc {

namespace {

void append_replacing(std::string& out, std::string_view text, char from, std::string_view to) {
    for (char c : text) {
        if (c == from) {
            out += to;
        } else {
            out += c;
        }
    }
}

void append_host(std::string& out, std::string_view host, const DefangStyle& style) {
    if (!host.empty() && host.front() == '[') {
        append_replacing(out, host, ':', style.ipv6_colon);
    } else {
        append_replacing(out, host, '.', style.dot);
    }
}

std::string_view defanged_scheme(std::string_view scheme) {
    if (scheme == "http") {
        return "hxxp";
    }
    if (scheme == "https") {
        return "hxxps";
    }
    if (scheme == "ftp") {
        return "fxp";
    }
    if (scheme == "ftps") {
        return "fxps";
    }
    if (scheme == "sftp") {
        return "sfxp";
    }
    return scheme;
}

std::string defang_url(std::string_view url, const DefangStyle& style) {
    const UrlParts parts = split_url(url);
    if (parts.scheme.empty()) {
        return std::string(url);
    }
    std::string out;
    out.reserve(url.size() + 16);
    out += style.rewrite_scheme ? defanged_scheme(parts.scheme) : parts.scheme;
    out += style.scheme_separator;
    out += parts.userinfo;
    append_host(out, parts.host, style);
    out += parts.rest;
    return out;
}

} // namespace

std::string defang(model::IndicatorType type, std::string_view canonical,
                   const DefangStyle& style) {
    using model::IndicatorType;
    std::string out;
    switch (type) {
    case IndicatorType::ipv4:
    case IndicatorType::domain:
        out.reserve(canonical.size() + 8);
        append_replacing(out, canonical, '.', style.dot);
        return out;
    case IndicatorType::ipv6:
        out.reserve(canonical.size() + 16);
        append_replacing(out, canonical, ':', style.ipv6_colon);
        return out;
    case IndicatorType::email: {
        const size_t at = canonical.rfind('@');
        if (at == std::string_view::npos) {
            return std::string(canonical);
        }
        out.reserve(canonical.size() + 8);
        out += canonical.substr(0, at);
        out += style.at;
        append_host(out, canonical.substr(at + 1), style);
        return out;
    }
    case IndicatorType::url:
        return defang_url(canonical, style);
    default:
        return std::string(canonical);
    }
}

} // namespace casefile::ioc
