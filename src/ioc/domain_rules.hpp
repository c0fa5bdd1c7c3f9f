#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace casefile::ioc::detail {

/// Verdict on a host name candidate.
struct DomainVerdict {
    bool valid = false;     ///< a registrable name under a public suffix the list knows
    bool ambiguous = false; ///< its TLD is also a common file extension (.zip, .py, .top)
    std::string canonical;  ///< lower-case (IDN: UTS 46 mapped U-labels), when valid
};

/// Memo of verdicts for one scan; host names repeat a lot in logs. Direct-mapped and
/// allocation-free: it holds lower-case ASCII names of up to 62 bytes, whose canonical form is
/// the name itself.
class DomainCache {
public:
    static constexpr size_t kMaxKey = 62;
    /// -1 when not cached, else the flags stored for `key`.
    [[nodiscard]] int find(std::string_view key, uint64_t hash) const;
    void insert(std::string_view key, uint64_t hash, uint8_t flags);

private:
    struct Slot {
        uint64_t hash = 0;
        uint8_t len = 0;
        uint8_t flags = 0;
        std::array<char, kMaxKey> key{};
    };
    // Starts small (a scan of one line should not clear 600 KiB) and grows with use.
    static constexpr size_t kFirstSlots = 64; ///< grown by 4x: always a power of two (masked)
    static_assert((kFirstSlots & (kFirstSlots - 1)) == 0);
    static constexpr size_t kMaxSlots = 8192;
    std::vector<Slot> slots_;
    size_t inserts_ = 0;
};

/// Host name validation against the Public Suffix List (libpsl) with IDNA checks (libidn2).
class DomainRules {
public:
    /// Loads the list from `psl_file`, or Debian's list (or libpsl's built-in copy, whichever
    /// is newer) when empty. Errors name the file and how to fix it.
    [[nodiscard]] static Result<DomainRules> create(const std::string& psl_file);

    /// Checks `name` (labels separated by '.', any case, ASCII or UTF-8, no trailing dot).
    [[nodiscard]] DomainVerdict check(std::string_view name, DomainCache* cache = nullptr) const;

    /// The same verdict without allocating on the hot path: on success writes the canonical
    /// name to `canonical` (replacing its content) and returns true.
    bool check_into(std::string_view name, DomainCache* cache, std::string& canonical,
                    bool& ambiguous) const;

    /// True when `label` (lower-case, ASCII or UTF-8) is a top-level suffix the list names.
    [[nodiscard]] bool is_known_tld(std::string_view label) const;

private:
    struct Handle;
    explicit DomainRules(std::shared_ptr<const Handle> handle) : handle_(std::move(handle)) {}
    [[nodiscard]] DomainVerdict check_uncached(std::string_view lower_name) const;
    std::shared_ptr<const Handle> handle_;
};

} // namespace casefile::ioc::detail
