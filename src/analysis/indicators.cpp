// The case's indicator list: hand-entered ones first, then everything the extractor finds in
// the case's text, each with the places it was seen.
#include "analysis/indicators.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "analysis/context_indicators.hpp"
#include "core/text.hpp"
#include "ioc/defang.hpp"

namespace casefile::analysis {
namespace {

using model::IndicatorType;

/// Types that only an analyst can name; the extractor cannot find or check them.
bool is_hand_only(IndicatorType t) {
    return t == IndicatorType::email_subject || t == IndicatorType::scheduled_task ||
           t == IndicatorType::user_agent || t == IndicatorType::other;
}

/// One piece of case text to scan, with the label the report uses for it.
struct TextSource {
    std::string label;
    std::string_view text;
    SourceLocation base; ///< the evidence file (line/column come from the scan), or the YAML entry
    SourceKind kind = SourceKind::narrative;
    bool from_file = false;
    const EvidenceEvents* events = nullptr; ///< for raw logs: their parsed events
    /// When what the text records was seen, if the case says (an OSINT subject's first_seen);
    /// raw logs take their times from their events.
    std::optional<Time> time = std::nullopt;
};

/// Finds the event whose lines hold a given line of its log.
class EventLines {
public:
    explicit EventLines(const EvidenceEvents& evidence) : evidence_(evidence) {
        for (const logs::Event& e : evidence.events) {
            const auto lines = static_cast<uint32_t>(std::count(e.raw.begin(), e.raw.end(), '\n'));
            spans_.push_back({e.line, e.line + lines, &e});
        }
        std::sort(spans_.begin(), spans_.end(),
                  [](const Span& a, const Span& b) { return a.first < b.first; });
    }

    const logs::Event* at(uint32_t line) const {
        auto it = std::upper_bound(spans_.begin(), spans_.end(), line,
                                   [](uint32_t l, const Span& s) { return l < s.first; });
        if (it == spans_.begin()) {
            return nullptr;
        }
        --it;
        return line <= it->last ? it->event : nullptr;
    }

    const EvidenceEvents& evidence() const { return evidence_; }

private:
    struct Span {
        uint32_t first;
        uint32_t last;
        const logs::Event* event;
    };
    const EvidenceEvents& evidence_;
    std::vector<Span> spans_;
};

class IndicatorCollector {
public:
    IndicatorCollector(const model::Case& c, const ioc::Extractor& extractor, Analysis& out)
        : case_(c), extractor_(extractor), out_(out) {
        for (const auto& u : c.entities.users) {
            entity_values_.insert(to_lower(u.email));
        }
        for (const auto& d : c.entities.devices) {
            entity_values_.insert(to_lower(d.hostname));
            entity_values_.insert(to_lower(d.id));
            for (const auto& ip : d.ips) {
                entity_values_.insert(to_lower(ip));
            }
        }
    }

    void add_listed() {
        for (size_t i = 0; i < case_.indicators.size(); ++i) {
            const model::ManualIndicator& m = case_.indicators[i];
            std::string value(trim(m.value));
            if (!is_hand_only(m.type)) {
                auto canonical = extractor_.canonicalize(m.type, value);
                if (canonical) {
                    value = *canonical;
                } else {
                    out_.findings.push_back(Diagnostic{
                        DiagnosticLevel::warning,
                        fmt::format("indicators[{}]: '{}' is not a valid {}: {}", i, m.value,
                                    model::to_string(m.type), canonical.error().message),
                        canonical.error().hint.empty() ? "correct the value or its type"
                                                       : canonical.error().hint,
                        m.where, "invalid-indicator"});
                }
            }
            CaseIndicator& ci = entry(m.type, value);
            ci.listed = true;
            ci.note = m.note;
            ci.file = m.file;
            ci.seen_in.push_back(Provenance{"IoC list", m.where, SourceKind::ioc_list});
        }
    }

    void add_found(const TextSource& source) {
        if (source.text.empty()) {
            return;
        }
        for (const ioc::Indicator& found : extractor_.extract(source.text)) {
            if (entity_values_.contains(to_lower(found.value)) ||
                (found.type == IndicatorType::filename && is_common_program_name(found.value) &&
                 !index_.contains({found.type, found.value}))) {
                continue;
            }
            SourceLocation where = source.base;
            if (source.from_file && !found.occurrences.empty()) {
                where.line = static_cast<int>(found.occurrences.front().line);
                where.column = static_cast<int>(found.occurrences.front().column);
            }
            CaseIndicator& ci = entry(found.type, found.value);
            seen(ci, source, where, source.time);
            if (source.events != nullptr) {
                add_sightings(ci, found, EventLines(*source.events), source);
            }
        }
        for (const ContextIndicator& found : find_context_indicators(source.text)) {
            seen(entry(found.type, found.value), source, source.base, source.time);
        }
    }

private:
    /// One sighting per event the indicator occurs in.
    static void add_sightings(CaseIndicator& ci, const ioc::Indicator& found,
                              const EventLines& lines, const TextSource& source) {
        const logs::Event* last = nullptr;
        for (const ioc::Occurrence& o : found.occurrences) {
            const logs::Event* event = lines.at(o.line);
            if (event == nullptr || event == last) {
                continue;
            }
            last = event;
            Sighting s;
            s.time = event->time;
            if (!s.time && lines.evidence().recorded_time) {
                s.time = lines.evidence().recorded_time->utc;
            }
            s.host = event->host_name;
            s.label = source.label;
            s.where = SourceLocation{lines.evidence().file, static_cast<int>(event->line), 0};
            if (s.time) {
                seen(ci, source, s.where, Time{*s.time, {}, false});
            }
            ci.sightings.push_back(std::move(s));
        }
    }

    /// Records that `ci` appears in `source` (once per label), with the earliest time the
    /// case gives for it there; first_seen follows the earliest of them.
    static void seen(CaseIndicator& ci, const TextSource& source, const SourceLocation& where,
                     const std::optional<Time>& time) {
        auto it = std::find_if(ci.seen_in.begin(), ci.seen_in.end(),
                               [&](const Provenance& p) { return p.label == source.label; });
        if (it == ci.seen_in.end()) {
            ci.seen_in.push_back(Provenance{source.label, where, source.kind});
            it = std::prev(ci.seen_in.end());
        }
        if (time && (!it->time || time->utc < it->time->utc)) {
            it->time = time;
        }
        if (time && (!ci.first_seen || time->utc < ci.first_seen->utc)) {
            ci.first_seen = time;
        }
    }

    CaseIndicator& entry(IndicatorType type, const std::string& value) {
        const auto key = std::make_pair(type, value);
        if (auto it = index_.find(key); it != index_.end()) {
            return out_.indicators[it->second];
        }
        CaseIndicator ci;
        ci.type = type;
        ci.value = value;
        if (is_hand_only(type)) {
            ci.defanged = value;
        } else {
            const ioc::Indicator classified = extractor_.classify(type, value);
            ci.defanged = ioc::defang(type, value);
            if (classified.ip_class) {
                ci.classification = std::string(ioc::to_string(*classified.ip_class));
            }
            ci.warninglists = classified.warninglists;
        }
        index_[key] = out_.indicators.size();
        out_.indicators.push_back(std::move(ci));
        return out_.indicators.back();
    }

    const model::Case& case_;
    const ioc::Extractor& extractor_;
    Analysis& out_;
    std::map<std::pair<IndicatorType, std::string>, size_t> index_;
    std::set<std::string> entity_values_;
};

SourceLocation evidence_location(const model::Case& c, const std::string& file,
                                 const SourceLocation& fallback) {
    if (file.empty()) {
        return fallback;
    }
    return SourceLocation{(c.folder / file).string(), 0, 0};
}

/// Every text of the case worth scanning, in report order. Links and screenshots are
/// references, not observations, so they are left out.
std::vector<TextSource> text_sources(const model::Case& c, const Analysis& a) {
    std::vector<TextSource> sources;
    const auto yaml = [&](const std::string& key) {
        const auto it = c.locations.find(key);
        return it != c.locations.end() ? it->second : SourceLocation{};
    };
    sources.push_back({"Description", c.alert.description, yaml("alert.description")});
    size_t n = 0;
    for (const auto& q : c.queries) {
        sources.push_back({fmt::format("{} {}", model::display_name(q.language), ++n), q.text,
                           evidence_location(c, q.file, q.where), SourceKind::query,
                           !q.file.empty()});
    }
    for (size_t i = 0; i < c.logs.size(); ++i) {
        const model::RawLog& l = c.logs[i];
        const EvidenceEvents* events = i < a.evidence.size() ? &a.evidence[i] : nullptr;
        // A log no parser could read is placed at its recorded time, as in the timeline;
        // otherwise times come from its events.
        const bool unparsed = events == nullptr || events->events.empty();
        sources.push_back({events != nullptr ? events->label : "", l.text,
                           evidence_location(c, l.file, l.where), SourceKind::log, !l.file.empty(),
                           events, unparsed ? l.time : std::nullopt});
    }
    n = 0;
    for (const auto& cmd : c.commands) {
        sources.push_back({fmt::format("Command {}", ++n), cmd.text,
                           evidence_location(c, cmd.file, cmd.where), SourceKind::command,
                           !cmd.file.empty()});
    }
    for (const auto& r : c.osint) {
        const std::string label = "OSINT: " + r.provider;
        // Only the looked-up subject carries the source's first_seen; values in its verdict or
        // behaviours (a C2 address the sample contacts) were not what it first saw.
        sources.push_back(
            {label, r.subject, r.where, SourceKind::osint, false, nullptr, r.first_seen});
        sources.push_back({label, r.verdict, r.where, SourceKind::osint});
        sources.push_back({label, r.classification, r.where, SourceKind::osint});
        for (const auto& b : r.behaviours) {
            sources.push_back({label, b, r.where, SourceKind::osint});
        }
    }
    for (const auto& s : c.triage) {
        sources.push_back({"Analysis & Triage Steps", s.text, s.where});
    }
    for (const auto& a : c.actions) {
        sources.push_back({"Actions Taken", a.text, a.where});
    }
    for (const auto& e : c.escalations) {
        sources.push_back({"Escalations", e.reason, e.where});
    }
    sources.push_back({"Final Summary", c.summary, yaml("summary")});
    sources.push_back({"Executive Summary", c.executive_summary, yaml("executive_summary")});
    for (const auto& l : c.lessons) {
        sources.push_back({"Lessons Learned", l, yaml("lessons")});
    }
    for (const auto& s : c.next_steps) {
        sources.push_back({"Next Steps", s, yaml("next_steps")});
    }
    for (const auto& s : c.sections) {
        sources.push_back({s.title, s.body, s.where});
    }
    return sources;
}

} // namespace

std::optional<SeenRange> seen_range(const CaseIndicator& indicator) {
    std::optional<SeenRange> range;
    for (const Sighting& s : indicator.sightings) {
        if (!s.time) {
            continue;
        }
        if (!range) {
            range = SeenRange{*s.time, *s.time};
        }
        range->first = std::min(range->first, *s.time);
        range->last = std::max(range->last, *s.time);
    }
    return range;
}

void collect_indicators(const model::Case& c, const ioc::Extractor& extractor, Analysis& a) {
    IndicatorCollector collector(c, extractor, a);
    collector.add_listed();
    for (const TextSource& source : text_sources(c, a)) {
        collector.add_found(source);
    }
}

} // namespace casefile::analysis
