// Fuzzes refanging: the filter and the extractor's pre-pass must never crash, never add or
// remove a line, and map every rewritten span back inside the original text.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ioc/defang.hpp"
#include "ioc/normalize.hpp"

namespace {

[[noreturn]] void violated(const char* what) {
    std::fprintf(stderr, "invariant violated: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string out = casefile::ioc::refang_text(text);
    if (std::count(out.begin(), out.end(), '\n') != std::count(text.begin(), text.end(), '\n')) {
        violated("refang changed the number of lines");
    }
    for (auto mode :
         {casefile::ioc::detail::RefangMode::extract, casefile::ioc::detail::RefangMode::filter}) {
        casefile::ioc::detail::Normalized norm;
        casefile::ioc::detail::normalize(text, mode, norm);
        uint64_t previous = 0;
        for (const auto& e : norm.edits()) {
            if (e.orig_begin < previous || e.orig_begin + e.orig_len > size) {
                violated("edit outside the input or out of order");
            }
            previous = e.orig_begin + e.orig_len;
            if (e.norm_begin + e.norm_len > norm.text().size()) {
                violated("edit outside the normalized text");
            }
        }
        const uint64_t n = norm.text().size();
        for (uint64_t p = 0; p <= n; p += 1 + n / 64) {
            if (norm.original_begin(std::min(p, n)) > size || norm.original_end(p) > size) {
                violated("offset maps outside the input");
            }
        }
    }
    return 0;
}
