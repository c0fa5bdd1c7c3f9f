#include "importer/prose.hpp"

#include <array>
#include <vector>

#include "core/text.hpp"
#include "ioc/defang.hpp"

namespace casefile::importer {

std::string refang_spans(std::string_view text, const ioc::Extractor& extractor) {
    std::vector<std::pair<uint64_t, uint32_t>> spans;
    ioc::ExtractOptions options;
    options.include_private = true;
    extractor.scan(text, options, [&](const ioc::Match& m) {
        if (m.was_defanged &&
            (spans.empty() || m.offset >= spans.back().first + spans.back().second)) {
            spans.emplace_back(m.offset, m.length);
        }
    });
    if (spans.empty()) {
        return std::string(text);
    }
    std::string out;
    size_t pos = 0;
    for (const auto& [offset, length] : spans) {
        out.append(text.substr(pos, offset - pos));
        const std::string_view original = text.substr(offset, length);
        std::string refanged = ioc::refang_text(original);
        const bool had_scheme = original.find("//") != std::string_view::npos ||
                                original.find("[:]") != std::string_view::npos ||
                                original.find("[://]") != std::string_view::npos;
        if (!had_scheme && refanged.starts_with("http://")) {
            refanged.erase(0, 7);
        }
        out += refanged;
        pos = offset + length;
    }
    out.append(text.substr(pos));
    return out;
}

std::string strip_quotes(std::string_view text) {
    std::string_view t = trim(text);
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kPairs = {{
        {"\"", "\""},
        {"'", "'"},
        {"\xE2\x80\x9C", "\xE2\x80\x9D"},
        {"\xE2\x80\x98", "\xE2\x80\x99"},
        {"\xC2\xAB", "\xC2\xBB"},
    }};
    for (const auto& [open, close] : kPairs) {
        if (t.size() >= open.size() + close.size() && t.starts_with(open) && t.ends_with(close)) {
            return std::string(trim(t.substr(open.size(), t.size() - open.size() - close.size())));
        }
    }
    return std::string(t);
}

} // namespace casefile::importer
