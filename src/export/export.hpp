// export: the artefacts a SOC shares and acts on, made from one analysed case — JSON, CSV,
// STIX 2.1 and MISP exports, hunting queries (KQL, SPL, ES|QL, Sigma) — and the local IoC sweep
// over log files. It reads model::Case and analysis::Analysis and never re-extracts or
// re-classifies: every conclusion (which values are indicators, their canonical form, warninglist
// hits, provenance) comes from analyze(). It does no network I/O and writes no files; callers
// decide where output goes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis.hpp"
#include "core/error.hpp"
#include "core/time.hpp"
#include "model/case.hpp"

namespace casefile::exporting {

enum class ExportFormat { json, csv, stix, misp };

/// "json", "csv", "stix", "misp".
[[nodiscard]] std::string_view to_string(ExportFormat format);
[[nodiscard]] std::optional<ExportFormat> parse_export_format(std::string_view text);

/// Names and tactics of MITRE ATT&CK techniques, read from the Enterprise techniques TSV
/// (columns technique_id, name, tactics, ...). Optional: without it techniques are exported by
/// id alone.
class AttackCatalog {
public:
    struct Technique {
        std::string name;                 ///< "PowerShell"
        std::vector<std::string> tactics; ///< kill-chain phase names: "execution"
    };

    /// Parses the TSV text; `origin` names it in errors (file:line).
    [[nodiscard]] static Result<AttackCatalog> parse_tsv(std::string_view tsv,
                                                         const std::string& origin);

    /// The technique with this id ("T1059.001"), if listed.
    [[nodiscard]] const Technique* find(std::string_view id) const;

    [[nodiscard]] size_t size() const { return techniques_.size(); }

private:
    std::map<std::string, Technique, std::less<>> techniques_;
};

/// What every export needs besides the case and its analysis.
struct ExportOptions {
    /// The export time: JSON generated_at, STIX modified, MISP timestamp, Sigma date.
    Timestamp now{};
    /// Overrides the case's TLP (alert.tlp) when set.
    std::optional<model::Tlp> tlp;
    /// The producing organisation (STIX identity, MISP Orgc). Empty: the producer is named
    /// "casefile" as a system identity.
    std::string organisation;
    /// ATT&CK technique names; may be null.
    const AttackCatalog* attack = nullptr;
};

/// One export's text plus notes for the person running it (missing TLP, values a format cannot
/// carry). Notes never go into the output.
struct ExportResult {
    std::string text;
    std::vector<Diagnostic> notes;
};

/// Renders `c` and `a` in `format`.
[[nodiscard]] Result<ExportResult> export_case(const model::Case& c, const analysis::Analysis& a,
                                               ExportFormat format, const ExportOptions& options);

/// The TLP the export carries: options.tlp, else the case's, else none.
[[nodiscard]] std::optional<model::Tlp> effective_tlp(const model::Case& c,
                                                      const ExportOptions& options);

/// The note every sharing format adds when the case has no TLP.
[[nodiscard]] Diagnostic missing_tlp_note(const model::Case& c, std::string_view format);

/// ATT&CK technique ids the case names (case.techniques) followed by those found in its text
/// (attack_technique indicators), upper-cased, each once, in that order.
[[nodiscard]] std::vector<std::string> case_techniques(const model::Case& c,
                                                       const analysis::Analysis& a);

/// True when an indicator should not drive automatic detection: it is on a warninglist or it is
/// a non-public address.
[[nodiscard]] bool is_likely_benign(const analysis::CaseIndicator& i);

/// A singular name for one indicator of the type: "IPv4 address", "SHA-256", "Scheduled task".
[[nodiscard]] std::string_view indicator_label(model::IndicatorType type);

/// Provenance labels joined for one cell or sentence: "IoC list; EDR 1; OSINT: VirusTotal".
[[nodiscard]] std::string provenance_summary(const analysis::CaseIndicator& i);

/// The key that makes an exported object's id stable across exports of the same case: ticket
/// id and alert time, so two organisations' "IR-1" never share ids.
[[nodiscard]] std::string case_key(const model::Case& c);

/// "YYYY-MM-DDTHH:MM:SS.mmmZ": RFC 3339 UTC with exactly three decimals (STIX created/modified).
[[nodiscard]] std::string millis_timestamp(Timestamp t);

} // namespace casefile::exporting
