#include "export/export.hpp"

#include <algorithm>
#include <set>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "core/text.hpp"
#include "export/csv_export.hpp"
#include "export/json_export.hpp"
#include "export/misp/misp_event.hpp"
#include "export/stix/stix_bundle.hpp"

namespace casefile::exporting {

std::string_view to_string(ExportFormat format) {
    switch (format) {
    case ExportFormat::json:
        return "json";
    case ExportFormat::csv:
        return "csv";
    case ExportFormat::stix:
        return "stix";
    case ExportFormat::misp:
        return "misp";
    }
    return "?";
}

std::optional<ExportFormat> parse_export_format(std::string_view text) {
    for (const ExportFormat f :
         {ExportFormat::json, ExportFormat::csv, ExportFormat::stix, ExportFormat::misp}) {
        if (equals_icase(text, to_string(f))) {
            return f;
        }
    }
    return std::nullopt;
}

Result<AttackCatalog> AttackCatalog::parse_tsv(std::string_view tsv, const std::string& origin) {
    AttackCatalog catalog;
    const auto lines = split_lines(tsv);
    int id_col = -1;
    int name_col = -1;
    int tactics_col = -1;
    for (size_t n = 0; n < lines.size(); ++n) {
        std::vector<std::string_view> cells;
        size_t start = 0;
        const std::string_view line = lines[n];
        for (size_t tab = line.find('\t'); tab != std::string_view::npos;
             tab = line.find('\t', start)) {
            cells.push_back(line.substr(start, tab - start));
            start = tab + 1;
        }
        cells.push_back(line.substr(start));
        if (n == 0) {
            for (size_t i = 0; i < cells.size(); ++i) {
                if (cells[i] == "technique_id") {
                    id_col = static_cast<int>(i);
                } else if (cells[i] == "name") {
                    name_col = static_cast<int>(i);
                } else if (cells[i] == "tactics") {
                    tactics_col = static_cast<int>(i);
                }
            }
            if (id_col < 0 || name_col < 0) {
                return fail(ErrorCode::bad_input,
                            "not an ATT&CK techniques table: the header needs the columns "
                            "technique_id and name",
                            "use enterprise-techniques-v18.1.tsv or a file with the same header",
                            SourceLocation{origin, 1, 1});
            }
            continue;
        }
        if (trim(line).empty()) {
            continue;
        }
        const auto need = static_cast<size_t>(std::max({id_col, name_col, tactics_col}));
        if (cells.size() <= need) {
            return fail(
                ErrorCode::bad_input,
                fmt::format("row has {} columns, expected at least {}", cells.size(), need + 1),
                "every row needs a value (maybe empty) for each header column",
                SourceLocation{origin, static_cast<int>(n + 1), 1});
        }
        Technique t;
        t.name = std::string(trim(cells[static_cast<size_t>(name_col)]));
        if (tactics_col >= 0) {
            std::string_view tactics = cells[static_cast<size_t>(tactics_col)];
            while (!tactics.empty()) {
                const size_t comma = tactics.find(',');
                const std::string_view one = trim(tactics.substr(0, comma));
                if (!one.empty()) {
                    t.tactics.emplace_back(one);
                }
                tactics = comma == std::string_view::npos ? std::string_view{}
                                                          : tactics.substr(comma + 1);
            }
        }
        catalog.techniques_[std::string(trim(cells[static_cast<size_t>(id_col)]))] = std::move(t);
    }
    return catalog;
}

const AttackCatalog::Technique* AttackCatalog::find(std::string_view id) const {
    const auto it = techniques_.find(id);
    return it == techniques_.end() ? nullptr : &it->second;
}

Result<ExportResult> export_case(const model::Case& c, const analysis::Analysis& a,
                                 ExportFormat format, const ExportOptions& options) {
    switch (format) {
    case ExportFormat::json:
        return export_json(c, a, options);
    case ExportFormat::csv:
        return export_csv(c, a, options);
    case ExportFormat::stix:
        return export_stix(c, a, options);
    case ExportFormat::misp:
        return export_misp(c, a, options);
    }
    return fail(ErrorCode::internal, "unknown export format");
}

std::optional<model::Tlp> effective_tlp(const model::Case& c, const ExportOptions& options) {
    return options.tlp ? options.tlp : c.alert.tlp;
}

Diagnostic missing_tlp_note(const model::Case& c, std::string_view format) {
    Diagnostic d;
    d.level = DiagnosticLevel::warning;
    d.message = fmt::format("{} has no TLP, so the {} export carries no TLP marking",
                            c.alert.ticket_id, format);
    d.hint = "set alert.tlp in case.yaml (e.g. tlp: TLP:AMBER) or pass --tlp amber";
    d.rule = "missing-tlp";
    if (const auto it = c.locations.find("alert.observed_at"); it != c.locations.end()) {
        d.where = SourceLocation{it->second.file, 0, 0};
    }
    return d;
}

std::vector<std::string> case_techniques(const model::Case& c, const analysis::Analysis& a) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    const auto add = [&](std::string_view id) {
        std::string upper(trim(id));
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
        if (!upper.empty() && seen.insert(upper).second) {
            out.push_back(std::move(upper));
        }
    };
    for (const auto& t : c.techniques) {
        add(t);
    }
    for (const auto& i : a.indicators) {
        if (i.type == model::IndicatorType::attack_technique) {
            add(i.value);
        }
    }
    return out;
}

bool is_likely_benign(const analysis::CaseIndicator& i) {
    return !i.warninglists.empty() || (!i.classification.empty() && i.classification != "public");
}

std::string_view indicator_label(model::IndicatorType type) {
    using model::IndicatorType;
    switch (type) {
    case IndicatorType::ipv4:
        return "IPv4 address";
    case IndicatorType::ipv6:
        return "IPv6 address";
    case IndicatorType::domain:
        return "Domain";
    case IndicatorType::url:
        return "URL";
    case IndicatorType::email:
        return "Email address";
    case IndicatorType::md5:
        return "MD5";
    case IndicatorType::sha1:
        return "SHA-1";
    case IndicatorType::sha256:
        return "SHA-256";
    case IndicatorType::sha512:
        return "SHA-512";
    case IndicatorType::ssdeep:
        return "SSDEEP";
    case IndicatorType::imphash:
        return "Import hash";
    case IndicatorType::ja3:
        return "JA3 fingerprint";
    case IndicatorType::cve:
        return "CVE";
    case IndicatorType::attack_technique:
        return "ATT&CK technique";
    case IndicatorType::attack_tactic:
        return "ATT&CK tactic";
    case IndicatorType::attack_mitigation:
        return "ATT&CK mitigation";
    case IndicatorType::registry_key:
        return "Registry key";
    case IndicatorType::file_path:
        return "File path";
    case IndicatorType::filename:
        return "File name";
    case IndicatorType::btc:
        return "Bitcoin address";
    case IndicatorType::xmr:
        return "Monero address";
    case IndicatorType::asn:
        return "Autonomous system";
    case IndicatorType::mac:
        return "MAC address";
    case IndicatorType::email_subject:
        return "Email subject";
    case IndicatorType::scheduled_task:
        return "Scheduled task";
    case IndicatorType::user_agent:
        return "User agent";
    case IndicatorType::other:
        return "Indicator";
    }
    return "Indicator";
}

std::string provenance_summary(const analysis::CaseIndicator& i) {
    std::vector<std::string> labels;
    for (const auto& p : i.seen_in) {
        labels.push_back(p.label);
    }
    return join(labels, "; ");
}

std::string case_key(const model::Case& c) {
    return fmt::format("{}|{}", c.alert.ticket_id, format_rfc3339(c.alert.observed_at.utc));
}

std::string millis_timestamp(Timestamp t) {
    const auto ms = std::chrono::floor<std::chrono::milliseconds>(t);
    const auto secs = std::chrono::floor<std::chrono::seconds>(ms);
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03d}Z", secs, static_cast<int>((ms - secs).count()));
}

} // namespace casefile::exporting
