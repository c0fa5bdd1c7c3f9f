#include "importer/sections.hpp"

#include <array>
#include <cctype>

#include "core/text.hpp"

namespace casefile::importer {
namespace {

bool has(std::string_view s, std::string_view word) {
    return s.find(word) != std::string_view::npos;
}

/// True when `word` appears as a whole word in the normalized heading.
bool has_word(std::string_view s, std::string_view word) {
    for (size_t at = s.find(word); at != std::string_view::npos; at = s.find(word, at + 1)) {
        const bool start = at == 0 || s[at - 1] == ' ';
        const bool end = at + word.size() == s.size() || s[at + word.size()] == ' ';
        if (start && end) {
            return true;
        }
    }
    return false;
}

} // namespace

std::string normalize_heading(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        std::string piece;
        if (c == '&') {
            piece = " and ";
        } else if (std::isalnum(u) != 0 || u >= 0x80) {
            piece = static_cast<char>(std::tolower(u));
        } else {
            piece = " ";
        }
        for (const char p : piece) {
            if (p == ' ') {
                space = !out.empty();
                continue;
            }
            if (space) {
                out += ' ';
                space = false;
            }
            out += p;
        }
    }
    return out;
}

SectionKind classify_heading(std::string_view text, int level) {
    if (trim(text).starts_with(kKeptPrefix)) {
        return SectionKind::custom;
    }
    const std::string h = normalize_heading(text);
    if (level == 1 && (has(h, "investigation report") || has(h, "incident report") ||
                       h == "report" || has(h, "soc report"))) {
        return SectionKind::title;
    }
    if (has(h, "executive") || has(h, "leadership") || has(h, "management summary") ||
        has_word(h, "tldr") || has_word(h, "tl dr")) {
        return SectionKind::executive;
    }
    if (has(h, "lessons")) {
        return SectionKind::lessons;
    }
    if (has(h, "next steps") || has(h, "recommendation") || has(h, "follow up") ||
        has(h, "followup")) {
        return SectionKind::next_steps;
    }
    if (has_word(h, "osint") || has(h, "sandbox") || has(h, "threat intel") ||
        has(h, "enrichment") || has(h, "reputation")) {
        return SectionKind::osint;
    }
    if (has(h, "indicator") || has_word(h, "ioc") || has_word(h, "iocs") || has(h, "observable")) {
        return SectionKind::iocs;
    }
    if (h.starts_with("command") || has_word(h, "scripts") || has_word(h, "commands")) {
        return SectionKind::commands;
    }
    if (has(h, "quer") || has_word(h, "search") || has_word(h, "hunts") || has_word(h, "hunting")) {
        return SectionKind::queries;
    }
    if (has(h, "raw log") || h == "logs" || has(h, "log excerpt") || h == "events" ||
        has(h, "raw events") || has(h, "log entries")) {
        return SectionKind::logs;
    }
    if (has(h, "evidence") || has(h, "artifact") || has(h, "artefact")) {
        return SectionKind::evidence;
    }
    if (has(h, "escalat")) {
        return SectionKind::escalations;
    }
    if (has(h, "triage") || has_word(h, "analysis") || has(h, "investigation steps") ||
        has(h, "analyst notes")) {
        return SectionKind::triage;
    }
    if (has(h, "action") || has(h, "timeline") || has_word(h, "response") ||
        has(h, "containment") || has(h, "remediation")) {
        return SectionKind::actions;
    }
    if (has_word(h, "user") || has_word(h, "users") || has(h, "entit") || has_word(h, "device") ||
        has_word(h, "devices") || has_word(h, "host") || has_word(h, "hosts") || has(h, "asset") ||
        has(h, "affected")) {
        return SectionKind::entities;
    }
    if (has_word(h, "alert") || has(h, "overview") || has(h, "incident details") ||
        has(h, "alert details") || has(h, "detection")) {
        return SectionKind::alert;
    }
    if (has(h, "summary") || has(h, "conclusion")) {
        return SectionKind::summary;
    }
    return SectionKind::custom;
}

std::string_view layout_name(SectionKind kind) {
    switch (kind) {
    case SectionKind::title:
        return "SOC Investigation Report";
    case SectionKind::alert:
        return "Alert Overview";
    case SectionKind::entities:
        return "User/Entity Details";
    case SectionKind::evidence:
        return "Evidence";
    case SectionKind::queries:
        return "Search Queries";
    case SectionKind::logs:
        return "Raw Logs";
    case SectionKind::iocs:
        return "Indicators of Compromise (IoCs)";
    case SectionKind::commands:
        return "Commands/Scripts";
    case SectionKind::osint:
        return "OSINT & Sandbox Analysis";
    case SectionKind::triage:
        return "Analysis & Triage Steps";
    case SectionKind::actions:
        return "Actions Taken";
    case SectionKind::escalations:
        return "Escalations";
    case SectionKind::summary:
        return "Final Summary";
    case SectionKind::executive:
        return "Executive Summary for Leadership";
    case SectionKind::lessons:
        return "Lessons Learned";
    case SectionKind::next_steps:
        return "Next Steps";
    case SectionKind::custom:
        return "custom section";
    }
    return "custom section";
}

} // namespace casefile::importer
