// render: turns a Case and its Analysis into documents people read. build_document() lays the
// report out once, as sections of format-neutral blocks, for one audience; the Markdown, HTML,
// PDF and DOCX writers only turn those blocks into their format and escape. Nothing here computes
// findings: indicators, their provenance and warninglist hits come from the Analysis.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis.hpp"
#include "core/error.hpp"
#include "core/time.hpp"
#include "model/case.hpp"

namespace casefile::ioc {
class Extractor;
}

namespace casefile::render {

/// Who the report is for.
enum class Audience {
    full,       ///< the technical report: every section and all evidence
    leadership, ///< one page: what happened, impact, status, key times, decisions, next steps
    external,   ///< for sharing outside the team: personal data redacted, no internal queries
};

[[nodiscard]] std::string_view to_string(Audience a);
[[nodiscard]] std::optional<Audience> parse_audience(std::string_view text);

/// "Label: value" facts (Alert Overview, entities, metrics).
struct Field {
    std::string label;
    std::string value;
};

/// A list entry, optionally timed and attributed, with plain-text sub-items.
struct Item {
    std::string time; ///< RFC 3339 UTC; empty when not recorded
    std::string text;
    std::string actor;
    std::vector<std::string> children;
};

/// A piece of raw evidence (query, log, command), shown verbatim.
struct Evidence {
    std::string summary;  ///< "EDR 1", "Auth 3: Logon"
    std::string language; ///< fence language: spl, kql, json, text, powershell...
    std::string content;
};

struct IndicatorRow {
    std::string type;  ///< what one indicator of its type is called: "Domain", "SHA-256"
    std::string value; ///< defanged for network indicators, canonical for the rest
    bool code = false; ///< hashes read best in monospace
    std::string file;  ///< the file a hash belongs to
    std::string note;
    std::string classification; ///< for non-public IPs: "private", ...; else empty
    bool listed = false; ///< in the analyst's IoC list ("seen in"), else only found ("found in")
    std::vector<std::string> seen_in; ///< case places other than the IoC list
    std::string sightings; ///< "2 sightings, first T, last T" / "1 sighting at T"; empty if none
    std::vector<std::string> warninglists;
};

/// Where an indicator appears, in words: its places, then its evidence sightings
/// ("EDR 1, Firewall 2; 2 sightings, first ..., last ..."); empty when only in the IoC list.
[[nodiscard]] std::string where_seen(const IndicatorRow& row);

struct IndicatorGroup {
    std::string name; ///< "Domains", "IP Addresses"...
    std::vector<IndicatorRow> rows;
};

/// One row of the incident timeline (from Analysis::timeline).
struct TimelineRow {
    Timestamp utc{};
    std::string time; ///< RFC 3339 UTC
    std::string source;
    std::string host;
    std::string text;
};

enum class BlockKind {
    fields,     ///< `fields`
    paragraph,  ///< `text`
    list,       ///< `items`, under an optional bold `text` label
    evidence,   ///< `evidence`
    indicators, ///< `groups`
    note,       ///< `text`: an empty section said in words
    label,      ///< `text`: a bold caption before the blocks that follow
    timeline,   ///< `timeline`
};

struct Block {
    BlockKind kind = BlockKind::paragraph;
    std::string text;
    std::vector<Field> fields;
    std::vector<Item> items;
    Evidence evidence;
    std::vector<IndicatorGroup> groups;
    std::vector<TimelineRow> timeline;
    int columns = 1; ///< fields: 2 sets label/value pairs side by side (compact layouts)
};

struct Section {
    std::string id; ///< anchor, unique in the document: "alert-overview"
    std::string title;
    int level = 2;             ///< 2 for sections, 3 for the parts of Evidence
    std::string css_class;     ///< reference-layout wrapper ("section-leadership"), may be empty
    bool page_break = false;   ///< starts a new page in print
    bool reference = true;     ///< part of the reference Markdown layout
    std::vector<Block> blocks; ///< empty for a section that only heads its subsections
};

/// The TLP 2.0 marking of the report (ECOSYSTEM.md §7): label, and its colour on black.
struct Marking {
    std::string label;  ///< "TLP:AMBER"; "TLP: not set" when the case has none
    std::string colour; ///< "#FFC000"
    std::string note;   ///< restriction said in words
    bool set = false;
};

struct ReportDocument {
    Audience audience = Audience::full;
    std::string title; ///< "SOC Investigation Report", "Incident Briefing", ...
    std::string ticket_id;
    std::string alert_title;
    std::string severity;        ///< "Medium"
    std::string severity_key;    ///< "medium"
    std::string severity_colour; ///< "#d97706"
    std::string status;          ///< "Contained", or "Not recorded"
    std::string observed_at;
    Marking tlp;
    std::vector<Section> sections;
};

struct DocumentOptions {
    Audience audience = Audience::full;
    /// Rewrites prose so every indicator in it reads defanged; identity when unset.
    std::function<std::string(std::string_view)> defang_prose;
    /// Finds private addresses to redact in the external audience; none when null.
    const ioc::Extractor* extractor = nullptr;
};

/// Lays out the report for `options.audience`. Fails (bad_usage) for an external report of a
/// TLP:RED or TLP:AMBER+STRICT case, which may not leave the team.
[[nodiscard]] Result<ReportDocument>
build_document(const model::Case& c, const analysis::Analysis& a, const DocumentOptions& options);

} // namespace casefile::render
