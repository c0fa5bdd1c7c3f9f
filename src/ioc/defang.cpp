#include "ioc/defang.hpp"

#include "ioc/url.hpp"

namespace casefile::ioc {

namespace {

void append_replacing(std::string& out, std::string_view text, char from, std::string_view to) {
    size_t start = 0;
    for (size_t k = text.find(from); k != std::string_view::npos; k = text.find(from, start)) {
        out.append(text.substr(start, k - start));
        out.append(to);
        start = k + 1;
    }
    out.append(text.substr(start));
}

void append_host(std::string& out, std::string_view host, const DefangStyle& style) {
    if (!host.empty() && host.front() == '[') {
        // An IPv6 literal keeps its colons: the rewritten scheme already stops the link, and
        // "[[:]" would not read back unambiguously.
        out += host;
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

void defang_url(std::string& out, std::string_view url, const DefangStyle& style) {
    const UrlParts parts = split_url(url);
    if (parts.scheme.empty()) {
        out += url;
        return;
    }
    out += style.rewrite_scheme ? defanged_scheme(parts.scheme) : parts.scheme;
    out += style.scheme_separator;
    out += parts.userinfo;
    append_host(out, parts.host, style);
    out += parts.rest;
}

} // namespace

void defang_append(std::string& out, model::IndicatorType type, std::string_view canonical,
                   const DefangStyle& style) {
    using model::IndicatorType;
    switch (type) {
    case IndicatorType::ipv4:
    case IndicatorType::domain:
        append_replacing(out, canonical, '.', style.dot);
        return;
    case IndicatorType::ipv6:
        append_replacing(out, canonical, ':', style.ipv6_colon);
        return;
    case IndicatorType::email: {
        const size_t at = canonical.rfind('@');
        if (at == std::string_view::npos) {
            out += canonical;
            return;
        }
        out += canonical.substr(0, at);
        out += style.at;
        append_host(out, canonical.substr(at + 1), style);
        return;
    }
    case IndicatorType::url:
        defang_url(out, canonical, style);
        return;
    default:
        out += canonical;
        return;
    }
}

std::string defang(model::IndicatorType type, std::string_view canonical,
                   const DefangStyle& style) {
    std::string out;
    out.reserve(canonical.size() + 16);
    defang_append(out, type, canonical, style);
    return out;
}

} // namespace casefile::ioc
