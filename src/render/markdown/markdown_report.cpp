#include "render/markdown/markdown_report.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "render/markdown/markdown_text.hpp"

namespace casefile::render {
namespace {

using namespace casefile::model;
using markdown::code_block;
using markdown::escape_prose;
using markdown::html_text;
using markdown::inline_code;

/// Writes the report section by section; every piece of case text passes through prose() or a
/// code block, never straight into the output.
class MarkdownReport {
public:
    MarkdownReport(const Case& c, const analysis::Analysis& a, const RenderOptions& o)
        : case_(c), analysis_(a), options_(o) {}

    std::string render() {
        out_ += "# SOC Investigation Report\n\n";
        alert_overview();
        entity_details();
        out_ += "## Evidence\n\n";
        search_queries();
        raw_logs();
        indicators();
        osint();
        timeline();
        triage();
        actions();
        escalations();
        summaries();
        custom_sections();
        while (out_.ends_with("\n\n")) {
            out_.pop_back();
        }
        return out_;
    }

private:
    std::string defanged(std::string_view text) const {
        return options_.defang_prose ? options_.defang_prose(text) : std::string(text);
    }
    std::string prose(std::string_view text) const { return escape_prose(defanged(text)); }
    std::string item(std::string_view text) const { return markdown::list_item(defanged(text)); }

    void field(std::string_view label, std::string_view value) {
        if (!trim(value).empty()) {
            out_ +=
                fmt::format("- **{}:** {}", label, markdown::list_item(defanged(value)).substr(2));
        }
    }
    void none(std::string_view sentence) { out_ += fmt::format("_{}_\n\n", sentence); }

    void details(std::string_view summary, std::string_view content, std::string_view language) {
        out_ += fmt::format("<details>\n<summary>{}</summary>\n\n{}\n</details>\n\n",
                            html_text(summary), code_block(content, language));
    }

    void alert_overview() {
        const Alert& a = case_.alert;
        out_ += "## Alert Overview\n\n";
        field("Ticket ID", a.ticket_id);
        field("Source", a.source);
        field("Alert Title", a.title);
        field("Observed At", format_time(a.observed_at));
        field("Severity", display_name(a.severity));
        if (a.status) {
            field("Status", display_name(*a.status));
        }
        field("TLP", a.tlp ? to_string(*a.tlp) : "not set");
        field("Description", a.description);
        out_ += "\n";
    }

    void entity_details() {
        out_ += "## User/Entity Details\n\n";
        const Entities& e = case_.entities;
        if (e.users.empty() && e.devices.empty()) {
            none("No users or devices were recorded.");
            return;
        }
        for (const User& u : e.users) {
            field("User ID", u.sid);
            field("User Name", u.name);
            field("Account", u.account);
            field("UPN", u.upn);
            field("Email", u.email);
            field("Title", u.title);
        }
        for (const Device& d : e.devices) {
            field("Device ID", d.id);
            field("Hostname", d.hostname);
            field("IP Addresses", join(d.ips, ", "));
        }
        out_ += "\n";
    }

    static std::string label(std::string_view kind, size_t number, const std::string& title) {
        return title.empty() ? fmt::format("{} {}", kind, number)
                             : fmt::format("{} {}: {}", kind, number, title);
    }

    void search_queries() {
        out_ += "### Search Queries\n\n";
        if (case_.queries.empty()) {
            none("No search queries were recorded.");
            return;
        }
        size_t n = 0;
        for (const Query& q : case_.queries) {
            details(label(display_name(q.language), ++n, q.title), q.text, query_fence(q.language));
        }
    }

    void raw_logs() {
        out_ += "### Raw Logs\n\n";
        if (case_.logs.empty()) {
            none("No raw logs were recorded.");
            return;
        }
        size_t n = 0;
        for (const RawLog& l : case_.logs) {
            details(label(display_name(l.kind), ++n, l.title), l.text, log_fence(l.text));
        }
    }

    void indicators() {
        out_ += "### Indicators of Compromise (IoCs)\n\n";
        // Groups appear in a fixed order; within a group, the analysis order (hand-entered first).
        std::map<size_t, std::vector<const analysis::CaseIndicator*>> groups;
        for (const auto& i : analysis_.indicators) {
            groups[group_rank(i.type)].push_back(&i);
        }
        if (groups.empty()) {
            none("No indicators were recorded or found in the evidence.");
        }
        for (const auto& [rank, members] : groups) {
            out_ += fmt::format("**{}:**\n", display_name(members.front()->type));
            for (const auto* i : members) {
                indicator_line(*i);
            }
            out_ += "\n";
        }
        commands();
    }

    void indicator_line(const analysis::CaseIndicator& i) {
        const bool hash = i.type == IndicatorType::md5 || i.type == IndicatorType::sha1 ||
                          i.type == IndicatorType::sha256 || i.type == IndicatorType::sha512 ||
                          i.type == IndicatorType::ssdeep || i.type == IndicatorType::imphash;
        std::string line = hash ? inline_code(i.value) : escape_prose(i.defanged);
        if (!i.file.empty()) {
            line += fmt::format(" (file: {})", prose(i.file));
        }
        if (!i.note.empty()) {
            line += " — " + prose(i.note);
        }
        if (!i.classification.empty() && i.classification != "public") {
            line += fmt::format(" _({} address)_", i.classification);
        }
        std::vector<std::string> places;
        for (const auto& p : i.seen_in) {
            if (p.label != "IoC list") {
                places.push_back(escape_prose(p.label));
            }
        }
        std::string seen = join(places, ", ");
        if (!i.sightings.empty()) {
            seen += fmt::format("{}{} sighting{}", seen.empty() ? "" : "; ", i.sightings.size(),
                                i.sightings.size() == 1 ? "" : "s");
            if (const auto range = analysis::seen_range(i)) {
                seen += range->first == range->last
                            ? fmt::format(" at {}", format_rfc3339(range->first))
                            : fmt::format(", first {}, last {}", format_rfc3339(range->first),
                                          format_rfc3339(range->last));
            }
        }
        // "seen in" for the analyst's own list, "found in" for what only the case's text holds.
        if (!seen.empty()) {
            line += fmt::format(" _({} in: {})_", i.listed ? "seen" : "found", seen);
        }
        out_ += "- " + line + "\n";
        for (const auto& list : i.warninglists) {
            out_ += fmt::format("  - ⚠ On warninglist {}: it is known-benign or shared "
                                "infrastructure; blocking or sweeping it may hit legitimate "
                                "traffic.\n",
                                escape_prose(list));
        }
    }

    void commands() {
        out_ += "**Commands/Scripts:**\n\n";
        if (case_.commands.empty()) {
            none("No commands or scripts were recorded.");
            return;
        }
        size_t n = 0;
        for (const Command& c : case_.commands) {
            details(label("Command", ++n, c.title), c.text, script_fence(c.language));
        }
    }

    void osint() {
        out_ += "### OSINT & Sandbox Analysis\n\n";
        if (case_.osint.empty()) {
            none("No OSINT or sandbox results were recorded.");
            return;
        }
        for (const OsintResult& r : case_.osint) {
            out_ += fmt::format("**{}**:\n", prose(r.provider));
            if (!r.subject.empty()) {
                out_ += item(r.subject);
            }
            if (!r.verdict.empty()) {
                out_ += item("Verdict: " + r.verdict);
            }
            if (r.detections) {
                std::string line = fmt::format("{} / {} engines detected", r.detections->detected,
                                               r.detections->total);
                if (!r.detection_names.empty()) {
                    line += fmt::format(" (e.g., {})", join(r.detection_names, ", "));
                }
                out_ += item(line);
            } else if (!r.detection_names.empty()) {
                out_ += item("Detected as: " + join(r.detection_names, ", "));
            }
            if (r.first_seen) {
                out_ += item("First seen: " + format_time(*r.first_seen));
            }
            if (r.last_seen) {
                out_ += item("Last seen: " + format_time(*r.last_seen));
            }
            if (!r.behaviours.empty()) {
                out_ += "- Behaviour:\n";
                for (const auto& b : r.behaviours) {
                    out_ += "  " + item(b);
                }
            }
            if (!r.classification.empty()) {
                out_ += item("Classification: " + r.classification);
            }
            for (const auto& link : r.links) {
                out_ += item("Reference: " + link);
            }
            out_ += "\n";
        }
        screenshots();
    }

    void screenshots() {
        std::string lines;
        for (const OsintResult& r : case_.osint) {
            if (!r.screenshot) {
                continue;
            }
            const Screenshot& s = *r.screenshot;
            std::string text = s.url.empty() ? s.file : s.url;
            if (!s.caption.empty()) {
                text += " (Caption: " + s.caption + ")";
            }
            lines += item(text + " — from " + r.provider);
        }
        if (!lines.empty()) {
            out_ += "**Screenshot**:\n" + lines + "\n";
        }
    }

    void timeline() {
        out_ += "## Incident Timeline\n\n";
        if (analysis_.timeline.empty()) {
            none("Nothing in the case has a time yet.");
        } else {
            out_ += "| Time (UTC) | Source | Host | What happened |\n|---|---|---|---|\n";
            for (const analysis::TimelineRow& row : analysis_.timeline) {
                out_ += fmt::format("| {} | {} | {} | {} |\n", format_rfc3339(row.time),
                                    markdown::table_cell(row.origin),
                                    markdown::table_cell(defanged(row.host)),
                                    markdown::table_cell(defanged(row.text)));
            }
            out_ += "\n";
        }
        if (!analysis_.untimed.empty()) {
            out_ += "Evidence without a time (not placed above):\n\n";
            for (const analysis::UntimedEvidence& u : analysis_.untimed) {
                out_ += item(u.label + ": " + u.reason);
            }
            out_ += "\n";
        }
        metrics();
        time_checks();
    }

    /// The analysis's findings about contradicting times, so the report flags them too.
    void time_checks() {
        static constexpr std::array kRules = {"time-shift", "time-contradiction",
                                              "claim-contradicted", "action-before-alert"};
        std::string lines;
        for (const Diagnostic& d : analysis_.findings) {
            if (std::find(kRules.begin(), kRules.end(), d.rule) != kRules.end()) {
                lines += item("⚠ " + d.message);
            }
        }
        if (!lines.empty()) {
            out_ += "**Time checks:**\n\n" + lines + "\n";
        }
    }

    void metrics() {
        const analysis::Metrics& m = analysis_.metrics;
        const auto line = [&](std::string_view label,
                              const std::optional<std::chrono::nanoseconds>& d,
                              std::string_view from, const std::optional<Timestamp>& from_time,
                              std::string_view to, const std::optional<Timestamp>& to_time) {
            if (!d) {
                return;
            }
            out_ += fmt::format("- **{}:** {} ({} {} → {} {})\n", label, format_duration(*d), from,
                                format_rfc3339(*from_time), to, format_rfc3339(*to_time));
        };
        const size_t before = out_.size();
        line("Time to detect", m.time_to_detect(), "first evidence", m.first_event, "alert",
             m.detection);
        line("Time to contain", m.time_to_contain(), "alert", m.detection, "first containment",
             m.first_containment);
        line("Time to last action", m.time_to_last_action(), "alert", m.detection, "last action",
             m.last_action);
        line("Time to escalate", m.time_to_escalate(), "alert", m.detection, "escalation",
             m.first_escalation);
        if (out_.size() > before) {
            out_.insert(before, "**Metrics:**\n\n");
            out_ += "\n";
        }
    }

    void triage() {
        out_ += "## Analysis & Triage Steps\n\n";
        if (case_.triage.empty()) {
            none("No analysis or triage steps were recorded.");
            return;
        }
        for (const Step& s : case_.triage) {
            out_ += timed_line(s.time, s.text, s.actor);
        }
        out_ += "\n";
    }

    void actions() {
        out_ += "## Actions Taken\n\n";
        if (case_.actions.empty()) {
            none("No actions were recorded.");
            return;
        }
        for (const Action& a : case_.actions) {
            out_ += timed_line(a.time, a.text, a.actor);
        }
        out_ += "\n";
    }

    std::string timed_line(const std::optional<Time>& time, const std::string& text,
                           const std::string& actor) const {
        std::string line;
        if (time) {
            line += fmt::format("**[{}]** ", format_time(*time));
        }
        line += markdown::list_item(defanged(text)).substr(2);
        if (!actor.empty()) {
            line.pop_back();
            line += fmt::format(" — _{}_\n", prose(actor));
        }
        return "- " + line;
    }

    void escalations() {
        out_ += "## Escalations\n\n";
        if (case_.escalations.empty()) {
            none("No escalations were recorded.");
            return;
        }
        for (const Escalation& e : case_.escalations) {
            std::string line = e.time ? fmt::format("**[{}]** ", format_time(*e.time)) : "";
            line += e.to.empty() ? "Escalated (recipient not recorded)"
                                 : fmt::format("Escalated to **{}**", prose(e.to));
            line += e.reason.empty() ? "; reason not recorded." : ": " + prose(e.reason);
            out_ += "- " + line + "\n";
        }
        out_ += "\n";
    }

    void paragraph_or_none(const std::string& text, std::string_view missing) {
        if (trim(text).empty()) {
            none(missing);
        } else {
            out_ += prose(text) + "\n\n";
        }
    }

    void list_or_none(const std::vector<std::string>& items, std::string_view missing) {
        if (items.empty()) {
            none(missing);
            return;
        }
        for (const auto& i : items) {
            out_ += item(i);
        }
        out_ += "\n";
    }

    void summaries() {
        out_ += "## Final Summary\n\n";
        paragraph_or_none(case_.summary, "No final summary has been written yet.");
        out_ += "<div class=\"section-leadership\">\n\n## Executive Summary for Leadership\n\n";
        paragraph_or_none(case_.executive_summary, "No executive summary has been written yet.");
        out_ += "</div>\n\n<div class=\"section-lessons\">\n\n## Lessons Learned\n\n";
        list_or_none(case_.lessons, "No lessons learned have been recorded yet.");
        out_ += "</div>\n\n<div class=\"section-nextsteps\">\n\n## Next Steps\n\n";
        list_or_none(case_.next_steps, "No next steps have been recorded yet.");
        out_ += "</div>\n\n";
    }

    void custom_sections() {
        for (const CustomSection& s : case_.sections) {
            out_ += fmt::format("## {}\n\n", prose(s.title));
            paragraph_or_none(s.body, "This section is empty.");
        }
    }

    static std::string_view query_fence(QueryLanguage q) {
        switch (q) {
        case QueryLanguage::spl:
            return "spl";
        case QueryLanguage::kql:
            return "kql";
        case QueryLanguage::esql:
            return "esql";
        case QueryLanguage::sigma:
            return "yaml";
        case QueryLanguage::other:
            return "text";
        }
        return "text";
    }

    static std::string_view script_fence(ScriptLanguage l) {
        switch (l) {
        case ScriptLanguage::powershell:
            return "powershell";
        case ScriptLanguage::cmd:
            return "bat";
        case ScriptLanguage::bash:
            return "bash";
        case ScriptLanguage::python:
            return "python";
        case ScriptLanguage::javascript:
            return "javascript";
        case ScriptLanguage::vbscript:
            return "vbscript";
        case ScriptLanguage::other:
            return "text";
        }
        return "text";
    }

    /// The fence follows the content: json only for a JSON document, xml for XML, else text.
    static std::string_view log_fence(std::string_view text) {
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

    static size_t group_rank(IndicatorType t) {
        static constexpr std::array kOrder = {
            IndicatorType::domain,
            IndicatorType::ipv4,
            IndicatorType::url,
            IndicatorType::email,
            IndicatorType::sha256,
            IndicatorType::filename,
            IndicatorType::file_path,
            IndicatorType::registry_key,
            IndicatorType::scheduled_task,
            IndicatorType::email_subject,
            IndicatorType::user_agent,
            IndicatorType::cve,
            IndicatorType::attack_technique,
            IndicatorType::ja3,
            IndicatorType::btc,
            IndicatorType::asn,
            IndicatorType::mac,
            IndicatorType::other,
        };
        // Types that share a heading (ipv4/ipv6, all hashes...) share the rank of its first type.
        for (size_t i = 0; i < kOrder.size(); ++i) {
            if (display_name(kOrder[i]) == display_name(t)) {
                return i;
            }
        }
        return kOrder.size();
    }

    const Case& case_;
    const analysis::Analysis& analysis_;
    const RenderOptions& options_;
    std::string out_;
};

} // namespace

std::string render_markdown(const Case& c, const analysis::Analysis& a,
                            const RenderOptions& options) {
    return MarkdownReport(c, a, options).render() + "\n";
}

} // namespace casefile::render
