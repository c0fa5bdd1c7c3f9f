// DOCX report: an editable Word document (WordprocessingML written by casefile into a zip with
// libzip) of the same report document: real Heading1/Heading2 styles for the navigation pane,
// bullet lists, tables with repeating header rows, monospace evidence paragraphs, and the TLP
// marking in the header and footer of every page.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "render/document/report_document.hpp"
#include "render/gate/safety_gate.hpp"

namespace casefile::render {

/// The document as .docx bytes. When `runs` is given, each paragraph's text is appended to it
/// (numbered in document order, with its section) for the safety gate.
[[nodiscard]] Result<std::string> render_docx(const ReportDocument& doc,
                                              std::vector<TextRun>* runs = nullptr);

} // namespace casefile::render
