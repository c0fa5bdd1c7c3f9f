#include <cstdio>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/extractor_options.hpp"
#include "core/file_io.hpp"
#include "importer/importer.hpp"
#include "model/case_yaml.hpp"

namespace casefile::cli {
namespace {

struct ImportOptions {
    std::string report;
    std::string output;
    std::string format = "text";
    std::string timezone = "UTC";
    bool force = false;
    ExtractorFlags extractor;
};

using importer::ImportEvent;

std::string text_summary(const ImportOptions& o, const importer::ImportedReport& r) {
    std::map<ImportEvent::Kind, size_t> counts;
    for (const auto& e : r.events) {
        ++counts[e.kind];
    }
    std::string out = fmt::format(
        "imported {} into {}: {} mapped, {} moved, {} kept as written, {} skipped, {} assumed\n",
        o.report, o.output, counts[ImportEvent::Kind::mapped], counts[ImportEvent::Kind::moved],
        counts[ImportEvent::Kind::kept], counts[ImportEvent::Kind::skipped],
        counts[ImportEvent::Kind::assumed]);
    for (const ImportEvent::Kind kind :
         {ImportEvent::Kind::mapped, ImportEvent::Kind::moved, ImportEvent::Kind::kept,
          ImportEvent::Kind::skipped, ImportEvent::Kind::assumed}) {
        if (counts[kind] == 0) {
            continue;
        }
        out += fmt::format("{}:\n", importer::to_string(kind));
        for (const auto& e : r.events) {
            if (e.kind == kind) {
                out += e.line > 0 ? fmt::format("  {}:{}: {}\n", o.report, e.line, e.what)
                                  : fmt::format("  {}: {}\n", o.report, e.what);
            }
        }
    }
    if (!r.findings.empty()) {
        out += fmt::format("the report has {} form defect{} (fixed in the case); 'casefile lint "
                           "{}' lists them with the case's own\n",
                           r.findings.size(), r.findings.size() == 1 ? "" : "s", o.report);
    }
    return out;
}

std::string json_summary(const ImportOptions& o, const importer::ImportedReport& r) {
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : r.events) {
        events.push_back(
            {{"kind", importer::to_string(e.kind)}, {"what", e.what}, {"line", e.line}});
    }
    nlohmann::json out = {{"report", o.report},
                          {"output", o.output},
                          {"events", events},
                          {"form_defects", r.findings.size()}};
    return out.dump(2) + "\n";
}

int run_import(const ImportOptions& o) {
    if (o.format != "text" && o.format != "json") {
        return report_error(Error{ErrorCode::bad_usage,
                                  fmt::format("unknown --format '{}'", o.format),
                                  "use --format text or --format json", std::nullopt});
    }
    if (!is_known_zone(o.timezone)) {
        return report_error(
            Error{ErrorCode::bad_usage, fmt::format("unknown time zone '{}'", o.timezone),
                  "use an IANA zone name such as Europe/Berlin, or UTC", std::nullopt});
    }
    auto text = read_file(o.report);
    if (!text) {
        return report_error(text.error());
    }
    auto extractor = make_extractor(o.extractor);
    if (!extractor) {
        return report_error(extractor.error());
    }
    importer::ImportOptions options;
    options.file = o.report;
    options.assume_zone = o.timezone;
    auto imported = importer::import_report(*text, *extractor, options);
    if (!imported) {
        return report_error(imported.error());
    }
    // The case must load back cleanly before anything is written.
    auto check = model::parse_case_yaml(model::to_yaml(imported->value), "case.yaml");
    if (!check || !check->ok()) {
        if (check) {
            report_diagnostics(check->diagnostics);
        }
        return report_error(Error{ErrorCode::internal,
                                  "the imported case does not read back as a valid case.yaml",
                                  "this is a bug in casefile; please report it with the report "
                                  "file",
                                  std::nullopt});
    }
    if (auto written = importer::write_case_folder(imported->value, o.output, o.force); !written) {
        return report_error(written.error());
    }
    const std::string summary =
        o.format == "json" ? json_summary(o, *imported) : text_summary(o, *imported);
    std::fputs(summary.c_str(), stdout);
    return kExitOk;
}

} // namespace

void add_import_command(CLI::App& app, CommandOutcome& outcome) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* cmd = app.add_subcommand(
        "import",
        "Import a Markdown investigation report into a case folder (case.yaml + evidence/).\n"
        "Sections, tables, pseudo-bullets and defanged values are understood; what maps to no\n"
        "field is kept verbatim. Prints what was mapped, moved, kept and assumed.\n\n"
        "Example:\n  casefile import IR-2025-1142.md -o cases/IR-2025-1142\n");
    cmd->add_option("REPORT", options->report, "the Markdown report")->required();
    cmd->add_option("-o,--output", options->output, "case folder to create")->required();
    cmd->add_flag("--force", options->force, "replace the output folder if it is not empty");
    cmd->add_option("--format", options->format, "summary format: text (default) or json");
    cmd->add_option("--timezone", options->timezone,
                    "zone of times the report writes without one (default UTC)");
    add_extractor_flags(cmd, options->extractor);
    cmd->callback([options, &outcome] { outcome.exit_code = run_import(*options); });
}

} // namespace casefile::cli
