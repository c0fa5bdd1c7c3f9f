#include "cli/analyzed_case.hpp"

#include <cstdio>

#include "analysis/analyze.hpp"
#include "cli/exit_code.hpp"
#include "model/case_yaml.hpp"

namespace casefile::cli {

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
    auto extractor = make_extractor(flags);
    if (!extractor) {
        exit_code = report_error(extractor.error());
        return std::nullopt;
    }
    AnalyzedCase out{std::move(loaded->value), {}};
    out.analysis = analysis::analyze(out.value, *extractor);
    report_diagnostics(out.analysis.findings);
    return out;
}

} // namespace casefile::cli
