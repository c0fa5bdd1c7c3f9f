#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "logs/event.hpp"

namespace casefile::logs::detail {

/// Walks a text line by line with 1-based numbers; a '\r' before '\n' is dropped.
class LineCursor {
public:
    explicit LineCursor(std::string_view text) : text_(text) {}

    /// The next line, or false at the end. `number` is its 1-based line number.
    bool next(std::string_view& line, uint32_t& number);
    /// Continues from byte `offset` (a line start) as if `lines_before` lines were read.
    void seek(size_t offset, uint32_t lines_before) {
        pos_ = offset;
        number_ = lines_before;
    }
    /// Offset of the line last returned.
    [[nodiscard]] size_t offset() const { return start_; }

private:
    std::string_view text_;
    size_t pos_ = 0;
    size_t start_ = 0;
    uint32_t number_ = 0;
};

/// 1-based line number of `offset` in `text`, counting from (`from_offset`, `from_line`).
[[nodiscard]] uint32_t line_at(std::string_view text, size_t offset, size_t from_offset = 0,
                               uint32_t from_line = 1);

[[nodiscard]] bool contains(std::string_view s, std::string_view needle);
[[nodiscard]] bool contains_icase(std::string_view s, std::string_view needle);
[[nodiscard]] bool ends_with_icase(std::string_view s, std::string_view suffix);
[[nodiscard]] std::string_view first_bytes(std::string_view s, size_t n);

/// Value of a field that may hold a placeholder: "", "-", "(null)", "null", "N/A" -> "".
[[nodiscard]] std::string_view meaningful(std::string_view v);

/// "key=value" pairs separated by spaces; values may be double-quoted. Keys keep their case.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> split_kv(std::string_view text);

/// One CSV record (RFC 4180: quotes, doubled quotes). `end` receives the offset just past the
/// record, which may span lines when a quoted field holds a newline. Returns false when a
/// quote is not closed.
bool split_csv_record(std::string_view text, size_t start, char sep,
                      std::vector<std::string>& fields, size_t& end);

/// Parses a decimal unsigned number (no sign, no spaces); commas as thousands separators are
/// allowed when `allow_grouping`.
[[nodiscard]] std::optional<uint64_t> parse_uint(std::string_view s, bool allow_grouping = false);
[[nodiscard]] std::optional<uint16_t> parse_port(std::string_view s);

/// 1..12 for "Jan".."Dec" (case-insensitive, first three letters), else 0.
[[nodiscard]] unsigned month_number(std::string_view name);

/// A calendar date and clock time as written, before any zone is applied.
struct DateTimeParts {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int64_t nanos = 0;
    /// Text after the clock time ("Z", "+01:00", "UTC"); empty when none.
    std::string_view zone;
};

/// Reads "2025-11-11[T ]13:42:20[.123][zone]", "2025/11/11 13:42:20", "11/11/2025 1:42:18 PM"
/// (month first), "Nov 11, 2025 1:42:18 PM" and "Nov 11 2025 13:42:20".
[[nodiscard]] std::optional<DateTimeParts> parse_datetime(std::string_view text);

/// Sets the user fields from "DOMAIN\\user", "user@domain" (kept whole, also as user_id) or a
/// bare name. Placeholders ("-") are ignored.
void set_user(Event& e, std::string_view value);

/// Keeps the number of a logon type ("10 (RemoteInteractive)" -> "10") and its name.
void set_logon_type(Event& e, std::string_view value);
[[nodiscard]] std::string_view logon_type_name(std::string_view number);

/// Undoes the common defanging notations ([.] (.) [:] [://] hxxp) so the URL can be used.
/// The ioc module has the complete refang; this covers what proxy logs contain.
[[nodiscard]] std::string refang_minimal(std::string_view url);
[[nodiscard]] bool looks_defanged(std::string_view url);

/// The host part of a URL ("https://a.example:8443/x" -> "a.example"), lower-cased.
[[nodiscard]] std::string url_host(std::string_view url);

/// Splits "ip:port" or "[v6]:port"; IPv6 without brackets is returned whole.
[[nodiscard]] std::pair<std::string_view, std::string_view> split_host_port(std::string_view s);

/// Hash fields by length: 32 hex -> md5, 40 -> sha1, 64 -> sha256.
void set_hash(Event& e, std::string_view hex);
/// Sysmon/Windows "SHA1=..,MD5=..,SHA256=..,IMPHASH=.." lists.
void set_hash_list(Event& e, std::string_view list);

/// Last path component of a Windows or POSIX path.
[[nodiscard]] std::string_view base_name(std::string_view path);

/// Sets `dst` to `value` when `dst` is empty and `value` is meaningful.
inline void fill(std::string& dst, std::string_view value) {
    if (dst.empty()) {
        value = meaningful(value);
        if (!value.empty()) {
            dst.assign(value);
        }
    }
}

} // namespace casefile::logs::detail
