// Report templates: the built-in Markdown and HTML layouts are Mustache templates compiled into
// the binary (templates/*.mustache); users may supply their own. Templates only lay out: every
// value they can reach is already safe for their format (docs/templates.md).
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "render/document/report_document.hpp"

namespace casefile::render {

enum class TemplateFlavor {
    markdown, ///< values are pre-escaped Markdown; {{x}} and {{{x}}} insert them as they are
    html,     ///< values are plain text; {{x}} HTML-escapes them
};

/// The built-in template of a flavor (templates/report.md.mustache, report.html.mustache).
[[nodiscard]] std::string_view builtin_template(TemplateFlavor flavor);

/// The built-in stylesheet of the HTML report (templates/report.css), also `{{{css}}}`.
[[nodiscard]] std::string_view builtin_css();

/// Largest user template accepted.
inline constexpr size_t kMaxTemplateBytes = 1024 * 1024;

/// Checks a user template before use: Mustache syntax, no partials and no delimiter changes,
/// sections nested at most 32 deep, and in HTML no unescaped ({{{x}}} or {{&x}}) variable other
/// than the pre-rendered fragments `css`, `svg`, `css_label` and `css_ticket`. Errors name the
/// line and column.
[[nodiscard]] Status check_template(std::string_view text, TemplateFlavor flavor,
                                    const std::string& file_name = "template");

/// Renders `doc` through `text` (checked with check_template first).
[[nodiscard]] Result<std::string> render_template(const ReportDocument& doc, TemplateFlavor flavor,
                                                  std::string_view text,
                                                  const std::string& file_name = "template");

} // namespace casefile::render
