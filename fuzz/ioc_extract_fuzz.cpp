// Fuzzes the IoC scanner: arbitrary bytes must never crash it, every match must lie inside the
// input in offset order, and every network indicator must survive canonicalize() and
// refang(defang()) unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "ioc/defang.hpp"
#include "ioc/extractor.hpp"
#include "ioc/indicator_set.hpp"

namespace {

using casefile::ioc::Extractor;
using casefile::model::IndicatorType;

const Extractor& extractor() {
    static const Extractor ex = *Extractor::create();
    return ex;
}

[[noreturn]] void violated(const char* what) {
    std::fprintf(stderr, "invariant violated: %s\n", what);
    std::abort();
}

bool round_trips(IndicatorType t) {
    return t == IndicatorType::ipv4 || t == IndicatorType::ipv6 || t == IndicatorType::md5 ||
           t == IndicatorType::sha1 || t == IndicatorType::sha256 || t == IndicatorType::sha512 ||
           t == IndicatorType::cve || t == IndicatorType::mac || t == IndicatorType::asn;
}

bool network(IndicatorType t) {
    return t == IndicatorType::ipv4 || t == IndicatorType::ipv6 || t == IndicatorType::domain ||
           t == IndicatorType::url || t == IndicatorType::email;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    casefile::ioc::ExtractOptions options;
    options.include_private = true;
    options.domains_from_urls_and_emails = (size % 2) == 0;
    uint64_t last = 0;
    extractor().scan(text, options, [&](const casefile::ioc::Match& m) {
        if (m.offset + m.length > size || m.length == 0) {
            violated("match outside the input");
        }
        if (m.offset < last) {
            violated("matches out of order");
        }
        last = m.offset;
        if (m.value.empty()) {
            violated("empty canonical value");
        }
        if (round_trips(m.type)) {
            auto again = extractor().canonicalize(m.type, m.value);
            if (!again || *again != m.value) {
                violated("canonical value does not canonicalize to itself");
            }
        }
        if (network(m.type) &&
            casefile::ioc::refang_text(casefile::ioc::defang(m.type, m.value)) != m.value) {
            violated("refang(defang(x)) != x");
        }
    });
    // The same text fed in two chunks split at a newline gives a consistent aggregate.
    casefile::ioc::IndicatorSet set(extractor(), options);
    const size_t cut = text.find('\n');
    if (cut == std::string_view::npos) {
        set.add_chunk(text);
    } else {
        set.add_chunk(text.substr(0, cut + 1));
        set.add_chunk(text.substr(cut + 1));
    }
    set.visit([&](const casefile::ioc::IndicatorView& v) {
        for (const auto& o : v.occurrences) {
            if (o.offset + o.length > size || o.line == 0 || o.column == 0) {
                violated("occurrence outside the input");
            }
        }
    });
    return 0;
}
