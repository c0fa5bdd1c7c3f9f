// Scanner recognisers for Windows registry keys and file paths (drive, environment-variable,
// UNC and Unix forms).
#include <array>
#include <string>

#include "ioc/file_extensions.hpp"
#include "ioc/ip_address.hpp"
#include "ioc/scanner.hpp"
#include "ioc/utf8_class.hpp"

namespace casefile::ioc::detail {

using model::IndicatorType;

namespace {

constexpr size_t kSpaceLookahead = 128;
constexpr size_t kMaxPath = 4096;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
    return is_digit(c) || is_alpha(c);
}
bool is_high(char c) {
    return static_cast<unsigned char>(c) >= 0x80;
}
char upper(char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

/// Ends a path or key segment wherever it appears.
constexpr bool segment_stop(char c) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        return true;
    }
    switch (c) {
    case '"':
    case '\'':
    case '|':
    case '*':
    case '?':
    case ',':
    case ';':
    case '`':
    case ':':
        return true;
    default:
        return false;
    }
}

/// Bytes a segment simply continues over: not a separator, blank, stop, bracket or non-ASCII
/// byte, each of which scan_segments looks at one by one.
constexpr std::array<bool, 256> make_plain_segment_byte() {
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x7F; ++c) {
        t[c] = !segment_stop(static_cast<char>(c));
    }
    for (char c : std::string_view("\\/ <>()")) {
        t[static_cast<unsigned char>(c)] = false;
    }
    return t;
}
constexpr auto kPlainSegmentByte = make_plain_segment_byte();

bool is_registry_root(std::string_view root) {
    static constexpr std::array<std::string_view, 13> kRoots{"HKLM",
                                                             "HKCU",
                                                             "HKCR",
                                                             "HKU",
                                                             "HKCC",
                                                             "HKPD",
                                                             "HKEY_LOCAL_MACHINE",
                                                             "HKEY_CURRENT_USER",
                                                             "HKEY_CLASSES_ROOT",
                                                             "HKEY_USERS",
                                                             "HKEY_CURRENT_CONFIG",
                                                             "HKEY_PERFORMANCE_DATA",
                                                             "HKEY_DYN_DATA"};
    for (std::string_view r : kRoots) {
        if (r.size() != root.size()) {
            continue;
        }
        bool same = true;
        for (size_t k = 0; k < r.size() && same; ++k) {
            same = upper(root[k]) == r[k];
        }
        if (same) {
            return true;
        }
    }
    return false;
}

bool is_unix_root(std::string_view segment) {
    static constexpr std::array<std::string_view, 24> kRoots{
        "etc",  "tmp",  "var",   "usr",     "home",  "dev",    "opt",          "bin",
        "sbin", "root", "proc",  "lib",     "lib64", "boot",   "mnt",          "srv",
        "run",  "sys",  "media", "Library", "Users", "System", "Applications", "private"};
    for (std::string_view r : kRoots) {
        if (segment == r) {
            return true;
        }
    }
    return false;
}

/// The extension of the last segment of `path`, or "".
std::string_view extension_of(std::string_view path, char sep) {
    const size_t slash = path.rfind(sep);
    const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const size_t dot = last.rfind('.');
    if (dot == std::string_view::npos || dot == 0) {
        return {};
    }
    return last.substr(dot + 1);
}

} // namespace

// A space inside a segment belongs to the path when a separator follows within a few words
// ("Program Files (x86)\..."), or when the words end in a file name ("my report.pdf"); otherwise
// the path ended before it ("...\Run on the host").
size_t Scanner::space_continues(size_t p, char sep, bool registry, bool& last) const {
    last = false;
    size_t k = p + 1;
    const size_t limit = std::min(n_, p + kSpaceLookahead);
    if (k >= limit || at(k) == ' ' || segment_stop(at(k))) {
        return 0;
    }
    // A segment that already ends in a file name ends the path: "C:\x\setup.exe and HKLM\...".
    size_t seg = p;
    while (seg > 0 && t_[seg - 1] != sep && t_[seg - 1] != ' ') {
        --seg;
    }
    const std::string_view so_far = text_.substr(seg, p - seg);
    if (const size_t dot = so_far.rfind('.');
        !registry && dot != std::string_view::npos && is_file_extension(so_far.substr(dot + 1))) {
        return 0;
    }
    size_t word_begin = k;
    while (k < limit) {
        const char c = t_[k];
        if (c == sep) {
            return p + 1;
        }
        if (k == word_begin && c == 'H' && at(k + 1) == 'K') {
            break; // the next word starts a registry key
        }
        if (c == ' ') {
            if (at(k + 1) == ' ' || segment_stop(at(k + 1))) {
                break;
            }
            word_begin = k + 1;
            ++k;
            continue;
        }
        if (segment_stop(c) || (!registry && (c == '<' || c == '>'))) {
            break;
        }
        ++k;
    }
    if (!registry) {
        const std::string_view word = text_.substr(word_begin, k - word_begin);
        const size_t dot = word.rfind('.');
        if (dot != std::string_view::npos && dot > 0 && is_file_extension(word.substr(dot + 1)) &&
            (k == n_ || at(k) == ' ' || segment_stop(at(k)) || at(k) == '<')) {
            last = true;
            return k;
        }
    }
    return 0;
}

size_t Scanner::scan_segments(size_t p, char sep, bool registry, std::string& out,
                              size_t& segments) const {
    out.clear();
    segments = 0;
    size_t e = p;
    size_t good_end = p;
    const size_t limit = std::min(n_, p + kMaxPath);
    while (e < limit && t_[e] == sep) {
        while (e < limit && t_[e] == sep) {
            ++e; // "\\" in JSON-escaped text is one separator
        }
        const size_t seg_begin = e;
        int angle = 0;
        int parens = 0;
        bool stop = false;
        while (e < limit && !stop) {
            while (e < limit && kPlainSegmentByte[static_cast<unsigned char>(t_[e])]) {
                ++e;
            }
            if (e >= limit) {
                break;
            }
            const char c = t_[e];
            if (c == sep) {
                break;
            }
            if (c == ' ') {
                bool last = false;
                const size_t next = space_continues(e, sep, registry, last);
                if (next == 0) {
                    break;
                }
                e = next;
                stop = last;
                continue;
            }
            if (segment_stop(c)) {
                break;
            }
            if (c == '<' || c == '>') {
                if (!registry || (c == '>' && angle == 0)) {
                    break;
                }
                angle += c == '<' ? 1 : -1;
            }
            parens += c == '(' ? 1 : (c == ')' ? -1 : 0);
            if (parens < 0) {
                break; // "(C:\x\y.exe)": the closing parenthesis is not part of the path
            }
            if (is_high(c)) {
                const size_t len = utf8_word_char(t_ + e, t_ + n_);
                if (len == 0) {
                    break;
                }
                e += len;
                continue;
            }
            ++e;
        }
        if (angle != 0) {
            break; // "<USER SID\..." never closed: the key ends before it
        }
        size_t seg_end = e;
        while (seg_end > seg_begin && (t_[seg_end - 1] == '.' || t_[seg_end - 1] == ' ')) {
            --seg_end;
        }
        if (seg_end == seg_begin) {
            break;
        }
        out += registry ? '\\' : sep;
        out.append(text_.substr(seg_begin, seg_end - seg_begin));
        ++segments;
        good_end = seg_end;
        if (stop || seg_end < e) {
            break;
        }
    }
    return good_end;
}

size_t Scanner::try_registry(const Word& w) {
    size_t root_end = w.end;
    if (at(root_end) == '_') {
        while (root_end < n_ && (is_alpha(t_[root_end]) || t_[root_end] == '_')) {
            ++root_end;
        }
    }
    const std::string_view root = text_.substr(w.begin, root_end - w.begin);
    if (!is_registry_root(root)) {
        return 0;
    }
    size_t begin = w.begin;
    size_t p = root_end;
    if (before(w.begin) == '<' && at(p) == '>') {
        begin = w.begin - 1; // "<HKCU>\Software\..."
        ++p;
    } else if (at(p) == ':') {
        ++p; // PowerShell's registry drive "HKLM:\Software"
    }
    if (at(p) != '\\') {
        return 0;
    }
    std::string& tail = path_scratch_;
    size_t segments = 0;
    const size_t end = scan_segments(p, '\\', true, tail, segments);
    if (segments == 0) {
        return 0;
    }
    value_.assign(root);
    value_ += tail;
    emit(IndicatorType::registry_key, begin, end, value_);
    return end;
}

size_t Scanner::try_drive_path(const Word& w) {
    const char sep = at(w.end + 1);
    std::string& tail = path_scratch_;
    size_t segments = 0;
    const size_t end = scan_segments(w.end + 1, sep, false, tail, segments);
    if (segments == 0) {
        return 0;
    }
    value_.assign(1, t_[w.begin]);
    value_ += ':';
    for (char c : tail) {
        value_ += c == '/' ? '\\' : c;
    }
    emit(IndicatorType::file_path, w.begin, end, value_);
    return end;
}

size_t Scanner::try_env_path(size_t i) {
    if (is_alnum(before(i))) {
        return i + 1;
    }
    size_t p = i + 1;
    if (t_[i] == '%') {
        while (p < n_ && p - i < 40 &&
               (is_alnum(t_[p]) || t_[p] == '_' || t_[p] == '(' || t_[p] == ')')) {
            ++p;
        }
        if (p == i + 1 || at(p) != '%') {
            return i + 1;
        }
        ++p;
    } else {
        if (n_ - i < 6 || text_.substr(i, 5) != "$env:") {
            const std::string_view head = text_.substr(i, 5);
            if (head.size() < 5 || (head != "$Env:" && head != "$ENV:")) {
                return i + 1;
            }
        }
        p = i + 5;
        while (p < n_ && p - i < 40 && (is_alnum(t_[p]) || t_[p] == '_')) {
            ++p;
        }
        if (p == i + 5) {
            return i + 1;
        }
    }
    if (at(p) != '\\') {
        return i + 1;
    }
    std::string& tail = path_scratch_;
    size_t segments = 0;
    const size_t end = scan_segments(p, '\\', false, tail, segments);
    if (segments == 0) {
        return i + 1;
    }
    value_.assign(text_.substr(i, p - i));
    value_ += tail;
    emit(IndicatorType::file_path, i, end, value_);
    return end;
}

size_t Scanner::try_unc(size_t i) {
    const char prev = before(i);
    if (at(i + 1) != '\\' || prev == '\\' || is_alnum(prev) || prev == ':') {
        return i + 1;
    }
    size_t p = i;
    while (p < n_ && p - i < 4 && t_[p] == '\\') {
        ++p;
    }
    const size_t host_begin = p;
    while (p < n_ && p - host_begin < 255 &&
           (is_alnum(t_[p]) || t_[p] == '.' || t_[p] == '-' || t_[p] == '_' || t_[p] == '$')) {
        ++p;
    }
    if (p == host_begin || at(p) != '\\') {
        return p > i ? p : i + 1;
    }
    const std::string_view host = text_.substr(host_begin, p - host_begin);
    std::string& tail = path_scratch_;
    size_t segments = 0;
    const size_t end = scan_segments(p, '\\', false, tail, segments);
    if (segments == 0) {
        return p;
    }
    std::string canonical_host;
    IndicatorType host_type = IndicatorType::other;
    if (auto v4 = parse_ipv4(host)) {
        canonical_host = format_ipv4(*v4);
        host_type = IndicatorType::ipv4;
    } else if (host.find('.') != std::string_view::npos) {
        DomainVerdict verdict = rules_.check(host, &caches_.domains);
        if (verdict.valid) {
            canonical_host = std::move(verdict.canonical);
            host_type = IndicatorType::domain;
        }
    }
    if (host_type == IndicatorType::other) {
        value_ = "\\\\";
        value_.append(host);
        value_ += tail;
        emit(IndicatorType::file_path, i, end, value_);
        return end;
    }
    // A share on a routable host is a network location: file://host/share/path.
    value_ = "file://";
    value_ += canonical_host;
    for (char c : tail) {
        value_ += c == '\\' ? '/' : c;
    }
    emit(IndicatorType::url, i, end, value_);
    if (settings_.hosts) {
        emit_host(Host{host_type, host_begin, host_begin + host.size(), canonical_host});
    }
    return end;
}

size_t Scanner::try_unix_path(size_t i) {
    const char prev = before(i);
    const bool boundary = prev == '\0' || prev == ' ' || prev == '\t' || prev == '"' ||
                          prev == '\'' || prev == '=' || prev == '(' || prev == '[' ||
                          prev == '{' || prev == ',' || prev == ';' || prev == '>' || prev == '|' ||
                          prev == '`' || prev == ':' || prev == '\n';
    if (!boundary) {
        return i + 1;
    }
    size_t p = i;
    std::string_view root;
    if (t_[i] == '~') {
        if (at(i + 1) != '/') {
            return i + 1;
        }
        root = "~";
        p = i + 1;
    }
    const char first = at(p + 1);
    if (!(is_alnum(first) || first == '.' || first == '_' || is_high(first))) {
        return i + 1;
    }
    std::string& tail = path_scratch_;
    size_t segments = 0;
    const size_t end = scan_segments(p, '/', false, tail, segments);
    if (segments == 0) {
        return i + 1;
    }
    const size_t slash = tail.find('/', 1);
    const std::string_view first_segment = std::string_view(tail).substr(
        1, slash == std::string::npos ? std::string::npos : slash - 1);
    const bool accepted = !root.empty() || is_unix_root(first_segment) ||
                          (segments >= 2 && is_file_extension(extension_of(tail, '/')));
    if (!accepted) {
        return i + 1; // let the words inside be scanned on their own
    }
    value_.clear();
    if (!root.empty()) {
        value_ += '~';
    }
    value_ += tail;
    emit(IndicatorType::file_path, i, end, value_);
    return end;
}

} // namespace casefile::ioc::detail
