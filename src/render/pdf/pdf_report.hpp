// PDF report, drawn natively with cairo and pango (no browser, no other process): real fonts
// (DejaVu), headings with a document outline, wrapped code blocks on a tinted background, tables
// that split across pages with their header repeated, the timeline chart, and the TLP marking
// with "page n of m" in the header and footer of every page.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "render/document/report_document.hpp"
#include "render/gate/safety_gate.hpp"

namespace casefile::render {

enum class Paper { a4, letter };

[[nodiscard]] std::optional<Paper> parse_paper(std::string_view text);

struct PdfOptions {
    Paper paper = Paper::a4;
};

/// The document as PDF bytes. When `runs` is given, every piece of text drawn is appended to it
/// (with its page and section) for the safety gate.
[[nodiscard]] Result<std::string> render_pdf(const ReportDocument& doc, const PdfOptions& options,
                                             std::vector<TextRun>* runs = nullptr);

} // namespace casefile::render
