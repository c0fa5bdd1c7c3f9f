// Fuzzes the case.yaml reader and writer: no input may crash them, and whatever parses cleanly
// must survive a save and a re-load unchanged.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model/case_yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto loaded = casefile::model::parse_case_yaml(text, "case.yaml");
    if (!loaded || !loaded->ok()) {
        return 0;
    }
    const std::string saved = casefile::model::to_yaml(loaded->value);
    auto again = casefile::model::parse_case_yaml(saved, "case.yaml");
    if (!again || !again->ok() || casefile::model::to_yaml(again->value) != saved) {
        std::abort(); // the writer produced text the reader reads differently
    }
    return 0;
}
