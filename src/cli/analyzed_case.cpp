#include "cli/analyzed_case.hpp"

#include <cstdio>

#include "analysis/analyze.hpp"
#include "cli/exit_code.hpp"
#include "model/case_yaml.hpp"

namespace casefile::cli {

std::vector<Diagnostic> AnalyzedCase::all_findings() const {
    std::vector<Diagnostic> out = load_warnings;
    out.insert(out.end(), analysis.findings.begin(), analysis.findings.end());
    return out;
}

std::optional<AnalyzedCase> load_analyzed_case(const std::string& dir, const ExtractorFlags& flags,
                                               std::string_view verb, int& exit_code) {
    auto loaded = model::load_case_folder(dir);
    if (!loaded) {
        exit_code = report_error(loaded.error());
        return std::nullopt;
    }
    if (!loaded->ok()) {
        report_diagnostics(loaded->diagnostics);
        std::fprintf(stderr,
                     "%.*s: %s has errors; fix them and run again (casefile validate %s lists "
                     "them)\n",
                     static_cast<int>(verb.size()), verb.data(), dir.c_str(), dir.c_str());
        exit_code = kExitBadData;
        return std::nullopt;
    }
    return analyze_loaded_case(std::move(*loaded), flags, exit_code);
}

std::optional<AnalyzedCase> analyze_loaded_case(model::LoadedCase loaded,
                                                const ExtractorFlags& flags, int& exit_code) {
    auto extractor = make_extractor(flags);
    if (!extractor) {
        exit_code = report_error(extractor.error());
        return std::nullopt;
    }
    AnalyzedCase out{
        std::move(loaded.value), std::move(*extractor), {}, std::move(loaded.diagnostics)};
    out.analysis = analysis::analyze(out.value, out.extractor);
    return out;
}

void mention_findings(const AnalyzedCase& c, const std::string& dir, std::string_view verb) {
    const size_t count = c.load_warnings.size() + c.analysis.findings.size();
    if (count > 0) {
        std::fprintf(
            stderr, "%.*s: the case has %zu warning%s; 'casefile validate %s' lists them\n",
            static_cast<int>(verb.size()), verb.data(), count, count == 1 ? "" : "s", dir.c_str());
    }
}

} // namespace casefile::cli
