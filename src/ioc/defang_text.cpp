#include "ioc/extractor.hpp"

namespace casefile::ioc {

using model::IndicatorType;

std::string defang_text(std::string_view prose, const Extractor& extractor,
                        const DefangStyle& style) {
    ExtractOptions options;
    options.types = {IndicatorType::url, IndicatorType::domain, IndicatorType::email,
                     IndicatorType::ipv4, IndicatorType::ipv6};
    std::string out;
    out.reserve(prose.size() + prose.size() / 8);
    size_t copied = 0;
    extractor.scan(prose, options, [&](const Match& m) {
        if (m.offset < copied) {
            return;
        }
        out.append(prose.substr(copied, m.offset - copied));
        out += defang(m.type, m.value, style);
        copied = m.offset + m.length;
    });
    out.append(prose.substr(copied));
    return out;
}

} // namespace casefile::ioc
