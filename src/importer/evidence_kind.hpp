// What a code block in a report holds — a search query, a raw log or a command — and in which
// language, judged from its summary label ("KQL 2", "Firewall 2"), the section it is in, its
// content and, last, its fence language, which hand-made reports often get wrong.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/enums.hpp"

namespace casefile::importer {

enum class EvidenceRole { query, log, command };

struct EvidenceKind {
    EvidenceRole role = EvidenceRole::log;
    model::QueryLanguage query = model::QueryLanguage::other;
    model::LogKind log = model::LogKind::other;
    model::ScriptLanguage script = model::ScriptLanguage::other;
};

/// A summary label split up: "KQL 2: Process hunt" -> kql query, number 2, title.
struct EvidenceLabel {
    std::optional<EvidenceKind> kind; ///< when the label names a kind
    std::string title;                ///< text after "Kind N:", or an unrecognised label
};
[[nodiscard]] EvidenceLabel parse_label(std::string_view label);

/// The query language the text is written in, when it is clearly one.
[[nodiscard]] std::optional<model::QueryLanguage> sniff_query(std::string_view text);
/// The script language, when the text clearly is a script.
[[nodiscard]] std::optional<model::ScriptLanguage> sniff_script(std::string_view text);

/// Decides the kind. `section` is the role the surrounding section implies, if any.
[[nodiscard]] EvidenceKind classify_evidence(const EvidenceLabel& label,
                                             std::optional<EvidenceRole> section,
                                             std::string_view fence_info, std::string_view text);

/// The fence language the report renderer uses for this evidence.
[[nodiscard]] std::string_view expected_fence(const EvidenceKind& kind, std::string_view text);

/// Why `fence_info` contradicts the evidence ("the content is KQL"), or nothing when it fits
/// or is empty.
[[nodiscard]] std::optional<std::string>
fence_conflict(std::string_view fence_info, const EvidenceKind& kind, std::string_view text);

/// File name for the evidence: "kql-2.kql", "edr-1.json", "firewall-2.log", "command-1.ps1".
[[nodiscard]] std::string evidence_file_name(const EvidenceKind& kind, size_t number,
                                             std::string_view text);

} // namespace casefile::importer
