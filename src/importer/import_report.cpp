// Markdown report -> Case. The report is cut into sections at its headings (any level); each
// section is read by the reader for the part of the layout its heading names. What a reader
// cannot map is kept verbatim in a "Kept from ..." custom section, so nothing is lost.
#include <algorithm>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "core/text.hpp"
#include "importer/evidence_times.hpp"
#include "importer/importer.hpp"
#include "importer/markdown_doc.hpp"
#include "importer/report_importer.hpp"
#include "importer/sections.hpp"
#include "model/report_layout.hpp"

namespace casefile::importer::detail {

Importer::Importer(std::string_view markdown, const ioc::Extractor& extractor,
                   const ImportOptions& options)
    : doc_(parse_markdown(markdown)), extractor_(extractor), options_(options) {
    time_options_.assume_zone = options.assume_zone;
}

Result<ImportedReport> Importer::run() {
    const std::vector<Section> sections = split_sections();
    for (const Section& s : sections) {
        read_section(s);
    }
    move_pasted_rows();
    return finish();
}

Result<ImportedReport> Importer::finish() {
    model::Case& c = result_.value;
    std::stable_sort(c.indicators.begin(), c.indicators.end(),
                     [](const model::ManualIndicator& a, const model::ManualIndicator& b) {
                         return model::indicator_group_rank(a.type) <
                                model::indicator_group_rank(b.type);
                     });
    model::Alert& a = c.alert;
    if (!have_observed_) {
        std::optional<Time> earliest;
        if (auto e = earliest_evidence_time(c)) {
            earliest = *e;
        }
        for (const auto& act : c.actions) {
            if (act.time && (!earliest || act.time->utc < earliest->utc)) {
                earliest = act.time;
            }
        }
        if (!earliest) {
            return fail(ErrorCode::bad_input,
                        fmt::format("{}: the report gives no time for the alert (Observed "
                                    "At) and records no other time",
                                    options_.file),
                        "add a line such as '- **Observed At:** 2025-11-11T13:42:00Z' "
                        "under the alert overview, then import again");
        }
        a.observed_at = *earliest;
        event(ImportEvent::Kind::assumed,
              fmt::format("no Observed At: the earliest time in the report, {}",
                          format_time(*earliest)),
              0);
    }
    if (!have_severity_) {
        event(ImportEvent::Kind::assumed, "no severity: medium", 0);
    }
    if (a.ticket_id.empty()) {
        std::string stem = std::filesystem::path(options_.file).stem().string();
        a.ticket_id = stem.empty() ? "imported-report" : stem;
        event(ImportEvent::Kind::assumed,
              fmt::format("no ticket id: the file name, {}", a.ticket_id), 0);
    }
    const std::string generic = normalize_heading(title_text_);
    const bool generic_title = generic.empty() || generic == "soc investigation report" ||
                               generic == "investigation report" || generic == "incident report";
    if (a.title.empty()) {
        a.title = generic_title ? "Imported investigation report" : title_text_;
        event(ImportEvent::Kind::assumed, fmt::format("no alert title: \"{}\"", a.title), 0);
    } else if (!generic_title && title_text_.find(a.title) == std::string::npos &&
               title_text_.find(a.ticket_id) == std::string::npos) {
        c.sections.insert(c.sections.begin(),
                          model::CustomSection{std::string(kKeptPrefix) + "the report title",
                                               title_text_, at(1)});
        event(ImportEvent::Kind::kept, "the report's own title, as a custom section", 1);
    }
    if (!c.locations.contains("alert")) {
        c.locations["alert"] = at(1);
    }
    keep_nameless_entities();
    // In report order, so the summary reads along the report; whole-report assumptions last.
    const auto order = [](const ImportEvent& e) {
        return e.line == 0 ? std::numeric_limits<int>::max() : e.line;
    };
    std::stable_sort(
        result_.events.begin(), result_.events.end(),
        [&](const ImportEvent& x, const ImportEvent& y) { return order(x) < order(y); });
    return std::move(result_);
}

} // namespace casefile::importer::detail

namespace casefile::importer {

std::string_view to_string(ImportEvent::Kind k) {
    switch (k) {
    case ImportEvent::Kind::mapped:
        return "mapped";
    case ImportEvent::Kind::kept:
        return "kept";
    case ImportEvent::Kind::moved:
        return "moved";
    case ImportEvent::Kind::skipped:
        return "skipped";
    case ImportEvent::Kind::assumed:
        return "assumed";
    }
    return "mapped";
}

Result<ImportedReport> import_report(std::string_view markdown, const ioc::Extractor& extractor,
                                     const ImportOptions& options) {
    // Every imported value must read back from case.yaml, which is UTF-8; say where the report
    // is not rather than carry bytes the loader would reject.
    if (const size_t bad = invalid_utf8_offset(markdown); bad != std::string_view::npos) {
        const auto [line, column] = line_and_column(markdown, bad);
        return fail(ErrorCode::bad_input,
                    fmt::format("the report is not valid UTF-8 (byte 0x{:02X})",
                                static_cast<unsigned char>(markdown[bad])),
                    "save it as UTF-8, for example: iconv -f WINDOWS-1252 -t UTF-8 " +
                        options.file + " > report-utf8.md",
                    SourceLocation{options.file, line, column});
    }
    return detail::Importer(markdown, extractor, options).run();
}

} // namespace casefile::importer
