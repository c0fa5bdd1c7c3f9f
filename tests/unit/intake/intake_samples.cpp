#include "intake_samples.hpp"

#include <algorithm>

#include "core/file_io.hpp"

namespace casefile::intake::testing {

std::string sample_path(std::string_view relative) {
    return std::string(CASEFILE_SOURCE_DIR) + "/tests/data/alerts/" + std::string(relative);
}

InputFile sample(std::string_view relative) {
    const std::string path = sample_path(relative);
    return InputFile{path, read_file(path).value_or("")};
}

Result<Intake> read_sample(std::string_view relative, const IntakeOptions& options) {
    static const ioc::Extractor extractor = *ioc::Extractor::create();
    return read_alert(sample(relative), options, extractor);
}

Timestamp utc(std::string_view rfc3339) {
    return parse_time(rfc3339).value().utc;
}

const model::ManualIndicator* indicator(const model::Case& c, model::IndicatorType type,
                                        std::string_view value) {
    const auto it = std::find_if(c.indicators.begin(), c.indicators.end(),
                                 [&](const auto& i) { return i.type == type && i.value == value; });
    return it == c.indicators.end() ? nullptr : &*it;
}

std::string all_diagnostics(const Intake& in) {
    std::string out;
    for (const Diagnostic& d : in.diagnostics) {
        out += d.to_string() + "\n";
    }
    return out;
}

bool has_diagnostic(const Intake& in, DiagnosticLevel level, std::string_view text) {
    return std::any_of(in.diagnostics.begin(), in.diagnostics.end(), [&](const Diagnostic& d) {
        return d.level == level && d.message.find(text) != std::string::npos;
    });
}

size_t count(const Intake& in, DiagnosticLevel level) {
    return static_cast<size_t>(
        std::count_if(in.diagnostics.begin(), in.diagnostics.end(),
                      [&](const Diagnostic& d) { return d.level == level; }));
}

} // namespace casefile::intake::testing
