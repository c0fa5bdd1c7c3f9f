#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <openssl/evp.h>
#include <unistd.h>

#include "cli/analyzed_case.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/extractor_options.hpp"
#include "cli/output.hpp"
#include "core/file_io.hpp"
#include "core/text.hpp"
#include "render/docx/docx_report.hpp"
#include "render/gate/safety_gate.hpp"
#include "render/html/html_report.hpp"
#include "render/markdown/markdown_report.hpp"
#include "render/pdf/pdf_report.hpp"

namespace casefile::cli {
namespace {

enum class Format { markdown, html, pdf, docx };

struct ReportOptions {
    std::string dir;
    std::string output;
    std::string format;
    std::string audience = "full";
    std::string template_file;
    std::string paper = "a4";
    bool allow_live = false;
    ExtractorFlags extractor;
};

Result<Format> choose_format(const ReportOptions& o) {
    std::string f = to_lower(o.format);
    if (f.empty()) {
        // Follow the output file's extension; Markdown otherwise.
        f = to_lower(std::filesystem::path(o.output).extension().string());
        if (!f.empty()) {
            f.erase(0, 1);
        }
        if (f != "html" && f != "htm" && f != "pdf" && f != "docx") {
            f = "md";
        }
    }
    if (f == "md" || f == "markdown") {
        return Format::markdown;
    }
    if (f == "html" || f == "htm") {
        return Format::html;
    }
    if (f == "pdf") {
        return Format::pdf;
    }
    if (f == "docx") {
        return Format::docx;
    }
    return fail(ErrorCode::bad_usage, fmt::format("unknown report format '{}'", o.format),
                "use --format md, html, pdf or docx");
}

std::string sha256_hex(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        hex += fmt::format("{:02x}", digest[i]);
    }
    return hex;
}

/// Prints the gate's findings and says how to proceed; returns false when the render must stop.
bool pass_gate(const std::vector<render::GateViolation>& violations, const ReportOptions& o,
               std::string_view format_name) {
    if (violations.empty()) {
        return true;
    }
    const size_t shown = std::min<size_t>(violations.size(), 20);
    for (size_t i = 0; i < shown; ++i) {
        std::fprintf(stderr, "report: %s %s: %s\n",
                     o.allow_live ? "warning:" : "error:", std::string(format_name).c_str(),
                     violations[i].to_string().c_str());
    }
    if (violations.size() > shown) {
        std::fprintf(stderr, "report: ... and %zu more\n", violations.size() - shown);
    }
    if (o.allow_live) {
        std::fprintf(stderr, "report: writing it anyway (--allow-live-indicators)\n");
        return true;
    }
    std::fprintf(stderr,
                 "report: refused: the %s report would carry %zu live indicator(s) or link(s) "
                 "outside raw evidence. Defang them in case.yaml (e.g. evil[.]com, hxxps://), or "
                 "pass --allow-live-indicators if the readers need them live\n",
                 std::string(format_name).c_str(), violations.size());
    return false;
}

int run_report(const ReportOptions& o) {
    const auto format = choose_format(o);
    if (!format) {
        return report_error(format.error());
    }
    const auto audience = render::parse_audience(o.audience);
    if (!audience) {
        return report_error(Error{ErrorCode::bad_usage,
                                  fmt::format("unknown audience '{}'", o.audience),
                                  "use --audience full, leadership or external", std::nullopt});
    }
    const auto paper = render::parse_paper(o.paper);
    if (!paper) {
        return report_error(Error{ErrorCode::bad_usage, fmt::format("unknown paper '{}'", o.paper),
                                  "use --paper a4 or --paper letter", std::nullopt});
    }
    const bool binary = *format == Format::pdf || *format == Format::docx;
    if (!o.template_file.empty() && binary) {
        return report_error(Error{ErrorCode::bad_usage,
                                  "--template applies to Markdown and HTML reports only",
                                  "drop --template, or use --format md or html", std::nullopt});
    }
    const bool to_stdout = o.output.empty() || o.output == "-";
    if (binary && to_stdout && isatty(STDOUT_FILENO) != 0) {
        return report_error(Error{ErrorCode::bad_usage,
                                  "a PDF or DOCX report is binary and is not written to a terminal",
                                  "give an output file: -o report.pdf", std::nullopt});
    }
    std::string template_text;
    if (!o.template_file.empty()) {
        auto t = read_file(o.template_file);
        if (!t) {
            return report_error(t.error());
        }
        template_text = std::move(*t);
    }

    int exit_code = kExitOk;
    const auto c = load_analyzed_case(o.dir, o.extractor, "report", exit_code);
    if (!c) {
        return exit_code;
    }
    mention_findings(*c, o.dir, "report");
    // One analysis feeds the document; the document feeds every format.
    const ioc::Extractor& extractor = c->extractor;

    render::DocumentOptions doc_options;
    doc_options.audience = *audience;
    doc_options.extractor = &extractor;
    doc_options.defang_prose = [&](std::string_view prose) {
        return ioc::defang_text(prose, extractor);
    };
    auto doc = render::build_document(c->value, c->analysis, doc_options);
    if (!doc) {
        return report_error(doc.error());
    }

    render::GateOptions gate;
    gate.evidence_exempt = *audience != render::Audience::external;
    std::string bytes;
    std::vector<render::GateViolation> violations;
    std::string_view format_name;
    switch (*format) {
    case Format::markdown: {
        auto md = render::render_markdown(*doc, template_text);
        if (!md) {
            return report_error(md.error());
        }
        bytes = std::move(*md);
        violations = render::check_markdown(bytes, extractor, gate);
        format_name = "Markdown";
        break;
    }
    case Format::html: {
        auto html = render::render_html(*doc, template_text);
        if (!html) {
            return report_error(html.error());
        }
        bytes = std::move(*html);
        violations = render::check_html(bytes, extractor, gate);
        format_name = "HTML";
        break;
    }
    case Format::pdf: {
        render::PdfOptions pdf;
        pdf.paper = *paper;
        std::vector<render::TextRun> runs;
        auto out = render::render_pdf(*doc, pdf, &runs);
        if (!out) {
            return report_error(out.error());
        }
        bytes = std::move(*out);
        violations = render::check_runs(runs, "page", extractor, gate);
        format_name = "PDF";
        break;
    }
    case Format::docx: {
        std::vector<render::TextRun> runs;
        auto out = render::render_docx(*doc, &runs);
        if (!out) {
            return report_error(out.error());
        }
        bytes = std::move(*out);
        violations = render::check_runs(runs, "paragraph", extractor, gate);
        format_name = "DOCX";
        break;
    }
    }
    if (!pass_gate(violations, o, format_name)) {
        return kExitBadData;
    }
    if (auto written = write_output(o.output, bytes); !written) {
        return report_error(written.error());
    }
    const std::string target = to_stdout ? "-" : o.output;
    if (!to_stdout) {
        std::fprintf(stderr, "wrote %s (%s, %s audience, %zu bytes)\n", o.output.c_str(),
                     std::string(format_name).c_str(),
                     std::string(render::to_string(*audience)).c_str(), bytes.size());
    }
    std::fprintf(stderr, "sha256 %s  %s\n", sha256_hex(bytes).c_str(), target.c_str());
    return kExitOk;
}

} // namespace

void add_report_command(CLI::App& app, CommandOutcome& outcome) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* cmd = app.add_subcommand(
        "report",
        "Render the investigation report of a case folder as Markdown, HTML, PDF or DOCX, for\n"
        "the full team, for leadership, or for sharing outside the team.\n"
        "Validation warnings and the report's SHA-256 go to stderr; the report goes to stdout\n"
        "or -o FILE. Every report passes a safety gate: a live indicator outside raw evidence\n"
        "stops the render (see docs/reports.md).\n\n"
        "Examples:\n"
        "  casefile report examples/IR-2025-1142 -o IR-2025-1142.md\n"
        "  casefile report examples/IR-2025-1142 --format html -o IR-2025-1142.html\n"
        "  casefile report examples/IR-2025-1142 -o brief.pdf --audience leadership --paper "
        "letter\n"
        "  casefile report examples/IR-2025-1142 -o share.docx --audience external\n");
    cmd->add_option("DIR", options->dir, "case folder")->required();
    cmd->add_option("-o,--output", options->output,
                    "write the report here (default: stdout); its extension picks the format "
                    "when --format is not given\n  e.g. -o IR-2025-1142.pdf");
    cmd->add_option("-f,--format", options->format,
                    "md (default), html, pdf or docx\n  e.g. --format html");
    cmd->add_option("-a,--audience", options->audience,
                    "full (default: the technical report), leadership (one page: impact, "
                    "status, key times, decisions), external (personal data pseudonymised, "
                    "every indicator defanged, no internal queries)\n  e.g. --audience "
                    "leadership");
    cmd->add_option("-t,--template", options->template_file,
                    "your own Mustache template for a Markdown or HTML report (variables: "
                    "docs/templates.md)\n  e.g. --template ticket.md.mustache");
    cmd->add_option("--paper", options->paper,
                    "PDF paper size: a4 (default) or letter\n  e.g. --paper letter");
    cmd->add_flag("--allow-live-indicators", options->allow_live,
                  "write the report even if the safety gate finds live indicators or links in "
                  "it (they are still listed on stderr)\n  e.g. --allow-live-indicators");
    add_extractor_flags(cmd, options->extractor);
    cmd->callback([options, &outcome] { outcome.exit_code = run_report(*options); });
}

} // namespace casefile::cli
