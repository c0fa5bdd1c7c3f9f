// intake: opens a case from what a security product exported about an alert or incident. It
// recognises the export's format (Defender for Endpoint, Graph security alerts, Sentinel,
// Splunk ES, CrowdStrike Falcon, Elastic Security, or a user's mapping file), maps the
// vendor's fields onto a model::Case — alert overview, users, devices, indicators, ATT&CK
// techniques, command lines — and keeps the export as the case's first evidence item. It never
// fills a field the alert does not carry: what it could not fill is reported. It does not
// canonicalise or classify indicators beyond trimming (ioc/ does that), and new_case.hpp, not
// read_alert(), writes the case folder.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/time.hpp"
#include "ioc/extractor.hpp"
#include "model/case.hpp"

namespace casefile::intake {

/// A file named on the command line: its name (for messages) and its bytes.
struct InputFile {
    std::string name;
    std::string text;
};

/// A file to create inside the new case folder.
struct EvidenceFile {
    std::string path; ///< relative to the case folder: "evidence/alert-defender-endpoint.json"
    std::string content;
};

/// What the analyst gives on the command line; each value wins over the alert's own.
struct Overrides {
    std::string title;
    std::optional<model::Severity> severity;
    std::optional<Time> observed_at;
    std::optional<model::Tlp> tlp; ///< default TLP:AMBER, as for every new case
};

struct IntakeOptions {
    std::string format = "auto";       ///< a name from known_formats(), or "auto"
    std::optional<InputFile> mapping;  ///< a mapping file (YAML) for any other JSON
    std::optional<InputFile> entities; ///< Sentinel: the incident's entities export
    std::optional<size_t> alert_index; ///< which alert of a multi-alert export, from 0
    Overrides overrides;
};

/// A case read from an alert export.
struct Intake {
    model::Case value;                   ///< alert.ticket_id is the vendor's id, when it has one
    std::string format;                  ///< the format used, e.g. "defender-endpoint"
    std::string alert_id;                ///< the vendor's id of the alert; empty when absent
    std::vector<EvidenceFile> files;     ///< the alert export first, then any companion file
    std::vector<Diagnostic> diagnostics; ///< errors: required fields nobody gave; warnings:
                                         ///< fields that could not be filled; notes: choices

    /// False when a required field (title, observed_at, severity) is still empty.
    [[nodiscard]] bool ok() const { return !has_errors(diagnostics); }
};

/// A format intake recognises.
struct FormatInfo {
    std::string_view name;    ///< for --source, case.yaml's evidence format and file names
    std::string_view product; ///< the product recorded as alert.source
    std::string_view input;   ///< which export it reads
};

/// The built-in formats, in the order detection tries them.
[[nodiscard]] std::vector<FormatInfo> known_formats();

/// Reads one alert export into a case. With format "auto" the format is detected from the
/// JSON's fields; a mapping file sets the format itself. Fails with bad_input located at
/// file:line:column for text that is not JSON, for an export with no alert or several (pick
/// one with alert_index), and for a format it cannot recognise (the message lists the known
/// formats and how to write a mapping); with bad_usage for an unknown format name or an
/// alert_index out of range. Missing or odd fields do not fail: they are diagnostics.
[[nodiscard]] Result<Intake> read_alert(const InputFile& alert, const IntakeOptions& options,
                                        const ioc::Extractor& extractor);

} // namespace casefile::intake
