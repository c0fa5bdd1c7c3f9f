// Fuzzes the Markdown importer and the report lint: no input may crash or hang them, and every
// report that imports must give a case whose case.yaml reads back without errors.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analysis/analyze.hpp"
#include "analysis/lint.hpp"
#include "importer/importer.hpp"
#include "model/case_yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace casefile;
    static const ioc::Extractor extractor = [] {
        auto e = ioc::Extractor::create();
        if (!e) {
            std::abort();
        }
        return std::move(*e);
    }();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto imported = importer::import_report(text, extractor, {});
    if (!imported) {
        return 0;
    }
    (void)importer::lint_markdown(text, *imported, extractor, "report.md");
    const analysis::Analysis a = analysis::analyze(imported->value, extractor);
    analysis::LintOptions options;
    options.refine = importer::make_refiner(text, "report.md");
    (void)analysis::lint_case(imported->value, a, options);
    model::Case c = imported->value;
    (void)importer::assign_evidence_files(c);
    auto back = model::parse_case_yaml(model::to_yaml(c), "case.yaml");
    if (!back || !back->ok()) {
        std::abort(); // the importer made a case its own loader rejects
    }
    return 0;
}
