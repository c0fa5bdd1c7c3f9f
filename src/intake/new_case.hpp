// Writing a new case folder all at once: the ticket id is chosen (given, from a scheme, from
// the alert, or the folder's name), case.yaml is checked to load cleanly, and the folder is
// built as a hidden sibling and renamed into place, so a failure leaves nothing behind and an
// existing case is replaced only when asked, and only once its replacement is complete.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/time.hpp"
#include "intake/intake.hpp"

namespace casefile::intake {

/// What a new case folder holds, with case.yaml written once the ticket id is known.
struct CaseDraft {
    std::function<std::string(const std::string& ticket_id)> case_yaml;
    std::vector<EvidenceFile> files;
    std::string alert_ticket; ///< the alert's own id; used when no ticket or scheme is given
};

struct CreateOptions {
    std::string ticket;        ///< an explicit ticket id (--ticket); wins over everything
    std::string ticket_scheme; ///< e.g. "IR-{year}-{seq:04}"; saved for the folder of cases;
                               ///< empty: the scheme saved there earlier, if any
    bool force = false;        ///< replace an existing, non-empty folder
    Timestamp now{};           ///< for {year}, {month}, {day}
};

struct CreatedCase {
    std::string ticket_id;
    std::string ticket_origin; ///< "--ticket", "scheme IR-{year}-{seq:04}", "the alert's id", ...
    bool replaced = false;     ///< an existing folder was replaced (--force)
};

/// Creates `dir` with case.yaml and the draft's files. The ticket id is, in order: the given
/// one, the next id of the ticket scheme (given, or saved in `dir`'s parent folder), the
/// alert's id, or `dir`'s name. Fails with conflict when `dir` exists and is not an empty
/// folder (unless `force`), with internal when the draft's case.yaml does not load without
/// errors (a bug), with io when writing fails; nothing is left behind on failure.
[[nodiscard]] Result<CreatedCase> create_case(const std::filesystem::path& dir,
                                              const CaseDraft& draft, const CreateOptions& options);

} // namespace casefile::intake
