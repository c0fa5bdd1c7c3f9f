// Test data: a case whose every text field is hostile, for the render tests of each format.
#pragma once

#include <string>

#include "analysis/analysis.hpp"
#include "model/case.hpp"

namespace casefile::render::testdata {

/// Markup, script, link and style breakouts, a template tag and a bidi override, in one string.
inline const std::string kHostile =
    "<script>document.title='PWNED'</script>\n"
    "<img src=x onerror=\"document.title='PWNED'\">\n"
    "<a href=\"javascript:alert(1)\">click</a> [x](javascript:alert(1))\n"
    "</details></summary></pre></code></td></table>\n"
    "</style><style>body{background:red}</style> x{width:expression(alert(1))}\n"
    "<svg onload=alert(1)><iframe src=//evil></iframe> <!-- ]]> {{title}} {{{css}}}\n"
    "bidi: \xE2\x80\xAE"
    "exe.gnp end\n"
    "```\n~~~\n# heading";

inline model::Case hostile_case() {
    using namespace casefile::model;
    Case c;
    c.alert.ticket_id = "IR-<b>1</b>\"";
    c.alert.title = kHostile;
    c.alert.observed_at = *parse_time("2025-11-11T13:42:18Z");
    c.alert.description = kHostile;
    c.alert.tlp = Tlp::amber;
    c.entities.users.push_back(User{
        "S-1-5-21-1-2-3-1001", "<i>Eve</i>", "CORP\\eve", "", "eve@corp.example", kHostile, {}});
    c.entities.devices.push_back(Device{"<b>host</b>.corp.local", "WS-<b>1</b>", {"10.1.2.3"}, {}});
    c.queries.push_back(Query{QueryLanguage::kql, kHostile, kHostile, "", {}, false});
    c.logs.push_back(RawLog{LogKind::proxy, "", kHostile, kHostile, "", std::nullopt, {}, false});
    c.commands.push_back(Command{ScriptLanguage::powershell, kHostile, kHostile, "", {}, false});
    OsintResult o;
    o.provider = kHostile;
    o.subject = kHostile;
    o.behaviours = {kHostile};
    o.links = {"javascript:alert(1)"};
    c.osint.push_back(o);
    c.triage.push_back(Step{std::nullopt, kHostile, kHostile, {}});
    c.actions.push_back(Action{*parse_time("2025-11-11T14:00:00Z"), kHostile, kHostile, {}});
    c.escalations.push_back(Escalation{std::nullopt, kHostile, kHostile, {}});
    c.summary = kHostile;
    c.executive_summary = kHostile;
    c.lessons = {kHostile};
    c.next_steps = {kHostile};
    c.sections.push_back(CustomSection{kHostile, kHostile, {}});
    return c;
}

inline analysis::Analysis hostile_analysis() {
    analysis::Analysis a;
    analysis::CaseIndicator i;
    i.type = model::IndicatorType::other;
    i.value = kHostile;
    i.defanged = kHostile;
    i.note = kHostile;
    i.file = kHostile;
    i.warninglists = {kHostile};
    i.seen_in = {{kHostile, {}}};
    a.indicators.push_back(i);
    return a;
}

} // namespace casefile::render::testdata
