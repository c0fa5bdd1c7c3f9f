// Markdown report: the reference layout (docs/report-layout.md), rendered from the report
// document through the built-in template templates/report.md.mustache or a user's own.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "analysis/analysis.hpp"
#include "core/error.hpp"
#include "model/case.hpp"
#include "render/document/report_document.hpp"

namespace casefile::render {

struct RenderOptions {
    /// Rewrites prose so every indicator in it reads defanged; identity when unset.
    std::function<std::string(std::string_view)> defang_prose;
};

/// The document as Markdown through `template_text` (the built-in layout when empty). Errors
/// come only from a user template.
[[nodiscard]] Result<std::string> render_markdown(const ReportDocument& doc,
                                                  std::string_view template_text = {});

/// The full-audience investigation report in the reference layout: the same sections in the
/// same order, evidence in <details> blocks numbered within their group, indicators defanged
/// outside code blocks, and empty sections said in words.
[[nodiscard]] std::string render_markdown(const model::Case& c, const analysis::Analysis& a,
                                          const RenderOptions& options = {});

} // namespace casefile::render
