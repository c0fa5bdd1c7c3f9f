#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/extractor_options.hpp"
#include "core/file_io.hpp"
#include "intake/intake.hpp"
#include "intake/new_case.hpp"
#include "model/case_yaml.hpp"
#include "model/enums.hpp"
#include "model/scaffold.hpp"

namespace casefile::cli {
namespace {

struct NewArgs {
    std::string dir;
    std::string ticket;
    std::string title;
    std::string source;
    std::string severity;
    std::string observed_at;
    std::string tlp;
    std::string from_alert;
    std::string entities;
    std::string mapping;
    std::optional<size_t> alert_index;
    std::string ticket_scheme;
    bool force = false;
    ExtractorFlags extractor;
};

constexpr const char* kDescription =
    "Create a case folder: case.yaml and an evidence/ folder. With --from-alert, fill it from a\n"
    "security product's alert export: alert overview, users, devices, indicators, ATT&CK\n"
    "techniques, and the export itself as the first evidence item. Fields the alert lacks are\n"
    "listed, never guessed; give required ones (title, observed time, severity) on the command\n"
    "line. Nothing is written unless the whole folder can be.\n\n"
    "Alert formats (--source, detected when omitted): defender-endpoint, graph-alert,\n"
    "sentinel-incident (with --entities), splunk-notable, crowdstrike-detection,\n"
    "crowdstrike-alert, elastic-alert; any other JSON with --mapping (docs/alert-intake.md).\n\n"
    "Example:\n"
    "  casefile new IR-2025-1200 --title \"Suspicious PowerShell\" --severity high\n"
    "  casefile new cases/IR-2025-1142 --from-alert defender-alert.json --ticket IR-2025-1142\n"
    "  casefile new cases/next --from-alert incident.json --entities entities.json \\\n"
    "      --ticket-scheme 'IR-{year}-{seq:04}'\n";

Timestamp now() {
    return std::chrono::time_point_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now());
}

Result<std::optional<Time>> observed_override(const std::string& text) {
    if (text.empty()) {
        return std::nullopt;
    }
    auto time = parse_time(text);
    if (!time) {
        return fail(ErrorCode::bad_usage, fmt::format("--observed-at: {}", time.error().message),
                    time.error().hint);
    }
    return std::optional<Time>(*time);
}

Result<intake::InputFile> input(const std::string& path) {
    auto text = read_file(path);
    if (!text) {
        return tl::unexpected(text.error());
    }
    return intake::InputFile{path, std::move(*text)};
}

std::string plural(size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

void print_summary(const NewArgs& args, const intake::Intake& in,
                   const intake::CreatedCase& created) {
    const model::Case& c = in.value;
    std::printf("%s %s from %s (%s, %s)\n", created.replaced ? "replaced" : "created",
                args.dir.c_str(), args.from_alert.c_str(), in.format.c_str(),
                c.alert.source.c_str());
    std::printf("  ticket    %s (%s)\n", created.ticket_id.c_str(), created.ticket_origin.c_str());
    std::printf("  title     %s\n", c.alert.title.c_str());
    std::printf("  observed  %s\n", format_rfc3339(c.alert.observed_at.utc).c_str());
    std::printf("  severity  %s\n", std::string(model::to_string(c.alert.severity)).c_str());
    std::printf("  entities  %s, %s\n", plural(c.entities.users.size(), "user", "users").c_str(),
                plural(c.entities.devices.size(), "device", "devices").c_str());
    std::printf("  found     %s, %s, %s\n",
                plural(c.indicators.size(), "indicator", "indicators").c_str(),
                plural(c.techniques.size(), "ATT&CK technique", "ATT&CK techniques").c_str(),
                plural(c.commands.size(), "command line", "command lines").c_str());
    for (const intake::EvidenceFile& file : in.files) {
        std::printf("  evidence  %s\n", file.path.c_str());
    }
    std::printf("next: casefile validate %s && casefile report %s\n", args.dir.c_str(),
                args.dir.c_str());
}

int run_from_alert(const NewArgs& args) {
    intake::IntakeOptions options;
    options.format = args.source.empty() ? "auto" : args.source;
    options.alert_index = args.alert_index;
    options.overrides.title = args.title;
    if (!args.severity.empty()) {
        options.overrides.severity = model::parse_enum<model::Severity>(args.severity);
    }
    if (!args.tlp.empty()) {
        options.overrides.tlp = model::parse_tlp(args.tlp);
        if (!options.overrides.tlp) {
            return report_error(
                Error{ErrorCode::bad_usage,
                      fmt::format("--tlp: unknown TLP label '{}'", args.tlp),
                      "use TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED",
                      {}});
        }
    }
    auto observed = observed_override(args.observed_at);
    if (!observed) {
        return report_error(observed.error());
    }
    options.overrides.observed_at = *observed;
    for (const auto& [path, slot] : {std::pair{&args.entities, &options.entities},
                                     std::pair{&args.mapping, &options.mapping}}) {
        if (!path->empty()) {
            auto file = input(*path);
            if (!file) {
                return report_error(file.error());
            }
            *slot = std::move(*file);
        }
    }
    auto alert = input(args.from_alert);
    if (!alert) {
        return report_error(alert.error());
    }
    auto extractor = make_extractor(args.extractor);
    if (!extractor) {
        return report_error(extractor.error());
    }
    auto in = intake::read_alert(*alert, options, *extractor);
    if (!in) {
        return report_error(in.error());
    }
    (void)report_diagnostics(in->diagnostics);
    if (!in->ok()) {
        std::fprintf(stderr, "nothing was written: give the missing values on the command line\n");
        return kExitBadData;
    }
    intake::CaseDraft draft;
    draft.case_yaml = [c = in->value](const std::string& ticket) mutable {
        c.alert.ticket_id = ticket;
        return model::to_yaml(c);
    };
    draft.files = in->files;
    draft.alert_ticket = in->alert_id;
    auto created = intake::create_case(
        args.dir, draft, intake::CreateOptions{args.ticket, args.ticket_scheme, args.force, now()});
    if (!created) {
        return report_error(created.error());
    }
    print_summary(args, *in, *created);
    return kExitOk;
}

int run_scaffold(const NewArgs& args) {
    model::ScaffoldOptions scaffold;
    scaffold.title = args.title;
    scaffold.source = args.source;
    scaffold.severity = args.severity.empty() ? "medium" : args.severity;
    auto observed = observed_override(args.observed_at);
    if (!observed) {
        return report_error(observed.error());
    }
    scaffold.observed_at = *observed ? (*observed)->utc : now();
    intake::CaseDraft draft;
    draft.case_yaml = [scaffold](const std::string& ticket) mutable {
        scaffold.ticket_id = ticket;
        return model::scaffold_case_yaml(scaffold);
    };
    auto created = intake::create_case(
        args.dir, draft, intake::CreateOptions{args.ticket, args.ticket_scheme, args.force, now()});
    if (!created) {
        return report_error(created.error());
    }
    const char* dir = args.dir.c_str();
    std::printf("%s %s/case.yaml and %s/evidence/ (ticket %s)\n"
                "next: fill in case.yaml, drop exports into evidence/, then run\n"
                "  casefile validate %s\n  casefile report %s\n",
                created->replaced ? "replaced" : "created", dir, dir, created->ticket_id.c_str(),
                dir, dir);
    return kExitOk;
}

} // namespace

void add_new_command(CLI::App& app, CommandOutcome& outcome) {
    auto args = std::make_shared<NewArgs>();
    CLI::App* cmd = app.add_subcommand("new", kDescription);
    cmd->add_option("DIR", args->dir, "case folder to create (must not exist, or be empty)")
        ->required();
    CLI::Option* from_alert = cmd->add_option(
        "--from-alert", args->from_alert, "alert or incident export (JSON) to open the case from");
    cmd->add_option("--source", args->source,
                    "with --from-alert: the export's format (auto, defender-endpoint, "
                    "graph-alert, ...); without: the product that raised the alert");
    cmd->add_option("--entities", args->entities, "Sentinel: the incident's entities export (JSON)")
        ->needs(from_alert);
    cmd->add_option("--mapping", args->mapping,
                    "mapping file (YAML) for JSON from any other product")
        ->needs(from_alert);
    cmd->add_option("--alert-index", args->alert_index,
                    "which alert of an export holding several (from 0)")
        ->needs(from_alert);
    cmd->add_option("--ticket", args->ticket,
                    "ticket id (default: from the ticket scheme, the alert, or the folder name)");
    cmd->add_option("--ticket-scheme", args->ticket_scheme,
                    "number tickets like 'IR-{year}-{seq:04}', per folder of cases (remembered)");
    cmd->add_option("--title", args->title, "alert title (wins over the alert's)");
    cmd->add_option("--severity", args->severity,
                    "informational | low | medium | high | critical (wins over the alert's)")
        ->check([](const std::string& s) {
            return model::parse_enum<model::Severity>(s)
                       ? std::string()
                       : fmt::format("unknown severity '{}': use informational, low, medium, "
                                     "high or critical",
                                     s);
        });
    cmd->add_option("--observed-at", args->observed_at,
                    "when the activity began, RFC 3339 (wins over the alert's)");
    cmd->add_option("--tlp", args->tlp, "with --from-alert: TLP label (default TLP:AMBER)")
        ->needs(from_alert);
    cmd->add_flag("--force", args->force,
                  "replace an existing case folder (kept until the new one is complete)");
    add_extractor_flags(cmd, args->extractor);
    cmd->callback([args, &outcome] {
        outcome.exit_code = args->from_alert.empty() ? run_scaffold(*args) : run_from_alert(*args);
    });
}

} // namespace casefile::cli
