#include "ioc/scanner.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"
#include "ioc/file_extensions.hpp"
#include "ioc/ip_address.hpp"
#include "ioc/ip_class.hpp"
#include "ioc/url.hpp"
#include "ioc/utf8_class.hpp"

namespace casefile::ioc::detail {

using model::IndicatorType;

namespace {

constexpr size_t kMaxLocalPart = 64;
constexpr size_t kMaxUrl = 8192;
constexpr size_t kMaxName = 1024; // longer dotted runs are not host or file names

constexpr uint8_t kDigit = 1;
constexpr uint8_t kHexLetter = 2;
constexpr uint8_t kAlpha = 4;
constexpr uint8_t kLower = 8;

constexpr std::array<uint8_t, 256> make_char_bits() {
    std::array<uint8_t, 256> t{};
    for (int c = '0'; c <= '9'; ++c) {
        t[c] = kDigit;
    }
    for (int c = 'a'; c <= 'z'; ++c) {
        t[c] = kAlpha | kLower | (c <= 'f' ? kHexLetter : 0);
    }
    for (int c = 'A'; c <= 'Z'; ++c) {
        t[c] = kAlpha | (c <= 'F' ? kHexLetter : 0);
    }
    return t;
}
constexpr auto kCharBits = make_char_bits();

// Properties of word characters (0 = not a word character), ANDed over a word by read_word.
constexpr uint8_t kIsWord = 1;
constexpr uint8_t kIsDigit = 2;
constexpr uint8_t kIsHex = 4;
constexpr uint8_t kIsAlpha = 8;
constexpr uint8_t kIsNotLower = 16;

constexpr std::array<uint8_t, 256> make_word_props() {
    std::array<uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        const uint8_t b = kCharBits[c];
        if ((b & (kDigit | kAlpha)) == 0) {
            continue;
        }
        uint8_t v = kIsWord;
        v |= (b & kDigit) != 0 ? kIsDigit : 0;
        v |= (b & (kDigit | kHexLetter)) != 0 ? kIsHex : 0;
        v |= (b & kAlpha) != 0 ? kIsAlpha : 0;
        v |= (b & kLower) == 0 ? kIsNotLower : 0;
        t[c] = v;
    }
    return t;
}
constexpr auto kWordProps = make_word_props();
constexpr uint8_t kAllWordProps = kIsDigit | kIsHex | kIsAlpha | kIsNotLower;

// What can start a candidate: 1 = ASCII letter or digit, 2 = non-ASCII byte, 3 = punctuation
// that opens a path, a registry key or an email, 4 = ':' (only "::" opens an IPv6 address: the
// colons after JSON keys and in times are passed over in the loop).
constexpr std::array<uint8_t, 256> make_start() {
    std::array<uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        if ((kCharBits[c] & (kDigit | kAlpha)) != 0) {
            t[c] = 1;
        } else if (c >= 0x80) {
            t[c] = 2;
        }
    }
    for (char c : std::string_view("\\/~%$<@")) {
        t[static_cast<unsigned char>(c)] = 3;
    }
    t[':'] = 4;
    return t;
}
constexpr auto kStart = make_start();

// Words that on_word can pass over at once: a word ending in none of these bytes, shorter than
// any hash or coin address and no keyword (may_be_keyword) starts no indicator (most words of a
// log line).
constexpr std::array<bool, 256> make_plain_end() {
    std::array<bool, 256> t{};
    t.fill(true);
    for (char c : std::string_view(":-.%\\_>@")) {
        t[static_cast<unsigned char>(c)] = false;
    }
    return t;
}
constexpr auto kPlainEnd = make_plain_end();
// Could the word be "T1059"/"M1036", "AS13335"/"ASN 13335" or "CVE 2024-..."? on_word tries
// those shapes whatever byte follows the word.
bool may_be_keyword(const char* word, size_t len) {
    switch (word[0]) {
    case 'T':
    case 'M':
        return len >= 5 && len <= 6;
    case 'A':
    case 'a':
        return len >= 2 && (word[1] == 's' || word[1] == 'S');
    case 'C':
    case 'c':
        return len == 3;
    default:
        return false;
    }
}
constexpr size_t kMinCrypto = 14; // shortest word try_crypto looks at

// A byte class as a table: `members`, plus ASCII letters and digits when `alnum`.
constexpr std::array<bool, 256> make_byte_set(std::string_view members, bool alnum) {
    std::array<bool, 256> t{};
    for (char c : members) {
        t[static_cast<unsigned char>(c)] = true;
    }
    for (int c = 0; alnum && c < 256; ++c) {
        t[c] = t[c] || (kCharBits[c] & (kDigit | kAlpha)) != 0;
    }
    return t;
}
// Letters, digits and '-': the bytes read_name passes over inside a label.
constexpr auto kLabelByte = make_byte_set("-", true);
// preceding_word's alphabet: what separates a context word from the value, and what the word
// itself is made of ("ja3_hash", "process.hash.md5").
constexpr auto kContextSeparator = make_byte_set(" \t\r\n:=\"'{,(-[", false);
constexpr auto kContextWordChar = make_byte_set("_.", true);

bool is_alnum(char c) {
    return (kCharBits[static_cast<unsigned char>(c)] & (kDigit | kAlpha)) != 0;
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_high(char c) {
    return static_cast<unsigned char>(c) >= 0x80;
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equals_lower(std::string_view word, std::string_view lower_literal) {
    if (word.size() != lower_literal.size()) {
        return false;
    }
    for (size_t k = 0; k < word.size(); ++k) {
        if (lower(word[k]) != lower_literal[k]) {
            return false;
        }
    }
    return true;
}

bool local_part_char(char c) {
    return is_alnum(c) || is_high(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '*' ||
           c == '~' || c == '-';
}

/// ASCII bytes that may sit inside a URL authority (host, port, userinfo); non-ASCII letters
/// may too, as whole UTF-8 characters.
constexpr auto kAuthorityByte = make_byte_set(".-_~%!$&*+;=:@[]", true);

bool soft_url_end(char c) {
    switch (c) {
    case '.':
    case ';':
    case ':':
    case '!':
    case '?':
    case '\'':
    case ')':
    case ']':
    case '}':
    case '>':
    case '`':
    case '*':
        return true;
    default:
        return false;
    }
}

/// Bytes url_rest_end passes over without a second look: printable ASCII that neither ends a
/// URL nor counts as a bracket or a closing quote.
constexpr std::array<bool, 256> make_plain_url_byte() {
    std::array<bool, 256> t{};
    for (int c = 0x21; c < 0x7F; ++c) {
        t[c] = true;
    }
    for (char c : std::string_view("\"<\\|,()[]'`>}")) {
        t[static_cast<unsigned char>(c)] = false;
    }
    return t;
}
constexpr auto kPlainUrlByte = make_plain_url_byte();

char closer_for(char opener) {
    switch (opener) {
    case '\'':
        return '\'';
    case '(':
        return ')';
    case '[':
        return ']';
    case '<':
        return '>';
    case '`':
        return '`';
    case '{':
        return '}';
    default:
        return 0;
    }
}

/// Host-name context words: a bare "evil.zip" after `"domain":` or `query` is a domain.
bool is_host_word(std::string_view w) {
    static constexpr std::array<std::string_view, 16> kWords{
        "domain", "host",   "hostname", "fqdn", "query", "qname",   "rrname",   "dns",
        "sni",    "server", "cname",    "c2",   "cnc",   "resolve", "resolved", "resolves"};
    const std::string_view tail = context_tail(w);
    for (std::string_view k : kWords) {
        if (w == k || tail == k) {
            return true;
        }
    }
    return w.ends_with("server_name") || w.ends_with("domainname") || w.ends_with("hostname");
}

} // namespace

int TldMemo::find(std::string_view label) const {
    if (label.size() > kMaxLen) {
        return -1;
    }
    const Slot& s = slots_[slot_of(label)];
    if (s.len == label.size() && std::string_view(s.key.data(), s.len) == label) {
        return s.known;
    }
    return -1;
}

void TldMemo::insert(std::string_view label, bool known) {
    if (label.size() > kMaxLen) {
        return;
    }
    Slot& s = slots_[slot_of(label)];
    std::copy(label.begin(), label.end(), s.key.begin());
    s.len = static_cast<uint8_t>(label.size());
    s.known = known ? 1 : 0;
}

size_t TldMemo::slot_of(std::string_view label) {
    uint32_t h = 2166136261u;
    for (char c : label) {
        h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    }
    return h % kSlots;
}

Scanner::Scanner(const DomainRules& rules, ScanCaches& caches, const Normalized& norm,
                 const ScanSettings& settings, MatchSink sink)
    : rules_(rules), caches_(caches), norm_(norm), text_(norm.text()), t_(text_.data()),
      n_(text_.size()), settings_(settings), sink_(sink) {}

void Scanner::emit(IndicatorType type, size_t begin, size_t end, std::string_view value) {
    CASEFILE_ASSERT(begin < end && end <= n_, "a match is a non-empty span of the text");
    last_end_ = std::max(last_end_, end);
    if (!wanted(type)) {
        return;
    }
    sink_(RawMatch{type, begin, end, value});
}

bool Scanner::ip_wanted(bool is_public) const {
    return is_public || settings_.include_private;
}

void Scanner::emit_host(const Host& host) {
    if (host.type == IndicatorType::ipv4) {
        if (auto v4 = parse_ipv4(host.canonical);
            !v4 || !ip_wanted(classify_ipv4(*v4) == IpClass::public_address)) {
            return;
        }
    } else if (host.type == IndicatorType::ipv6) {
        const std::string_view inner =
            std::string_view(host.canonical).substr(1, host.canonical.size() - 2);
        if (auto v6 = parse_ipv6(inner);
            !v6 || !ip_wanted(classify_ipv6(*v6) == IpClass::public_address)) {
            return;
        }
        if (wanted(IndicatorType::ipv6)) {
            sink_(RawMatch{IndicatorType::ipv6, host.begin + 1, host.end - 1, inner});
        }
        return;
    }
    if (wanted(host.type)) {
        sink_(RawMatch{host.type, host.begin, host.end, host.canonical});
    }
}

void Scanner::run() {
    const auto* p = reinterpret_cast<const unsigned char*>(t_);
    size_t i = 0;
    while (i < n_) {
        const uint8_t kind = kStart[p[i]];
        if (kind == 0) {
            ++i;
            continue;
        }
        size_t next = 0;
        if (kind == 1) {
            // The plain ASCII words on_word would pass over (see kPlainEnd), without a call;
            // for the others, the word's properties are gathered on the way.
            uint8_t all = kAllWordProps;
            size_t j = i;
            while (j < n_) {
                const uint8_t props = kWordProps[p[j]];
                if (props == 0) {
                    break;
                }
                all &= props;
                ++j;
            }
            const unsigned char d = j < n_ ? p[j] : 0;
            if (d < 0x80 && kPlainEnd[d] && j - i < kMinCrypto && !may_be_keyword(t_ + i, j - i)) {
                i = j;
                continue;
            }
            next = on_word(continue_word(i, j, all));
        } else if (kind == 2) {
            if (utf8_word_char(t_ + i, t_ + n_) == 0) {
                ++i;
                continue;
            }
            next = on_word(read_word(i));
        } else if (kind == 4 && (i + 1 >= n_ || p[i + 1] != ':')) {
            ++i;
            continue;
        } else {
            next = on_punct(i);
        }
        i = std::max(next, i + 1);
    }
}

Scanner::Word Scanner::read_word(size_t i) const {
    return continue_word(i, i, kAllWordProps);
}

Scanner::Word Scanner::continue_word(size_t begin, size_t j, uint8_t all) const {
    Word w;
    w.begin = begin;
    const auto* p = reinterpret_cast<const unsigned char*>(t_);
    // AND of the per-character properties over the word, in one table lookup per byte.
    while (true) {
        while (j < n_) {
            const uint8_t props = kWordProps[p[j]];
            if (props == 0) {
                break;
            }
            all &= props;
            ++j;
        }
        if (j < n_ && p[j] >= 0x80) {
            const size_t len = utf8_word_char(t_ + j, t_ + n_);
            if (len == 0) {
                break;
            }
            w.high = true;
            all &= kIsAlpha | kIsNotLower;
            j += len;
            continue;
        }
        break;
    }
    w.digits = (all & kIsDigit) != 0;
    w.hex = (all & kIsHex) != 0;
    w.alpha = (all & kIsAlpha) != 0;
    w.upper = (all & kIsNotLower) != 0;
    w.end = j;
    return w;
}

size_t Scanner::on_word(const Word& w) {
    const size_t i = w.begin;
    const char d = at(w.end);
    const size_t len = w.size();
    const char first = t_[i];
    if (kPlainEnd[static_cast<unsigned char>(d)] && len < kMinCrypto &&
        !may_be_keyword(t_ + i, len)) {
        return w.end;
    }
    size_t r = 0;
    switch (d) {
    case ':':
        if (w.alpha && !w.high && len >= 2 && at(w.end + 1) == '/' && at(w.end + 2) == '/' &&
            (r = try_url(w)) != 0) {
            return r;
        }
        if (len == 1 && w.alpha && (at(w.end + 1) == '\\' || at(w.end + 1) == '/') &&
            (r = try_drive_path(w)) != 0) {
            return r;
        }
        if (w.alpha && (first == 'H' || first == 'h') && (r = try_registry(w)) != 0) {
            return r;
        }
        if (w.digits && (r = try_ssdeep(w)) != 0) {
            return r;
        }
        if (w.hex && len <= 4) {
            return try_hex_colon(i);
        }
        break;
    case '-':
        if (w.hex && len == 2 && (r = try_mac_dash(w)) != 0) {
            return r;
        }
        if (len == 3 && equals_lower(text_.substr(i, 3), "cve") && (r = try_cve(w)) != 0) {
            return r;
        }
        break;
    case '.':
        if (w.hex && len == 4 && (r = try_mac_cisco(w)) != 0) {
            return r;
        }
        break;
    case '%':
        if (w.alpha && (len == 4 || len == 5) && (r = try_encoded_url(w)) != 0) {
            return r;
        }
        break;
    case '\\':
    case '_':
    case '>':
        if (w.alpha && (first == 'H' || first == 'h') && (r = try_registry(w)) != 0) {
            return r;
        }
        break;
    default:
        break;
    }
    if (w.hex && (len == 32 || len == 40 || len == 64 || len == 128) && (r = try_hash(w)) != 0) {
        return r;
    }
    if ((first == 'T' || first == 'M') && len >= 5 && len <= 6 && (r = try_attack(w)) != 0) {
        return r;
    }
    if ((first == 'A' || first == 'a') && (r = try_asn(w)) != 0) {
        return r;
    }
    if ((first == 'C' || first == 'c') && len == 3 && (d == ' ' || d == '_') &&
        (r = try_cve(w)) != 0) {
        return r;
    }
    if (len >= kMinCrypto && !w.high && (r = try_crypto(w)) != 0) {
        return r;
    }
    if (d == '@') {
        return try_email(w.end);
    }
    if (d == '.' || d == '-' || d == '_') {
        return try_name(w);
    }
    return w.end;
}

size_t Scanner::on_punct(size_t i) {
    switch (t_[i]) {
    case '\\':
        return try_unc(i);
    case '/':
    case '~':
        return try_unix_path(i);
    case '%':
    case '$':
        return try_env_path(i);
    case ':':
        if (at(i + 1) == ':' && before(i) != ':' && !is_alnum(before(i))) {
            return try_hex_colon(i);
        }
        return i + 1;
    case '<':
        if (at(i + 1) == 'H' || at(i + 1) == 'h') {
            const Word w = read_word(i + 1);
            if (at(w.end) == '>' || at(w.end) == '_') {
                if (size_t r = try_registry(w)) {
                    return r;
                }
            }
        }
        return i + 1;
    case '@':
        return try_email(i);
    default:
        return i + 1;
    }
}

Scanner::Name Scanner::read_name(size_t i) const {
    Name nm;
    nm.begin = i;
    nm.last_underscore = i;
    size_t j = i;
    const size_t limit = std::min(n_, i + kMaxName);
    while (j < limit) {
        const size_t label_begin = j;
        while (j < limit) {
            while (j < limit && kLabelByte[static_cast<unsigned char>(t_[j])]) {
                ++j;
            }
            if (j >= limit) {
                break;
            }
            const char c = t_[j];
            if (c == '_') {
                ++j;
                nm.last_underscore = j;
            } else if (is_high(c)) {
                const size_t len = utf8_word_char(t_ + j, t_ + n_);
                if (len == 0) {
                    break;
                }
                nm.high = true;
                j += len;
            } else {
                break;
            }
        }
        if (j == label_begin) {
            // An empty label: the dot before it was not part of the name.
            j = label_begin - 1;
            break;
        }
        ++nm.labels;
        nm.last_label = label_begin;
        if (j < limit && t_[j] == '.' && j + 1 < n_ &&
            (is_alnum(t_[j + 1]) || t_[j + 1] == '_' || t_[j + 1] == '-' ||
             (is_high(t_[j + 1]) && utf8_word_char(t_ + j + 1, t_ + n_) != 0))) {
            ++j;
            continue;
        }
        break;
    }
    if (j >= limit && limit < n_) {
        // Longer than any name: find where the run really ends and give it up whole, so that
        // no tail of it is read as a name of its own.
        nm.too_long = true;
        while (j < n_ && (is_alnum(t_[j]) || t_[j] == '-' || t_[j] == '_' || t_[j] == '.' ||
                          is_high(t_[j]))) {
            ++j;
        }
        nm.end = j;
        return nm;
    }
    // "m.facebook.com-------": hyphens (and underscores) at the end belong to no label.
    while (j > i && (t_[j - 1] == '-' || t_[j - 1] == '_')) {
        --j;
    }
    if (j > i && t_[j - 1] == '.') {
        --j;
        --nm.labels;
        size_t k = j;
        while (k > i && t_[k - 1] != '.') {
            --k;
        }
        nm.last_label = k;
    }
    if (nm.last_underscore > j) {
        nm.last_underscore = i;
        for (size_t k = i; k < j; ++k) {
            if (t_[k] == '_') {
                nm.last_underscore = k + 1;
            }
        }
    }
    nm.end = std::max(j, i);
    return nm;
}

size_t Scanner::read_decimal(size_t begin, size_t max_digits, int& value) const {
    size_t p = begin;
    value = 0;
    while (p < n_ && p - begin < max_digits && is_digit(t_[p])) {
        value = value * 10 + (t_[p] - '0');
        ++p;
    }
    return p;
}

bool Scanner::ipv4_is_version(size_t begin) const {
    const char prev = before(begin);
    if (prev == '/' && begin >= 2 && is_alnum(t_[begin - 2])) {
        // "Chrome/124.0.0.0" (product/version) but not squid's "HIER_DIRECT/1.2.3.4".
        size_t k = begin - 1;
        bool has_lower = false;
        while (k > 0 && begin - k < 64 &&
               (is_alnum(t_[k - 1]) || t_[k - 1] == '_' || t_[k - 1] == '-')) {
            has_lower = has_lower || (t_[k - 1] >= 'a' && t_[k - 1] <= 'z');
            --k;
        }
        const std::string_view product = text_.substr(k, begin - 1 - k);
        if (has_lower || product == "OPR") {
            return true;
        }
    }
    std::array<char, 32> buf{};
    const std::string_view word = preceding_word(begin, 0, buf.data(), buf.size());
    return word == "version" || word == "ver" || word == "v" || word == "build" ||
           word == "release" || word == "firmware" || word == "oid";
}

bool Scanner::host_context(size_t begin) const {
    std::array<char, 40> buf{};
    return is_host_word(preceding_word(begin, 0, buf.data(), buf.size()));
}

bool Scanner::parse_host(size_t begin, size_t limit, Host& host, size_t& end,
                         bool allow_ambiguous) {
    if (begin >= limit) {
        return false;
    }
    const Name nm = read_name(begin);
    if (nm.too_long) {
        return false;
    }
    const size_t e = std::min(nm.end, limit);
    if (e <= begin) {
        return false;
    }
    const std::string_view name = text_.substr(begin, e - begin);
    host.begin = begin;
    host.end = e;
    if (nm.labels == 4 && nm.end <= limit) {
        if (auto v4 = parse_ipv4(name)) {
            host.type = IndicatorType::ipv4;
            host.canonical = format_ipv4(*v4);
            end = e;
            return true;
        }
    }
    if (nm.labels < 2 || nm.last_underscore != begin) {
        if (equals_lower(name, "localhost")) {
            host.type = IndicatorType::domain;
            host.canonical = "localhost";
            end = e;
            return true;
        }
        return false;
    }
    bool ambiguous = false;
    if (!rules_.check_into(name, &caches_.domains, host.canonical, ambiguous) ||
        (ambiguous && !allow_ambiguous)) {
        return false;
    }
    host.type = IndicatorType::domain;
    end = e;
    return true;
}

/// The dotted quad text_[c, e) (four labels of digits) as an IPv4 address, unless it is a
/// version number or an object identifier; a CIDR suffix and a defanged URL path are taken too.
size_t Scanner::try_ipv4(size_t c, size_t e) {
    const std::string_view candidate = text_.substr(c, e - c);
    auto v4 = parse_ipv4(candidate);
    if (!v4 || ipv4_is_version(c)) {
        return e;
    }
    if (candidate.starts_with("1.3.6.") || candidate.starts_with("2.5.4.") ||
        candidate.starts_with("2.5.29.") || candidate.starts_with("1.2.840.")) {
        return e; // X.509 / SNMP object identifiers
    }
    size_t end = e;
    int prefix = -1;
    if (at(e) == '/' && is_digit(at(e + 1))) {
        int value = 0;
        const size_t p = read_decimal(e + 1, 2, value);
        if (!is_alnum(at(p)) && at(p) != '.' && value <= 32) {
            prefix = value;
            end = p;
        }
    }
    if (prefix < 0 && norm_.defanged_in(c, e) &&
        (at(e) == '/' || (at(e) == ':' && is_digit(at(e + 1))))) {
        if (size_t r = try_schemeless_url(c, e, format_ipv4(*v4), IndicatorType::ipv4)) {
            return r;
        }
    }
    // Most addresses in logs are private ones nobody asked for: format only the others.
    if (ip_wanted(classify_ipv4(*v4) == IpClass::public_address)) {
        value_.clear();
        append_ipv4(value_, *v4);
        if (prefix >= 0) {
            value_ += '/';
            value_ += std::to_string(prefix);
        }
        emit(IndicatorType::ipv4, c, end, value_);
    } else {
        last_end_ = std::max(last_end_, end);
    }
    return prefix < 0 && at(e) == '/' ? skip_path(e) : end;
}

size_t Scanner::try_name(const Word& w) {
    if (w.digits && w.size() <= 3) {
        // Most dotted names in logs are IPv4 addresses: when four short digit runs end where
        // read_name would end the name too, skip straight to the address.
        size_t k = w.end;
        size_t labels = 1;
        while (labels < 4 && at(k) == '.' && is_digit(at(k + 1))) {
            size_t digits_end = k + 1;
            while (digits_end < n_ && digits_end - k <= 3 && is_digit(t_[digits_end])) {
                ++digits_end;
            }
            if (is_digit(at(digits_end))) {
                break; // four digits or more: not an octet
            }
            k = digits_end;
            ++labels;
        }
        const char next = at(k);
        if (labels == 4 && !is_alnum(next) && !is_high(next) && next != '.' && next != '-' &&
            next != '_' && next != '@') {
            return try_ipv4(w.begin, k);
        }
    }

    const Name nm = read_name(w.begin);
    if (nm.too_long) {
        return nm.end;
    }
    if (at(nm.end) == '@') {
        return try_email(nm.end);
    }
    if (nm.labels < 2) {
        return std::max(nm.end, w.end);
    }
    // xioc's rule: an underscore is no host character, so "stix_import.com" names import.com.
    size_t c = nm.last_underscore;
    while (c < nm.end && t_[c] == '-') {
        ++c;
    }
    const size_t e = nm.end;
    size_t labels = 0;
    bool numeric = true;
    for (size_t k = c; k <= e; ++k) {
        if (k == e || t_[k] == '.') {
            ++labels;
            continue;
        }
        numeric = numeric && is_digit(t_[k]);
    }
    const std::string_view candidate = text_.substr(c, e - c);
    if (c < e && numeric) {
        if (labels != 4) {
            return e;
        }
        return try_ipv4(c, e);
    }
    if (labels >= 2 && c < e) {
        // Reject on the top-level label first: most dotted tokens in logs are file names,
        // .NET types and versions, and one memo lookup settles them.
        const std::string_view tld = text_.substr(nm.last_label, e - nm.last_label);
        bool tld_ok = true;
        if (!nm.high && tld.size() <= 31) {
            std::array<char, 32> buf{};
            for (size_t k = 0; k < tld.size(); ++k) {
                buf[k] = lower(tld[k]);
            }
            const std::string_view key(buf.data(), tld.size());
            int known = caches_.tlds.find(key);
            if (known < 0) {
                bool alpha = true;
                for (char ch : key) {
                    alpha = alpha && ch >= 'a' && ch <= 'z';
                }
                known = (alpha || key.starts_with("xn--")) && rules_.is_known_tld(key) ? 1 : 0;
                caches_.tlds.insert(key, known == 1);
            }
            tld_ok = known == 1;
        }
        bool ambiguous = false;
        if (tld_ok && rules_.check_into(candidate, &caches_.domains, value_, ambiguous)) {
            {
                const bool domain = !ambiguous || norm_.defanged_in(c, e) || labels >= 3 ||
                                    equals_lower(candidate.substr(0, 4), "www.") || host_context(c);
                if (domain) {
                    if (norm_.defanged_in(c, e) &&
                        (at(e) == '/' || (at(e) == ':' && is_digit(at(e + 1))))) {
                        const std::string host = value_;
                        if (size_t r = try_schemeless_url(c, e, host, IndicatorType::domain)) {
                            return r;
                        }
                    }
                    emit(IndicatorType::domain, c, e, value_);
                    return at(e) == '/' ? skip_path(e) : e;
                }
            }
        }
    }
    const std::string_view ext = text_.substr(nm.last_label, e - nm.last_label);
    if (nm.last_label > nm.begin + 1 && is_file_extension(ext)) {
        value_.assign(text_.substr(nm.begin, e - nm.begin));
        emit(IndicatorType::filename, nm.begin, e, value_);
    }
    return e;
}

size_t Scanner::skip_path(size_t p) const {
    size_t e = p;
    const size_t limit = std::min(n_, p + kMaxUrl);
    while (e < limit) {
        const char c = t_[e];
        if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' ||
            c == '\\' || c == '|' || c == ',' || c == '\'' || c == '`') {
            break;
        }
        ++e;
    }
    return e;
}

size_t Scanner::try_email(size_t a) {
    const size_t lo = std::max(last_end_, a > kMaxLocalPart + 2 ? a - kMaxLocalPart - 2 : 0);
    size_t local_end = a;
    size_t comment = a;
    if (before(a) == ')') {
        // RFC 5322 comment right before the at sign: "john.smith(comment)@example.com".
        size_t k = a - 1;
        while (k > lo && t_[k - 1] != '(' && a - k < 40) {
            --k;
        }
        if (k > lo && t_[k - 1] == '(') {
            comment = k - 1;
            local_end = comment;
        }
    }
    size_t ls = local_end;
    while (ls > lo && local_part_char(t_[ls - 1])) {
        --ls;
    }
    while (ls < local_end &&
           (t_[ls] == '.' || (is_high(t_[ls]) && utf8_word_char(t_ + ls, t_ + n_) == 0))) {
        ++ls; // a leading dot, or a cut UTF-8 sequence
    }
    if (ls == local_end || a + 1 >= n_) {
        return a + 1;
    }
    const std::string_view local = text_.substr(ls, local_end - ls);
    if (local.back() == '.' || local.find("..") != std::string_view::npos) {
        return a + 1;
    }
    Host& host = fresh_host();
    size_t dend = 0;
    if (at(a + 1) == '[') {
        const size_t close = text_.find(']', a + 2);
        if (close == std::string_view::npos || close - a > 48) {
            return a + 1;
        }
        auto v4 = parse_ipv4(text_.substr(a + 2, close - a - 2));
        if (!v4) {
            return a + 1;
        }
        host.type = IndicatorType::ipv4;
        host.begin = a + 2;
        host.end = close;
        host.canonical = format_ipv4(*v4);
        dend = close + 1;
        value_.assign(local);
        value_ += "@[";
        value_ += host.canonical;
        value_ += ']';
    } else {
        if (!parse_host(a + 1, n_, host, dend, true)) {
            return a + 1;
        }
        value_.assign(local);
        value_ += '@';
        value_ += host.canonical;
    }
    emit(IndicatorType::email, ls, dend, value_);
    if (settings_.hosts) {
        emit_host(host);
    }
    return dend;
}

size_t Scanner::url_rest_end(size_t p, size_t url_begin) const {
    const char hard_close = closer_for(before(url_begin));
    size_t e = p;
    const size_t limit = std::min(n_, p + kMaxUrl);
    int parens = 0;
    int brackets = 0;
    while (e < limit) {
        while (e < limit && kPlainUrlByte[static_cast<unsigned char>(t_[e])]) {
            ++e;
        }
        if (e >= limit) {
            break;
        }
        const char c = t_[e];
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '\\' || c == '|' || c == ',' ||
            (hard_close != 0 && c == hard_close)) {
            break;
        }
        if (u >= 0x80) {
            const size_t len = utf8_word_char(t_ + e, t_ + n_);
            if (len == 0) {
                break;
            }
            e += len;
            continue;
        }
        parens += c == '(' ? 1 : (c == ')' ? -1 : 0);
        brackets += c == '[' ? 1 : (c == ']' ? -1 : 0);
        ++e;
    }
    while (e > p && soft_url_end(t_[e - 1])) {
        const char c = t_[e - 1];
        if (c == ')' && parens >= 0) {
            break; // balanced: part of the URL, as in Wikipedia's "Foo_(bar)"
        }
        if (c == ']' && brackets >= 0) {
            break;
        }
        parens += c == ')' ? 1 : 0;
        brackets += c == ']' ? 1 : 0;
        --e;
    }
    return e;
}

size_t Scanner::try_url(const Word& w) {
    const std::string_view word = text_.substr(w.begin, w.size());
    const std::string_view scheme = canonical_scheme(word);
    if (scheme.empty() || !equals_lower(word, scheme)) {
        return 0;
    }
    const size_t p = w.end + 3;
    if (!url_authority_start(at(p)) && !(scheme == "file" && at(p) == '/')) {
        return 0;
    }
    size_t ae = p;
    while (ae < n_ && ae - p < 512) {
        if (kAuthorityByte[static_cast<unsigned char>(t_[ae])]) {
            ++ae;
            continue;
        }
        const size_t len = is_high(t_[ae]) ? utf8_word_char(t_ + ae, t_ + n_) : 0;
        if (len == 0) {
            break;
        }
        ae += len;
    }
    size_t hs = p;
    for (size_t k = ae; k > p; --k) {
        if (t_[k - 1] == '@') {
            hs = k;
            break;
        }
    }
    for (size_t k = p; k + 1 < hs; ++k) {
        if (t_[k] == '[' || t_[k] == ']') {
            return 0; // brackets belong to an IPv6 host, never to a userinfo
        }
    }
    Host& host = fresh_host();
    size_t he = hs;
    if (scheme == "file" && at(hs) == '/') {
        host.type = IndicatorType::other; // file:///path, no host
    } else if (at(hs) == '[') {
        const size_t close = text_.find(']', hs);
        if (close == std::string_view::npos || close > ae) {
            return 0;
        }
        auto v6 = parse_ipv6(text_.substr(hs + 1, close - hs - 1));
        if (!v6) {
            return 0;
        }
        host.type = IndicatorType::ipv6;
        host.begin = hs;
        host.end = close + 1;
        host.canonical.assign(1, '[');
        host.canonical += format_ipv6(*v6);
        host.canonical += ']';
        he = close + 1;
    } else if (!parse_host(hs, ae, host, he, true)) {
        return 0;
    }
    if (host.type != IndicatorType::other && at(he) == '.') {
        ++he; // a fully qualified "example.com." keeps its root dot out of the value
        if (at(he) != '/' && at(he) != ':' && at(he) != '?' && at(he) != '#') {
            --he;
        }
    }
    size_t q = he;
    int port = -1;
    if (at(q) == ':' && is_digit(at(q + 1))) {
        int value = 0;
        const size_t k = read_decimal(q + 1, 5, value);
        if (value <= 65535 && !is_alnum(at(k))) {
            port = value;
            q = k;
        }
    }
    size_t rend = q;
    if (at(q) == '/' || at(q) == '?' || at(q) == '#') {
        rend = url_rest_end(q, w.begin);
    }
    value_.assign(scheme);
    value_ += "://";
    if (hs > p) {
        value_.append(text_.substr(p, hs - p));
    }
    value_ += host.canonical;
    if (port >= 0 && port != default_port(scheme)) {
        value_ += ':';
        value_ += std::to_string(port);
    }
    append_normalized_path(value_, text_.substr(q, rend - q));
    emit(IndicatorType::url, w.begin, rend, value_);
    if (settings_.hosts && host.type != IndicatorType::other) {
        emit_host(host);
    }
    return rend;
}

size_t Scanner::try_schemeless_url(size_t host_begin, size_t host_end, const std::string& host,
                                   IndicatorType host_type) {
    size_t q = host_end;
    int port = -1;
    if (at(q) == ':') {
        int value = 0;
        const size_t k = read_decimal(q + 1, 5, value);
        if (k == q + 1 || value > 65535 || at(k) != '/') {
            return 0;
        }
        port = value;
        q = k;
    }
    if (at(q) != '/') {
        return 0;
    }
    const size_t rend = url_rest_end(q, host_begin);
    value_ = "http://";
    value_ += host;
    if (port >= 0 && port != 80) {
        value_ += ':';
        value_ += std::to_string(port);
    }
    append_normalized_path(value_, text_.substr(q, rend - q));
    emit(IndicatorType::url, host_begin, rend, value_);
    if (settings_.hosts) {
        emit_host(Host{host_type, host_begin, host_end, host});
    }
    return rend;
}

// "http%3A%2F%2Fexample%2Ecom%2Fwhite%2Ehta": a URL percent-encoded whole, as redirectors and
// mail filters pass them on. Decoded, then read like any URL.
size_t Scanner::try_encoded_url(const Word& w) {
    const std::string_view word = text_.substr(w.begin, w.size());
    if (!equals_lower(word, "http") && !equals_lower(word, "https")) {
        return 0;
    }
    if (!equals_lower(text_.substr(w.end, 9), "%3a%2f%2f")) {
        return 0;
    }
    size_t e = w.end;
    const size_t limit = std::min(n_, w.end + kMaxUrl);
    while (e < limit) {
        const char c = t_[e];
        if (is_alnum(c) || c == '%' || c == '.' || c == '-' || c == '_' || c == '~' || c == '+') {
            ++e;
            continue;
        }
        break;
    }
    std::string decoded;
    decoded.reserve(e - w.begin);
    for (size_t k = w.begin; k < e; ++k) {
        const int hi = k + 2 < e ? hex_digit_value(t_[k + 1]) : -1;
        const int lo = k + 2 < e ? hex_digit_value(t_[k + 2]) : -1;
        if (t_[k] == '%' && hi >= 0 && lo >= 0) {
            decoded += static_cast<char>(hi * 16 + lo);
            k += 2;
        } else {
            decoded += t_[k];
        }
    }
    Normalized inner;
    normalize(decoded, RefangMode::extract, inner);
    ScanSettings settings = settings_;
    settings.types = type_bit(IndicatorType::url);
    settings.hosts = false;
    std::string url;
    struct Capture {
        std::string* out;
        bool first = true;
    } capture{&url};
    MatchSink sink{[](void* ctx, const RawMatch& m) {
                       auto* cap = static_cast<Capture*>(ctx);
                       if (cap->first && m.begin == 0) {
                           cap->out->assign(m.value);
                           cap->first = false;
                       }
                   },
                   &capture};
    Scanner sub(rules_, caches_, inner, settings, sink);
    sub.run();
    if (url.empty()) {
        return 0;
    }
    value_ = std::move(url);
    emit(IndicatorType::url, w.begin, e, value_);
    return e;
}

std::string_view Scanner::preceding_word(size_t pos, size_t skip_words, char* buf,
                                         size_t cap) const {
    const auto* p = reinterpret_cast<const unsigned char*>(t_);
    size_t k = pos;
    for (size_t word = 0;; ++word) {
        const size_t word_end = k;
        while (k > 0 && word_end - k < 8 && kContextSeparator[p[k - 1]]) {
            --k;
        }
        const size_t end = k;
        while (k > 0 && end - k < cap && kContextWordChar[p[k - 1]]) {
            --k;
        }
        if (word == skip_words) {
            const size_t len = end - k;
            for (size_t j = 0; j < len; ++j) {
                buf[j] = lower(t_[k + j]);
            }
            return {buf, len};
        }
        if (k == end) {
            return {};
        }
    }
}

} // namespace casefile::ioc::detail
