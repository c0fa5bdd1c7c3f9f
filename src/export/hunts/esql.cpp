// ES|QL over Elastic Common Schema fields. ES|QL rejects a whole query that names a field no
// index maps, so each indicator family is its own query over the fields that family lives in.
#include <fmt/format.h>

#include "core/text.hpp"
#include "export/hunts/hunt_plan.hpp"

namespace casefile::exporting::hunts {
namespace {

std::string esql_duration(const Lookback& l) {
    switch (l.unit) {
    case 's':
        return fmt::format("{} seconds", l.count);
    case 'm':
        return fmt::format("{} minutes", l.count);
    case 'h':
        return fmt::format("{} hours", l.count);
    case 'w':
        return fmt::format("{} weeks", l.count);
    default:
        return fmt::format("{} days", l.count);
    }
}

std::string in(std::string_view field, const std::vector<std::string>& values) {
    return fmt::format("{} IN ({})", field, dq_list(values));
}

/// Case-insensitive IN: values are lower-cased and so is the field.
std::string in_icase(std::string_view field, const std::vector<std::string>& values) {
    std::vector<std::string> lower;
    lower.reserve(values.size());
    for (const auto& v : values) {
        lower.push_back(to_lower(v));
    }
    return fmt::format("TO_LOWER({}) IN ({})", field, dq_list(lower));
}

std::string ip_in(std::string_view field, const std::vector<std::string>& ips) {
    std::vector<std::string> casts;
    casts.reserve(ips.size());
    for (const auto& ip : ips) {
        casts.push_back(fmt::format("TO_IP({})", dq(ip)));
    }
    return fmt::format("{} IN ({})", field, join(casts, ", "));
}

/// A LIKE pattern matching `value` anywhere: its own * and ? are escaped, then the whole
/// pattern is written as a string literal.
std::string like_contains(std::string_view field, std::string_view value) {
    std::string pattern = "*";
    for (const char c : value) {
        if (c == '*' || c == '?' || c == '\\') {
            pattern += '\\';
        }
        pattern += c;
    }
    pattern += '*';
    return fmt::format("{} LIKE {}", field, dq(pattern));
}

struct Family {
    std::string title;
    std::vector<std::string> conditions;
};

} // namespace

std::string render_esql(const model::Case& c, const HuntPlan& p, const HuntOptions& hunt,
                        const ExportOptions& options) {
    std::string out;
    for (const auto& line : header_lines(c, p, HuntLanguage::esql, hunt, options, {})) {
        out += "// " + comment_text(line) + "\n";
    }
    if (p.empty()) {
        out += "ROW note = \"no indicators to search for\"\n";
        return out;
    }
    const auto any = [](const std::vector<std::string>& list) { return !list.empty(); };
    std::vector<Family> families;
    {
        Family f{"IP addresses", {}};
        for (const char* field : {"source.ip", "destination.ip"}) {
            if (any(p.ips)) {
                f.conditions.push_back(ip_in(field, p.ips));
            }
            for (const auto* blocks : {&p.ipv4_blocks, &p.ipv6_blocks}) {
                for (const auto& b : *blocks) {
                    f.conditions.push_back(fmt::format("CIDR_MATCH({}, {})", field, dq(b)));
                }
            }
        }
        families.push_back(std::move(f));
    }
    {
        Family f{"domains and their subdomains", {}};
        if (any(p.domains)) {
            for (const char* field : {"destination.domain", "url.domain", "dns.question.name"}) {
                f.conditions.push_back(in_icase(field, p.domains));
                for (const auto& d : p.domains) {
                    f.conditions.push_back(
                        fmt::format("ENDS_WITH(TO_LOWER({}), {})", field, dq("." + d)));
                }
            }
        }
        families.push_back(std::move(f));
    }
    {
        Family f{"URLs", {}};
        if (any(p.urls)) {
            f.conditions.push_back(in("url.full", p.urls));
            f.conditions.push_back(in("url.original", p.urls));
        }
        families.push_back(std::move(f));
    }
    {
        Family f{"file hashes", {}};
        const std::vector<std::pair<std::string_view, const std::vector<std::string>*>> hashes = {
            {"sha256", &p.sha256}, {"sha1", &p.sha1}, {"md5", &p.md5}, {"sha512", &p.sha512}};
        for (const auto& [algo, list] : hashes) {
            if (any(*list)) {
                for (const char* owner : {"file", "process"}) {
                    f.conditions.push_back(in_icase(fmt::format("{}.hash.{}", owner, algo), *list));
                }
            }
        }
        families.push_back(std::move(f));
    }
    {
        Family f{"file names and paths", {}};
        if (any(p.file_names)) {
            f.conditions.push_back(in_icase("file.name", p.file_names));
            f.conditions.push_back(in_icase("process.name", p.file_names));
        }
        if (any(p.file_paths)) {
            f.conditions.push_back(in_icase("file.path", p.file_paths));
            f.conditions.push_back(in_icase("process.executable", p.file_paths));
        }
        families.push_back(std::move(f));
    }
    {
        Family f{"command lines naming the case's hosts, URLs, addresses or scheduled tasks", {}};
        for (const auto* list : {&p.domains, &p.urls, &p.ips, &p.tasks}) {
            for (const auto& v : *list) {
                f.conditions.push_back(like_contains("process.command_line", v));
            }
        }
        families.push_back(std::move(f));
    }
    {
        Family f{"registry keys", {}};
        for (const auto& k : p.registry_keys) {
            f.conditions.push_back(fmt::format("ENDS_WITH(TO_LOWER(registry.key), {}) OR "
                                               "TO_LOWER(registry.key) == {}",
                                               dq(fmt::format("\\{}", to_lower(k))),
                                               dq(to_lower(k))));
        }
        families.push_back(std::move(f));
    }
    {
        Family f{"email senders and subjects", {}};
        if (any(p.senders)) {
            f.conditions.push_back(in_icase("email.from.address", p.senders));
        }
        if (any(p.subjects)) {
            f.conditions.push_back(in("email.subject", p.subjects));
        }
        families.push_back(std::move(f));
    }
    {
        Family f{"user agents", {}};
        if (any(p.user_agents)) {
            f.conditions.push_back(in("user_agent.original", p.user_agents));
        }
        families.push_back(std::move(f));
    }
    {
        Family f{"JA3 fingerprints", {}};
        if (any(p.ja3)) {
            f.conditions.push_back(in_icase("tls.client.ja3", p.ja3));
        }
        families.push_back(std::move(f));
    }

    for (const Family& f : families) {
        if (f.conditions.empty()) {
            continue;
        }
        out += fmt::format("\n// {}\nFROM {}\n| WHERE @timestamp >= NOW() - {}\n| WHERE {}\n"
                           "| SORT @timestamp DESC\n| LIMIT 10000\n",
                           f.title, hunt.esql_index, esql_duration(hunt.lookback),
                           join(f.conditions, "\n    OR "));
    }
    return out;
}

} // namespace casefile::exporting::hunts
