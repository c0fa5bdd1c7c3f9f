// OSINT: providers, their detection ratios and behaviours, and screenshots.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "core/text.hpp"
#include "importer/entries.hpp"
#include "importer/loose_time.hpp"
#include "importer/markdown_doc.hpp"
#include "importer/report_importer.hpp"
#include "importer/sections.hpp"

namespace casefile::importer::detail {

void Importer::read_osint(const Block& b) {
    if (b.kind == Block::Kind::heading) {
        start_provider(inline_plain(b.inlines), b.line);
        return;
    }
    for (const Entry& e : entries_of(b, false)) {
        if (e.label) {
            start_provider(label_text(e.head), e.line);
            continue;
        }
        if (osint_mode_ == OsintMode::none) {
            // A list item "VirusTotal:" with sub-items, or text before any provider.
            const std::string t(trim(inline_plain(e.head)));
            if (!e.children.empty() && t.ends_with(":")) {
                start_provider(t.substr(0, t.size() - 1), e.line);
                for (const Entry& child : e.children) {
                    osint_item(child);
                }
                continue;
            }
            keep(e);
            continue;
        }
        osint_item(e);
    }
}

void Importer::start_provider(std::string name, int line) {
    name = std::string(trim(name));
    const std::string n = normalize_heading(name);
    if (n.starts_with("screenshot")) {
        osint_mode_ = OsintMode::screenshot;
        return;
    }
    model::OsintResult r;
    r.provider = name;
    r.where = at(line);
    result_.value.osint.push_back(std::move(r));
    osint_mode_ = OsintMode::provider;
    event(ImportEvent::Kind::mapped, fmt::format("OSINT result from {}", name), line);
}

void Importer::osint_item(const Entry& e) {
    if (osint_mode_ == OsintMode::screenshot) {
        screenshot(e.text, e.line);
        return;
    }
    model::OsintResult& r = result_.value.osint.back();
    const std::string text(trim(e.text));
    const size_t colon = text.find(':');
    const std::string key =
        colon == std::string::npos || colon > 30 ? "" : normalize_heading(text.substr(0, colon));
    const std::string value =
        colon == std::string::npos ? "" : std::string(trim(text.substr(colon + 1)));
    const auto is = [&](std::initializer_list<std::string_view> names) {
        return std::find(names.begin(), names.end(), key) != names.end();
    };
    LooseTimeOptions date_options = time_options_;
    date_options.allow_date_only = true;
    if (!key.empty() && value.empty() &&
        (key.find("behavio") != std::string::npos || key == "activity" ||
         key == "observed behaviour" || key == "indicators")) {
        osint_mode_ = OsintMode::behaviours;
        for (const Entry& child : e.children) {
            r.behaviours.push_back(refang(child.text));
        }
        return;
    }
    if (auto ratio = detection_ratio(text)) {
        r.detections = ratio->first;
        for (auto& name : ratio->second) {
            r.detection_names.push_back(name);
        }
    } else if (is({"detected as", "detections", "detection names", "names", "family"})) {
        for (auto& name : split_list(value)) {
            r.detection_names.push_back(name);
        }
    } else if (is({"verdict", "result", "score"})) {
        r.verdict = value;
    } else if (is({"first seen"}) && parse_loose_time(value, date_options) &&
               parse_loose_time(value, date_options)->length >= trim(value).size()) {
        r.first_seen = parse_loose_time(value, date_options)->time;
    } else if (is({"last seen"}) && parse_loose_time(value, date_options) &&
               parse_loose_time(value, date_options)->length >= trim(value).size()) {
        r.last_seen = parse_loose_time(value, date_options)->time;
    } else if (is({"classification", "category", "malware family", "threat"})) {
        r.classification = value;
    } else if (is({"reference", "link", "report", "permalink"})) {
        r.links.push_back(ioc::refang_text(value));
    } else if (is({"screenshot"})) {
        screenshot(value, e.line);
    } else if (is({"subject", "lookup", "sample", "url", "hash", "file", "domain", "ip"}) &&
               r.subject.empty()) {
        r.subject = refang(value);
    } else if (osint_mode_ == OsintMode::provider && key.empty() && r.subject.empty() &&
               r.behaviours.empty() && !r.detections) {
        r.subject = refang(text);
    } else {
        r.behaviours.push_back(refang(text));
    }
    for (const Entry& child : e.children) {
        r.behaviours.push_back(refang(child.text));
    }
}

std::vector<std::string> Importer::split_list(std::string_view s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t end = s.find(',', start);
        end = end == std::string_view::npos ? s.size() : end;
        const std::string item(trim(s.substr(start, end - start)));
        if (!item.empty()) {
            out.push_back(item);
        }
        start = end + 1;
    }
    return out;
}

std::optional<std::pair<model::DetectionRatio, std::vector<std::string>>>
Importer::detection_ratio(std::string_view text) {
    size_t i = 0;
    const auto number = [&](int& out) {
        const size_t start = i;
        out = 0;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0 &&
               i - start < 6) {
            out = out * 10 + (text[i] - '0');
            ++i;
        }
        return i > start;
    };
    const auto blanks = [&] {
        while (i < text.size() && text[i] == ' ') {
            ++i;
        }
    };
    model::DetectionRatio ratio;
    if (!number(ratio.detected)) {
        return std::nullopt;
    }
    blanks();
    if (i >= text.size() || text[i] != '/') {
        return std::nullopt;
    }
    ++i;
    blanks();
    if (!number(ratio.total) || ratio.total == 0 || ratio.detected > ratio.total) {
        return std::nullopt;
    }
    std::vector<std::string> names;
    const size_t eg = text.find("(e.g.");
    if (eg != std::string_view::npos) {
        size_t start = eg + 5;
        if (start < text.size() && text[start] == ',') {
            ++start;
        }
        const size_t close = text.rfind(')');
        if (close != std::string_view::npos && close > start) {
            names = split_list(text.substr(start, close - start));
        }
    }
    return std::make_pair(ratio, names);
}

void Importer::screenshot(const std::string& raw, int line) {
    std::string text = raw;
    std::string provider;
    const size_t from = text.rfind(" \xE2\x80\x94 from ");
    if (from != std::string::npos) {
        provider = std::string(trim(text.substr(from + 9)));
        text = text.substr(0, from);
    }
    model::Screenshot s;
    const size_t cap = text.find("(Caption:");
    if (cap != std::string::npos) {
        const size_t close = text.rfind(')');
        s.caption = std::string(
            trim(text.substr(cap + 9, close > cap ? close - cap - 9 : std::string::npos)));
        text = text.substr(0, cap);
    }
    const std::string where(trim(text));
    std::optional<ioc::Match> url;
    extractor_.scan(where, scan_options(), [&](const ioc::Match& m) {
        if (!url && m.type == IndicatorType::url) {
            url = m;
        }
    });
    if (url) {
        s.url = url->value;
    } else {
        s.file = where;
    }
    std::vector<model::OsintResult>& osint = result_.value.osint;
    model::OsintResult* owner = nullptr;
    for (auto& r : osint) {
        if (!provider.empty() && r.provider == provider && !r.screenshot) {
            owner = &r;
        }
    }
    if (owner == nullptr && provider.empty() && !osint.empty() && !osint.back().screenshot) {
        owner = &osint.back();
    }
    if (owner == nullptr) {
        osint.push_back(model::OsintResult{});
        osint.back().provider = provider.empty() ? "Screenshot" : provider;
        osint.back().where = at(line);
        owner = &osint.back();
    }
    owner->screenshot = s;
    event(ImportEvent::Kind::mapped, fmt::format("screenshot of {}", owner->provider), line);
}

} // namespace casefile::importer::detail
