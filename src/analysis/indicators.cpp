// The case's indicator list: hand-entered ones first, then everything the extractor finds in
// the case's text, each with the places it was seen.
#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "analysis/analyze.hpp"
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
    TextSource(std::string label_, std::string_view text_, SourceLocation base_,
               bool from_file_ = false, SourceKind kind_ = SourceKind::narrative,
               const std::optional<Time>& time_ = no_time())
        : label(std::move(label_)), text(text_), base(std::move(base_)), from_file(from_file_),
          kind(kind_), time(time_ ? &*time_ : nullptr) {}

    static const std::optional<Time>& no_time() {
        static const std::optional<Time> none;
        return none;
    }

    std::string label;
    std::string_view text;
    SourceLocation base; ///< the evidence file (line/column come from the scan), or the YAML entry
    bool from_file = false;
    SourceKind kind = SourceKind::narrative;
    const Time* time = nullptr; ///< when what the text records was seen, if the case says
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
            seen(entry(found.type, found.value), source, where);
        }
        for (const ContextIndicator& found : find_context_indicators(source.text)) {
            seen(entry(found.type, found.value), source, source.base);
        }
    }

private:
    static void seen(CaseIndicator& ci, const TextSource& source, const SourceLocation& where) {
        const bool known =
            std::any_of(ci.seen_in.begin(), ci.seen_in.end(),
                        [&](const Provenance& p) { return p.label == source.label; });
        if (!known) {
            ci.seen_in.push_back(Provenance{source.label, where, source.kind});
        }
        if (source.time != nullptr) {
            for (Provenance& p : ci.seen_in) {
                if (p.label == source.label && (!p.time || source.time->utc < p.time->utc)) {
                    p.time = *source.time;
                }
            }
        }
        if (source.time != nullptr && (!ci.first_seen || source.time->utc < ci.first_seen->utc)) {
            ci.first_seen = *source.time;
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
std::vector<TextSource> text_sources(const model::Case& c) {
    std::vector<TextSource> sources;
    const auto yaml = [&](const std::string& key) {
        const auto it = c.locations.find(key);
        return it != c.locations.end() ? it->second : SourceLocation{};
    };
    sources.emplace_back("Description", c.alert.description, yaml("alert.description"));
    size_t n = 0;
    for (const auto& q : c.queries) {
        sources.emplace_back(fmt::format("{} {}", model::display_name(q.language), ++n), q.text,
                             evidence_location(c, q.file, q.where), !q.file.empty(),
                             SourceKind::query);
    }
    n = 0;
    for (const auto& l : c.logs) {
        sources.emplace_back(fmt::format("{} {}", model::display_name(l.kind), ++n), l.text,
                             evidence_location(c, l.file, l.where), !l.file.empty(),
                             SourceKind::log, l.time);
    }
    n = 0;
    for (const auto& cmd : c.commands) {
        sources.emplace_back(fmt::format("Command {}", ++n), cmd.text,
                             evidence_location(c, cmd.file, cmd.where), !cmd.file.empty(),
                             SourceKind::command);
    }
    for (const auto& r : c.osint) {
        const std::string label = "OSINT: " + r.provider;
        // Only the looked-up subject carries the source's first_seen; values in its verdict or
        // behaviours (a C2 address the sample contacts) were not what it first saw.
        sources.emplace_back(label, r.subject, r.where, false, SourceKind::osint, r.first_seen);
        sources.emplace_back(label, r.verdict, r.where, false, SourceKind::osint);
        sources.emplace_back(label, r.classification, r.where, false, SourceKind::osint);
        for (const auto& b : r.behaviours) {
            sources.emplace_back(label, b, r.where, false, SourceKind::osint);
        }
    }
    for (const auto& s : c.triage) {
        sources.emplace_back("Analysis & Triage Steps", s.text, s.where);
    }
    for (const auto& a : c.actions) {
        sources.emplace_back("Actions Taken", a.text, a.where);
    }
    for (const auto& e : c.escalations) {
        sources.emplace_back("Escalations", e.reason, e.where);
    }
    sources.emplace_back("Final Summary", c.summary, yaml("summary"));
    sources.emplace_back("Executive Summary", c.executive_summary, yaml("executive_summary"));
    for (const auto& l : c.lessons) {
        sources.emplace_back("Lessons Learned", l, yaml("lessons"));
    }
    for (const auto& s : c.next_steps) {
        sources.emplace_back("Next Steps", s, yaml("next_steps"));
    }
    for (const auto& s : c.sections) {
        sources.emplace_back(s.title, s.body, s.where);
    }
    return sources;
}

} // namespace

Analysis analyze(const model::Case& c, const ioc::Extractor& extractor) {
    Analysis a;
    IndicatorCollector collector(c, extractor, a);
    collector.add_listed();
    for (const TextSource& source : text_sources(c)) {
        collector.add_found(source);
    }
    return a;
}

} // namespace casefile::analysis
