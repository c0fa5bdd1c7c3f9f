#include "render/document/report_document.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "model/report_layout.hpp"
#include "render/document/redaction.hpp"

namespace casefile::render {
namespace {

using namespace casefile::model;

/// The fence follows the content: json only for a JSON document, xml for XML, else text.
std::string_view log_fence(std::string_view text) {
    const std::string_view body = trim(text);
    if (!body.empty() && (body.front() == '{' || body.front() == '[') &&
        nlohmann::json::accept(body)) {
        return "json";
    }
    if (body.starts_with("<") && body.ends_with(">")) {
        return "xml";
    }
    return "text";
}

bool is_hash(IndicatorType t) {
    return t == IndicatorType::md5 || t == IndicatorType::sha1 || t == IndicatorType::sha256 ||
           t == IndicatorType::sha512 || t == IndicatorType::ssdeep || t == IndicatorType::imphash;
}

/// "Domain", "IP Address", "SHA-256": the name of one indicator of a type.
std::string singular_name(IndicatorType t) {
    switch (t) {
    case IndicatorType::md5:
        return "MD5";
    case IndicatorType::sha1:
        return "SHA-1";
    case IndicatorType::sha256:
        return "SHA-256";
    case IndicatorType::sha512:
        return "SHA-512";
    default:
        break;
    }
    std::string name(display_name(t));
    if (name.ends_with("sses") || name.ends_with("shes")) {
        name.resize(name.size() - 2);
    } else if (name.ends_with('s')) {
        name.pop_back();
    }
    return name;
}

std::string evidence_label(std::string_view kind, size_t number, const std::string& title) {
    return title.empty() ? fmt::format("{} {}", kind, number)
                         : fmt::format("{} {}: {}", kind, number, title);
}

Marking marking(const std::optional<Tlp>& tlp) {
    if (!tlp) {
        return {"TLP: not set", "#FFFFFF",
                "The case sets no TLP label; treat it as internal until the owner marks it.",
                false};
    }
    switch (*tlp) {
    case Tlp::clear:
        return {"TLP:CLEAR", "#FFFFFF", "Disclosure is not limited.", true};
    case Tlp::green:
        return {"TLP:GREEN", "#33FF00",
                "Limited disclosure: the community, not via publicly accessible channels.", true};
    case Tlp::amber:
        return {"TLP:AMBER", "#FFC000",
                "Limited disclosure: the recipients' organisation and its clients, need to know.",
                true};
    case Tlp::amber_strict:
        return {"TLP:AMBER+STRICT", "#FFC000",
                "Limited disclosure: the recipients' organisation only.", true};
    case Tlp::red:
        return {"TLP:RED", "#FF2B2B", "For the eyes and ears of individual recipients only.", true};
    }
    return {};
}

std::string severity_colour(Severity s) {
    switch (s) {
    case Severity::informational:
        return "#2563eb";
    case Severity::low:
        return "#15803d";
    case Severity::medium:
        return "#b45309";
    case Severity::high:
        return "#c2410c";
    case Severity::critical:
        return "#b91c1c";
    }
    return "#b45309";
}

/// Findings of the analysis about contradicting times, which the report shows too.
bool is_time_check(const Diagnostic& d) {
    static constexpr std::array<std::string_view, 4> kRules = {
        "time-shift", "time-contradiction", "claim-contradicted", "action-before-alert"};
    return std::find(kRules.begin(), kRules.end(), d.rule) != kRules.end();
}

class Builder {
public:
    Builder(const Case& c, const analysis::Analysis& a, const DocumentOptions& o)
        : case_(c), analysis_(a), options_(o) {
        if (o.audience == Audience::external) {
            redactor_ = Redactor::for_case(c, a, o.extractor);
        }
    }

    Result<ReportDocument> build() {
        const Alert& al = case_.alert;
        doc_.audience = options_.audience;
        doc_.ticket_id = al.ticket_id;
        doc_.alert_title = prose(al.title);
        doc_.severity = std::string(display_name(al.severity));
        doc_.severity_key = std::string(to_string(al.severity));
        doc_.severity_colour = severity_colour(al.severity);
        doc_.status = al.status ? std::string(display_name(*al.status)) : "Not recorded";
        doc_.observed_at = format_time(al.observed_at);
        doc_.tlp = marking(al.tlp);
        switch (options_.audience) {
        case Audience::full:
            doc_.title = "SOC Investigation Report";
            full();
            break;
        case Audience::leadership:
            doc_.title = "Incident Briefing for Leadership";
            leadership();
            break;
        case Audience::external: {
            if (al.tlp && (*al.tlp == Tlp::red || *al.tlp == Tlp::amber_strict)) {
                return fail(ErrorCode::bad_usage,
                            fmt::format("the case is marked {}: it may not be shared outside the "
                                        "team, so there is no external report",
                                        to_string(*al.tlp)),
                            "render --audience full or leadership, or have the case owner "
                            "lower the TLP (alert.tlp in case.yaml) if sharing is intended");
            }
            if (!al.tlp) {
                doc_.tlp = marking(Tlp::amber);
                doc_.tlp.note += " (The case sets no TLP label; the external report defaults to "
                                 "TLP:AMBER.)";
            }
            doc_.title = "Incident Report (External)";
            external();
            break;
        }
        }
        return std::move(doc_);
    }

private:
    // ---- text through the audience's filters -------------------------------------------------

    /// Prose: redacted for external readers, then defanged. Labels and notes repeat a lot in
    /// large cases ("EDR 1", "Action"), so results are remembered.
    std::string prose(std::string_view text) const {
        if (text.empty()) {
            return {};
        }
        const std::string key(text);
        if (auto it = prose_cache_.find(key); it != prose_cache_.end()) {
            return it->second;
        }
        std::string s = redactor_ ? redactor_->apply(text) : key;
        if (options_.defang_prose) {
            s = options_.defang_prose(s);
        }
        if (prose_cache_.size() < 100000) {
            prose_cache_.emplace(key, s);
        }
        return s;
    }
    /// The warninglists an indicator is on, named as prose: list names come from third-party
    /// lists and may hold links (MISP's GitHub list names https://api.github.com/meta).
    std::vector<std::string> list_names(const analysis::CaseIndicator& i) const {
        std::vector<std::string> names;
        for (const std::string& name : i.warninglists) {
            names.push_back(prose(name));
        }
        return names;
    }
    /// Raw evidence: verbatim, except that external readers get it redacted and defanged.
    std::string raw(std::string_view text) const {
        if (!redactor_) {
            return std::string(text);
        }
        return prose(text);
    }

    Section& section(std::string id, std::string title, int level = 2) {
        Section s;
        s.id = std::move(id);
        s.title = std::move(title);
        s.level = level;
        doc_.sections.push_back(std::move(s));
        return doc_.sections.back();
    }
    static Block block(BlockKind kind, std::string text = {}) {
        Block b;
        b.kind = kind;
        b.text = std::move(text);
        return b;
    }
    static void note(Section& s, std::string sentence) {
        s.blocks.push_back(block(BlockKind::note, std::move(sentence)));
    }
    void field(Block& b, std::string label, std::string_view value) const {
        if (!trim(value).empty()) {
            b.fields.push_back({std::move(label), prose(value)});
        }
    }

    // ---- the full report (reference layout) --------------------------------------------------

    void full() {
        alert_overview();
        entity_details();
        section("evidence", "Evidence").page_break = true;
        search_queries();
        raw_logs();
        indicators();
        osint();
        timeline_section(true);
        triage();
        actions();
        escalations();
        summaries();
        custom_sections();
    }

    void alert_overview() {
        const Alert& a = case_.alert;
        Section& s = section("alert-overview", "Alert Overview");
        Block b = block(BlockKind::fields);
        field(b, "Ticket ID", a.ticket_id);
        field(b, "Source", a.source);
        field(b, "Alert Title", a.title);
        field(b, "Observed At", format_time(a.observed_at));
        field(b, "Severity", display_name(a.severity));
        if (a.status) {
            field(b, "Status", display_name(*a.status));
        }
        field(b, "TLP", a.tlp ? to_string(*a.tlp) : "not set");
        field(b, "Description", a.description);
        s.blocks.push_back(std::move(b));
    }

    void entity_details() {
        Section& s = section("user-entity-details", "User/Entity Details");
        const Entities& e = case_.entities;
        if (e.users.empty() && e.devices.empty()) {
            note(s, "No users or devices were recorded.");
            return;
        }
        Block b = block(BlockKind::fields);
        for (const User& u : e.users) {
            field(b, "User ID", u.sid);
            field(b, "User Name", u.name);
            field(b, "Account", u.account);
            field(b, "UPN", u.upn);
            field(b, "Email", u.email);
            field(b, "Title", u.title);
        }
        for (const Device& d : e.devices) {
            field(b, "Device ID", d.id);
            field(b, "Hostname", d.hostname);
            field(b, "IP Addresses", join(d.ips, ", "));
        }
        s.blocks.push_back(std::move(b));
    }

    /// The analysis's timeline, the evidence it could not place, its metrics and, for the
    /// team, the time checks that failed.
    void timeline_section(bool with_checks) {
        Section& s = section("incident-timeline", "Incident Timeline");
        if (analysis_.timeline.empty()) {
            note(s, "Nothing in the case has a time yet.");
        } else {
            Block b = block(BlockKind::timeline);
            b.timeline.reserve(analysis_.timeline.size());
            for (const analysis::TimelineRow& r : analysis_.timeline) {
                b.timeline.push_back({r.time, format_rfc3339(r.time), prose(r.origin),
                                      prose(r.host), prose(r.text)});
            }
            s.blocks.push_back(std::move(b));
        }
        if (!analysis_.untimed.empty()) {
            s.blocks.push_back(
                block(BlockKind::paragraph, "Evidence without a time (not placed above):"));
            Block u = block(BlockKind::list);
            for (const analysis::UntimedEvidence& e : analysis_.untimed) {
                u.items.push_back(Item{"", prose(e.label + ": " + e.reason), "", {}});
            }
            s.blocks.push_back(std::move(u));
        }
        metrics(s);
        if (!with_checks) {
            return;
        }
        Block checks = block(BlockKind::list);
        for (const Diagnostic& d : analysis_.findings) {
            if (is_time_check(d)) {
                checks.items.push_back(Item{"", prose("⚠ " + d.message), "", {}});
            }
        }
        if (!checks.items.empty()) {
            s.blocks.push_back(block(BlockKind::label, "Time checks"));
            s.blocks.push_back(std::move(checks));
        }
    }

    void metrics(Section& s) const {
        const analysis::Metrics& m = analysis_.metrics;
        Block b = block(BlockKind::fields);
        const auto line = [&](std::string label, const std::optional<std::chrono::nanoseconds>& d,
                              std::string_view from, const std::optional<Timestamp>& from_time,
                              std::string_view to, const std::optional<Timestamp>& to_time) {
            if (d && from_time && to_time) {
                b.fields.push_back(
                    {std::move(label),
                     fmt::format("{} ({} {} → {} {})", format_duration(*d), from,
                                 format_rfc3339(*from_time), to, format_rfc3339(*to_time))});
            }
        };
        line("Time to detect", m.time_to_detect(), "first evidence", m.first_event, "alert",
             m.detection);
        line("Time to contain", m.time_to_contain(), "alert", m.detection, "first containment",
             m.first_containment);
        line("Time to last action", m.time_to_last_action(), "alert", m.detection, "last action",
             m.last_action);
        line("Time to escalate", m.time_to_escalate(), "alert", m.detection, "escalation",
             m.first_escalation);
        if (!b.fields.empty()) {
            s.blocks.push_back(block(BlockKind::label, "Metrics"));
            s.blocks.push_back(std::move(b));
        }
    }

    void evidence(Section& s, std::string summary, std::string_view content,
                  std::string_view language) const {
        Block b = block(BlockKind::evidence);
        b.evidence = {prose(summary), std::string(language), raw(content)};
        s.blocks.push_back(std::move(b));
    }

    void search_queries() {
        Section& s = section("search-queries", "Search Queries", 3);
        if (case_.queries.empty()) {
            note(s, "No search queries were recorded.");
            return;
        }
        size_t n = 0;
        for (const Query& q : case_.queries) {
            evidence(s, evidence_label(display_name(q.language), ++n, q.title), q.text,
                     fence_language(q.language));
        }
    }

    void raw_logs() {
        Section& s = section("raw-logs", "Raw Logs", 3);
        if (case_.logs.empty()) {
            note(s, "No raw logs were recorded.");
            return;
        }
        size_t n = 0;
        for (const RawLog& l : case_.logs) {
            evidence(s, evidence_label(display_name(l.kind), ++n, l.title), l.text,
                     log_fence(l.text));
        }
    }

    Block indicator_block() const {
        // Groups appear in a fixed order; within a group, the analysis order (hand-entered first).
        std::map<size_t, IndicatorGroup> groups;
        for (const auto& i : analysis_.indicators) {
            IndicatorGroup& g = groups[indicator_group_rank(i.type)];
            if (g.name.empty()) {
                g.name = std::string(display_name(i.type));
            }
            IndicatorRow row;
            row.type = singular_name(i.type);
            row.code = is_hash(i.type);
            row.value = row.code ? i.value : i.defanged;
            if (redactor_) {
                row.value = redactor_->apply(row.value);
            }
            row.file = prose(i.file);
            row.note = prose(i.note);
            if (!i.classification.empty() && i.classification != "public") {
                row.classification = i.classification;
            }
            for (const auto& p : i.seen_in) {
                if (p.label != "IoC list") {
                    row.seen_in.push_back(prose(p.label));
                }
            }
            row.listed = i.listed;
            if (!i.sightings.empty()) {
                const size_t n = i.sightings.size();
                row.sightings = fmt::format("{} sighting{}", n, n == 1 ? "" : "s");
                if (const auto range = analysis::seen_range(i)) {
                    row.sightings +=
                        range->first == range->last
                            ? fmt::format(" at {}", format_rfc3339(range->first))
                            : fmt::format(", first {}, last {}", format_rfc3339(range->first),
                                          format_rfc3339(range->last));
                }
            }
            row.warninglists = list_names(i);
            g.rows.push_back(std::move(row));
        }
        Block b = block(BlockKind::indicators);
        for (auto& [rank, g] : groups) {
            b.groups.push_back(std::move(g));
        }
        return b;
    }

    void indicators() {
        Section& s = section("indicators", "Indicators of Compromise (IoCs)", 3);
        Block b = indicator_block();
        if (b.groups.empty()) {
            note(s, "No indicators were recorded or found in the evidence.");
        } else {
            s.blocks.push_back(std::move(b));
        }
        s.blocks.push_back(block(BlockKind::label, "Commands/Scripts"));
        if (case_.commands.empty()) {
            note(s, "No commands or scripts were recorded.");
            return;
        }
        size_t n = 0;
        for (const Command& c : case_.commands) {
            evidence(s, evidence_label("Command", ++n, c.title), c.text,
                     fence_language(c.language));
        }
    }

    void osint() {
        Section& s = section("osint", "OSINT & Sandbox Analysis", 3);
        if (case_.osint.empty()) {
            note(s, "No OSINT or sandbox results were recorded.");
            return;
        }
        for (const OsintResult& r : case_.osint) {
            Block b = block(BlockKind::list, prose(r.provider));
            const auto add = [&](std::string_view text) {
                b.items.push_back(Item{"", prose(text), "", {}});
            };
            if (!r.subject.empty()) {
                add(r.subject);
            }
            if (!r.verdict.empty()) {
                add("Verdict: " + r.verdict);
            }
            if (r.detections) {
                std::string line = fmt::format("{} / {} engines detected", r.detections->detected,
                                               r.detections->total);
                if (!r.detection_names.empty()) {
                    line += fmt::format(" (e.g., {})", join(r.detection_names, ", "));
                }
                add(line);
            } else if (!r.detection_names.empty()) {
                add("Detected as: " + join(r.detection_names, ", "));
            }
            if (r.first_seen) {
                add("First seen: " + format_time(*r.first_seen));
            }
            if (r.last_seen) {
                add("Last seen: " + format_time(*r.last_seen));
            }
            if (!r.behaviours.empty()) {
                Item behaviour{"", "Behaviour:", "", {}};
                for (const auto& x : r.behaviours) {
                    behaviour.children.push_back(prose(x));
                }
                b.items.push_back(std::move(behaviour));
            }
            if (!r.classification.empty()) {
                add("Classification: " + r.classification);
            }
            for (const auto& link : r.links) {
                add("Reference: " + link);
            }
            s.blocks.push_back(std::move(b));
        }
        Block shots = block(BlockKind::list, "Screenshot");
        for (const OsintResult& r : case_.osint) {
            if (!r.screenshot) {
                continue;
            }
            const Screenshot& sc = *r.screenshot;
            std::string text = sc.url.empty() ? sc.file : sc.url;
            if (!sc.caption.empty()) {
                text += " (Caption: " + sc.caption + ")";
            }
            shots.items.push_back(Item{"", prose(text + " — from " + r.provider), "", {}});
        }
        if (!shots.items.empty()) {
            s.blocks.push_back(std::move(shots));
        }
    }

    Item timed(const std::optional<Time>& time, std::string_view text,
               std::string_view actor) const {
        return Item{time ? format_time(*time) : "", prose(text), prose(actor), {}};
    }

    Section& triage() {
        Section& s = section("triage", "Analysis & Triage Steps");
        if (case_.triage.empty()) {
            note(s, "No analysis or triage steps were recorded.");
            return s;
        }
        Block b = block(BlockKind::list);
        for (const Step& st : case_.triage) {
            b.items.push_back(timed(st.time, st.text, st.actor));
        }
        s.blocks.push_back(std::move(b));
        return s;
    }

    void actions() {
        Section& s = section("actions", "Actions Taken");
        if (case_.actions.empty()) {
            note(s, "No actions were recorded.");
            return;
        }
        Block b = block(BlockKind::list);
        for (const Action& a : case_.actions) {
            b.items.push_back(timed(a.time, a.text, a.actor));
        }
        s.blocks.push_back(std::move(b));
    }

    std::string escalation_text(const Escalation& e) const {
        std::string line =
            e.to.empty() ? "Escalated (recipient not recorded)" : "Escalated to " + prose(e.to);
        line += e.reason.empty() ? "; reason not recorded." : ": " + prose(e.reason);
        return line;
    }

    void escalations() {
        Section& s = section("escalations", "Escalations");
        if (case_.escalations.empty()) {
            note(s, "No escalations were recorded.");
            return;
        }
        Block b = block(BlockKind::list);
        for (const Escalation& e : case_.escalations) {
            b.items.push_back(Item{e.time ? format_time(*e.time) : "", escalation_text(e), "", {}});
        }
        s.blocks.push_back(std::move(b));
    }

    void paragraph_or_none(Section& s, const std::string& text, std::string missing) const {
        if (trim(text).empty()) {
            note(s, std::move(missing));
        } else {
            s.blocks.push_back(block(BlockKind::paragraph, prose(trim(text))));
        }
    }

    void list_or_none(Section& s, const std::vector<std::string>& items,
                      std::string missing) const {
        if (items.empty()) {
            note(s, std::move(missing));
            return;
        }
        Block b = block(BlockKind::list);
        for (const auto& i : items) {
            b.items.push_back(Item{"", prose(i), "", {}});
        }
        s.blocks.push_back(std::move(b));
    }

    void summaries() {
        Section& f = section("final-summary", "Final Summary");
        f.page_break = true;
        paragraph_or_none(f, case_.summary, "No final summary has been written yet.");
        Section& e = section("executive-summary", "Executive Summary for Leadership");
        e.css_class = "section-leadership";
        paragraph_or_none(e, case_.executive_summary, "No executive summary has been written yet.");
        Section& l = section("lessons-learned", "Lessons Learned");
        l.css_class = "section-lessons";
        list_or_none(l, case_.lessons, "No lessons learned have been recorded yet.");
        Section& n = section("next-steps", "Next Steps");
        n.css_class = "section-nextsteps";
        list_or_none(n, case_.next_steps, "No next steps have been recorded yet.");
    }

    void custom_sections() {
        size_t n = 0;
        for (const CustomSection& cs : case_.sections) {
            Section& s = section(fmt::format("section-{}", ++n), prose(cs.title));
            paragraph_or_none(s, cs.body, "This section is empty.");
        }
    }

    // ---- leadership: one page ----------------------------------------------------------------

    void leadership() {
        Section& what = section("what-happened", "What Happened");
        const std::string& story =
            trim(case_.executive_summary).empty() ? case_.summary : case_.executive_summary;
        if (trim(story).empty()) {
            what.blocks.push_back(block(BlockKind::paragraph, prose(case_.alert.description)));
        } else {
            what.blocks.push_back(block(BlockKind::paragraph, prose(trim(story))));
        }

        Section& impact = section("impact", "Impact and Status");
        Block ib = block(BlockKind::fields);
        ib.columns = 2;
        ib.fields.push_back({"Severity", doc_.severity});
        ib.fields.push_back({"Status", doc_.status});
        std::vector<std::string> users;
        for (const User& u : case_.entities.users) {
            std::string who = !u.name.empty() ? u.name : !u.account.empty() ? u.account : u.email;
            if (!u.title.empty()) {
                who += " (" + u.title + ")";
            }
            users.push_back(who);
        }
        std::vector<std::string> hosts;
        for (const Device& d : case_.entities.devices) {
            hosts.push_back(!d.hostname.empty() ? d.hostname : d.id);
        }
        field(ib, "Affected users", users.empty() ? "none recorded" : join(users, ", "));
        field(ib, "Affected hosts", hosts.empty() ? "none recorded" : join(hosts, ", "));
        size_t warned = 0;
        for (const auto& i : analysis_.indicators) {
            warned += i.warninglists.empty() ? 0 : 1;
        }
        ib.fields.push_back({"Indicators", fmt::format("{} ({} on a warninglist)",
                                                       analysis_.indicators.size(), warned)});
        ib.fields.push_back({"Actions taken", std::to_string(case_.actions.size())});
        impact.blocks.push_back(std::move(ib));
        if (!case_.actions.empty()) {
            const Action& last = case_.actions.back();
            Block lb = block(BlockKind::fields);
            lb.fields.push_back(
                {"Latest action",
                 (last.time ? format_time(*last.time) + " — " : std::string()) + prose(last.text)});
            impact.blocks.push_back(std::move(lb));
        }

        key_times();
        decisions();

        Section& next = section("next-steps", "Next Steps");
        list_or_none(next, case_.next_steps, "No next steps have been recorded yet.");
    }

    void key_times() {
        const analysis::Metrics& m = analysis_.metrics;
        Section& s = section("key-times", "Key Times and Metrics");
        Block b = block(BlockKind::fields);
        b.columns = 2;
        const auto at = [&](std::string label, const std::optional<Timestamp>& t) {
            if (t) {
                b.fields.push_back({std::move(label), format_rfc3339(*t)});
            }
        };
        const auto took = [&](std::string label, const std::optional<std::chrono::nanoseconds>& d) {
            if (d) {
                b.fields.push_back({std::move(label), format_duration(*d)});
            }
        };
        at("First evidence", m.first_event);
        at("Alert observed", m.detection);
        at("First containment", m.first_containment);
        at("Last action", m.last_action);
        took("Time to detect", m.time_to_detect());
        took("Time to contain", m.time_to_contain());
        took("Time to last action", m.time_to_last_action());
        took("Time to escalate", m.time_to_escalate());
        b.fields.push_back(
            {"Evidence items",
             std::to_string(case_.queries.size() + case_.logs.size() + case_.commands.size())});
        b.fields.push_back({"Escalations", std::to_string(case_.escalations.size())});
        s.blocks.push_back(std::move(b));
    }

    void decisions() {
        Section& s = section("decisions", "Decisions Needed");
        Block b = block(BlockKind::list);
        for (const Escalation& e : case_.escalations) {
            if (e.to.empty()) {
                b.items.push_back(
                    Item{"",
                         fmt::format("Name an owner for the escalation of {}: it records no "
                                     "recipient or reason.",
                                     e.time ? format_time(*e.time) : "unknown time"),
                         "",
                         {}});
            }
        }
        for (const auto& i : analysis_.indicators) {
            if (i.warninglists.empty()) {
                continue;
            }
            b.items.push_back(Item{
                "",
                fmt::format("Approve or refuse blocking {}: it is on {} — blocking it may also "
                            "stop legitimate traffic.",
                            i.defanged, join(list_names(i), "; ")),
                "",
                {}});
        }
        const auto checks =
            std::count_if(analysis_.findings.begin(), analysis_.findings.end(), is_time_check);
        if (checks > 0) {
            b.items.push_back(Item{"",
                                   fmt::format("Confirm the incident times: {} time check{} "
                                               "failed (see the full report's timeline).",
                                               checks, checks == 1 ? "" : "s"),
                                   "",
                                   {}});
        }
        if (!case_.alert.status) {
            b.items.push_back(Item{"", "Confirm the case status: none is recorded.", "", {}});
        }
        if (b.items.empty()) {
            note(s, "No decisions are pending.");
        } else {
            s.blocks.push_back(std::move(b));
        }
    }

    // ---- external: shareable -------------------------------------------------------------------

    void external() {
        Section& o = section("alert-overview", "Alert Overview");
        Block b = block(BlockKind::fields);
        field(b, "Reference", case_.alert.ticket_id);
        field(b, "Alert Title", case_.alert.title);
        field(b, "Observed At", format_time(case_.alert.observed_at));
        field(b, "Severity", display_name(case_.alert.severity));
        field(b, "TLP", doc_.tlp.label);
        field(b, "Description", case_.alert.description);
        o.blocks.push_back(std::move(b));
        o.blocks.push_back(block(BlockKind::note,
                                 "Personal data (user names, email addresses, SIDs, internal "
                                 "host names and private addresses) is replaced by stable "
                                 "pseudonyms such as User-1 and Host-1; every indicator is "
                                 "defanged; internal search queries are left out."));
        timeline_section(false);
        Section& ind = section("indicators", "Indicators of Compromise (IoCs)");
        ind.page_break = true;
        Block ib = indicator_block();
        if (ib.groups.empty()) {
            note(ind, "No indicators were recorded or found in the evidence.");
        } else {
            ind.blocks.push_back(std::move(ib));
        }
        Section& ev = section("evidence", "Evidence");
        ev.page_break = true;
        size_t n = 0;
        for (const RawLog& l : case_.logs) {
            evidence(ev, evidence_label(display_name(l.kind), ++n, l.title), l.text,
                     log_fence(l.text));
        }
        n = 0;
        for (const Command& c : case_.commands) {
            evidence(ev, evidence_label("Command", ++n, c.title), c.text,
                     fence_language(c.language));
        }
        if (ev.blocks.empty()) {
            note(ev, "No evidence is included.");
        }
        osint();
        doc_.sections.back().level = 2;
        Section& act = section("actions", "Actions Taken");
        act.page_break = true;
        if (case_.actions.empty()) {
            note(act, "No actions were recorded.");
        } else {
            Block ab = block(BlockKind::list);
            for (const Action& a : case_.actions) {
                // Who did it is internal; what was done is not.
                ab.items.push_back(timed(a.time, a.text, ""));
            }
            act.blocks.push_back(std::move(ab));
        }
        Section& sum = section("summary", "Summary");
        paragraph_or_none(sum, case_.summary, "No summary has been written yet.");
        Section& rec = section("recommendations", "Recommendations");
        list_or_none(rec, case_.lessons, "No recommendations have been recorded.");
    }

    const Case& case_;
    const analysis::Analysis& analysis_;
    const DocumentOptions& options_;
    std::optional<Redactor> redactor_;
    mutable std::unordered_map<std::string, std::string> prose_cache_;
    ReportDocument doc_;
};

} // namespace

std::string where_seen(const IndicatorRow& row) {
    std::string seen = join(row.seen_in, ", ");
    if (!row.sightings.empty()) {
        seen += (seen.empty() ? "" : "; ") + row.sightings;
    }
    return seen;
}

std::string_view to_string(Audience a) {
    switch (a) {
    case Audience::full:
        return "full";
    case Audience::leadership:
        return "leadership";
    case Audience::external:
        return "external";
    }
    return "full";
}

std::optional<Audience> parse_audience(std::string_view text) {
    for (Audience a : {Audience::full, Audience::leadership, Audience::external}) {
        if (equals_icase(text, to_string(a))) {
            return a;
        }
    }
    return std::nullopt;
}

Result<ReportDocument> build_document(const Case& c, const analysis::Analysis& a,
                                      const DocumentOptions& options) {
    return Builder(c, a, options).build();
}

} // namespace casefile::render
