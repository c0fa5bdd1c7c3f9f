// Ticket ids from a scheme such as "IR-{year}-{seq:04}", numbered per folder of cases. The
// folder keeps its scheme and last numbers in .casefile-tickets.json, which is locked while a
// number is chosen and replaced atomically, so two analysts never get the same id.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/time.hpp"

namespace casefile::intake {

/// The state file's name inside the folder of cases.
inline constexpr std::string_view kTicketStateFile = ".casefile-tickets.json";

/// A parsed scheme: literal text with {year}, {month}, {day} (UTC, when the case is opened)
/// and exactly one {seq} or {seq:0N} (the number, zero-padded to N digits).
struct TicketScheme {
    std::string text;
    std::string before; ///< the part before {seq}, placeholders not yet filled in
    std::string after;  ///< the part after it
    int width = 0;      ///< zero-padding of the number; 0 for none
};

/// Parses a scheme. Fails (bad_usage) on unknown or unclosed placeholders, a missing or second
/// {seq}, and on '/' or '\\' (ticket ids name folders).
[[nodiscard]] Result<TicketScheme> parse_ticket_scheme(std::string_view text);

/// The id for number `n` at `now`.
[[nodiscard]] std::string render_ticket(const TicketScheme& scheme, Timestamp now, uint64_t n);

/// The ticket state of one folder of cases, locked from open() until destruction.
class TicketSequence {
public:
    /// Locks `<cases_dir>/.casefile-tickets.json` (waiting for another casefile holding it)
    /// and reads it; a missing file is an empty state. Fails when the file is not valid state
    /// (with file:line:column) or the folder is not writable.
    [[nodiscard]] static Result<TicketSequence> open(const std::filesystem::path& cases_dir);

    TicketSequence(TicketSequence&& other) noexcept;
    TicketSequence& operator=(TicketSequence&&) = delete;
    TicketSequence(const TicketSequence&) = delete;
    TicketSequence& operator=(const TicketSequence&) = delete;
    ~TicketSequence();

    /// The scheme saved by an earlier --ticket-scheme; empty when none.
    [[nodiscard]] const std::string& saved_scheme() const { return scheme_; }

    /// The next id of `scheme` at `now`: one more than both the last number saved for it and
    /// the highest number among the folder's entries named by it. Remembered for commit().
    [[nodiscard]] std::string next(const TicketScheme& scheme, Timestamp now);

    /// Saves the number next() chose and the scheme, atomically.
    [[nodiscard]] Status commit();
    /// Writes back the state as open() read it (after a failed case creation).
    [[nodiscard]] Status roll_back();

private:
    TicketSequence(std::filesystem::path dir, int lock_fd);
    [[nodiscard]] Status write(const std::string& scheme,
                               const std::map<std::string, uint64_t>& last) const;

    std::filesystem::path dir_;
    int lock_fd_ = -1;
    bool existed_ = false;
    std::string original_text_;
    std::string scheme_;
    std::map<std::string, uint64_t> last_;
    std::string pending_scheme_;
    std::string pending_key_;
    uint64_t pending_ = 0;
};

} // namespace casefile::intake
