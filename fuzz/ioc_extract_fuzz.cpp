// Fuzzes the IoC scanner: arbitrary bytes must never crash it, every match must lie inside the
// input in offset order, and every network indicator must survive canonicalize() and
// refang(defang()) unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

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
    std::vector<uint64_t> offsets;
    set.visit([&](const casefile::ioc::IndicatorView& v) {
        for (const auto& o : v.occurrences) {
            if (o.offset + o.length > size || o.line == 0 || o.column == 0) {
                violated("occurrence outside the input");
            }
            offsets.push_back(o.offset);
        }
    });
    // A listing that slices every indicator by two hands out the same occurrences in order.
    const casefile::ioc::IndicatorListing listing = set.listing(2);
    size_t next = 0;
    for (size_t k = 0; k < listing.runs(); ++k) {
        listing.visit_run(k, [&](const casefile::ioc::IndicatorView& v) {
            if (v.occurrences.size() > 2 || v.slice_begin + v.occurrences.size() > v.count) {
                violated("slice larger than asked or past the indicator's occurrences");
            }
            for (const auto& o : v.occurrences) {
                if (next >= offsets.size() || offsets[next++] != o.offset) {
                    violated("sliced listing differs from visit()");
                }
            }
        });
    }
    if (next != offsets.size()) {
        violated("sliced listing lost occurrences");
    }
    return 0;
}
