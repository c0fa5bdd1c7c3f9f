#include "logs/util.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/text.hpp"

namespace casefile::logs::detail {

bool LineCursor::next(std::string_view& line, uint32_t& number) {
    if (pos_ >= text_.size()) {
        return false;
    }
    start_ = pos_;
    const void* nl = std::memchr(text_.data() + pos_, '\n', text_.size() - pos_);
    size_t end =
        nl ? static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) : text_.size();
    pos_ = nl ? end + 1 : end;
    if (end > start_ && text_[end - 1] == '\r') {
        --end;
    }
    line = text_.substr(start_, end - start_);
    number = ++number_;
    return true;
}

uint32_t line_at(std::string_view text, size_t offset, size_t from_offset, uint32_t from_line) {
    offset = std::min(offset, text.size());
    if (offset < from_offset) {
        from_offset = 0;
        from_line = 1;
    }
    const auto n = std::count(text.begin() + static_cast<std::ptrdiff_t>(from_offset),
                              text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
    return from_line + static_cast<uint32_t>(n);
}

bool contains(std::string_view s, std::string_view needle) {
    return s.find(needle) != std::string_view::npos;
}

bool contains_icase(std::string_view s, std::string_view needle) {
    if (needle.empty()) {
        return true;
    }
    for (size_t i = 0; i + needle.size() <= s.size(); ++i) {
        if (equals_icase(s.substr(i, needle.size()), needle)) {
            return true;
        }
    }
    return false;
}

bool ends_with_icase(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && equals_icase(s.substr(s.size() - suffix.size()), suffix);
}

std::string_view first_bytes(std::string_view s, size_t n) {
    return s.substr(0, std::min(n, s.size()));
}

std::string_view meaningful(std::string_view v) {
    v = trim(v);
    if (v == "-" || v == "(null)" || v == "null" || v == "NULL" || v == "N/A" || v == "n/a" ||
        v == "NULL SID" || v == "\"\"") {
        return {};
    }
    return v;
}

std::vector<std::pair<std::string, std::string>> split_kv(std::string_view text) {
    std::vector<std::pair<std::string, std::string>> out;
    size_t i = 0;
    const size_t n = text.size();
    while (i < n) {
        while (i < n && (text[i] == ' ' || text[i] == '\t')) {
            ++i;
        }
        const size_t key_start = i;
        while (i < n && text[i] != '=' && text[i] != ' ' && text[i] != '\t') {
            ++i;
        }
        if (i >= n || text[i] != '=') {
            // A bare word (iptables flags such as "DF" or "SYN"): kept with an empty value.
            if (i > key_start) {
                out.emplace_back(std::string(text.substr(key_start, i - key_start)), "");
            }
            continue;
        }
        std::string key(text.substr(key_start, i - key_start));
        ++i;
        std::string value;
        if (i < n && text[i] == '"') {
            ++i;
            while (i < n && text[i] != '"') {
                if (text[i] == '\\' && i + 1 < n) {
                    ++i;
                }
                value.push_back(text[i]);
                ++i;
            }
            ++i;
        } else {
            const size_t v_start = i;
            while (i < n && text[i] != ' ' && text[i] != '\t') {
                ++i;
            }
            value.assign(text.substr(v_start, i - v_start));
        }
        out.emplace_back(std::move(key), std::move(value));
    }
    return out;
}

bool split_csv_record(std::string_view text, size_t start, char sep,
                      std::vector<std::string>& fields, size_t& end) {
    fields.clear();
    std::string cur;
    size_t i = start;
    const size_t n = text.size();
    bool quoted = false;
    bool was_quoted = false;
    while (i < n) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < n && text[i + 1] == '"') {
                    cur.push_back('"');
                    i += 2;
                    continue;
                }
                quoted = false;
                ++i;
                continue;
            }
            cur.push_back(c);
            ++i;
            continue;
        }
        if (c == '"' && cur.empty() && !was_quoted) {
            quoted = true;
            was_quoted = true;
            ++i;
            continue;
        }
        if (c == sep) {
            fields.push_back(std::move(cur));
            cur.clear();
            was_quoted = false;
            ++i;
            continue;
        }
        if (c == '\n' || c == '\r') {
            break;
        }
        cur.push_back(c);
        ++i;
    }
    fields.push_back(std::move(cur));
    if (quoted) {
        // An unclosed quote would swallow the rest of the file; only its first line is bad.
        const size_t nl = text.find('\n', start);
        end = nl == std::string_view::npos ? n : nl + 1;
        return false;
    }
    if (i < n && text[i] == '\r') {
        ++i;
    }
    if (i < n && text[i] == '\n') {
        ++i;
    }
    end = i;
    return true;
}

std::optional<uint64_t> parse_uint(std::string_view s, bool allow_grouping) {
    s = trim(s);
    if (s.empty()) {
        return std::nullopt;
    }
    uint64_t v = 0;
    for (const char c : s) {
        if (c == ',' && allow_grouping) {
            continue;
        }
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        const auto digit = static_cast<uint64_t>(c - '0');
        if (v > (UINT64_MAX - digit) / 10) {
            return std::nullopt;
        }
        v = v * 10 + digit;
    }
    return v;
}

std::optional<uint16_t> parse_port(std::string_view s) {
    const auto v = parse_uint(s);
    if (!v || *v > 65535) {
        return std::nullopt;
    }
    return static_cast<uint16_t>(*v);
}

unsigned month_number(std::string_view name) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (name.size() < 3) {
        return 0;
    }
    for (unsigned i = 0; i < 12; ++i) {
        if (equals_icase(name.substr(0, 3), kMonths[i])) {
            return i + 1;
        }
    }
    return 0;
}

void set_user(Event& e, std::string_view value) {
    value = meaningful(value);
    if (value.empty()) {
        return;
    }
    const size_t slash = value.find('\\');
    if (slash != std::string_view::npos && slash > 0 && slash + 1 < value.size()) {
        e.user_domain.assign(value.substr(0, slash));
        e.user_name.assign(value.substr(slash + 1));
        return;
    }
    e.user_name.assign(value);
    if (value.find('@') != std::string_view::npos) {
        fill(e.user_id, value);
    }
}

std::string_view logon_type_name(std::string_view number) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kTypes = {{
        {"2", "Interactive"},
        {"3", "Network"},
        {"4", "Batch"},
        {"5", "Service"},
        {"7", "Unlock"},
        {"8", "NetworkCleartext"},
        {"9", "NewCredentials"},
        {"10", "RemoteInteractive"},
        {"11", "CachedInteractive"},
        {"12", "CachedRemoteInteractive"},
        {"13", "CachedUnlock"},
        {"0", "System"},
    }};
    for (const auto& [n, name] : kTypes) {
        if (n == number) {
            return name;
        }
    }
    return {};
}

void set_logon_type(Event& e, std::string_view value) {
    value = meaningful(value);
    if (value.empty()) {
        return;
    }
    size_t digits = 0;
    while (digits < value.size() && value[digits] >= '0' && value[digits] <= '9') {
        ++digits;
    }
    if (digits == 0) {
        // Defender writes names ("RemoteInteractive"); keep the number when we know it.
        for (int n = 0; n <= 13; ++n) {
            const std::string num = std::to_string(n);
            if (equals_icase(logon_type_name(num), value)) {
                e.logon_type = num;
                e.logon_type_name.assign(logon_type_name(num));
                return;
            }
        }
        e.logon_type_name.assign(value);
        return;
    }
    e.logon_type.assign(value.substr(0, digits));
    e.logon_type_name.assign(logon_type_name(e.logon_type));
}

namespace {

void replace_all_icase(std::string& s, std::string_view from, std::string_view to) {
    size_t i = 0;
    while (i + from.size() <= s.size()) {
        if (equals_icase(std::string_view(s).substr(i, from.size()), from)) {
            s.replace(i, from.size(), to);
            i += to.size();
        } else {
            ++i;
        }
    }
}

} // namespace

bool looks_defanged(std::string_view url) {
    return contains(url, "[.]") || contains(url, "(.)") || contains(url, "[:]") ||
           contains(url, "[://]") || starts_with_icase(url, "hxxp") ||
           starts_with_icase(url, "fxp");
}

std::string refang_minimal(std::string_view url) {
    std::string s(url);
    replace_all_icase(s, "[://]", "://");
    replace_all_icase(s, "[:]", ":");
    replace_all_icase(s, "[.]", ".");
    replace_all_icase(s, "(.)", ".");
    if (starts_with_icase(s, "hxxp")) {
        s.replace(0, 4, "http");
    }
    return s;
}

std::string url_host(std::string_view url) {
    size_t start = url.find("://");
    start = start == std::string_view::npos ? 0 : start + 3;
    size_t end = url.find_first_of("/?#", start);
    std::string_view authority =
        url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    const size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
        authority = authority.substr(at + 1);
    }
    if (!authority.empty() && authority.front() == '[') {
        const size_t close = authority.find(']');
        return to_lower(authority.substr(1, close == std::string_view::npos ? std::string_view::npos
                                                                            : close - 1));
    }
    const size_t colon = authority.rfind(':');
    if (colon != std::string_view::npos) {
        authority = authority.substr(0, colon);
    }
    return to_lower(authority);
}

std::pair<std::string_view, std::string_view> split_host_port(std::string_view s) {
    if (!s.empty() && s.front() == '[') {
        const size_t close = s.find(']');
        if (close != std::string_view::npos) {
            std::string_view port;
            if (close + 1 < s.size() && s[close + 1] == ':') {
                port = s.substr(close + 2);
            }
            return {s.substr(1, close - 1), port};
        }
    }
    const size_t first = s.find(':');
    if (first != std::string_view::npos && first == s.rfind(':')) {
        return {s.substr(0, first), s.substr(first + 1)};
    }
    // IPv6 with dots ("::ffff:1.2.3.4") or several colons: only "addr.port" notations carry a
    // port, and the callers handle those.
    return {s, {}};
}

void set_hash(Event& e, std::string_view hex) {
    hex = trim(hex);
    std::string* target = hex.size() == 32   ? &e.file_hash_md5
                          : hex.size() == 40 ? &e.file_hash_sha1
                          : hex.size() == 64 ? &e.file_hash_sha256
                                             : nullptr;
    if (target == nullptr || !target->empty()) {
        return;
    }
    target->resize(hex.size());
    for (size_t i = 0; i < hex.size(); ++i) {
        char c = hex[i];
        if (c >= 'A' && c <= 'F') {
            c = static_cast<char>(c - 'A' + 'a');
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            target->clear();
            return;
        }
        (*target)[i] = c;
    }
}

void set_hash_list(Event& e, std::string_view list) {
    size_t i = 0;
    while (i < list.size()) {
        size_t comma = list.find(',', i);
        if (comma == std::string_view::npos) {
            comma = list.size();
        }
        const std::string_view item = trim(list.substr(i, comma - i));
        const size_t eq = item.find('=');
        if (eq != std::string_view::npos) {
            const std::string_view algo = item.substr(0, eq);
            if (equals_icase(algo, "MD5") || equals_icase(algo, "SHA1") ||
                equals_icase(algo, "SHA256")) {
                set_hash(e, item.substr(eq + 1));
            }
        } else {
            set_hash(e, item);
        }
        i = comma + 1;
    }
}

std::string_view base_name(std::string_view path) {
    const size_t slash = path.find_last_of("\\/");
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

} // namespace casefile::logs::detail

namespace casefile::logs::detail {
namespace {

/// Reads 1..max_digits decimal digits at `i`.
bool read_num(std::string_view s, size_t& i, size_t max_digits, int& out) {
    size_t n = 0;
    int v = 0;
    while (i < s.size() && n < max_digits && s[i] >= '0' && s[i] <= '9') {
        v = v * 10 + (s[i] - '0');
        ++i;
        ++n;
    }
    out = v;
    return n > 0;
}

bool read_clock(std::string_view s, size_t& i, DateTimeParts& p) {
    while (i < s.size() && (s[i] == ' ' || s[i] == 'T' || s[i] == 't')) {
        ++i;
    }
    if (!read_num(s, i, 2, p.hour) || i >= s.size() || s[i] != ':') {
        return false;
    }
    ++i;
    if (!read_num(s, i, 2, p.minute)) {
        return false;
    }
    if (i < s.size() && s[i] == ':') {
        ++i;
        if (!read_num(s, i, 2, p.second)) {
            return false;
        }
        if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
            ++i;
            int used = 0;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
                if (used < 9) {
                    p.nanos = p.nanos * 10 + (s[i] - '0');
                    ++used;
                }
                ++i;
            }
            for (; used < 9; ++used) {
                p.nanos *= 10;
            }
        }
    }
    size_t j = i;
    while (j < s.size() && s[j] == ' ') {
        ++j;
    }
    if (j + 2 <= s.size() &&
        (equals_icase(s.substr(j, 2), "AM") || equals_icase(s.substr(j, 2), "PM"))) {
        if (p.hour < 1 || p.hour > 12) {
            return false;
        }
        const bool pm = equals_icase(s.substr(j, 2), "PM");
        p.hour = p.hour % 12 + (pm ? 12 : 0);
        i = j + 2;
    }
    p.zone = trim(s.substr(i));
    return p.hour <= 23 && p.minute <= 59 && p.second <= 60;
}

} // namespace

std::optional<DateTimeParts> parse_datetime(std::string_view text) {
    const std::string_view s = trim(text);
    DateTimeParts p;
    size_t i = 0;
    int a = 0;
    if (!s.empty() && s[0] >= '0' && s[0] <= '9') {
        if (!read_num(s, i, 4, a) || i >= s.size()) {
            return std::nullopt;
        }
        const char sep = s[i];
        if (sep != '-' && sep != '/' && sep != '.') {
            return std::nullopt;
        }
        ++i;
        int b = 0;
        int c = 0;
        if (!read_num(s, i, 2, b) || i >= s.size() || s[i] != sep) {
            return std::nullopt;
        }
        ++i;
        const size_t c_start = i;
        if (!read_num(s, i, 4, c)) {
            return std::nullopt;
        }
        if (a < 1000 && i - c_start == 4) {
            // month/day/year (US order, as Event Viewer and Excel write it)
            p.year = c;
            p.month = static_cast<unsigned>(a);
            p.day = static_cast<unsigned>(b);
        } else if (a >= 1000) {
            p.year = a;
            p.month = static_cast<unsigned>(b);
            p.day = static_cast<unsigned>(c);
        } else {
            return std::nullopt;
        }
    } else {
        // "Nov 11, 2025 1:42:18 PM" or "Nov 11 2025 13:42:20"
        const size_t sp = s.find(' ');
        if (sp == std::string_view::npos) {
            return std::nullopt;
        }
        p.month = month_number(s.substr(0, sp));
        i = sp;
        while (i < s.size() && s[i] == ' ') {
            ++i;
        }
        int d = 0;
        if (p.month == 0 || !read_num(s, i, 2, d)) {
            return std::nullopt;
        }
        p.day = static_cast<unsigned>(d);
        if (i < s.size() && s[i] == ',') {
            ++i;
        }
        while (i < s.size() && s[i] == ' ') {
            ++i;
        }
        const size_t y_start = i;
        if (!read_num(s, i, 4, p.year) || i - y_start != 4) {
            return std::nullopt;
        }
    }
    if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31 || p.year < 1970 || p.year > 9999) {
        return std::nullopt;
    }
    if (i >= s.size()) {
        return std::nullopt;
    }
    if (!read_clock(s, i, p)) {
        return std::nullopt;
    }
    return p;
}

} // namespace casefile::logs::detail
