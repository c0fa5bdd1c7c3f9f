#include "export/misp/misp_event.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "export/json_export.hpp"
#include "export/uuid.hpp"
#include "model/enums.hpp"

namespace casefile::exporting {
namespace misp {

AttributeKind attribute_kind(model::IndicatorType type, bool composite_with_file) {
    using model::IndicatorType;
    // Types and categories from MISP's describeTypes; to_ids as its sane_defaults except where
    // docs/exports.md says why not (file names alone match too much to drive an IDS).
    switch (type) {
    case IndicatorType::ipv4:
    case IndicatorType::ipv6:
        return {"ip-dst", "Network activity", true};
    case IndicatorType::domain:
        return {"domain", "Network activity", true};
    case IndicatorType::url:
        return {"url", "Network activity", true};
    case IndicatorType::email:
        return {"email-src", "Payload delivery", true};
    case IndicatorType::md5:
        return {composite_with_file ? "filename|md5" : "md5", "Payload delivery", true};
    case IndicatorType::sha1:
        return {composite_with_file ? "filename|sha1" : "sha1", "Payload delivery", true};
    case IndicatorType::sha256:
        return {composite_with_file ? "filename|sha256" : "sha256", "Payload delivery", true};
    case IndicatorType::sha512:
        return {composite_with_file ? "filename|sha512" : "sha512", "Payload delivery", true};
    case IndicatorType::ssdeep:
        return {composite_with_file ? "filename|ssdeep" : "ssdeep", "Payload delivery", true};
    case IndicatorType::imphash:
        return {composite_with_file ? "filename|imphash" : "imphash", "Payload delivery", true};
    case IndicatorType::ja3:
        return {"ja3-fingerprint-md5", "Network activity", true};
    case IndicatorType::cve:
        return {"vulnerability", "External analysis", false};
    case IndicatorType::attack_technique:
    case IndicatorType::attack_tactic:
    case IndicatorType::attack_mitigation:
        return {"text", "External analysis", false};
    case IndicatorType::registry_key:
        return {"regkey", "Persistence mechanism", true};
    case IndicatorType::file_path:
    case IndicatorType::filename:
        return {"filename", "Artifacts dropped", false};
    case IndicatorType::btc:
        return {"btc", "Financial fraud", true};
    case IndicatorType::xmr:
        return {"xmr", "Financial fraud", true};
    case IndicatorType::asn:
        return {"AS", "Network activity", false};
    case IndicatorType::mac:
        return {"mac-address", "Network activity", false};
    case IndicatorType::email_subject:
        return {"email-subject", "Payload delivery", false};
    case IndicatorType::scheduled_task:
        return {"windows-scheduled-task", "Artifacts dropped", false};
    case IndicatorType::user_agent:
        return {"user-agent", "Network activity", false};
    case IndicatorType::other:
        return {"text", "Other", false};
    }
    return {"text", "Other", false};
}

} // namespace misp

namespace {

using Json = nlohmann::ordered_json;
using model::IndicatorType;

struct TlpTag {
    std::string_view name;
    std::string_view colour;
};

TlpTag tlp_tag(model::Tlp tlp) {
    // MISP tlp taxonomy names and colours.
    switch (tlp) {
    case model::Tlp::clear:
        return {"tlp:clear", "#FFFFFF"};
    case model::Tlp::green:
        return {"tlp:green", "#33FF00"};
    case model::Tlp::amber:
        return {"tlp:amber", "#FFC000"};
    case model::Tlp::amber_strict:
        return {"tlp:amber+strict", "#FFC000"};
    case model::Tlp::red:
        return {"tlp:red", "#FF2B2B"};
    }
    return {"tlp:red", "#FF2B2B"};
}

std::string_view threat_level(model::Severity s) {
    switch (s) {
    case model::Severity::critical:
    case model::Severity::high:
        return "1";
    case model::Severity::medium:
        return "2";
    case model::Severity::low:
        return "3";
    case model::Severity::informational:
        return "4";
    }
    return "4";
}

std::string_view analysis_level(const std::optional<model::CaseStatus>& status) {
    if (!status || *status == model::CaseStatus::open) {
        return "0"; // initial
    }
    if (*status == model::CaseStatus::resolved || *status == model::CaseStatus::closed) {
        return "2"; // complete
    }
    return "1"; // ongoing
}

std::string_view distribution(const std::optional<model::Tlp>& tlp) {
    // The widest MISP distribution the TLP allows; without a TLP, this organisation only.
    if (!tlp) {
        return "0";
    }
    switch (*tlp) {
    case model::Tlp::clear:
        return "3"; // all communities
    case model::Tlp::green:
        return "1"; // this community
    case model::Tlp::amber:
    case model::Tlp::amber_strict:
    case model::Tlp::red:
        return "0"; // your organisation only
    }
    return "0";
}

std::string one_line(std::string_view s, size_t max) {
    std::string out;
    for (const char c : s) {
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    if (out.size() > max) {
        // Cut at a UTF-8 character boundary.
        size_t cut = max;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xc0) == 0x80) {
            --cut;
        }
        out.resize(cut);
    }
    return out;
}

std::string unix_seconds(Timestamp t) {
    return std::to_string(
        std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
}

/// Hash types MISP has a `filename|<hash>` composite for.
bool is_file_hash(IndicatorType t) {
    return t == IndicatorType::md5 || t == IndicatorType::sha1 || t == IndicatorType::sha256 ||
           t == IndicatorType::sha512 || t == IndicatorType::ssdeep || t == IndicatorType::imphash;
}

std::string file_name_of(std::string_view file) {
    const size_t slash = file.find_last_of("\\/");
    return std::string(slash == std::string_view::npos ? file : file.substr(slash + 1));
}

} // namespace

Result<ExportResult> export_misp(const model::Case& c, const analysis::Analysis& a,
                                 const ExportOptions& options) {
    ExportResult result;
    const auto tlp = effective_tlp(c, options);
    const std::string key = case_key(c);
    const std::string timestamp = unix_seconds(options.now);
    const std::string org = options.organisation.empty() ? "casefile" : options.organisation;

    Json tags = Json::array();
    if (tlp) {
        const TlpTag t = tlp_tag(*tlp);
        tags.push_back(Json{{"name", t.name}, {"colour", t.colour}, {"exportable", true}});
    } else {
        result.notes.push_back(missing_tlp_note(c, "MISP"));
    }

    Json attributes = Json::array();
    const auto add_attribute = [&](const misp::AttributeKind& kind, const std::string& value,
                                   bool to_ids, const std::string& comment,
                                   const std::optional<Time>& first_seen) {
        Json attr{
            {"uuid", stable_uuid(fmt::format("misp|{}|attribute|{}|{}", key, kind.type, value))},
            {"type", kind.type},
            {"category", kind.category},
            {"to_ids", to_ids},
            {"value", value},
            {"comment", comment},
            {"distribution", "5"}, // inherit the event's
            {"timestamp", timestamp},
            {"deleted", false}};
        if (first_seen) {
            attr["first_seen"] = millis_timestamp(first_seen->utc);
        }
        attributes.push_back(std::move(attr));
    };

    for (const auto& t : case_techniques(c, a)) {
        const AttackCatalog::Technique* known =
            options.attack != nullptr ? options.attack->find(t) : nullptr;
        if (known != nullptr) {
            tags.push_back(Json{{"name", fmt::format("misp-galaxy:mitre-attack-pattern=\"{} - {}\"",
                                                     known->name, t)},
                                {"exportable", true}});
        } else {
            add_attribute(misp::attribute_kind(IndicatorType::attack_technique, false), t, false,
                          "MITRE ATT&CK technique", std::nullopt);
        }
    }

    for (const auto& i : a.indicators) {
        if (i.type == IndicatorType::attack_technique) {
            continue; // above, with the case's own technique list
        }
        const bool composite = !i.file.empty() && is_file_hash(i.type);
        const misp::AttributeKind kind = misp::attribute_kind(i.type, composite);
        const std::string value =
            composite ? fmt::format("{}|{}", file_name_of(i.file), i.value) : i.value;
        std::vector<std::string> comment;
        if (!i.note.empty()) {
            comment.push_back(i.note);
        }
        if (i.type == IndicatorType::attack_tactic) {
            comment.emplace_back("MITRE ATT&CK tactic");
        } else if (i.type == IndicatorType::attack_mitigation) {
            comment.emplace_back("MITRE ATT&CK mitigation");
        }
        for (const auto& list : i.warninglists) {
            comment.push_back(fmt::format("on warninglist {}", list));
        }
        if (!i.classification.empty() && i.classification != "public") {
            comment.push_back(fmt::format("{} address", i.classification));
        }
        comment.push_back(fmt::format("seen in: {}", provenance_summary(i)));
        add_attribute(kind, value, kind.to_ids && !is_likely_benign(i), join(comment, "; "),
                      i.first_seen);
    }

    Json event{{"uuid", stable_uuid(fmt::format("misp|{}|event", key))},
               {"info", one_line(c.alert.title.empty()
                                     ? c.alert.ticket_id
                                     : fmt::format("{}: {}", c.alert.ticket_id, c.alert.title),
                                 256)},
               {"date", format_time(c.alert.observed_at).substr(0, 10)},
               {"threat_level_id", threat_level(c.alert.severity)},
               {"analysis", analysis_level(c.alert.status)},
               {"distribution", distribution(tlp)},
               {"sharing_group_id", "0"},
               {"published", false},
               {"timestamp", timestamp},
               {"publish_timestamp", "0"},
               {"Orgc", {{"name", org}, {"uuid", stable_uuid("misp|org|" + org)}}},
               {"Tag", tags},
               {"Attribute", attributes}};
    result.text = dump_json(Json{{"Event", event}});
    return result;
}

} // namespace casefile::exporting
