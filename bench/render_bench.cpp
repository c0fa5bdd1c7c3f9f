// Times the report renderers: Markdown, HTML and PDF of a case folder, and of a generated case
// with 5,000 indicators. Prints the median of N runs per format in milliseconds; the analysis is
// done once, as `casefile report` does it. bench/render_bench.sh runs it beside Chromium.
//
// Usage: render_bench CASE_DIR [RUNS] [--write-html FILE]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analysis/analyze.hpp"
#include "core/file_io.hpp"
#include "ioc/extractor.hpp"
#include "model/case_yaml.hpp"
#include "render/html/html_report.hpp"
#include "render/markdown/markdown_report.hpp"
#include "render/pdf/pdf_report.hpp"

namespace {

using namespace casefile;

double median_ms(int runs, const std::function<size_t()>& work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const size_t bytes = work();
        const auto end = std::chrono::steady_clock::now();
        if (bytes == 0) {
            std::fprintf(stderr, "render_bench: a render produced nothing\n");
            std::exit(1);
        }
        times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void bench(const char* name, const model::Case& c, const analysis::Analysis& a,
           const ioc::Extractor& x, int runs, const std::string& write_html) {
    render::DocumentOptions o;
    o.extractor = &x;
    o.defang_prose = [&](std::string_view s) { return ioc::defang_text(s, x); };
    // The document is laid out once per report; each format then renders from it.
    const double layout =
        median_ms(runs, [&] { return render::build_document(c, a, o)->sections.size(); });
    const render::ReportDocument doc = *render::build_document(c, a, o);
    const double md = median_ms(runs, [&] { return render::render_markdown(doc)->size(); });
    const double html = median_ms(runs, [&] { return render::render_html(doc)->size(); });
    const double pdf = median_ms(runs, [&] { return render::render_pdf(doc, {})->size(); });
    std::printf("%-10s document %7.1f ms   markdown %7.1f ms   html %7.1f ms   pdf %7.1f ms\n",
                name, layout, md, html, pdf);
    if (!write_html.empty()) {
        (void)write_file_atomic(write_html, *render::render_html(doc));
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: render_bench CASE_DIR [RUNS] [--write-html PREFIX]\n");
        return 2;
    }
    const int runs = argc > 2 && argv[2][0] != '-' ? std::max(1, std::atoi(argv[2])) : 9;
    std::string prefix;
    for (int i = 2; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--write-html") == 0) {
            prefix = argv[i + 1];
        }
    }
    auto loaded = model::load_case_folder(argv[1]);
    if (!loaded || !loaded->ok()) {
        std::fprintf(stderr, "render_bench: cannot load %s\n", argv[1]);
        return 1;
    }
    auto x = ioc::Extractor::create();
    if (!x) {
        std::fprintf(stderr, "render_bench: %s\n", x.error().to_string().c_str());
        return 1;
    }
    const model::Case& example = loaded->value;
    const analysis::Analysis a = analysis::analyze(example, *x);
    bench("example", example, a, *x, runs, prefix.empty() ? "" : prefix + "example.html");

    // The same case with 5,000 indicators.
    analysis::Analysis big = analysis::analyze(example, *x); // Analysis is move-only
    for (int i = 0; i < 5000; ++i) {
        analysis::CaseIndicator ind;
        ind.type = model::IndicatorType::domain;
        ind.value = fmt::format("bad-{}.example.net", i);
        ind.defanged = fmt::format("bad-{}[.]example[.]net", i);
        ind.seen_in = {{fmt::format("EDR {}", i % 7 + 1), {}}};
        big.indicators.push_back(std::move(ind));
    }
    bench("5000-iocs", example, big, *x, std::max(1, runs / 3),
          prefix.empty() ? "" : prefix + "5000-iocs.html");
    return 0;
}
