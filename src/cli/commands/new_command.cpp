#include <chrono>
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "model/enums.hpp"
#include "model/scaffold.hpp"

namespace casefile::cli {

void add_new_command(CLI::App& app, CommandOutcome& outcome) {
    auto options = std::make_shared<model::ScaffoldOptions>();
    auto dir = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand(
        "new", "Create a case folder with a commented case.yaml and an evidence/ folder.\n\n"
               "Example:\n  casefile new IR-2025-1200 --title \"Suspicious PowerShell\" "
               "--severity high\n");
    cmd->add_option("DIR", *dir, "folder to create (must not exist or be empty)")->required();
    cmd->add_option("--ticket", options->ticket_id, "ticket id (default: the folder name)");
    cmd->add_option("--title", options->title, "alert title");
    cmd->add_option("--source", options->source, "product that raised the alert");
    cmd->add_option("--severity", options->severity,
                    "informational | low | medium | high | critical")
        ->check([](const std::string& s) {
            return model::parse_enum<model::Severity>(s)
                       ? std::string()
                       : fmt::format("unknown severity '{}': use informational, low, medium, "
                                     "high or critical",
                                     s);
        });
    cmd->callback([options, dir, &outcome] {
        options->observed_at = std::chrono::time_point_cast<std::chrono::nanoseconds>(
            std::chrono::system_clock::now());
        if (auto created = model::create_case_folder(*dir, *options); !created) {
            outcome.exit_code = report_error(created.error());
            return;
        }
        std::printf("created %s/case.yaml and %s/evidence/\n"
                    "next: fill in case.yaml, drop exports into evidence/, then run\n"
                    "  casefile validate %s\n  casefile report %s\n",
                    dir->c_str(), dir->c_str(), dir->c_str(), dir->c_str());
    });
}

} // namespace casefile::cli
