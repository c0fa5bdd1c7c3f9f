// Throughput of each log parser on its hand-written samples (tests/data/logs), repeated to
// about 2 MB so the figure is per byte rather than per call. bench/logs_bench.sh compares
// `casefile events` with jq and bare simdjson on a large Defender file.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "logs/parse.hpp"

namespace {

struct Sample {
    const char* format;
    const char* file;
    int header_lines; ///< lines written once (CSV/W3C/Zeek headers), the rest is repeated
};

constexpr Sample kSamples[] = {
    {"defender-json", "process-events.jsonl", 0},
    {"defender-csv", "device-network-events.csv", 1},
    {"windows-security-text", "event-viewer-copy.txt", 0},
    {"windows-security-xml", "wevtutil-mixed.xml", 0},
    {"sysmon-xml", "network-dns-registry.xml", 0},
    {"sysmon-json", "nxlog-flat.jsonl", 0},
    {"firewall-text", "sessions.log", 0},
    {"proxy-text", "requests.log", 0},
    {"panos-csv", "traffic-syslog.log", 0},
    {"iptables", "ufw-kern.log", 0},
    {"cisco-asa", "connections.log", 0},
    {"squid", "access.log", 0},
    {"w3c", "iis.log", 4},
    {"entra-signin", "diagnostic-records.json", 0},
    {"m365-audit", "azure-ad-logins.jsonl", 0},
    {"cloudtrail", "lake-lines.jsonl", 0},
    {"okta", "stream.jsonl", 0},
    {"suricata-eve", "eve.json", 0},
    {"zeek-tsv", "conn.log", 7},
    {"zeek-json", "conn-dns.json", 0},
    {"cef", "proxy-and-ids.log", 0},
    {"leef", "qradar.log", 0},
    {"syslog-3164", "auth.log", 0},
    {"syslog-5424", "rsyslog-forwarded.log", 0},
    {"jsonl", "ecs.jsonl", 0},
};

constexpr size_t kTargetBytes = 2 * 1024 * 1024;

std::string build_input(const Sample& s) {
    std::ifstream in(std::string(CASEFILE_SOURCE_DIR) + "/tests/data/logs/" + s.format + "/" +
                     s.file);
    std::string head;
    std::string body;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        (n++ < s.header_lines ? head : body) += line + "\n";
    }
    std::string out = head;
    while (!body.empty() && out.size() < kTargetBytes) {
        out += body;
    }
    return out;
}

void parse_format(benchmark::State& state, const Sample& sample) {
    const std::string input = build_input(sample);
    casefile::logs::ParseOptions options;
    options.format = sample.format;
    options.default_zone = "UTC";
    options.default_year = 2025;
    size_t events = 0;
    for (auto _ : state) {
        auto summary = casefile::logs::parse_log_stream(
            input, "bench", options, [&events](casefile::logs::Event&) { ++events; });
        benchmark::DoNotOptimize(summary);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                            static_cast<int64_t>(input.size()));
    state.counters["events/s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

void detect(benchmark::State& state) {
    std::vector<std::string> inputs;
    for (const Sample& s : kSamples) {
        inputs.push_back(build_input(s));
    }
    for (auto _ : state) {
        for (const std::string& in : inputs) {
            benchmark::DoNotOptimize(casefile::logs::detect_format(in));
        }
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * inputs.size()));
}

int register_all() {
    for (const Sample& s : kSamples) {
        benchmark::RegisterBenchmark((std::string("parse/") + s.format).c_str(), parse_format, s)
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::RegisterBenchmark("detect/all-formats", detect)->Unit(benchmark::kMicrosecond);
    return 0;
}

const int registered = register_all();

} // namespace

BENCHMARK_MAIN();
