#include "export/hunts/hunt_plan.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "core/text.hpp"
#include "export/stix/observables.hpp"
#include "model/enums.hpp"

namespace casefile::exporting {

std::string_view to_string(HuntLanguage language) {
    switch (language) {
    case HuntLanguage::kql:
        return "kql";
    case HuntLanguage::spl:
        return "spl";
    case HuntLanguage::esql:
        return "esql";
    case HuntLanguage::sigma:
        return "sigma";
    }
    return "?";
}

std::optional<HuntLanguage> parse_hunt_language(std::string_view text) {
    for (const HuntLanguage l :
         {HuntLanguage::kql, HuntLanguage::spl, HuntLanguage::esql, HuntLanguage::sigma}) {
        if (equals_icase(text, to_string(l))) {
            return l;
        }
    }
    if (equals_icase(text, "es|ql")) {
        return HuntLanguage::esql;
    }
    return std::nullopt;
}

std::string Lookback::to_string() const {
    return fmt::format("{}{}", count, unit);
}

std::chrono::seconds Lookback::duration() const {
    int64_t unit_seconds = 1;
    switch (unit) {
    case 'm':
        unit_seconds = 60;
        break;
    case 'h':
        unit_seconds = 3600;
        break;
    case 'd':
        unit_seconds = 86400;
        break;
    case 'w':
        unit_seconds = int64_t{7} * 86400;
        break;
    default:
        break;
    }
    return std::chrono::seconds(count * unit_seconds);
}

Result<Lookback> parse_lookback(std::string_view text) {
    const std::string_view t = trim(text);
    const auto bad = [&](std::string why) {
        return fail(ErrorCode::bad_usage,
                    fmt::format("invalid look-back '{}': {}", text, std::move(why)),
                    "write a positive number and a unit: 30d, 12h, 90m, 3600s or 2w");
    };
    if (t.size() < 2) {
        return bad("too short");
    }
    Lookback l;
    l.unit = static_cast<char>(std::tolower(static_cast<unsigned char>(t.back())));
    if (l.unit != 's' && l.unit != 'm' && l.unit != 'h' && l.unit != 'd' && l.unit != 'w') {
        return bad(fmt::format("unknown unit '{}'", t.back()));
    }
    const std::string_view digits = t.substr(0, t.size() - 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), l.count);
    if (ec != std::errc() || end != digits.data() + digits.size()) {
        return bad("the count is not a whole number");
    }
    if (l.count <= 0) {
        return bad("the count must be positive");
    }
    if (l.count > 3650LL * 86400 || l.duration() > std::chrono::hours(24 * 3650)) {
        return bad("longer than ten years");
    }
    return l;
}

namespace hunts {
namespace {

using model::IndicatorType;

void add_unique(std::vector<std::string>& list, std::string value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(std::move(value));
    }
}

bool has_control(std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

std::string without_hive(std::string_view key) {
    const std::string full = stix::full_registry_key(key);
    const size_t slash = full.find('\\');
    return slash == std::string::npos ? full : full.substr(slash + 1);
}

/// `$env:TEMP\x`, `%APPDATA%\x`, `~/x`, `$HOME/x`: a path as a script writes it, which logs
/// record expanded (C:\Users\...\Temp\x), so only its file name can be hunted.
bool starts_with_variable(std::string_view path) {
    return path.starts_with('$') || path.starts_with('~') ||
           (path.starts_with('%') && path.find('%', 1) != std::string_view::npos);
}

std::string base_name(std::string_view path) {
    const size_t slash = path.find_last_of("\\/");
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

} // namespace

bool HuntPlan::empty() const {
    return ips.empty() && ipv4_blocks.empty() && ipv6_blocks.empty() && domains.empty() &&
           urls.empty() && md5.empty() && sha1.empty() && sha256.empty() && file_names.empty() &&
           file_paths.empty() && senders.empty() && subjects.empty() && registry_keys.empty() &&
           tasks.empty() && user_agents.empty() && sha512.empty() && ja3.empty();
}

HuntPlan make_plan(const analysis::Analysis& a) {
    HuntPlan p;
    for (const auto& i : a.indicators) {
        const std::string& v = i.value;
        if (v.empty()) {
            continue;
        }
        if (has_control(v) || !is_valid_utf8(v)) {
            p.not_searchable.push_back(fmt::format(
                "a {} value with control characters or invalid UTF-8", model::to_string(i.type)));
            continue;
        }
        for (const auto& list : i.warninglists) {
            p.benign_warnings.emplace_back(v, fmt::format("{}: on warninglist {}", v, list));
        }
        if (!i.classification.empty() && i.classification != "public") {
            p.benign_warnings.emplace_back(v, fmt::format("{}: a {} address", v, i.classification));
        }
        switch (i.type) {
        case IndicatorType::ipv4:
            add_unique(v.find('/') != std::string::npos ? p.ipv4_blocks : p.ips, v);
            break;
        case IndicatorType::ipv6:
            add_unique(v.find('/') != std::string::npos ? p.ipv6_blocks : p.ips, v);
            break;
        case IndicatorType::domain:
            add_unique(p.domains, v);
            break;
        case IndicatorType::url:
            add_unique(p.urls, v);
            break;
        case IndicatorType::md5:
            add_unique(p.md5, to_lower(v));
            break;
        case IndicatorType::sha1:
            add_unique(p.sha1, to_lower(v));
            break;
        case IndicatorType::sha256:
            add_unique(p.sha256, to_lower(v));
            break;
        case IndicatorType::sha512:
            add_unique(p.sha512, to_lower(v));
            break;
        case IndicatorType::ja3:
            add_unique(p.ja3, to_lower(v));
            break;
        case IndicatorType::filename:
            add_unique(p.file_names, v);
            break;
        case IndicatorType::file_path:
            if (!starts_with_variable(v)) {
                add_unique(p.file_paths, v);
            }
            add_unique(p.file_names, base_name(v));
            break;
        case IndicatorType::email:
            add_unique(p.senders, to_lower(v));
            break;
        case IndicatorType::email_subject:
            add_unique(p.subjects, v);
            break;
        case IndicatorType::registry_key:
            add_unique(p.registry_keys, without_hive(v));
            break;
        case IndicatorType::scheduled_task:
            add_unique(p.tasks, v);
            break;
        case IndicatorType::user_agent:
            add_unique(p.user_agents, v);
            break;
        case IndicatorType::ssdeep:
        case IndicatorType::imphash:
        case IndicatorType::cve:
        case IndicatorType::attack_technique:
        case IndicatorType::attack_tactic:
        case IndicatorType::attack_mitigation:
        case IndicatorType::btc:
        case IndicatorType::xmr:
        case IndicatorType::asn:
        case IndicatorType::mac:
        case IndicatorType::other:
            p.not_searchable.push_back(fmt::format("{} ({})", v, model::to_string(i.type)));
            break;
        }
        // A hash the case ties to a file also names that file.
        if (!i.file.empty() && !has_control(i.file) &&
            (i.type == IndicatorType::md5 || i.type == IndicatorType::sha1 ||
             i.type == IndicatorType::sha256 || i.type == IndicatorType::sha512)) {
            add_unique(p.file_names, base_name(i.file));
        }
    }
    return p;
}

std::vector<std::string> header_lines(const model::Case& c, const HuntPlan& plan,
                                      HuntLanguage language, const HuntOptions& hunt,
                                      const ExportOptions& options,
                                      const std::vector<std::string>& unsupported) {
    std::vector<std::string> lines;
    lines.push_back(c.alert.title.empty() ? fmt::format("casefile hunt for {}", c.alert.ticket_id)
                                          : fmt::format("casefile hunt for {}: {}",
                                                        c.alert.ticket_id, c.alert.title));
    if (const auto tlp = effective_tlp(c, options)) {
        lines.push_back(fmt::format("{}: share these indicators only as {} allows.",
                                    model::to_string(*tlp), model::to_string(*tlp)));
    } else {
        lines.emplace_back("No TLP set on the case: decide how far these indicators may travel.");
    }
    const std::string window =
        language == HuntLanguage::sigma
            ? fmt::format("Run over the last {} of logs (Sigma rules carry no time range).",
                          hunt.lookback.to_string())
            : fmt::format("Look-back: {} before the time the query runs.",
                          hunt.lookback.to_string());
    lines.push_back(window + fmt::format(" Generated {}.", millis_timestamp(options.now)));
    for (const auto& [value, why] : plan.benign_warnings) {
        lines.push_back("Expect benign hits: " + why);
    }
    std::vector<std::string> skipped = plan.not_searchable;
    skipped.insert(skipped.end(), unsupported.begin(), unsupported.end());
    for (const auto& s : skipped) {
        lines.push_back("Not searched: " + s);
    }
    if (plan.empty()) {
        lines.emplace_back("The case has no indicators this language can search for.");
    }
    return lines;
}

std::string comment_text(std::string_view text) {
    std::string out;
    for (const char c : text) {
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
    }
    return out;
}

std::string dq(std::string_view value) {
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    out += '"';
    return out;
}

std::string dq_list(const std::vector<std::string>& values) {
    std::vector<std::string> quoted;
    quoted.reserve(values.size());
    for (const auto& v : values) {
        quoted.push_back(dq(v));
    }
    return join(quoted, ", ");
}

} // namespace hunts

Result<ExportResult> hunt_query(const model::Case& c, const analysis::Analysis& a,
                                HuntLanguage language, const HuntOptions& hunt,
                                const ExportOptions& options) {
    if (language == HuntLanguage::esql) {
        const std::string_view index = hunt.esql_index;
        const bool ok = !index.empty() && std::all_of(index.begin(), index.end(), [](char ch) {
            return std::isalnum(static_cast<unsigned char>(ch)) != 0 ||
                   std::string_view("._*,:+-").find(ch) != std::string_view::npos;
        });
        if (!ok) {
            return fail(ErrorCode::bad_usage,
                        fmt::format("'{}' is not an index pattern ES|QL accepts after FROM",
                                    hunt.esql_index),
                        "use names, wildcards and commas only, e.g. logs-*,filebeat-*");
        }
    }
    const hunts::HuntPlan plan = hunts::make_plan(a);
    ExportResult result;
    switch (language) {
    case HuntLanguage::kql:
        result.text = hunts::render_kql(c, plan, hunt, options);
        break;
    case HuntLanguage::spl:
        result.text = hunts::render_spl(c, plan, hunt, options);
        break;
    case HuntLanguage::esql:
        result.text = hunts::render_esql(c, plan, hunt, options);
        break;
    case HuntLanguage::sigma: {
        auto sigma = hunts::render_sigma(c, a, plan, hunt, options);
        if (!sigma) {
            return tl::unexpected(sigma.error());
        }
        result.text = std::move(*sigma);
        break;
    }
    }
    if (!effective_tlp(c, options)) {
        result.notes.push_back(missing_tlp_note(c, "hunt"));
    }
    return result;
}

} // namespace casefile::exporting
