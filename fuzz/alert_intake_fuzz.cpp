// Alert intake on arbitrary bytes: format detection, every built-in format's mapping and a
// wildcard mapping file must never crash, hang or trip a sanitizer, and a case intake calls
// complete must write a case.yaml that loads without errors. Run it (fuzz preset):
//   build/fuzz/fuzz/alert_intake_fuzz -dict=fuzz/alert_intake.dict NEW_CORPUS tests/data/alerts
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "intake/intake.hpp"
#include "model/case_yaml.hpp"

namespace {

using casefile::intake::InputFile;
using casefile::intake::IntakeOptions;

/// Exercises pointers with wildcards, numbers and missing keys against whatever JSON arrives.
constexpr const char* kMapping = R"(schema: casefile-mapping/1
format: fuzz-product
source: Fuzz Product
fields:
  alert.ticket_id: /id
  alert.title: /title
  alert.observed_at: /time
  alert.severity: /severity
  alert.status: /status
  user.sid: /users/*/sid
  user.account: /users/*/name
  device.hostname: /hosts/*/name
  device.ips: /hosts/*/ips
  techniques: /mitre/*
  command: /cmd
indicators:
  ip: [/ips, /ips/*]
  hash: /hashes/*
  url: /0/url
severity: {"1": low, "2": medium, "3": high}
)";

void check_round_trip(const casefile::intake::Intake& in) {
    if (!in.ok()) {
        return;
    }
    casefile::model::Case c = in.value;
    if (c.alert.ticket_id.empty()) {
        c.alert.ticket_id = "FUZZ-1"; // what create_case() takes from the folder name
    }
    auto loaded = casefile::model::parse_case_yaml(casefile::model::to_yaml(c), "case.yaml");
    CASEFILE_ASSERT(loaded && loaded->ok(), "intake produced a case.yaml that does not load");
}

void run(const InputFile& file, IntakeOptions options) {
    options.alert_index = 0;
    static const casefile::ioc::Extractor extractor = *casefile::ioc::Extractor::create();
    if (auto in = casefile::intake::read_alert(file, options, extractor)) {
        check_round_trip(*in);
    }
}

} // namespace

// NOLINTNEXTLINE(readability-identifier-naming): libFuzzer calls it by this name.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const InputFile file{"fuzz.json", std::string(reinterpret_cast<const char*>(data), size)};
    run(file, IntakeOptions{});
    for (const auto& format : casefile::intake::known_formats()) {
        IntakeOptions forced;
        forced.format = std::string(format.name);
        if (format.name == "sentinel-incident") {
            forced.entities = file; // the same bytes as the entities export
        }
        run(file, forced);
    }
    IntakeOptions mapped;
    mapped.mapping = InputFile{"fuzz.mapping.yaml", kMapping};
    run(file, mapped);
    return 0;
}
