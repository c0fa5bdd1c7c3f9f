#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/error.hpp"

namespace casefile::ioc::detail {

/// Verdict on a host name candidate.
struct DomainVerdict {
    bool valid = false;     ///< a registrable name under a public suffix the list knows
    bool ambiguous = false; ///< its TLD is also a common file extension (.zip, .py, .top)
    std::string canonical;  ///< lower-case (IDN: UTS 46 mapped U-labels), when valid
};

/// Memo of verdicts for one scan; host names repeat a lot in logs.
class DomainCache {
public:
    [[nodiscard]] const DomainVerdict* find(std::string_view key) const;
    const DomainVerdict& insert(std::string key, DomainVerdict verdict);

private:
    static constexpr size_t kMaxEntries = 1 << 16;
    std::unordered_map<std::string, DomainVerdict> entries_;
};

/// Host name validation against the Public Suffix List (libpsl) with IDNA checks (libidn2).
class DomainRules {
public:
    /// Loads the list from `psl_file`, or Debian's list (or libpsl's built-in copy, whichever
    /// is newer) when empty. Errors name the file and how to fix it.
    [[nodiscard]] static Result<DomainRules> create(const std::string& psl_file);

    /// Checks `name` (labels separated by '.', any case, ASCII or UTF-8, no trailing dot).
    [[nodiscard]] DomainVerdict check(std::string_view name, DomainCache* cache = nullptr) const;

    /// True when `label` (lower-case, ASCII or UTF-8) is a top-level suffix the list names.
    [[nodiscard]] bool is_known_tld(std::string_view label) const;

private:
    struct Handle;
    explicit DomainRules(std::shared_ptr<const Handle> handle) : handle_(std::move(handle)) {}
    [[nodiscard]] DomainVerdict check_uncached(std::string_view lower_name) const;
    std::shared_ptr<const Handle> handle_;
};

} // namespace casefile::ioc::detail
