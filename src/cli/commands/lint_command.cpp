#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/analyze.hpp"
#include "analysis/lint.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/extractor_options.hpp"
#include "core/file_io.hpp"
#include "core/text.hpp"
#include "importer/importer.hpp"
#include "model/case_yaml.hpp"

namespace casefile::cli {
namespace {

using analysis::LintFinding;
using analysis::LintSeverity;

struct LintCommandOptions {
    std::string target;
    std::string format = "text";
    std::vector<std::string> disable;
    std::string timezone = "UTC";
    ExtractorFlags extractor;
};

std::vector<std::string> all_rule_ids() {
    std::vector<std::string> ids;
    for (const auto& r : analysis::case_lint_rules()) {
        ids.emplace_back(r.id);
    }
    for (const auto& r : importer::markdown_lint_rules()) {
        ids.emplace_back(r.id);
    }
    return ids;
}

/// Lints a case folder: locations in case.yaml and the evidence files.
Result<std::vector<LintFinding>> lint_folder(const LintCommandOptions& o,
                                             const ioc::Extractor& extractor,
                                             analysis::LintOptions& options) {
    auto loaded = model::load_case_folder(o.target);
    if (!loaded) {
        return tl::unexpected(loaded.error());
    }
    if (!loaded->ok()) {
        report_diagnostics(loaded->diagnostics);
        return fail(ErrorCode::bad_input, fmt::format("{} has errors that stop lint", o.target),
                    fmt::format("fix them first ('casefile validate {}' lists them)", o.target));
    }
    const analysis::Analysis a = analysis::analyze(loaded->value, extractor);
    return analysis::lint_case(loaded->value, a, options);
}

/// Lints a Markdown report: its form, then the case it imports to, located in the Markdown.
Result<std::vector<LintFinding>> lint_report(const LintCommandOptions& o,
                                             const ioc::Extractor& extractor,
                                             analysis::LintOptions& options) {
    auto text = read_file(o.target);
    if (!text) {
        return tl::unexpected(text.error());
    }
    importer::ImportOptions import_options;
    import_options.file = o.target;
    import_options.assume_zone = o.timezone;
    auto imported = importer::import_report(*text, extractor, import_options);
    if (!imported) {
        report_error(imported.error());
        importer::ImportedReport empty;
        return importer::lint_markdown(*text, empty, extractor, o.target);
    }
    std::vector<LintFinding> findings =
        importer::lint_markdown(*text, *imported, extractor, o.target);
    options.refine = importer::make_refiner(*text, o.target);
    const analysis::Analysis a = analysis::analyze(imported->value, extractor);
    for (LintFinding& f : analysis::lint_case(imported->value, a, options)) {
        findings.push_back(std::move(f));
    }
    std::erase_if(findings, [&](const LintFinding& f) {
        return std::find(o.disable.begin(), o.disable.end(), f.rule) != o.disable.end();
    });
    analysis::sort_findings(findings);
    return findings;
}

std::string as_json(const std::string& target, const std::vector<LintFinding>& findings) {
    nlohmann::json list = nlohmann::json::array();
    std::map<std::string, size_t> counts{{"error", 0}, {"warning", 0}, {"info", 0}};
    for (const LintFinding& f : findings) {
        ++counts[std::string(analysis::to_string(f.severity))];
        list.push_back(
            {{"rule", f.rule},
             {"severity", analysis::to_string(f.severity)},
             {"message", f.message},
             {"hint", f.hint},
             {"location",
              {{"file", f.where.file}, {"line", f.where.line}, {"column", f.where.column}}}});
    }
    return nlohmann::json{{"target", target}, {"findings", list}, {"counts", counts}}.dump(2) +
           "\n";
}

int run_lint(const LintCommandOptions& o) {
    if (o.format != "text" && o.format != "json") {
        return report_error(Error{ErrorCode::bad_usage,
                                  fmt::format("unknown --format '{}'", o.format),
                                  "use --format text or --format json", std::nullopt});
    }
    const std::vector<std::string> known = all_rule_ids();
    for (const std::string& id : o.disable) {
        if (std::find(known.begin(), known.end(), id) == known.end()) {
            std::vector<std::string_view> names(known.begin(), known.end());
            const std::string guess = closest_match(id, names);
            return report_error(Error{ErrorCode::bad_usage,
                                      fmt::format("--disable {}: no such lint rule", id),
                                      guess.empty() ? "see docs/lint.md for the rule ids"
                                                    : fmt::format("did you mean '{}'?", guess),
                                      std::nullopt});
        }
    }
    if (!is_known_zone(o.timezone)) {
        return report_error(
            Error{ErrorCode::bad_usage, fmt::format("unknown time zone '{}'", o.timezone),
                  "use an IANA zone name such as Europe/Berlin, or UTC", std::nullopt});
    }
    auto extractor = make_extractor(o.extractor);
    if (!extractor) {
        return report_error(extractor.error());
    }
    analysis::LintOptions options;
    options.disable = o.disable;
    options.known_rules = known;
    std::error_code ec;
    auto findings = std::filesystem::is_directory(o.target, ec)
                        ? lint_folder(o, *extractor, options)
                        : lint_report(o, *extractor, options);
    if (!findings) {
        return report_error(findings.error());
    }
    size_t errors = 0;
    size_t warnings = 0;
    for (const LintFinding& f : *findings) {
        errors += f.severity == LintSeverity::error ? 1 : 0;
        warnings += f.severity == LintSeverity::warning ? 1 : 0;
    }
    if (o.format == "json") {
        std::fputs(as_json(o.target, *findings).c_str(), stdout);
    } else {
        for (const LintFinding& f : *findings) {
            std::printf("%s\n", f.to_string().c_str());
            if (!f.hint.empty()) {
                std::printf("    hint: %s\n", f.hint.c_str());
            }
        }
        std::fprintf(stderr, "%s: %zu error%s, %zu warning%s, %zu info\n", o.target.c_str(), errors,
                     errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
                     findings->size() - errors - warnings);
    }
    return errors > 0 ? kExitBadData : kExitOk;
}

} // namespace

void add_lint_command(CLI::App& app, CommandOutcome& outcome) {
    auto options = std::make_shared<LintCommandOptions>();
    CLI::App* cmd = app.add_subcommand(
        "lint",
        "Check a Markdown report or a case folder for the mistakes of hand-made reports.\n"
        "Prints FILE:LINE:COL: severity: message [rule] and a hint; exits 1 when any finding\n"
        "is an error. Rules are listed in docs/lint.md; a case can disable some in case.yaml\n"
        "(lint: {disable: [rule-id]}).\n\n"
        "Examples:\n  casefile lint IR-2025-1142.md\n"
        "  casefile lint examples/IR-2025-1142 --format json --disable action-without-actor\n");
    cmd->add_option("TARGET", options->target, "a Markdown report or a case folder")->required();
    cmd->add_option("--format", options->format, "output: text (default) or json");
    cmd->add_option("--disable", options->disable, "skip this rule (repeatable)");
    cmd->add_option("--timezone", options->timezone,
                    "zone of report times written without one (default UTC)");
    add_extractor_flags(cmd, options->extractor);
    cmd->callback([options, &outcome] { outcome.exit_code = run_lint(*options); });
}

} // namespace casefile::cli
