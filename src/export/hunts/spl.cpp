// SPL over the Splunk Common Information Model: one tstats search per data model that can hold
// the case's indicators, joined with append, each renamed to the CIM field names and tagged with
// the data model it came from.
#include <fmt/format.h>

#include "core/text.hpp"
#include "export/hunts/hunt_plan.hpp"

namespace casefile::exporting::hunts {
namespace {

struct DataModel {
    std::string from;   ///< "Network_Traffic.All_Traffic"
    std::string object; ///< "All_Traffic": the field prefix tstats uses
    std::vector<std::string> conditions;
    std::string by; ///< split-by fields, without the prefix
};

/// `Object.field IN ("a", "b")`
std::string in(std::string_view object, std::string_view field,
               const std::vector<std::string>& values) {
    return fmt::format("{}.{} IN ({})", object, field, dq_list(values));
}

/// Every domain and any name under it.
std::vector<std::string> with_subdomains(const std::vector<std::string>& domains) {
    std::vector<std::string> out;
    for (const auto& d : domains) {
        out.push_back(d);
        out.push_back("*." + d);
    }
    return out;
}

/// Values to find anywhere in a field: "*value*".
std::vector<std::string> contains(const std::vector<std::string>& values) {
    std::vector<std::string> out;
    out.reserve(values.size());
    for (const auto& v : values) {
        out.push_back("*" + v + "*");
    }
    return out;
}

std::string spl_comment(std::string_view text) {
    // A comment ends at the next three backticks; keep the text from ever containing them.
    std::string out = comment_text(text);
    for (size_t at = out.find("```"); at != std::string::npos; at = out.find("```", at)) {
        out.replace(at, 3, "'''");
    }
    return "```" + out + "```";
}

} // namespace

std::string render_spl(const model::Case& c, const HuntPlan& plan, const HuntOptions& hunt,
                       const ExportOptions& options) {
    std::vector<std::string> unsupported;
    for (const auto& v : plan.sha512) {
        unsupported.push_back(v + " (sha512: the CIM has no SHA-512 field)");
    }
    for (const auto& v : plan.ja3) {
        unsupported.push_back(v + " (ja3: the CIM has no JA3 field)");
    }
    // SPL has no escape for the * wildcard in search terms: a value holding one would match
    // more than itself, so it is left out and named.
    HuntPlan p = plan;
    for (auto* list : {&p.ips, &p.ipv4_blocks, &p.ipv6_blocks, &p.domains, &p.urls, &p.md5, &p.sha1,
                       &p.sha256, &p.file_names, &p.file_paths, &p.senders, &p.subjects,
                       &p.registry_keys, &p.tasks, &p.user_agents}) {
        std::erase_if(*list, [&](const std::string& v) {
            if (v.find('*') == std::string::npos) {
                return false;
            }
            unsupported.push_back(v + " (its * would act as a wildcard in SPL)");
            return true;
        });
    }
    std::string out;
    for (const auto& line : header_lines(c, p, HuntLanguage::spl, hunt, options, unsupported)) {
        out += spl_comment(line) + "\n";
    }
    if (p.empty()) {
        out += "| makeresults | eval note=\"no indicators to search for\"\n";
        return out;
    }
    const auto any = [](const std::vector<std::string>& list) { return !list.empty(); };
    std::vector<std::string> hashes = p.sha256;
    hashes.insert(hashes.end(), p.sha1.begin(), p.sha1.end());
    hashes.insert(hashes.end(), p.md5.begin(), p.md5.end());

    std::vector<DataModel> models;
    {
        DataModel m{
            "Network_Traffic.All_Traffic", "All_Traffic", {}, "src_ip dest_ip dest_port action"};
        for (const char* field : {"dest_ip", "src_ip"}) {
            if (any(p.ips)) {
                m.conditions.push_back(in("All_Traffic", field, p.ips));
            }
            // CIDR blocks match IP fields with = in Splunk searches.
            for (const auto* blocks : {&p.ipv4_blocks, &p.ipv6_blocks}) {
                for (const auto& b : *blocks) {
                    m.conditions.push_back(fmt::format("All_Traffic.{}={}", field, dq(b)));
                }
            }
        }
        models.push_back(std::move(m));
    }
    {
        DataModel m{"Web.Web", "Web", {}, "src dest url http_user_agent"};
        if (any(p.urls)) {
            m.conditions.push_back(in("Web", "url", p.urls));
        }
        if (any(p.domains)) {
            m.conditions.push_back(in("Web", "dest", with_subdomains(p.domains)));
        }
        if (any(p.ips)) {
            m.conditions.push_back(in("Web", "dest_ip", p.ips));
        }
        if (any(p.user_agents)) {
            m.conditions.push_back(in("Web", "http_user_agent", p.user_agents));
        }
        models.push_back(std::move(m));
    }
    if (any(p.domains)) {
        models.push_back(DataModel{"Network_Resolution.DNS",
                                   "DNS",
                                   {in("DNS", "query", with_subdomains(p.domains))},
                                   "src query answer"});
    }
    {
        DataModel m{"Endpoint.Filesystem",
                    "Filesystem",
                    {},
                    "dest user file_path file_name file_hash action"};
        if (any(hashes)) {
            m.conditions.push_back(in("Filesystem", "file_hash", hashes));
        }
        if (any(p.file_names)) {
            m.conditions.push_back(in("Filesystem", "file_name", p.file_names));
        }
        if (any(p.file_paths)) {
            m.conditions.push_back(in("Filesystem", "file_path", p.file_paths));
        }
        models.push_back(std::move(m));
    }
    {
        std::vector<std::string> command_line;
        for (const auto* list : {&p.domains, &p.urls, &p.ips, &p.tasks}) {
            command_line.insert(command_line.end(), list->begin(), list->end());
        }
        DataModel m{"Endpoint.Processes",
                    "Processes",
                    {},
                    "dest user process_name process process_hash parent_process_name"};
        if (any(hashes)) {
            m.conditions.push_back(in("Processes", "process_hash", hashes));
        }
        if (any(p.file_names)) {
            m.conditions.push_back(in("Processes", "process_name", p.file_names));
        }
        if (any(command_line)) {
            m.conditions.push_back(in("Processes", "process", contains(command_line)));
        }
        models.push_back(std::move(m));
    }
    if (any(p.registry_keys)) {
        models.push_back(DataModel{"Endpoint.Registry",
                                   "Registry",
                                   {in("Registry", "registry_path", contains(p.registry_keys))},
                                   "dest user registry_path registry_value_name "
                                   "registry_value_data"});
    }
    {
        DataModel m{"Email.All_Email", "All_Email", {}, "src_user recipient subject"};
        if (any(p.senders)) {
            m.conditions.push_back(in("All_Email", "src_user", p.senders));
        }
        if (any(p.subjects)) {
            m.conditions.push_back(in("All_Email", "subject", p.subjects));
        }
        models.push_back(std::move(m));
    }

    bool first = true;
    for (const DataModel& m : models) {
        if (m.conditions.empty()) {
            continue;
        }
        std::vector<std::string> by;
        for (std::string_view rest = m.by; !rest.empty();) {
            const size_t space = rest.find(' ');
            by.push_back(fmt::format("{}.{}", m.object, rest.substr(0, space)));
            rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
        }
        const std::string search = fmt::format(
            "| tstats summariesonly=false allow_old_summaries=true count min(_time) as firstTime "
            "max(_time) as lastTime from datamodel={} where earliest=-{} latest=now ({}) by {}\n"
            "    | rename \"{}.*\" as *\n"
            "    | eval data_model=\"{}\"",
            m.from, hunt.lookback.to_string(), join(m.conditions, " OR "), join(by, " "), m.object,
            m.from);
        if (first) {
            out += search + "\n";
            first = false;
        } else {
            out += "| append [" + search + "]\n";
        }
    }
    out += "| sort 0 - lastTime\n"
           "| convert ctime(firstTime) ctime(lastTime)\n";
    return out;
}

} // namespace casefile::exporting::hunts
