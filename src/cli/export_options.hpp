#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "core/error.hpp"
#include "export/export.hpp"

namespace casefile::cli {

/// Flags every export and hunt takes.
struct ExportFlags {
    std::string tlp;    ///< overrides the case's TLP
    std::string org;    ///< producing organisation; env CASEFILE_ORG
    std::string attack; ///< ATT&CK techniques TSV; env CASEFILE_ATTACK
};

/// Adds --tlp, --org and --attack to `cmd`.
void add_export_flags(CLI::App* cmd, ExportFlags& flags);

/// ExportOptions for the flags, with the ATT&CK table it points to. The export time is now, or
/// $SOURCE_DATE_EPOCH (seconds) for reproducible output.
struct ResolvedExport {
    exporting::ExportOptions options;
    std::unique_ptr<exporting::AttackCatalog> attack;
};
[[nodiscard]] Result<ResolvedExport> resolve_export_flags(const ExportFlags& flags);

/// Prints export notes (missing TLP, skipped values) to stderr.
void report_notes(const std::vector<Diagnostic>& notes);

} // namespace casefile::cli
