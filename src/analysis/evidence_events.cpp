#include "analysis/evidence_events.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "logs/parse.hpp"

namespace casefile::analysis {

std::string log_label(const model::Case& c, size_t index) {
    return fmt::format("{} {}", model::display_name(c.logs[index].kind), index + 1);
}

std::vector<EvidenceEvents> parse_evidence(const model::Case& c,
                                           std::vector<Diagnostic>& findings) {
    const auto known = logs::known_formats();
    std::vector<EvidenceEvents> out;
    for (size_t i = 0; i < c.logs.size(); ++i) {
        const model::RawLog& log = c.logs[i];
        EvidenceEvents ev;
        ev.label = log_label(c, i);
        // Messages name the file as the user can open it from where casefile runs.
        ev.file = log.file.empty() ? log.where.file : (c.folder / log.file).string();
        ev.recorded_time = log.time;
        ev.where = log.where;

        logs::ParseOptions options;
        options.default_zone = c.timezone;
        if (std::find(known.begin(), known.end(), log.format) != known.end()) {
            options.format = log.format;
        } else if (!log.format.empty() && !log.discovered) {
            findings.push_back(Diagnostic{
                DiagnosticLevel::warning,
                fmt::format("{}: unknown log format '{}', detecting it instead", ev.label,
                            log.format),
                fmt::format("use one of: {}", fmt::join(known.begin(), known.end(), ", ")),
                log.where, "unknown-log-format"});
        }
        auto parsed = logs::parse_log(log.text, ev.file, options);
        if (!parsed) {
            findings.push_back(Diagnostic{DiagnosticLevel::warning,
                                          fmt::format("{}: {}", ev.label, parsed.error().message),
                                          parsed.error().hint, log.where, "unparsable-log"});
            ev.format = "unknown";
        } else {
            ev.format = parsed->format;
            ev.events = std::move(parsed->events);
            for (Diagnostic& d : parsed->diagnostics) {
                d.message = fmt::format("{}: {}", ev.label, d.message);
                if (log.file.empty()) {
                    d.where = log.where; // inline text: point at its case.yaml entry
                }
                if (d.rule.empty()) {
                    d.rule = "log-line";
                }
                findings.push_back(std::move(d));
            }
        }
        out.push_back(std::move(ev));
    }
    return out;
}

} // namespace casefile::analysis
