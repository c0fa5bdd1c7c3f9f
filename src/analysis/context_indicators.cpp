#include "analysis/context_indicators.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace casefile::analysis {
namespace {

/// The argument that follows `flag` (case-insensitive) at `pos`: a quoted string or a run of
/// non-space characters, without trailing punctuation.
std::string argument_after(std::string_view text, size_t pos) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) {
        ++pos;
    }
    if (pos >= text.size()) {
        return {};
    }
    const char quote = text[pos];
    if (quote == '"' || quote == '\'') {
        const size_t end = text.find(quote, pos + 1);
        return end == std::string_view::npos ? std::string()
                                             : std::string(text.substr(pos + 1, end - pos - 1));
    }
    size_t end = pos;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' &&
           text[end] != '\r') {
        ++end;
    }
    std::string value(text.substr(pos, end - pos));
    while (!value.empty() && (value.back() == ';' || value.back() == ',' || value.back() == '.' ||
                              value.back() == ')')) {
        value.pop_back();
    }
    return value;
}

void find_after(std::string_view text, std::string_view lower, std::string_view context,
                std::string_view flag, std::vector<ContextIndicator>& out) {
    for (size_t at = lower.find(context); at != std::string_view::npos;
         at = lower.find(context, at + 1)) {
        const size_t line_end = std::min(lower.find('\n', at), lower.size());
        const size_t f = lower.substr(0, line_end).find(flag, at);
        if (f == std::string_view::npos) {
            continue;
        }
        std::string name = argument_after(text, f + flag.size());
        if (!name.empty()) {
            out.push_back({model::IndicatorType::scheduled_task, std::move(name)});
        }
    }
}

} // namespace

std::vector<ContextIndicator> find_context_indicators(std::string_view text) {
    std::vector<ContextIndicator> out;
    const std::string lower = to_lower(text);
    if (lower.find("schtasks") == std::string::npos &&
        lower.find("register-scheduledtask") == std::string::npos) {
        return out;
    }
    find_after(text, lower, "schtasks", " /tn ", out);
    find_after(text, lower, "register-scheduledtask", " -taskname ", out);
    return out;
}

bool is_common_program_name(std::string_view file_name) {
    static constexpr std::array<std::string_view, 40> kPrograms = {
        "powershell.exe", "pwsh.exe",   "cmd.exe",      "schtasks.exe",  "rundll32.exe",
        "regsvr32.exe",   "mshta.exe",  "wscript.exe",  "cscript.exe",   "svchost.exe",
        "explorer.exe",   "lsass.exe",  "winlogon.exe", "services.exe",  "conhost.exe",
        "taskhostw.exe",  "wmic.exe",   "certutil.exe", "bitsadmin.exe", "net.exe",
        "net1.exe",       "whoami.exe", "msiexec.exe",  "reg.exe",       "sc.exe",
        "notepad.exe",    "chrome.exe", "msedge.exe",   "firefox.exe",   "outlook.exe",
        "winword.exe",    "excel.exe",  "powerpnt.exe", "teams.exe",     "dllhost.exe",
        "wmiprvse.exe",   "smss.exe",   "csrss.exe",    "userinit.exe",  "runtimebroker.exe"};
    const std::string lower = to_lower(file_name);
    return std::find(kPrograms.begin(), kPrograms.end(), lower) != kPrograms.end();
}

} // namespace casefile::analysis
