// The facts every extraction knows without a warninglist directory. Kept small on purpose: the
// MISP lists are the maintained source; these only stop the most common false positives.
#include <array>
#include <string>
#include <string_view>

#include "ioc/warninglist.hpp"

namespace casefile::ioc {

namespace {

struct BuiltinList {
    std::string_view name;
    std::string_view type;
    std::string_view attributes; // JSON array body
    std::string_view entries;    // JSON array body
};

constexpr std::string_view kIpAttributes = R"("ip-src", "ip-dst", "domain|ip")";
constexpr std::string_view kHostAttributes = R"("domain", "hostname", "url", "email")";

// Sources: IANA IPv4/IPv6 Special-Purpose Address Registries; RFC 2606 and RFC 6761 names;
// the resolvers' own documentation; api.github.com/meta ("pages", "web", "api");
// www.cloudflare.com/ips.
constexpr auto kLists = std::to_array<BuiltinList>({
    {"casefile: special-purpose address ranges (IANA)", "cidr", kIpAttributes,
     R"("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
        "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
        "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
        "::/128", "::1/128", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32",
        "3fff::/20", "fc00::/7", "fe80::/10", "ff00::/8")"},
    {"casefile: reserved and example names (RFC 2606, RFC 6761)", "hostname", kHostAttributes,
     R"("example.com", "example.net", "example.org", "example", "invalid", "localhost", "test",
        "local", "home.arpa")"},
    {"casefile: public DNS resolvers", "cidr", kIpAttributes,
     R"("8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "1.1.1.2", "1.0.0.2", "1.1.1.3",
        "1.0.0.3", "9.9.9.9", "149.112.112.112", "9.9.9.10", "149.112.112.10",
        "208.67.222.222", "208.67.220.220", "94.140.14.14", "94.140.15.15", "64.6.64.6",
        "64.6.65.6", "185.228.168.9", "185.228.169.9", "76.76.2.0", "76.76.10.0",
        "2001:4860:4860::8888", "2001:4860:4860::8844", "2606:4700:4700::1111",
        "2606:4700:4700::1001", "2620:fe::fe", "2620:fe::9", "2620:119:35::35",
        "2620:119:53::53", "2a10:50c0::ad1:ff", "2a10:50c0::ad2:ff")"},
    {"casefile: public DNS resolver names", "hostname", kHostAttributes,
     R"("dns.google", "dns.google.com", "one.one.one.one", "cloudflare-dns.com",
        "dns.quad9.net", "doh.opendns.com", "dns.adguard-dns.com")"},
    {"casefile: GitHub (Pages, web, API)", "cidr", kIpAttributes,
     R"("185.199.108.0/22", "140.82.112.0/20", "143.55.64.0/20", "192.30.252.0/22",
        "2606:50c0::/32", "2a0a:a440::/29")"},
    {"casefile: Cloudflare", "cidr", kIpAttributes,
     R"("173.245.48.0/20", "103.21.244.0/22", "103.22.200.0/22", "103.31.4.0/22",
        "141.101.64.0/18", "108.162.192.0/18", "190.93.240.0/20", "188.114.96.0/20",
        "197.234.240.0/22", "198.41.128.0/17", "162.158.0.0/15", "104.16.0.0/13",
        "104.24.0.0/14", "172.64.0.0/13", "131.0.72.0/22", "2400:cb00::/32", "2606:4700::/32",
        "2803:f800::/32", "2405:b500::/32", "2405:8100::/32", "2a06:98c0::/29",
        "2c0f:f248::/32")"},
});

} // namespace

Warninglists Warninglists::builtin() {
    Warninglists out;
    for (const BuiltinList& l : kLists) {
        std::string json = R"({"name": ")";
        json += l.name;
        json += R"(", "type": ")";
        json += l.type;
        json += R"(", "matching_attributes": [)";
        json += l.attributes;
        json += R"(], "list": [)";
        json += l.entries;
        json += "]}";
        const Status added = out.add_list_json(json, "builtin");
        CASEFILE_ASSERT(added.has_value(), "the built-in warninglists are valid JSON");
    }
    out.finalize();
    return out;
}

} // namespace casefile::ioc
