#include "cli/export_options.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "core/file_io.hpp"
#include "model/enums.hpp"

namespace casefile::cli {
namespace {

std::string flag_or_env(const std::string& flag, const char* name) {
    if (!flag.empty()) {
        return flag;
    }
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

} // namespace

void add_export_flags(CLI::App* cmd, ExportFlags& flags) {
    cmd->add_option("--tlp", flags.tlp,
                    "TLP of the output, overriding the case's alert.tlp: clear, green, amber, "
                    "amber+strict or red");
    cmd->add_option("--org", flags.org,
                    "organisation producing the export (STIX identity, MISP Orgc, Sigma "
                    "author); default: $CASEFILE_ORG, else \"casefile\"");
    cmd->add_option("--attack", flags.attack,
                    "MITRE ATT&CK Enterprise techniques TSV (technique_id, name, tactics) to name "
                    "techniques; default: $CASEFILE_ATTACK");
}

Result<ResolvedExport> resolve_export_flags(const ExportFlags& flags) {
    ResolvedExport out;
    if (!flags.tlp.empty()) {
        out.options.tlp = model::parse_tlp(flags.tlp);
        if (!out.options.tlp) {
            return fail(ErrorCode::bad_usage, fmt::format("unknown TLP '{}'", flags.tlp),
                        "use clear, green, amber, amber+strict or red");
        }
    }
    out.options.organisation = flag_or_env(flags.org, "CASEFILE_ORG");
    if (const std::string path = flag_or_env(flags.attack, "CASEFILE_ATTACK"); !path.empty()) {
        auto text = read_file(path);
        if (!text) {
            return tl::unexpected(text.error());
        }
        auto catalog = exporting::AttackCatalog::parse_tsv(*text, path);
        if (!catalog) {
            return tl::unexpected(catalog.error());
        }
        out.attack = std::make_unique<exporting::AttackCatalog>(std::move(*catalog));
        out.options.attack = out.attack.get();
    }
    out.options.now =
        std::chrono::time_point_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now());
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != 0) {
        int64_t seconds = 0;
        const std::string_view text(epoch);
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
        if (ec != std::errc() || end != text.data() + text.size() || seconds < 0) {
            return fail(ErrorCode::bad_usage,
                        fmt::format("SOURCE_DATE_EPOCH='{}' is not a number of seconds", text),
                        "unset it or set it to a Unix time such as 1764288000");
        }
        out.options.now = Timestamp(std::chrono::seconds(seconds));
    }
    return out;
}

void report_notes(const std::vector<Diagnostic>& notes) {
    for (const Diagnostic& d : notes) {
        std::fprintf(stderr, "%s\n", d.to_string().c_str());
    }
}

} // namespace casefile::cli
