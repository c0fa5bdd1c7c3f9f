// libFuzzer driver for one log parser, compiled once per format with CASEFILE_FUZZ_FORMAT set
// (fuzz/CMakeLists.txt). Exercises detection, the parser with and without zone/year, and the
// JSON writer on every event; a crash, hang or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "logs/parse.hpp"

#ifndef CASEFILE_FUZZ_FORMAT
#error "define CASEFILE_FUZZ_FORMAT to the log format name"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)casefile::logs::detect_format(text, "fuzz.log");
    casefile::logs::ParseOptions options;
    options.format = CASEFILE_FUZZ_FORMAT;
    // The first byte picks whether zone-less times get a zone, so both paths are reached.
    if (size > 0 && (data[0] & 1) != 0) {
        options.default_zone = "Europe/Berlin";
        options.default_year = 2025;
    }
    size_t bytes = 0;
    auto summary = casefile::logs::parse_log_stream(
        text, "fuzz.log", options,
        [&bytes](casefile::logs::Event& e) { bytes += casefile::logs::to_json_line(e).size(); });
    if (!summary) {
        __builtin_trap(); // only an unknown format may fail, and the format is known
    }
    return 0;
}
