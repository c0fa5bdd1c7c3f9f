#include "ioc/url.hpp"

#include <array>

#include "core/text.hpp"

namespace casefile::ioc {

UrlParts split_url(std::string_view url) {
    UrlParts parts;
    const size_t sep = url.find("://");
    if (sep == std::string_view::npos) {
        return parts;
    }
    parts.scheme = url.substr(0, sep);
    std::string_view rest = url.substr(sep + 3);
    size_t auth_end = rest.find_first_of("/?#");
    if (auth_end == std::string_view::npos) {
        auth_end = rest.size();
    }
    std::string_view authority = rest.substr(0, auth_end);
    if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
        parts.userinfo = authority.substr(0, at + 1);
        authority.remove_prefix(at + 1);
    }
    size_t host_end = authority.size();
    if (!authority.empty() && authority.front() == '[') {
        const size_t close = authority.find(']');
        host_end = close == std::string_view::npos ? authority.size() : close + 1;
    } else if (const size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
        host_end = colon;
    }
    parts.host = authority.substr(0, host_end);
    const auto host_offset = static_cast<size_t>(parts.host.data() - url.data());
    parts.rest = url.substr(host_offset + parts.host.size());
    return parts;
}

int default_port(std::string_view scheme) {
    struct Entry {
        std::string_view scheme;
        int port;
    };
    static constexpr std::array<Entry, 8> kPorts{{{"http", 80},
                                                  {"https", 443},
                                                  {"ftp", 21},
                                                  {"ws", 80},
                                                  {"wss", 443},
                                                  {"sftp", 22},
                                                  {"ssh", 22},
                                                  {"ftps", 990}}};
    for (const Entry& e : kPorts) {
        if (e.scheme == scheme) {
            return e.port;
        }
    }
    return 0;
}

void append_normalized_path(std::string& out, std::string_view path) {
    if (path.empty() || path.front() != '/') {
        out += '/';
    }
    for (size_t i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c == '%' && i + 2 < path.size() && hex_digit_value(path[i + 1]) >= 0 &&
            hex_digit_value(path[i + 2]) >= 0) {
            // Upper-cased, never decoded: a decoded "%2E" or "%5F" could spell defang notation
            // ("{.", "http__") that refang would then rewrite, and refang(defang(x)) == x
            // must hold for every canonical URL.
            static constexpr std::string_view kHex = "0123456789ABCDEF";
            out += '%';
            out += kHex[hex_digit_value(path[i + 1])];
            out += kHex[hex_digit_value(path[i + 2])];
            i += 2;
            continue;
        }
        out += c;
    }
}

} // namespace casefile::ioc
