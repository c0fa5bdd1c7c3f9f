#include "export/stix/stix_bundle.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/text.hpp"
#include "export/json_export.hpp"
#include "export/stix/observables.hpp"
#include "export/stix/pattern_parser.hpp"
#include "export/uuid.hpp"
#include "model/enums.hpp"

namespace casefile::exporting {
namespace stix {

std::string_view tlp_marking_id(model::Tlp tlp) {
    switch (tlp) {
    case model::Tlp::clear:
        return "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
    case model::Tlp::green:
        return "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    case model::Tlp::amber:
        return "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    case model::Tlp::amber_strict:
        return "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
    case model::Tlp::red:
        return "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    }
    return "";
}

nlohmann::ordered_json tlp_marking(model::Tlp tlp) {
    static constexpr std::string_view kTlpExtension =
        "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    std::string level;
    switch (tlp) {
    case model::Tlp::clear:
        level = "clear";
        break;
    case model::Tlp::green:
        level = "green";
        break;
    case model::Tlp::amber:
        level = "amber";
        break;
    case model::Tlp::amber_strict:
        level = "amber+strict";
        break;
    case model::Tlp::red:
        level = "red";
        break;
    }
    return nlohmann::ordered_json{
        {"type", "marking-definition"},
        {"spec_version", "2.1"},
        {"id", tlp_marking_id(tlp)},
        {"created", "2022-10-01T00:00:00.000Z"},
        {"name", model::to_string(tlp)},
        {"extensions",
         {{kTlpExtension, {{"extension_type", "property-extension"}, {"tlp_2_0", level}}}}}};
}

} // namespace stix

namespace {

using Json = nlohmann::ordered_json;
using analysis::CaseIndicator;
using analysis::SourceKind;
using model::IndicatorType;

/// STIX malware-type-ov words found in an OSINT classification ("Downloader → RAT").
std::vector<std::string> malware_types(std::string_view classification) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kWords = {{
        {"downloader", "downloader"},
        {"dropper", "dropper"},
        {"rat", "remote-access-trojan"},
        {"remote access", "remote-access-trojan"},
        {"backdoor", "backdoor"},
        {"ransomware", "ransomware"},
        {"trojan", "trojan"},
        {"worm", "worm"},
        {"keylogger", "keylogger"},
        {"spyware", "spyware"},
        {"stealer", "spyware"},
        {"rootkit", "rootkit"},
        {"bootkit", "bootkit"},
        {"webshell", "webshell"},
        {"wiper", "wiper"},
        {"botnet", "bot"},
        {"miner", "resource-exploitation"},
    }};
    const std::string lower = to_lower(classification);
    std::vector<std::string> out;
    for (const auto& [word, type] : kWords) {
        // Whole words only: "rat" must not match "operations".
        for (size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
            const auto is_letter = [&](size_t k) {
                return k < lower.size() && std::isalpha(static_cast<unsigned char>(lower[k]));
            };
            if ((at == 0 || !is_letter(at - 1)) && !is_letter(at + word.size())) {
                if (std::find(out.begin(), out.end(), type) == out.end()) {
                    out.emplace_back(type);
                }
                break;
            }
        }
    }
    return out;
}

std::string attack_url(std::string_view id) {
    // T1059.001 -> techniques/T1059/001/, TA0011 -> tactics/TA0011/, M1036 -> mitigations/M1036/
    if (starts_with_icase(id, "TA")) {
        return fmt::format("https://attack.mitre.org/tactics/{}/", id);
    }
    if (starts_with_icase(id, "M")) {
        return fmt::format("https://attack.mitre.org/mitigations/{}/", id);
    }
    std::string path(id);
    std::replace(path.begin(), path.end(), '.', '/');
    return fmt::format("https://attack.mitre.org/techniques/{}/", path);
}

class BundleBuilder {
public:
    BundleBuilder(const model::Case& c, const analysis::Analysis& a, const ExportOptions& o)
        : case_(c), analysis_(a), options_(o), tlp_(effective_tlp(c, o)) {
        // created is the case's alert time, so every export of the case gives each object the
        // same created; modified is the export time (never before created).
        created_ = millis_timestamp(c.alert.observed_at.utc);
        modified_ = millis_timestamp(std::max(o.now, c.alert.observed_at.utc));
    }

    Result<ExportResult> build() {
        add_identity();
        if (tlp_) {
            objects_.push_back(stix::tlp_marking(*tlp_));
        } else {
            result_.notes.push_back(missing_tlp_note(case_, "STIX"));
        }
        Json incident = sdo("incident", "incident", {{"name", case_name()}});
        if (!case_.alert.description.empty()) {
            incident["description"] = case_.alert.description;
        }
        incident_id_ = add(std::move(incident));
        if (auto ok = add_indicators(); !ok) {
            return tl::unexpected(ok.error());
        }
        add_malware();
        add_attack();
        add_vulnerabilities();
        add_report();
        Json bundle{{"type", "bundle"},
                    {"id", "bundle--" + stable_uuid(fmt::format("stix|{}|bundle|{}",
                                                                case_key(case_), modified_))},
                    {"objects", std::move(objects_)}};
        result_.text = dump_json(bundle);
        return std::move(result_);
    }

private:
    [[nodiscard]] std::string case_name() const {
        return case_.alert.title.empty()
                   ? case_.alert.ticket_id
                   : fmt::format("{}: {}", case_.alert.ticket_id, case_.alert.title);
    }

    [[nodiscard]] std::string object_id(std::string_view type, std::string_view key) const {
        return fmt::format("{}--{}", type,
                           stable_uuid(fmt::format("stix|{}|{}|{}", case_key(case_), type, key)));
    }

    /// A new SDO/SRO with the common properties, followed by `properties`.
    [[nodiscard]] Json sdo(std::string_view type, std::string_view key,
                           std::initializer_list<std::pair<const std::string, Json>> properties) {
        Json o{{"type", type},        {"spec_version", "2.1"}, {"id", object_id(type, key)},
               {"created", created_}, {"modified", modified_}, {"created_by_ref", identity_id_}};
        for (const auto& [k, v] : properties) {
            o[k] = v;
        }
        return o;
    }

    /// Appends the marking and the object; returns its id.
    std::string add(Json object) {
        if (tlp_) {
            object["object_marking_refs"] = Json::array({stix::tlp_marking_id(*tlp_)});
        }
        std::string id = object["id"];
        if (object["type"] != "marking-definition" && object["type"] != "identity") {
            report_refs_.push_back(id);
        }
        objects_.push_back(std::move(object));
        return id;
    }

    void relate(const std::string& source, std::string_view type, const std::string& target) {
        const std::string key = fmt::format("{}|{}|{}", source, type, target);
        if (!relationships_.insert(key).second) {
            return;
        }
        add(sdo("relationship", key,
                {{"relationship_type", type}, {"source_ref", source}, {"target_ref", target}}));
    }

    void add_identity() {
        // The producer is the same object in every export by the same organisation, so its id
        // and times depend on the name only, and it carries no case's marking.
        const bool org = !options_.organisation.empty();
        const std::string name = org ? options_.organisation : "casefile";
        const std::string identity_class = org ? "organization" : "system";
        identity_id_ =
            "identity--" + stable_uuid(fmt::format("stix|identity|{}|{}", identity_class, name));
        objects_.push_back(Json{{"type", "identity"},
                                {"spec_version", "2.1"},
                                {"id", identity_id_},
                                {"created", "1970-01-01T00:00:00.000Z"},
                                {"modified", "1970-01-01T00:00:00.000Z"},
                                {"name", name},
                                {"identity_class", identity_class}});
    }

    [[nodiscard]] std::string describe(const CaseIndicator& i) const {
        std::vector<std::string> parts;
        if (!i.note.empty()) {
            parts.push_back(i.note);
        }
        if (!i.file.empty()) {
            parts.push_back(fmt::format("File: {}.", i.file));
        }
        parts.push_back(fmt::format("Seen in: {}.", provenance_summary(i)));
        if (!i.classification.empty() && i.classification != "public") {
            parts.push_back(fmt::format("A {} address.", i.classification));
        }
        for (const auto& list : i.warninglists) {
            parts.push_back(fmt::format("On warninglist \"{}\": known-benign or shared "
                                        "infrastructure; blocking it may hit legitimate traffic.",
                                        list));
        }
        if (!i.listed) {
            parts.emplace_back("Found in the case's evidence; not on the analyst's IoC list.");
        }
        return join(parts, " ");
    }

    Status add_indicators() {
        // Observed-data per log or command, in case order, holding the SCOs seen there.
        struct Observation {
            std::string label;
            std::optional<Time> time;
            std::vector<std::string> refs;
            std::vector<std::string> indicators;
        };
        std::vector<Observation> observations;
        std::set<std::string> sco_ids;
        for (const CaseIndicator& i : analysis_.indicators) {
            auto mapping = stix::map_indicator(i);
            if (!mapping) {
                return tl::unexpected(mapping.error());
            }
            if (mapping->pattern.empty()) {
                if (i.type == IndicatorType::other) {
                    Diagnostic note;
                    note.level = DiagnosticLevel::info;
                    note.message = fmt::format(
                        "indicator '{}' of type other has no STIX pattern and is not in the bundle",
                        i.value);
                    note.hint = "give it a specific type in case.yaml if it has one";
                    note.rule = "stix-skipped";
                    result_.notes.push_back(std::move(note));
                }
                continue;
            }
            if (auto parsed = stix::parse_pattern(mapping->pattern); !parsed) {
                return fail(ErrorCode::internal,
                            fmt::format("generated STIX pattern {} is invalid: {}",
                                        mapping->pattern, parsed.error().message));
            }
            const std::string kind(indicator_label(i.type));
            Json indicator = sdo(
                "indicator", fmt::format("{}|{}", model::to_string(i.type), i.value),
                {{"name", fmt::format("{}: {}", kind, i.value)},
                 {"description", describe(i)},
                 {"indicator_types", Json::array({i.listed ? "malicious-activity" : "unknown"})},
                 {"pattern", mapping->pattern},
                 {"pattern_type", "stix"},
                 {"pattern_version", "2.1"},
                 {"valid_from",
                  millis_timestamp(i.first_seen && i.first_seen->utc < case_.alert.observed_at.utc
                                       ? i.first_seen->utc
                                       : case_.alert.observed_at.utc)}});
            const std::string indicator_id = add(std::move(indicator));
            indicator_ids_[std::make_pair(i.type, i.value)] = indicator_id;
            relate(indicator_id, "related-to", incident_id_);
            std::string value_sco;
            for (auto& o : mapping->observables) {
                value_sco = o["id"];
                if (sco_ids.insert(value_sco).second) {
                    add(std::move(o));
                }
            }
            if (value_sco.empty()) {
                continue;
            }
            for (const auto& p : i.seen_in) {
                if (p.kind != SourceKind::log && p.kind != SourceKind::command) {
                    continue;
                }
                auto it = std::find_if(observations.begin(), observations.end(),
                                       [&](const Observation& ob) { return ob.label == p.label; });
                if (it == observations.end()) {
                    observations.push_back({p.label, p.time, {}, {}});
                    it = observations.end() - 1;
                }
                if (std::find(it->refs.begin(), it->refs.end(), value_sco) == it->refs.end()) {
                    it->refs.push_back(value_sco);
                }
                it->indicators.push_back(indicator_id);
            }
        }
        for (const Observation& ob : observations) {
            // Without a time in the case, the alert's time stands for when it was observed.
            const std::string when =
                millis_timestamp(ob.time ? ob.time->utc : case_.alert.observed_at.utc);
            Json refs = Json::array();
            for (const auto& r : ob.refs) {
                refs.push_back(r);
            }
            const std::string id = add(sdo("observed-data", ob.label,
                                           {{"first_observed", when},
                                            {"last_observed", when},
                                            {"number_observed", 1},
                                            {"object_refs", refs}}));
            for (const auto& indicator : ob.indicators) {
                relate(indicator, "based-on", id);
            }
        }
        return {};
    }

    void add_malware() {
        for (size_t n = 0; n < case_.osint.size(); ++n) {
            const model::OsintResult& r = case_.osint[n];
            const std::string name =
                !r.classification.empty()
                    ? r.classification
                    : (!r.detection_names.empty() ? r.detection_names.front() : std::string());
            if (name.empty()) {
                continue;
            }
            std::vector<std::string> parts;
            parts.push_back(r.subject.empty() ? fmt::format("Classified by {}.", r.provider)
                                              : fmt::format("{} on {}.", r.provider, r.subject));
            if (r.detections) {
                parts.push_back(fmt::format("{}/{} engines detected it.", r.detections->detected,
                                            r.detections->total));
            }
            if (!r.detection_names.empty()) {
                parts.push_back(fmt::format("Detection names: {}.", join(r.detection_names, ", ")));
            }
            Json malware =
                sdo("malware", fmt::format("osint|{}", n),
                    {{"name", name}, {"description", join(parts, " ")}, {"is_family", false}});
            if (auto types = malware_types(r.classification); !types.empty()) {
                malware["malware_types"] = types;
            }
            if (r.first_seen) {
                malware["first_seen"] = millis_timestamp(r.first_seen->utc);
            }
            if (r.last_seen && (!r.first_seen || r.first_seen->utc <= r.last_seen->utc)) {
                malware["last_seen"] = millis_timestamp(r.last_seen->utc);
            }
            const std::string id = add(std::move(malware));
            relate(id, "related-to", incident_id_);
            // Indicators the same OSINT entry names point at this malware.
            const std::string label = "OSINT: " + r.provider;
            for (const CaseIndicator& i : analysis_.indicators) {
                const auto it = indicator_ids_.find(std::make_pair(i.type, i.value));
                if (it == indicator_ids_.end()) {
                    continue;
                }
                const bool here = std::any_of(
                    i.seen_in.begin(), i.seen_in.end(), [&](const analysis::Provenance& p) {
                        return p.kind == SourceKind::osint && p.label == label;
                    });
                if (here) {
                    relate(it->second, "indicates", id);
                }
            }
        }
    }

    void add_attack() {
        for (const std::string& t : case_techniques(case_, analysis_)) {
            const AttackCatalog::Technique* known =
                options_.attack != nullptr ? options_.attack->find(t) : nullptr;
            Json ap =
                sdo("attack-pattern", t,
                    {{"name", known != nullptr ? known->name : t},
                     {"external_references", Json::array({Json{{"source_name", "mitre-attack"},
                                                               {"external_id", t},
                                                               {"url", attack_url(t)}}})}});
            if (known != nullptr && !known->tactics.empty()) {
                Json phases = Json::array();
                for (const auto& tactic : known->tactics) {
                    phases.push_back(
                        Json{{"kill_chain_name", "mitre-attack"}, {"phase_name", tactic}});
                }
                ap["kill_chain_phases"] = phases;
            }
            relate(add(std::move(ap)), "related-to", incident_id_);
        }
        for (const CaseIndicator& i : analysis_.indicators) {
            if (i.type == IndicatorType::attack_mitigation) {
                const std::string id = add(sdo(
                    "course-of-action", i.value,
                    {{"name", i.value},
                     {"external_references", Json::array({Json{{"source_name", "mitre-attack"},
                                                               {"external_id", i.value},
                                                               {"url", attack_url(i.value)}}})}}));
                relate(id, "related-to", incident_id_);
            } else if (i.type == IndicatorType::attack_tactic) {
                tactics_.push_back(Json{{"source_name", "mitre-attack"},
                                        {"external_id", i.value},
                                        {"url", attack_url(i.value)}});
            }
        }
    }

    void add_vulnerabilities() {
        for (const CaseIndicator& i : analysis_.indicators) {
            if (i.type != IndicatorType::cve) {
                continue;
            }
            const std::string id =
                add(sdo("vulnerability", i.value,
                        {{"name", i.value},
                         {"external_references",
                          Json::array({Json{{"source_name", "cve"}, {"external_id", i.value}}})}}));
            relate(id, "related-to", incident_id_);
        }
    }

    void add_report() {
        const std::string& summary =
            !case_.executive_summary.empty() ? case_.executive_summary : case_.summary;
        Json refs = Json::array();
        for (const auto& r : report_refs_) {
            refs.push_back(r);
        }
        Json report = sdo("report", "report",
                          {{"name", case_name()},
                           {"report_types", Json::array({"threat-report"})},
                           {"published", modified_},
                           {"object_refs", refs}});
        if (!summary.empty()) {
            report["description"] = summary;
        }
        if (!tactics_.empty()) {
            report["external_references"] = tactics_;
        }
        add(std::move(report));
    }

    const model::Case& case_;
    const analysis::Analysis& analysis_;
    const ExportOptions& options_;
    std::optional<model::Tlp> tlp_;
    std::string created_;
    std::string modified_;
    std::string identity_id_;
    std::string incident_id_;
    Json objects_ = Json::array();
    std::vector<std::string> report_refs_;
    std::set<std::string> relationships_;
    std::map<std::pair<IndicatorType, std::string>, std::string> indicator_ids_;
    Json tactics_ = Json::array();
    ExportResult result_;
};

} // namespace

Result<ExportResult> export_stix(const model::Case& c, const analysis::Analysis& a,
                                 const ExportOptions& options) {
    return BundleBuilder(c, a, options).build();
}

} // namespace casefile::exporting
