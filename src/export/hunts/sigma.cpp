// Sigma rules (Sigma specification 2.x): one rule per indicator family, as YAML documents
// separated by `---`. Written by hand in the SigmaHQ house style (4-space indent, single-quoted
// strings); values escape Sigma's wildcards and YAML's quote.
#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "core/text.hpp"
#include "export/hunts/hunt_plan.hpp"
#include "export/uuid.hpp"
#include "model/enums.hpp"

namespace casefile::exporting::hunts {
namespace {

/// A YAML single-quoted scalar (only ' needs doubling).
std::string yaml_quote(std::string_view s) {
    std::string out = "'";
    for (const char c : s) {
        if (c == '\'') {
            out += '\'';
        }
        out += c;
    }
    out += '\'';
    return out;
}

/// A Sigma string matching `value` literally: * and ? are wildcards and \ escapes them, so those
/// are escaped; a backslash is doubled only where Sigma would otherwise read it as an escape
/// (before *, ?, another backslash, or at the end), which keeps Windows paths readable.
std::string sigma_literal(std::string_view value) {
    std::string out;
    for (size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '*' || c == '?') {
            out += '\\';
            out += c;
        } else if (c == '\\') {
            const char next = i + 1 < value.size() ? value[i + 1] : '\0';
            out += (next == '*' || next == '?' || next == '\\' || next == '\0') ? "\\\\" : "\\";
        } else {
            out += c;
        }
    }
    return out;
}

/// One field condition of a selection: `field|modifier:` and its values (already Sigma text,
/// wildcards allowed).
struct Field {
    std::string name;
    std::vector<std::string> values;
};

struct Rule {
    std::string family; ///< stable key for the id
    std::string title;
    std::string what; ///< "IP addresses" for the description
    std::vector<std::pair<std::string, std::string>> logsource;
    std::vector<std::pair<std::string, std::vector<Field>>> selections;
    std::vector<const std::vector<std::string>*> sources; ///< the plan lists it searches
};

std::vector<std::string> literals(const std::vector<std::string>& values,
                                  std::string_view prefix = {}, std::string_view suffix = {}) {
    std::vector<std::string> out;
    out.reserve(values.size());
    for (const auto& v : values) {
        out.push_back(std::string(prefix) + sigma_literal(v) + std::string(suffix));
    }
    return out;
}

std::string_view level(model::Severity s) {
    switch (s) {
    case model::Severity::informational:
        return "informational";
    case model::Severity::low:
        return "low";
    case model::Severity::medium:
        return "medium";
    case model::Severity::high:
        return "high";
    case model::Severity::critical:
        return "critical";
    }
    return "medium";
}

std::string_view tlp_tag(model::Tlp tlp) {
    switch (tlp) {
    case model::Tlp::clear:
        return "tlp.clear";
    case model::Tlp::green:
        return "tlp.green";
    case model::Tlp::amber:
        return "tlp.amber";
    case model::Tlp::amber_strict:
        return "tlp.amber-strict";
    case model::Tlp::red:
        return "tlp.red";
    }
    return "tlp.red";
}

} // namespace

Result<std::string> render_sigma(const model::Case& c, const analysis::Analysis& a,
                                 const HuntPlan& p, const HuntOptions& hunt,
                                 const ExportOptions& options) {
    std::vector<std::string> unsupported;
    for (const auto& v : p.senders) {
        unsupported.push_back(v + " (email sender: the Sigma taxonomy has no mail log category)");
    }
    for (const auto& v : p.subjects) {
        unsupported.push_back(v + " (email subject: the Sigma taxonomy has no mail log category)");
    }
    for (const auto& v : p.ja3) {
        unsupported.push_back(v + " (ja3: no Sigma taxonomy field)");
    }
    const auto any = [](const std::vector<std::string>& list) { return !list.empty(); };

    std::vector<Rule> rules;
    {
        Rule r{"ip",
               "Network traffic to or from the case's IP addresses",
               "IP addresses",
               {{"category", "firewall"}},
               {},
               {&p.ips, &p.ipv4_blocks, &p.ipv6_blocks}};
        std::vector<std::string> blocks = p.ipv4_blocks;
        blocks.insert(blocks.end(), p.ipv6_blocks.begin(), p.ipv6_blocks.end());
        for (const char* field : {"dst_ip", "src_ip"}) {
            if (any(p.ips)) {
                r.selections.push_back(
                    {fmt::format("selection_{}", field), {Field{field, literals(p.ips)}}});
            }
            if (any(blocks)) {
                r.selections.push_back({fmt::format("selection_{}_range", field),
                                        {Field{fmt::format("{}|cidr", field), blocks}}});
            }
        }
        rules.push_back(std::move(r));
    }
    {
        Rule r{"dns",
               "DNS queries for the case's domains",
               "domains and their subdomains",
               {{"category", "dns"}},
               {},
               {&p.domains}};
        if (any(p.domains)) {
            std::vector<std::string> values = literals(p.domains);
            for (const auto& d : literals(p.domains, "*.")) {
                values.push_back(d);
            }
            r.selections.push_back({"selection", {Field{"query", values}}});
        }
        rules.push_back(std::move(r));
    }
    {
        Rule r{"proxy",
               "Web requests to the case's URLs, hosts or user agents",
               "URLs, web hosts and user agents",
               {{"category", "proxy"}},
               {},
               {&p.urls, &p.domains, &p.user_agents}};
        if (any(p.urls)) {
            r.selections.push_back({"selection_url", {Field{"c-uri", literals(p.urls)}}});
        }
        if (any(p.domains)) {
            std::vector<std::string> values = literals(p.domains);
            for (const auto& d : literals(p.domains, "*.")) {
                values.push_back(d);
            }
            r.selections.push_back({"selection_host", {Field{"cs-host", values}}});
        }
        if (any(p.user_agents)) {
            r.selections.push_back(
                {"selection_useragent", {Field{"c-useragent", literals(p.user_agents)}}});
        }
        rules.push_back(std::move(r));
    }
    {
        Rule r{"hash",
               "Processes started from the case's file hashes",
               "file hashes",
               {{"category", "process_creation"}, {"product", "windows"}},
               {},
               {&p.sha256, &p.sha1, &p.md5, &p.sha512}};
        std::vector<std::string> values;
        for (const auto& h : p.sha256) {
            values.push_back("SHA256=" + h);
        }
        for (const auto& h : p.sha1) {
            values.push_back("SHA1=" + h);
        }
        for (const auto& h : p.md5) {
            values.push_back("MD5=" + h);
        }
        for (const auto& h : p.sha512) {
            values.push_back("SHA512=" + h);
        }
        if (!values.empty()) {
            r.selections.push_back({"selection", {Field{"Hashes|contains", values}}});
        }
        rules.push_back(std::move(r));
    }
    {
        Rule r{"file",
               "Files written with the case's names or paths",
               "file names and paths",
               {{"category", "file_event"}, {"product", "windows"}},
               {},
               {&p.file_names, &p.file_paths}};
        if (any(p.file_names)) {
            r.selections.push_back(
                {"selection_name",
                 {Field{"TargetFilename|endswith", literals(p.file_names, "\\")}}});
        }
        if (any(p.file_paths)) {
            r.selections.push_back(
                {"selection_path", {Field{"TargetFilename", literals(p.file_paths)}}});
        }
        rules.push_back(std::move(r));
    }
    {
        Rule r{"registry",
               "Registry changes under the case's keys",
               "registry keys",
               {{"category", "registry_event"}, {"product", "windows"}},
               {},
               {&p.registry_keys}};
        if (any(p.registry_keys)) {
            r.selections.push_back(
                {"selection", {Field{"TargetObject|contains", literals(p.registry_keys, "\\")}}});
        }
        rules.push_back(std::move(r));
    }
    {
        Rule r{"process",
               "Command lines naming the case's scheduled tasks or network indicators",
               "scheduled task names, hosts, URLs and addresses on command lines",
               {{"category", "process_creation"}, {"product", "windows"}},
               {},
               {&p.tasks, &p.domains, &p.urls, &p.ips}};
        std::vector<std::string> terms;
        for (const auto* list : {&p.tasks, &p.domains, &p.urls, &p.ips}) {
            for (const auto& v : literals(*list)) {
                terms.push_back(v);
            }
        }
        if (!terms.empty()) {
            r.selections.push_back({"selection", {Field{"CommandLine|contains", terms}}});
        }
        rules.push_back(std::move(r));
    }

    std::vector<std::string> tags;
    for (const auto& t : case_techniques(c, a)) {
        tags.push_back("attack." + to_lower(t));
        if (options.attack != nullptr) {
            if (const auto* known = options.attack->find(t)) {
                for (const auto& tactic : known->tactics) {
                    const std::string tag = "attack." + tactic;
                    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) {
                        tags.push_back(tag);
                    }
                }
            }
        }
    }
    const auto tlp = effective_tlp(c, options);
    if (tlp) {
        tags.emplace_back(tlp_tag(*tlp));
    }
    const std::string date =
        fmt::format("{:%Y-%m-%d}", std::chrono::floor<std::chrono::seconds>(options.now));
    const std::string author = options.organisation.empty() ? "casefile" : options.organisation;

    std::string out;
    for (const auto& line : header_lines(c, p, HuntLanguage::sigma, hunt, options, unsupported)) {
        out += "# " + comment_text(line) + "\n";
    }
    bool wrote = false;
    for (const Rule& r : rules) {
        if (r.selections.empty()) {
            continue;
        }
        wrote = true;
        out += "---\n";
        out += "title: " +
               yaml_quote(comment_text(fmt::format("{}: {}", c.alert.ticket_id, r.title))) + "\n";
        out += "id: " + stable_uuid(fmt::format("sigma|{}|{}", case_key(c), r.family)) + "\n";
        out += "status: experimental\n";
        out += "description: " +
               yaml_quote(comment_text(fmt::format(
                   "Retrospective sweep for the {} of case {}{}. Run it over the last {} of "
                   "logs.",
                   r.what, c.alert.ticket_id,
                   c.alert.title.empty() ? std::string() : " (" + c.alert.title + ")",
                   hunt.lookback.to_string()))) +
               "\n";
        out += "author: " + yaml_quote(comment_text(author)) + "\n";
        out += "date: " + date + "\n";
        if (!tags.empty()) {
            out += "tags:\n";
            for (const auto& t : tags) {
                out += "    - " + t + "\n";
            }
        }
        out += "logsource:\n";
        for (const auto& [k, v] : r.logsource) {
            out += fmt::format("    {}: {}\n", k, v);
        }
        out += "detection:\n";
        for (const auto& [name, fields] : r.selections) {
            out += fmt::format("    {}:\n", name);
            for (const Field& f : fields) {
                out += fmt::format("        {}:\n", f.name);
                for (const auto& v : f.values) {
                    out += "            - " + yaml_quote(v) + "\n";
                }
            }
        }
        out += r.selections.size() == 1
                   ? fmt::format("    condition: {}\n", r.selections.front().first)
                   : "    condition: 1 of selection_*\n";
        std::vector<std::string> benign;
        for (const auto& [value, why] : p.benign_warnings) {
            for (const auto* list : r.sources) {
                if (std::find(list->begin(), list->end(), value) != list->end()) {
                    benign.push_back(why);
                    break;
                }
            }
        }
        out += "falsepositives:\n";
        if (benign.empty()) {
            out += "    - Unknown\n";
        }
        for (const auto& why : benign) {
            out += "    - " + yaml_quote(comment_text(why)) + "\n";
        }
        out += fmt::format("level: {}\n", level(c.alert.severity));
    }
    if (!wrote) {
        out += "# No rule: the case has no indicators Sigma can search for.\n";
    }
    return out;
}

} // namespace casefile::exporting::hunts
