// Fuzzes the MISP warninglist loader and lookups: a list of any shape must load or be refused
// with an error, and every lookup must name only lists that were loaded, each once, in load
// order.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ioc/warninglist.hpp"

namespace {

using casefile::model::IndicatorType;

[[noreturn]] void violated(const char* what) {
    std::fprintf(stderr, "invariant violated: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const size_t builtin_count = casefile::ioc::Warninglists::builtin().lists().size();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    casefile::ioc::Warninglists lists = casefile::ioc::Warninglists::builtin();
    const bool loaded = lists.add_list_json(text, "fuzz").has_value();
    std::vector<std::string> names;
    for (const auto& info : lists.lists()) {
        names.push_back(info.name);
    }
    if (loaded != (names.size() == builtin_count + 1)) {
        violated("a list was added although loading failed, or not added although it loaded");
    }
    // Probes: fixed values of each kind, and the input's own text (entries look like values).
    const std::string own(text.substr(0, 256));
    const std::array<std::string_view, 9> probes{"192.0.2.10",
                                                 "2001:db8::1",
                                                 "www.example.com",
                                                 "http://cdn7.example.com/Sandbox",
                                                 "a@b.example.net",
                                                 "d41d8cd98f00b204e9800998ecf8427e",
                                                 "10.1.2.3/24",
                                                 "",
                                                 own};
    for (IndicatorType type : {IndicatorType::ipv4, IndicatorType::ipv6, IndicatorType::domain,
                               IndicatorType::url, IndicatorType::email, IndicatorType::md5,
                               IndicatorType::sha256, IndicatorType::filename}) {
        for (std::string_view probe : probes) {
            const std::vector<std::string> hits = lists.lookup(type, probe);
            size_t previous = 0;
            for (size_t k = 0; k < hits.size(); ++k) {
                const auto at = std::find(names.begin() + static_cast<std::ptrdiff_t>(previous),
                                          names.end(), hits[k]);
                if (at == names.end()) {
                    violated("a hit names no loaded list, or lists are out of load order");
                }
                previous = static_cast<size_t>(at - names.begin()) + 1;
            }
        }
    }
    return 0;
}
