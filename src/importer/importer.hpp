// importer: Markdown investigation reports -> Case. It reads reports in the reference layout
// and the many ways people deviate from it (renamed, reordered or missing sections, tables,
// pseudo-bullets, defanged values, mislabelled code fences) through cmark-gfm's syntax tree,
// maps what it can, keeps everything else verbatim, and says which is which. It also owns the
// lint rules about Markdown form. It never decides what a case means: analysis/ does.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/lint.hpp"
#include "core/error.hpp"
#include "ioc/extractor.hpp"
#include "model/case.hpp"

namespace casefile::importer {

struct ImportOptions {
    std::string file = "report.md";  ///< names the report in locations and messages
    std::string assume_zone = "UTC"; ///< zone for times written without one (IANA name)
};

/// One thing the import did with a part of the report.
struct ImportEvent {
    enum class Kind {
        mapped,  ///< became a case field
        kept,    ///< kept verbatim (custom section or note)
        moved,   ///< found in the wrong place and moved (table rows pasted into code)
        skipped, ///< held nothing (an empty bullet, a placeholder)
        assumed, ///< a value the report did not give was assumed (zone, date, severity)
    };
    Kind kind = Kind::mapped;
    std::string what;
    int line = 0;
};

[[nodiscard]] std::string_view to_string(ImportEvent::Kind k);

/// A report turned into a case. Evidence text is inline (Query::text...); the items' `where`
/// point into the report (a code block's opening fence line).
struct ImportedReport {
    model::Case value;
    std::vector<ImportEvent> events;
    /// Markdown-form findings made while reading (fence languages, pseudo-bullets, pasted
    /// rows, placeholders, duplicated headings, moved indicators).
    std::vector<analysis::LintFinding> findings;
};

/// Imports `markdown`. Fails only when the report gives no time at all for the alert, since a
/// case needs one.
[[nodiscard]] Result<ImportedReport> import_report(std::string_view markdown,
                                                   const ioc::Extractor& extractor,
                                                   const ImportOptions& options = {});

/// Lint rules about Markdown form, in documentation order.
[[nodiscard]] std::span<const analysis::LintRule> markdown_lint_rules();

/// Markdown-form findings for `markdown`: the import's own findings plus the prose checks
/// (live or inconsistently defanged indicators) and missing sections.
[[nodiscard]] std::vector<analysis::LintFinding> lint_markdown(std::string_view markdown,
                                                               const ImportedReport& imported,
                                                               const ioc::Extractor& extractor,
                                                               const std::string& file);

/// A refine function for analysis::LintOptions: narrows a location in the report to the first
/// line at or after it that holds the text (defanged or not).
[[nodiscard]] std::function<std::optional<SourceLocation>(std::string_view, const SourceLocation&)>
make_refiner(std::string_view markdown, const std::string& file);

/// Writes the case as a case folder: case.yaml plus one evidence/ file per query, log and
/// command (edr-1.json, kql-2.kql...). Builds it in a temporary folder beside `dir` and renames
/// it into place. An existing `dir` that is not empty is replaced only with `force`.
[[nodiscard]] Status write_case_folder(const model::Case& c, const std::filesystem::path& dir,
                                       bool force);

/// Gives every inline query, log and command an evidence file name (`file`), numbered within
/// its group; returns the (relative path, text) pairs to write.
[[nodiscard]] std::vector<std::pair<std::string, std::string>>
assign_evidence_files(model::Case& c);

} // namespace casefile::importer
