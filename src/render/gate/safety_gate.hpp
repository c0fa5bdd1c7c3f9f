// The safety gate: every human-readable report is checked after rendering by running the IoC
// extractor over what a reader will see. A live (not defanged) network indicator outside raw
// evidence, or a clickable link to an indicator, fails the render unless the analyst allows it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casefile::ioc {
class Extractor;
}

namespace casefile::render {

/// One problem the gate found.
struct GateViolation {
    std::string where;     ///< "line 42, section 'Actions Taken'" or "page 3, section '...'"
    std::string indicator; ///< the live value as written
    std::string what;      ///< "live indicator in prose", "clickable link to an indicator"
    [[nodiscard]] std::string to_string() const;
};

struct GateOptions {
    /// Raw evidence (code blocks, <pre>) may hold live indicators as exported; false for the
    /// external audience, whose evidence is defanged too.
    bool evidence_exempt = true;
};

/// A piece of text as a renderer laid it out (PDF, DOCX), for check_runs().
struct TextRun {
    std::string section;
    int position = 0; ///< page (PDF) or paragraph (DOCX) number
    std::string text;
    bool evidence = false;
};

/// Markdown: fenced code blocks are raw evidence; headings name the section.
[[nodiscard]] std::vector<GateViolation> check_markdown(std::string_view markdown,
                                                        const ioc::Extractor& extractor,
                                                        const GateOptions& options = {});

/// HTML: text is entity-decoded; <pre> is raw evidence; any href/src/action to something other
/// than an in-page anchor that names an indicator is a clickable link.
[[nodiscard]] std::vector<GateViolation>
check_html(std::string_view html, const ioc::Extractor& extractor, const GateOptions& options = {});

/// Text runs of a laid-out document; `unit` names TextRun::position ("page", "paragraph").
[[nodiscard]] std::vector<GateViolation> check_runs(const std::vector<TextRun>& runs,
                                                    std::string_view unit,
                                                    const ioc::Extractor& extractor,
                                                    const GateOptions& options = {});

} // namespace casefile::render
