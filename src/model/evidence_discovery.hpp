#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "model/case.hpp"

namespace casefile::model {

/// What a file dropped into evidence/ most likely is.
struct EvidenceGuess {
    enum class Role { query, log, command };
    Role role = Role::log;
    QueryLanguage query_language = QueryLanguage::other;
    ScriptLanguage script_language = ScriptLanguage::other;
    LogKind log_kind = LogKind::other;
};

/// Guesses role and kind from the file name first (firewall.log, query.kql, run.ps1) and the
/// content second (a Defender row, "Logon Type:", "ALLOW TCP a -> b"). The log format is left to
/// the parsers' detection. A case.yaml entry for the file overrides the guess.
[[nodiscard]] EvidenceGuess guess_evidence(const std::filesystem::path& name,
                                           std::string_view content);

/// Reads the evidence files `c` references (relative to `c.folder`), then adds every other
/// regular file under `c.folder/evidence/` as discovered evidence, in path order. Unreadable or
/// missing files become error diagnostics at the entry that names them.
void load_evidence_files(Case& c, std::vector<Diagnostic>& diagnostics,
                         const std::string& case_file_label);

} // namespace casefile::model
