// Lint rules about indicators: the IoC list against the evidence, hashes, and addresses that
// must not be blocked or swept blindly.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "analysis/lint_rules.hpp"
#include "core/text.hpp"

namespace casefile::analysis {
namespace {

using model::IndicatorType;

/// Labels of the places where an indicator is an observation, not narrative: raw logs,
/// commands and OSINT results (numbered as analyze() numbers them).
std::set<std::string> observation_labels(const model::Case& c) {
    std::set<std::string> labels;
    for (size_t i = 0; i < c.logs.size(); ++i) {
        labels.insert(fmt::format("{} {}", model::display_name(c.logs[i].kind), i + 1));
    }
    for (size_t i = 0; i < c.commands.size(); ++i) {
        labels.insert(fmt::format("Command {}", i + 1));
    }
    for (const auto& r : c.osint) {
        labels.insert("OSINT: " + r.provider);
    }
    return labels;
}

/// Where the hand entry of a listed indicator is.
SourceLocation listed_at(const CaseIndicator& i) {
    for (const Provenance& p : i.seen_in) {
        if (p.label == "IoC list") {
            return p.where;
        }
    }
    return {};
}

void missing_iocs(const LintContext& ctx, std::vector<LintFinding>& out) {
    const std::set<std::string> observations = observation_labels(ctx.c);
    for (const CaseIndicator& i : ctx.a.indicators) {
        if (i.listed) {
            continue;
        }
        const auto first = std::find_if(i.seen_in.begin(), i.seen_in.end(), [&](const auto& p) {
            return observations.contains(p.label);
        });
        if (first == i.seen_in.end()) {
            continue;
        }
        std::vector<std::string> places;
        for (const Provenance& p : i.seen_in) {
            places.push_back(p.label);
        }
        out.push_back({"missing-ioc", LintSeverity::warning,
                       fmt::format("{} {} appears in {} but not in the IoC list",
                                   model::to_string(i.type), i.defanged, join(places, ", ")),
                       "add it to the IoC list (indicators:), or note why it is not one",
                       ctx.refined(i.value, first->where)});
    }
}

size_t hash_length(IndicatorType t) {
    switch (t) {
    case IndicatorType::md5:
    case IndicatorType::imphash:
        return 32;
    case IndicatorType::sha1:
        return 40;
    case IndicatorType::sha256:
        return 64;
    case IndicatorType::sha512:
        return 128;
    default:
        return 0;
    }
}

std::string_view hash_name_for_length(size_t n) {
    switch (n) {
    case 32:
        return "an MD5";
    case 40:
        return "a SHA-1";
    case 64:
        return "a SHA-256";
    case 128:
        return "a SHA-512";
    default:
        return "";
    }
}

void hash_rules(const LintContext& ctx, std::vector<LintFinding>& out) {
    for (const model::ManualIndicator& m : ctx.c.indicators) {
        const size_t want = hash_length(m.type);
        if (want == 0) {
            continue;
        }
        const std::string value(trim(m.value));
        const bool hex = !value.empty() && std::all_of(value.begin(), value.end(), [](char ch) {
            return std::isxdigit(static_cast<unsigned char>(ch)) != 0;
        });
        const std::string_view type = model::to_string(m.type);
        if (!hex) {
            out.push_back({"invalid-hash", LintSeverity::error,
                           fmt::format("{} '{}' is not hexadecimal", type, value),
                           "copy the hash again from the sandbox or EDR; a hash holds only 0-9 "
                           "and a-f",
                           m.where});
        } else if (value.size() != want) {
            const std::string_view other = hash_name_for_length(value.size());
            out.push_back({"invalid-hash", LintSeverity::error,
                           fmt::format("{} '{}' has {} hex digits; a {} has {}", type, value,
                                       value.size(), type, want),
                           other.empty()
                               ? std::string("a digit was lost or added: copy the hash again")
                               : fmt::format("it is {} hash: change its type", other),
                           m.where});
        }
        if (trim(m.file).empty()) {
            out.push_back({"unbound-hash", LintSeverity::warning,
                           fmt::format("{} {} is tied to no file", type, value),
                           "say which file it is the hash of (file: update.exe): a hash nobody "
                           "can place cannot be checked or explained",
                           m.where});
        }
    }
}

void address_rules(const LintContext& ctx, std::vector<LintFinding>& out) {
    for (const CaseIndicator& i : ctx.a.indicators) {
        if (!i.listed) {
            continue;
        }
        if ((i.type == IndicatorType::ipv4 || i.type == IndicatorType::ipv6) &&
            !i.classification.empty() && i.classification != "public") {
            out.push_back({"private-ip-ioc", LintSeverity::error,
                           fmt::format("{} is a {} address: it identifies nothing outside your "
                                       "own network",
                                       i.value, i.classification),
                           "remove it from the IoC list; record it as the device's address "
                           "(entities) if it matters",
                           listed_at(i)});
        }
        if (!i.warninglists.empty()) {
            out.push_back(
                {"warninglist-ioc", LintSeverity::warning,
                 fmt::format("{} is on warninglist {}: blocking it or sweeping for it hits "
                             "legitimate traffic",
                             i.defanged, join(i.warninglists, ", ")),
                 "keep it as context, but block or sweep the exact value only (never the "
                 "range), or use a more specific indicator such as the URL",
                 listed_at(i)});
        }
    }
}

} // namespace

bool is_hash_type(IndicatorType t) {
    return hash_length(t) != 0 || t == IndicatorType::ssdeep;
}

void indicator_rules(const LintContext& ctx, std::vector<LintFinding>& out) {
    missing_iocs(ctx, out);
    hash_rules(ctx, out);
    address_rules(ctx, out);
}

} // namespace casefile::analysis
