#include "importer/evidence_kind.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "model/evidence_discovery.hpp"
#include "model/report_layout.hpp"

namespace casefile::importer {
namespace {

using model::LogKind;
using model::QueryLanguage;
using model::ScriptLanguage;

bool has(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

EvidenceKind query(QueryLanguage q) {
    EvidenceKind k;
    k.role = EvidenceRole::query;
    k.query = q;
    return k;
}
EvidenceKind log(LogKind l) {
    EvidenceKind k;
    k.role = EvidenceRole::log;
    k.log = l;
    return k;
}
EvidenceKind command(ScriptLanguage s) {
    EvidenceKind k;
    k.role = EvidenceRole::command;
    k.script = s;
    return k;
}

/// Label words and what they name; the first words of a label are matched case-insensitively.
std::optional<EvidenceKind> kind_from_words(std::string_view words) {
    const std::string w = to_lower(trim(words));
    static const std::array<std::pair<std::string_view, EvidenceKind>, 34> kWords = {{
        {"splunk", query(QueryLanguage::spl)},
        {"spl", query(QueryLanguage::spl)},
        {"kql", query(QueryLanguage::kql)},
        {"kusto", query(QueryLanguage::kql)},
        {"sentinel", query(QueryLanguage::kql)},
        {"advanced hunting", query(QueryLanguage::kql)},
        {"es|ql", query(QueryLanguage::esql)},
        {"esql", query(QueryLanguage::esql)},
        {"elastic", query(QueryLanguage::esql)},
        {"sigma", query(QueryLanguage::sigma)},
        {"query", query(QueryLanguage::other)},
        {"edr", log(LogKind::edr)},
        {"defender", log(LogKind::edr)},
        {"crowdstrike", log(LogKind::edr)},
        {"firewall", log(LogKind::firewall)},
        {"fw", log(LogKind::firewall)},
        {"auth", log(LogKind::auth)},
        {"sign-in", log(LogKind::auth)},
        {"signin", log(LogKind::auth)},
        {"logon", log(LogKind::auth)},
        {"windows security", log(LogKind::auth)},
        {"proxy", log(LogKind::proxy)},
        {"web proxy", log(LogKind::proxy)},
        {"email", log(LogKind::email)},
        {"mail", log(LogKind::email)},
        {"dns", log(LogKind::dns)},
        {"sysmon", log(LogKind::sysmon)},
        {"cloud", log(LogKind::cloud)},
        {"cloudtrail", log(LogKind::cloud)},
        {"log", log(LogKind::other)},
        {"other", log(LogKind::other)},
        {"command", command(ScriptLanguage::other)},
        {"script", command(ScriptLanguage::other)},
        {"powershell", command(ScriptLanguage::powershell)},
    }};
    const EvidenceKind* best = nullptr;
    size_t best_len = 0;
    for (const auto& [word, kind] : kWords) {
        const bool whole = w == word || (w.starts_with(word) && w.size() > word.size() &&
                                         (w[word.size()] == ' ' || w[word.size()] == ':'));
        if (whole && word.size() > best_len) {
            best = &kind;
            best_len = word.size();
        }
    }
    return best != nullptr ? std::optional<EvidenceKind>(*best) : std::nullopt;
}

std::optional<ScriptLanguage> script_from_fence(std::string_view info) {
    static const std::array<std::pair<std::string_view, ScriptLanguage>, 14> kFences = {{
        {"powershell", ScriptLanguage::powershell},
        {"ps1", ScriptLanguage::powershell},
        {"ps", ScriptLanguage::powershell},
        {"pwsh", ScriptLanguage::powershell},
        {"bat", ScriptLanguage::cmd},
        {"cmd", ScriptLanguage::cmd},
        {"batch", ScriptLanguage::cmd},
        {"bash", ScriptLanguage::bash},
        {"sh", ScriptLanguage::bash},
        {"shell", ScriptLanguage::bash},
        {"python", ScriptLanguage::python},
        {"py", ScriptLanguage::python},
        {"javascript", ScriptLanguage::javascript},
        {"vbscript", ScriptLanguage::vbscript},
    }};
    for (const auto& [fence, language] : kFences) {
        if (info == fence) {
            return language;
        }
    }
    if (info == "js") {
        return ScriptLanguage::javascript;
    }
    if (info == "vbs") {
        return ScriptLanguage::vbscript;
    }
    return std::nullopt;
}

std::optional<QueryLanguage> query_from_fence(std::string_view info) {
    if (info == "spl" || info == "splunk") {
        return QueryLanguage::spl;
    }
    if (info == "kql" || info == "kusto") {
        return QueryLanguage::kql;
    }
    if (info == "esql" || info == "es|ql") {
        return QueryLanguage::esql;
    }
    if (info == "sigma") {
        return QueryLanguage::sigma;
    }
    return std::nullopt;
}

std::string first_word(std::string_view info) {
    const std::string lower = to_lower(trim(info));
    const size_t end = lower.find_first_of(" \t{");
    return lower.substr(0, end);
}

bool is_json_document(std::string_view text) {
    const std::string_view body = trim(text);
    return !body.empty() && (body.front() == '{' || body.front() == '[') &&
           nlohmann::json::accept(body);
}

bool is_json_lines(std::string_view text) {
    const auto lines = split_lines(text);
    size_t objects = 0;
    for (const auto line : lines) {
        const std::string_view l = trim(line);
        if (l.empty()) {
            continue;
        }
        if (!l.starts_with("{") || !nlohmann::json::accept(l)) {
            return false;
        }
        ++objects;
    }
    return objects > 1;
}

std::string_view query_name(QueryLanguage q) {
    switch (q) {
    case QueryLanguage::spl:
        return "SPL";
    case QueryLanguage::kql:
        return "KQL";
    case QueryLanguage::esql:
        return "ES|QL";
    case QueryLanguage::sigma:
        return "a Sigma rule";
    case QueryLanguage::other:
        return "a query";
    }
    return "a query";
}

} // namespace

EvidenceLabel parse_label(std::string_view label) {
    EvidenceLabel out;
    std::string_view s = trim(label);
    // "Kind N: title", "Kind N", "Kind: title", "Kind".
    size_t words_end = s.size();
    for (size_t i = 0; i < s.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(s[i])) != 0 || s[i] == ':' || s[i] == '#' ||
            s[i] == '(' || s[i] == '-') {
            words_end = i;
            break;
        }
    }
    const std::string_view words = trim(s.substr(0, words_end));
    out.kind = kind_from_words(words);
    if (!out.kind) {
        out.title = std::string(s);
        return out;
    }
    std::string_view rest = s.substr(words_end);
    while (!rest.empty() && (rest.front() == '#' || rest.front() == ' ')) {
        rest.remove_prefix(1);
    }
    while (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest.front())) != 0) {
        rest.remove_prefix(1);
    }
    rest = trim(rest);
    if (rest.starts_with(":") || rest.starts_with("-") || rest.starts_with("\xE2\x80\x94")) {
        rest.remove_prefix(rest.starts_with("\xE2\x80\x94") ? 3 : 1);
    }
    out.title = std::string(trim(rest));
    // "Kind (title)" keeps the parentheses' content.
    if (out.title.size() > 1 && out.title.front() == '(' && out.title.back() == ')') {
        out.title = out.title.substr(1, out.title.size() - 2);
    }
    return out;
}

std::optional<QueryLanguage> sniff_query(std::string_view text) {
    const std::string_view body = trim(text);
    const std::string lower = to_lower(body);
    if (has(lower, "logsource:") && has(lower, "detection:")) {
        return QueryLanguage::sigma;
    }
    if (body.starts_with("FROM ") && (has(body, "| WHERE") || has(body, "| STATS") ||
                                      has(body, "| KEEP") || has(body, "| LIMIT"))) {
        return QueryLanguage::esql;
    }
    const bool spl = has(lower, "index=") || has(lower, "sourcetype=") || has(lower, "| stats ") ||
                     has(lower, "| search ") || has(lower, "| table ") || has(lower, "| tstats") ||
                     lower.starts_with("search ") || lower.starts_with("| tstats");
    const bool kql = has(lower, "| where ") || has(lower, "| project") ||
                     has(lower, "| summarize") || has(lower, "| extend ") ||
                     has(lower, "| order by") || has(lower, "| take ") || has(lower, "datetime(") ||
                     has(lower, " has_any") || has(lower, "ago(");
    if (spl && !has(lower, "| where ") && !has(lower, "| project")) {
        return QueryLanguage::spl;
    }
    if (kql && !has(lower, "index=") && !has(lower, "sourcetype=")) {
        return QueryLanguage::kql;
    }
    if (spl) {
        return QueryLanguage::spl;
    }
    return std::nullopt;
}

std::optional<ScriptLanguage> sniff_script(std::string_view text) {
    const std::string lower = to_lower(text);
    const bool ps = has(lower, "new-object") || has(lower, "invoke-") ||
                    has(lower, "start-process") || has(lower, "-encodedcommand") ||
                    has(lower, "iex ") || has(lower, "iex(") || has(lower, "get-") ||
                    has(lower, "set-") || has(lower, "$env:") ||
                    (has(lower, "$") && has(lower, " = ") && has(lower, ";"));
    if (ps) {
        return ScriptLanguage::powershell;
    }
    if (lower.starts_with("#!/bin/") || lower.starts_with("#!/usr/bin/env bash") ||
        has(lower, "curl ") || has(lower, "wget ") || has(lower, "chmod ") || has(lower, "| sh") ||
        has(lower, "| bash")) {
        return ScriptLanguage::bash;
    }
    if (lower.starts_with("@echo") || has(lower, "schtasks ") || has(lower, "reg add") ||
        has(lower, "cmd.exe /c") || has(lower, "cmd /c") || has(lower, "net user") ||
        has(lower, "vssadmin") || has(lower, "wmic ")) {
        return ScriptLanguage::cmd;
    }
    if (has(lower, "createobject(") || has(lower, "dim ") || has(lower, "wscript.")) {
        return ScriptLanguage::vbscript;
    }
    if (lower.starts_with("import ") || has(lower, "\nimport ") || has(lower, "def ") ||
        has(lower, "print(")) {
        return ScriptLanguage::python;
    }
    return std::nullopt;
}

EvidenceKind classify_evidence(const EvidenceLabel& label, std::optional<EvidenceRole> section,
                               std::string_view fence_info, std::string_view text) {
    const std::string info = first_word(fence_info);
    std::optional<EvidenceRole> role;
    if (label.kind) {
        role = label.kind->role;
    } else if (section) {
        role = section;
    } else if (sniff_query(text)) {
        role = EvidenceRole::query;
    } else if (sniff_script(text) || script_from_fence(info)) {
        role = EvidenceRole::command;
    } else if (query_from_fence(info)) {
        role = EvidenceRole::query;
    } else {
        role = EvidenceRole::log;
    }
    switch (*role) {
    case EvidenceRole::query: {
        // The content decides; the label next; the fence last.
        QueryLanguage q = QueryLanguage::other;
        if (auto sniffed = sniff_query(text)) {
            q = *sniffed;
        } else if (label.kind && label.kind->role == EvidenceRole::query &&
                   label.kind->query != QueryLanguage::other) {
            q = label.kind->query;
        } else if (auto fenced = query_from_fence(info)) {
            q = *fenced;
        }
        return query(q);
    }
    case EvidenceRole::command: {
        ScriptLanguage s = ScriptLanguage::other;
        if (auto fenced = script_from_fence(info)) {
            s = *fenced;
        }
        if (auto sniffed = sniff_script(text); sniffed && s == ScriptLanguage::other) {
            s = *sniffed;
        }
        if (s == ScriptLanguage::other && label.kind && label.kind->role == EvidenceRole::command) {
            s = label.kind->script;
        }
        return command(s);
    }
    case EvidenceRole::log:
        break;
    }
    LogKind k =
        label.kind && label.kind->role == EvidenceRole::log ? label.kind->log : LogKind::other;
    if (k == LogKind::other) {
        k = model::guess_evidence("evidence.log", text).log_kind;
    }
    return log(k);
}

std::string_view expected_fence(const EvidenceKind& kind, std::string_view text) {
    switch (kind.role) {
    case EvidenceRole::query:
        return model::fence_language(kind.query);
    case EvidenceRole::command:
        return model::fence_language(kind.script);
    case EvidenceRole::log:
        break;
    }
    if (is_json_document(text)) {
        return "json";
    }
    const std::string_view body = trim(text);
    if (body.starts_with("<") && body.ends_with(">")) {
        return "xml";
    }
    return "text";
}

std::optional<std::string> fence_conflict(std::string_view fence_info, const EvidenceKind& kind,
                                          std::string_view text) {
    const std::string info = first_word(fence_info);
    if (info.empty() || info == "text" || info == "txt" || info == "plaintext" || info == "log" ||
        info == "console" || info == "none") {
        return std::nullopt;
    }
    const auto q = query_from_fence(info);
    const auto s = script_from_fence(info);
    switch (kind.role) {
    case EvidenceRole::query:
        if (q && *q != kind.query && kind.query != QueryLanguage::other) {
            return fmt::format("the content is {}", query_name(kind.query));
        }
        if (!q && info != "yaml" && info != "yml" && info != "sql") {
            return fmt::format("the content is {}", query_name(kind.query));
        }
        return std::nullopt;
    case EvidenceRole::command:
        if (q || info == "json" || info == "xml") {
            return fmt::format("the content is a {} script", model::display_name(kind.script));
        }
        if (s && *s != kind.script && kind.script != ScriptLanguage::other) {
            return fmt::format("the content is {}", model::display_name(kind.script));
        }
        return std::nullopt;
    case EvidenceRole::log:
        break;
    }
    const std::string what = kind.log == LogKind::other
                                 ? std::string("log text")
                                 : fmt::format("{} log text", model::display_name(kind.log));
    if (info == "json" || info == "jsonc" || info == "json5") {
        if (is_json_document(text) || is_json_lines(text)) {
            return std::nullopt;
        }
        return fmt::format("the content is not JSON ({})", what);
    }
    if (info == "xml" && !trim(text).starts_with("<")) {
        return fmt::format("the content is not XML ({})", what);
    }
    if (q || s) {
        return fmt::format("the content is {}", what);
    }
    return std::nullopt;
}

std::string evidence_file_name(const EvidenceKind& kind, size_t number, std::string_view text) {
    switch (kind.role) {
    case EvidenceRole::query: {
        const std::string_view ext = kind.query == QueryLanguage::spl     ? "spl"
                                     : kind.query == QueryLanguage::kql   ? "kql"
                                     : kind.query == QueryLanguage::esql  ? "esql"
                                     : kind.query == QueryLanguage::sigma ? "sigma.yml"
                                                                          : "txt";
        const std::string stem = kind.query == QueryLanguage::spl ? "splunk"
                                 : kind.query == QueryLanguage::other
                                     ? "query"
                                     : to_lower(model::to_string(kind.query));
        return fmt::format("{}-{}.{}", stem, number, ext);
    }
    case EvidenceRole::command: {
        const std::string_view ext = kind.script == ScriptLanguage::powershell   ? "ps1"
                                     : kind.script == ScriptLanguage::cmd        ? "bat"
                                     : kind.script == ScriptLanguage::bash       ? "sh"
                                     : kind.script == ScriptLanguage::python     ? "py"
                                     : kind.script == ScriptLanguage::javascript ? "js"
                                     : kind.script == ScriptLanguage::vbscript   ? "vbs"
                                                                                 : "txt";
        return fmt::format("command-{}.{}", number, ext);
    }
    case EvidenceRole::log:
        break;
    }
    const std::string_view ext = is_json_document(text)        ? "json"
                                 : is_json_lines(text)         ? "jsonl"
                                 : trim(text).starts_with("<") ? "xml"
                                                               : "log";
    return fmt::format("{}-{}.{}", model::to_string(kind.log), number, ext);
}

} // namespace casefile::importer
