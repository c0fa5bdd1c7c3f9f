#include "cli/extractor_options.hpp"

#include <cstdio>
#include <cstdlib>

namespace casefile::cli {

void add_extractor_flags(CLI::App* cmd, ExtractorFlags& flags) {
    cmd->add_option("--warninglists", flags.warninglists,
                    "folder of MISP warninglists (<name>/list.json); default: "
                    "$CASEFILE_WARNINGLISTS, else built-in facts");
    cmd->add_option(
        "--psl", flags.psl,
        "Public Suffix List file, for a list newer than Debian's; default: $CASEFILE_PSL");
}

Result<ioc::Extractor> make_extractor(const ExtractorFlags& flags) {
    const auto from_env = [](const std::string& flag, const char* name) {
        if (!flag.empty()) {
            return flag;
        }
        const char* value = std::getenv(name);
        return std::string(value != nullptr ? value : "");
    };
    ioc::ExtractorConfig config;
    config.warninglist_dir = from_env(flags.warninglists, "CASEFILE_WARNINGLISTS");
    config.psl_file = from_env(flags.psl, "CASEFILE_PSL");
    auto extractor = ioc::Extractor::create(config);
    if (extractor) {
        for (const Diagnostic& note : extractor->load_notes()) {
            std::fprintf(stderr, "%s\n", note.to_string().c_str());
        }
    }
    return extractor;
}

} // namespace casefile::cli
