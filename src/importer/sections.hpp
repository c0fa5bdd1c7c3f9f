// Internal to the importer: which part of the reference layout a heading names, however the
// report words it ("IOCs", "Indicators", "Timeline of Actions", "Recommendations").
#pragma once

#include <string>
#include <string_view>

namespace casefile::importer {

enum class SectionKind {
    title,
    alert,
    entities,
    evidence,
    queries,
    logs,
    iocs,
    commands,
    osint,
    triage,
    actions,
    escalations,
    summary,
    executive,
    lessons,
    next_steps,
    custom,
};

/// Heading text lower-cased, '&' as "and", other punctuation as spaces, spaces collapsed.
[[nodiscard]] std::string normalize_heading(std::string_view text);

/// The section a heading names; custom when it names none of the layout's sections.
[[nodiscard]] SectionKind classify_heading(std::string_view text, int level);

/// The reference layout's heading for a section ("Actions Taken").
[[nodiscard]] std::string_view layout_name(SectionKind kind);

/// Titles the importer gives sections it keeps verbatim start with this; such headings are
/// always read back as custom sections.
inline constexpr std::string_view kKeptPrefix = "Kept from ";

} // namespace casefile::importer
