// Internal to the hunts: the case's indicators grouped into the families every query language
// searches for, plus the escaping rules of each language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "export/hunts/hunt.hpp"

namespace casefile::exporting::hunts {

/// The indicators of one case, grouped by what a log search looks for. Each list keeps
/// analysis order and holds each value once.
struct HuntPlan {
    std::vector<std::string> ips;           ///< single IPv4/IPv6 addresses
    std::vector<std::string> ipv4_blocks;   ///< CIDR blocks
    std::vector<std::string> ipv6_blocks;   ///< CIDR blocks
    std::vector<std::string> domains;       ///< also matched as parents of subdomains
    std::vector<std::string> urls;          ///< canonical URLs
    std::vector<std::string> md5;           ///< lower-case hex
    std::vector<std::string> sha1;          ///< lower-case hex
    std::vector<std::string> sha256;        ///< lower-case hex
    std::vector<std::string> file_names;    ///< file names, including those of listed paths
    std::vector<std::string> file_paths;    ///< full paths (not ones starting with a variable)
    std::vector<std::string> senders;       ///< email addresses
    std::vector<std::string> subjects;      ///< email subjects
    std::vector<std::string> registry_keys; ///< without the hive: "SOFTWARE\\Microsoft\\..."
    std::vector<std::string> tasks;         ///< scheduled task names
    std::vector<std::string> user_agents;
    std::vector<std::string> sha512; ///< only ES|QL has a field for these
    std::vector<std::string> ja3;    ///< only ES|QL has a field for these

    /// Values expected to hit benign traffic, with why: {"185.199.109.15",
    /// "185.199.109.15: on warninglist List of known GitHub IP ranges"}.
    std::vector<std::pair<std::string, std::string>> benign_warnings;
    /// "CVE-2024-3400 (cve)": values no log search can look for.
    std::vector<std::string> not_searchable;

    [[nodiscard]] bool empty() const;
};

[[nodiscard]] HuntPlan make_plan(const analysis::Analysis& a);

/// The header every hunt starts with, as plain lines (the caller adds comment markers).
[[nodiscard]] std::vector<std::string> header_lines(const model::Case& c, const HuntPlan& plan,
                                                    HuntLanguage language, const HuntOptions& hunt,
                                                    const ExportOptions& options,
                                                    const std::vector<std::string>& unsupported);

/// A comment line made safe: control characters become spaces.
[[nodiscard]] std::string comment_text(std::string_view text);

/// A double-quoted string literal with `\` and `"` backslash-escaped (KQL, SPL, ES|QL).
[[nodiscard]] std::string dq(std::string_view value);

/// `dq` of each value, joined by ", ".
[[nodiscard]] std::string dq_list(const std::vector<std::string>& values);

[[nodiscard]] std::string render_kql(const model::Case& c, const HuntPlan& plan,
                                     const HuntOptions& hunt, const ExportOptions& options);
[[nodiscard]] std::string render_spl(const model::Case& c, const HuntPlan& plan,
                                     const HuntOptions& hunt, const ExportOptions& options);
[[nodiscard]] std::string render_esql(const model::Case& c, const HuntPlan& plan,
                                      const HuntOptions& hunt, const ExportOptions& options);
[[nodiscard]] Result<std::string> render_sigma(const model::Case& c, const analysis::Analysis& a,
                                               const HuntPlan& plan, const HuntOptions& hunt,
                                               const ExportOptions& options);

} // namespace casefile::exporting::hunts
