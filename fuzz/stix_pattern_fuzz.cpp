// Fuzzes the STIX pattern parser: no input may crash it or recurse without bound, and any input
// quoted with pattern_string() must parse back as that same string literal.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "export/stix/pattern_parser.hpp"

// NOLINTNEXTLINE(readability-identifier-naming): libFuzzer names the entry point.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    namespace stix = casefile::exporting::stix;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = stix::parse_pattern(text);
    if (parsed) {
        for (const auto& c : parsed->comparisons) {
            if (c.object_type.empty() || c.path.empty() || c.op.empty()) {
                std::abort(); // a parsed comparison always names an object path and operator
            }
        }
    }
    const std::string literal = stix::pattern_string(text);
    const auto quoted = stix::parse_pattern("[x-y:z = " + literal + "]");
    if (!quoted || quoted->comparisons.size() != 1 || quoted->comparisons[0].value != literal) {
        std::abort(); // escaping produced a literal the grammar reads differently
    }
    return 0;
}
