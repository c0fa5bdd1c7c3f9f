// HTML report: one self-contained file (inline CSS, no script, no external resource, a
// Content-Security-Policy that forbids both), rendered from the report document through the
// built-in template templates/report.html.mustache or a user's own.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "render/document/report_document.hpp"

namespace casefile::render {

/// The document as HTML through `template_text` (the built-in layout when empty). Every value
/// is HTML-escaped; errors come only from a user template.
[[nodiscard]] Result<std::string> render_html(const ReportDocument& doc,
                                              std::string_view template_text = {});

} // namespace casefile::render
