// Fuzzes user report templates: the checker, then rendering a small report through whatever
// it accepted, in both flavors. Neither may crash, hang or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "render/document/report_document.hpp"
#include "render/template/report_template.hpp"

namespace {

const casefile::render::ReportDocument& sample() {
    static const casefile::render::ReportDocument doc = [] {
        casefile::model::Case c;
        c.alert.ticket_id = "IR-1";
        c.alert.title = "<script>x</script> {{title}}";
        c.alert.description = "Beacon to evil[.]example";
        c.alert.observed_at = *casefile::parse_time("2025-11-11T13:42:18Z");
        c.logs.push_back({casefile::model::LogKind::edr,
                          "",
                          "",
                          "{\"a\": 1}\n```",
                          "",
                          std::nullopt,
                          {},
                          false});
        c.actions.push_back({*casefile::parse_time("2025-11-11T14:00:00Z"), "Isolated", "", {}});
        c.lessons = {"one", "two"};
        return *casefile::render::build_document(c, {}, {});
    }();
    return doc;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using casefile::render::TemplateFlavor;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (TemplateFlavor flavor : {TemplateFlavor::markdown, TemplateFlavor::html}) {
        if (casefile::render::check_template(text, flavor)) {
            (void)casefile::render::render_template(sample(), flavor, text);
        }
    }
    return 0;
}
