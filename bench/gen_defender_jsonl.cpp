// Writes deterministic Defender XDR advanced-hunting rows as JSON Lines (a mix of the
// DeviceProcessEvents, DeviceNetworkEvents, DeviceFileEvents, DeviceLogonEvents and
// DeviceRegistryEvents tables) until the output reaches the requested size. Same size, same
// bytes: the benchmark compares tools on identical input.
//
// Usage: logs_gen_defender OUT SIZE_MB
#include <array>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

/// xorshift64*: tiny, fast and the same on every platform.
class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        state_ ^= state_ >> 12;
        state_ ^= state_ << 25;
        state_ ^= state_ >> 27;
        return state_ * 0x2545F4914F6CDD1DULL;
    }
    size_t below(size_t n) { return static_cast<size_t>(next() % n); }

private:
    uint64_t state_;
};

constexpr std::array<const char*, 8> kHosts = {"fin-srv02.contoso.local", "wks-0457.contoso.local",
                                               "wks-0461.contoso.local",  "dc01.contoso.local",
                                               "sql01.contoso.local",     "wks-0102.contoso.local",
                                               "hr-lap-17.contoso.local", "build-07.contoso.local"};
constexpr std::array<const char*, 6> kUsers = {"j.smith",  "a.jones", "svc_backup",
                                               "m.wilson", "k.li",    "administrator"};
constexpr std::array<const char*, 6> kProcs = {"powershell.exe", "cmd.exe",      "chrome.exe",
                                               "svchost.exe",    "rundll32.exe", "WINWORD.EXE"};
constexpr std::array<const char*, 6> kPaths = {
    "C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe",
    "C:\\\\Windows\\\\System32\\\\cmd.exe",
    "C:\\\\Program Files\\\\Google\\\\Chrome\\\\Application\\\\chrome.exe",
    "C:\\\\Windows\\\\System32\\\\svchost.exe",
    "C:\\\\Windows\\\\System32\\\\rundll32.exe",
    "C:\\\\Program Files\\\\Microsoft Office\\\\root\\\\Office16\\\\WINWORD.EXE"};
constexpr std::array<const char*, 6> kCmds = {
    "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcA",
    "cmd.exe /c whoami /all",
    "\\\"chrome.exe\\\" --type=renderer --lang=en-US",
    "svchost.exe -k netsvcs -p -s Schedule",
    "rundll32.exe C:\\\\Users\\\\Public\\\\a.dll,Start",
    "\\\"WINWORD.EXE\\\" /n \\\"C:\\\\Users\\\\j.smith\\\\Downloads\\\\invoice.docm\\\""};
constexpr std::array<const char*, 6> kDomains = {"cdn-dropbox.io", "login.microsoftonline.com",
                                                 "github.com",     "update.googleapis.com",
                                                 "slack.com",      "ocsp.digicert.com"};

void hex(Rng& rng, char* out, size_t n) {
    static const char* digits = "0123456789abcdef";
    for (size_t i = 0; i < n; ++i) {
        out[i] = digits[rng.below(16)];
    }
    out[n] = '\0';
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s OUT SIZE_MB\n", argv[0]);
        return 2;
    }
    const uint64_t target = std::strtoull(argv[2], nullptr, 10) * 1024 * 1024;
    std::FILE* out = std::fopen(argv[1], "wb");
    if (out == nullptr) {
        std::perror(argv[1]);
        return 1;
    }
    Rng rng(0x1142);
    uint64_t written = 0;
    uint64_t seconds = 1762866000; // 2025-11-11T13:00:00Z
    char sha[65];
    char dev[41];
    char line[2048];
    uint64_t report = 100000;
    while (written < target) {
        seconds += rng.below(3);
        const uint64_t s = seconds % 86400;
        char ts[40];
        std::snprintf(ts, sizeof ts,
                      "2025-11-%02" PRIu64 "T%02" PRIu64 ":%02" PRIu64 ":%02" PRIu64 ".%07" PRIu64
                      "Z",
                      11 + seconds / 86400 - 1762819200 / 86400, s / 3600, s / 60 % 60, s % 60,
                      rng.below(10000000));
        hex(rng, sha, 64);
        hex(rng, dev, 40);
        const char* host = kHosts[rng.below(kHosts.size())];
        const char* user = kUsers[rng.below(kUsers.size())];
        const size_t p = rng.below(kProcs.size());
        const size_t q = rng.below(kProcs.size());
        ++report;
        int n = 0;
        switch (rng.below(5)) {
        case 0:
            n = std::snprintf(
                line, sizeof line,
                "{\"Timestamp\":\"%s\",\"DeviceId\":\"%s\",\"DeviceName\":\"%s\",\"ActionType\":"
                "\"ProcessCreated\",\"FileName\":\"%s\",\"FolderPath\":\"%s\",\"SHA256\":\"%s\","
                "\"ProcessId\":%zu,\"ProcessCommandLine\":\"%s\",\"AccountDomain\":\"contoso\","
                "\"AccountName\":\"%s\",\"InitiatingProcessFileName\":\"%s\","
                "\"InitiatingProcessCommandLine\":\"%s\",\"ReportId\":%" PRIu64 "}\n",
                ts, dev, host, kProcs[p], kPaths[p], sha, 1000 + rng.below(60000), kCmds[p], user,
                kProcs[q], kCmds[q], report);
            break;
        case 1:
            n = std::snprintf(
                line, sizeof line,
                "{\"Timestamp\":\"%s\",\"DeviceId\":\"%s\",\"DeviceName\":\"%s\",\"ActionType\":"
                "\"ConnectionSuccess\",\"RemoteIP\":\"185.199.%zu.%zu\",\"RemotePort\":443,"
                "\"RemoteUrl\":\"%s\",\"LocalIP\":\"10.0.%zu.%zu\",\"LocalPort\":%zu,\"Protocol\":"
                "\"Tcp\",\"InitiatingProcessFileName\":\"%s\",\"InitiatingProcessFolderPath\":"
                "\"%s\",\"InitiatingProcessCommandLine\":\"%s\",\"InitiatingProcessSHA256\":\"%s\","
                "\"InitiatingProcessAccountDomain\":\"contoso\",\"InitiatingProcessAccountName\":"
                "\"%s\",\"ReportId\":%" PRIu64 "}\n",
                ts, dev, host, rng.below(256), rng.below(256), kDomains[rng.below(kDomains.size())],
                rng.below(16), 1 + rng.below(254), 1024 + rng.below(64000), kProcs[p], kPaths[p],
                kCmds[p], sha, user, report);
            break;
        case 2:
            n = std::snprintf(
                line, sizeof line,
                "{\"Timestamp\":\"%s\",\"DeviceId\":\"%s\",\"DeviceName\":\"%s\",\"ActionType\":"
                "\"FileCreated\",\"FileName\":\"invoice_%zu.zip\",\"FolderPath\":\"C:\\\\Users\\\\"
                "%s\\\\Downloads\\\\invoice_%zu.zip\",\"SHA256\":\"%s\",\"FileOriginUrl\":"
                "\"https://%s/dl/%zu\",\"InitiatingProcessFileName\":\"%s\","
                "\"InitiatingProcessAccountName\":\"%s\",\"ReportId\":%" PRIu64 "}\n",
                ts, dev, host, rng.below(1000), user, rng.below(1000), sha,
                kDomains[rng.below(kDomains.size())], rng.below(100000), kProcs[p], user, report);
            break;
        case 3:
            n = std::snprintf(
                line, sizeof line,
                "{\"Timestamp\":\"%s\",\"DeviceId\":\"%s\",\"DeviceName\":\"%s\",\"ActionType\":"
                "\"%s\",\"LogonType\":\"%s\",\"AccountDomain\":\"contoso\",\"AccountName\":\"%s\","
                "\"AccountSid\":\"S-1-5-21-214752146-1234567890-987654321-%zu\",\"RemoteIP\":"
                "\"172.16.%zu.%zu\",\"RemoteDeviceName\":\"WKS-%04zu\",\"Protocol\":\"Negotiate\","
                "\"ReportId\":%" PRIu64 "}\n",
                ts, dev, host, rng.below(4) == 0 ? "LogonFailed" : "LogonSuccess",
                rng.below(2) == 0 ? "RemoteInteractive" : "Network", user, 1000 + rng.below(9000),
                rng.below(16), 1 + rng.below(254), rng.below(10000), report);
            break;
        default:
            n = std::snprintf(
                line, sizeof line,
                "{\"Timestamp\":\"%s\",\"DeviceId\":\"%s\",\"DeviceName\":\"%s\",\"ActionType\":"
                "\"RegistryValueSet\",\"RegistryKey\":\"HKEY_CURRENT_USER\\\\Software\\\\Microsoft"
                "\\\\Windows\\\\CurrentVersion\\\\Run\",\"RegistryValueName\":\"Updater%zu\","
                "\"RegistryValueData\":\"C:\\\\Users\\\\%s\\\\AppData\\\\Roaming\\\\u%zu.exe\","
                "\"InitiatingProcessFileName\":\"%s\",\"InitiatingProcessAccountName\":\"%s\","
                "\"ReportId\":%" PRIu64 "}\n",
                ts, dev, host, rng.below(100), user, rng.below(100), kProcs[p], user, report);
            break;
        }
        if (n <= 0 || static_cast<size_t>(n) >= sizeof line) {
            std::fprintf(stderr, "line too long\n");
            return 1;
        }
        std::fwrite(line, 1, static_cast<size_t>(n), out);
        written += static_cast<uint64_t>(n);
    }
    return std::fclose(out) == 0 ? 0 : 1;
}
