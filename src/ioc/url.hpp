#pragma once

#include <string>
#include <string_view>

namespace casefile::ioc {

/// The pieces of a canonical URL "scheme://[userinfo@]host[:port][path][?query][#fragment]".
struct UrlParts {
    std::string_view scheme;
    std::string_view userinfo; ///< including its trailing '@'; empty when absent
    std::string_view host;     ///< an IPv6 host keeps its brackets
    std::string_view rest;     ///< ":port", path, query and fragment, as they follow the host
};

/// Splits a URL at its scheme separator and authority; scheme is empty when there is no "://".
[[nodiscard]] UrlParts split_url(std::string_view url);

/// The port a scheme uses when none is written (80 for http), or 0.
[[nodiscard]] int default_port(std::string_view scheme);

/// Appends path, query and fragment with percent-escapes upper-cased (RFC 3986 case
/// normalisation; escapes are kept, see url.cpp); "/" when `path` is empty.
void append_normalized_path(std::string& out, std::string_view path);

} // namespace casefile::ioc
