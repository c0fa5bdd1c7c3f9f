#include "render/markdown/markdown_report.hpp"

#include "core/text.hpp"
#include "render/template/report_template.hpp"

namespace casefile::render {
namespace {

/// Length of the fence that opens or closes a code block on `line` ("```", "~~~~"), else 0.
size_t fence_length(std::string_view line, char& fence_char) {
    size_t indent = 0;
    while (indent < line.size() && indent < 3 && line[indent] == ' ') {
        ++indent;
    }
    line.remove_prefix(indent);
    if (line.empty() || (line.front() != '`' && line.front() != '~')) {
        return 0;
    }
    size_t n = 0;
    while (n < line.size() && line[n] == line.front()) {
        ++n;
    }
    if (n < 3) {
        return 0;
    }
    fence_char = line.front();
    return n;
}

/// Runs of blank lines outside fenced code blocks become one blank line. Mustache leaves a blank
/// line wherever a section that did not render stood on its own line; code blocks keep every
/// byte.
std::string tidy_blank_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t open = 0;
    char open_char = 0;
    bool previous_blank = true; // no blank lines at the top
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end;
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        char c = 0;
        const size_t fence = fence_length(line, c);
        if (open == 0) {
            const bool blank = trim(line).empty();
            if (blank && previous_blank) {
                continue;
            }
            previous_blank = blank;
            if (fence > 0) {
                open = fence;
                open_char = c;
            }
        } else if (fence >= open && c == open_char &&
                   trim(line.substr(line.find(c) + fence)).empty()) {
            open = 0;
            previous_blank = false;
        }
        out.append(line);
        out += '\n';
    }
    return out;
}

} // namespace

Result<std::string> render_markdown(const ReportDocument& doc, std::string_view template_text) {
    const bool builtin = template_text.empty();
    auto out = render_template(doc, TemplateFlavor::markdown,
                               builtin ? builtin_template(TemplateFlavor::markdown) : template_text,
                               builtin ? "report.md.mustache" : "template");
    if (!out) {
        return out;
    }
    // The report ends with one blank line, however the template's last block ended.
    std::string tidy = tidy_blank_lines(*out);
    while (tidy.ends_with("\n")) {
        tidy.pop_back();
    }
    return tidy + "\n\n";
}

std::string render_markdown(const model::Case& c, const analysis::Analysis& a,
                            const RenderOptions& options) {
    DocumentOptions doc_options;
    doc_options.defang_prose = options.defang_prose;
    auto doc = build_document(c, a, doc_options);
    CASEFILE_ASSERT(doc.has_value(), "the full audience never refuses a case");
    auto md = render_markdown(*doc);
    CASEFILE_ASSERT(md.has_value(), "the built-in template is valid");
    return *md;
}

} // namespace casefile::render
