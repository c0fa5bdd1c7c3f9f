#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "core/error.hpp"
#include "ioc/extractor.hpp"

namespace casefile::cli {

/// Where the IoC engine's reference data comes from; shared by every command that extracts
/// or classifies indicators.
struct ExtractorFlags {
    std::string warninglists; ///< MISP warninglists folder; env CASEFILE_WARNINGLISTS
    std::string psl;          ///< Public Suffix List file; env CASEFILE_PSL
};

/// Adds --warninglists and --psl to `cmd`.
void add_extractor_flags(CLI::App* cmd, ExtractorFlags& flags);

/// The Extractor for these flags, falling back to the environment, then to the built-in facts
/// and Debian's Public Suffix List. Notes about lists that could not be loaded go to stderr.
[[nodiscard]] Result<ioc::Extractor> make_extractor(const ExtractorFlags& flags);

} // namespace casefile::cli
