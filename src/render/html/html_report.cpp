#include "render/html/html_report.hpp"

#include "render/template/report_template.hpp"

namespace casefile::render {

Result<std::string> render_html(const ReportDocument& doc, std::string_view template_text) {
    const bool builtin = template_text.empty();
    return render_template(doc, TemplateFlavor::html,
                           builtin ? builtin_template(TemplateFlavor::html) : template_text,
                           builtin ? "report.html.mustache" : "template");
}

} // namespace casefile::render
