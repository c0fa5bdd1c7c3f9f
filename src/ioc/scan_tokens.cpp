// Scanner recognisers for hex runs and short fixed-shape tokens: IPv6, MAC addresses, hashes,
// ssdeep, CVE and ATT&CK ids, ASNs, Bitcoin and Monero addresses.
#include <array>
#include <string>

#include "ioc/crypto_address.hpp"
#include "ioc/ip_address.hpp"
#include "ioc/ip_class.hpp"
#include "ioc/scanner.hpp"

namespace casefile::ioc::detail {

using model::IndicatorType;

namespace {

constexpr size_t kMaxHexColonRun = 64;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_hex(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
    return is_digit(c) || is_alpha(c);
}
bool is_base64(char c) {
    return is_alnum(c) || c == '+' || c == '/';
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

/// Reads `count` decimal digits at s[pos]; -1 when they are not all there.
long digits_at(std::string_view s, size_t pos, size_t count) {
    if (pos + count > s.size()) {
        return -1;
    }
    long value = 0;
    for (size_t k = 0; k < count; ++k) {
        if (!is_digit(s[pos + k])) {
            return -1;
        }
        value = value * 10 + (s[pos + k] - '0');
    }
    return value;
}

void append_lower_hex_pair(std::string& out, char a, char b) {
    out += lower(a);
    out += lower(b);
}

} // namespace

size_t Scanner::try_hex_colon(size_t i) {
    size_t run_end = i;
    int colons = 0;
    while (run_end < n_ && (is_hex(t_[run_end]) || t_[run_end] == ':' || t_[run_end] == '.')) {
        colons += t_[run_end] == ':' ? 1 : 0;
        ++run_end;
    }
    if (run_end - i > kMaxHexColonRun || is_alnum(at(run_end)) || before(i) == ':' ||
        before(i) == '.') {
        return run_end; // part of something longer, such as an iptables MAC= field
    }
    std::string_view address = text_.substr(i, run_end - i);
    while (!address.empty() && address.back() == '.') {
        address.remove_suffix(1);
    }
    if (address.size() >= 2 && address.back() == ':' && address[address.size() - 2] != ':') {
        address.remove_suffix(1);
    }
    const size_t addr_end = i + address.size();
    if (colons >= 2) {
        size_t end = addr_end;
        std::string with_zone;
        std::string_view parse_text = address;
        if (addr_end == run_end && at(run_end) == '%') {
            size_t z = run_end + 1;
            while (z < n_ && z - run_end < 32 &&
                   (is_alnum(t_[z]) || t_[z] == '_' || t_[z] == '-' || t_[z] == '.')) {
                ++z;
            }
            if (z > run_end + 1) {
                with_zone.assign(text_.substr(i, z - i));
                parse_text = with_zone;
                end = z;
            }
        }
        if (auto v6 = parse_ipv6(parse_text)) {
            if (address == "::") {
                return end; // the unspecified address alone says nothing
            }
            value_ = format_ipv6(*v6);
            size_t span_end = addr_end;
            if (end == addr_end && at(addr_end) == '/' && is_digit(at(addr_end + 1))) {
                size_t p = addr_end + 1;
                int prefix = 0;
                while (p < n_ && p - addr_end <= 3 && is_digit(t_[p])) {
                    prefix = prefix * 10 + (t_[p] - '0');
                    ++p;
                }
                if (prefix <= 128 && !is_alnum(at(p))) {
                    value_ += '/';
                    value_ += std::to_string(prefix);
                    span_end = p;
                    end = p;
                }
            }
            if (ip_wanted(classify_ipv6(*v6) == IpClass::public_address)) {
                emit(IndicatorType::ipv6, i, span_end, value_);
            } else {
                last_end_ = std::max(last_end_, span_end);
            }
            return end;
        }
    }
    if (colons == 5 && address.size() == 17 && addr_end == run_end) {
        bool mac = true;
        for (size_t k = 0; k < 17; ++k) {
            mac = mac && ((k % 3 == 2) ? address[k] == ':' : is_hex(address[k]));
        }
        if (mac) {
            value_.clear();
            for (size_t k = 0; k < 17; k += 3) {
                if (k > 0) {
                    value_ += ':';
                }
                append_lower_hex_pair(value_, address[k], address[k + 1]);
            }
            emit(IndicatorType::mac, i, addr_end, value_);
        }
    }
    return run_end;
}

size_t Scanner::try_mac_dash(const Word& w) {
    const size_t i = w.begin;
    if (before(i) == '-' || before(i) == ':' || i + 17 > n_) {
        return 0;
    }
    const std::string_view s = text_.substr(i, 17);
    for (size_t k = 0; k < 17; ++k) {
        if ((k % 3 == 2) ? s[k] != '-' : !is_hex(s[k])) {
            return 0;
        }
    }
    const char next = at(i + 17);
    if (is_alnum(next) || ((next == '-' || next == ':') && is_hex(at(i + 18)))) {
        return 0;
    }
    value_.clear();
    for (size_t k = 0; k < 17; k += 3) {
        if (k > 0) {
            value_ += ':';
        }
        append_lower_hex_pair(value_, s[k], s[k + 1]);
    }
    emit(IndicatorType::mac, i, i + 17, value_);
    return i + 17;
}

// Cisco's dotted form "acf2.c9a6.b34f".
size_t Scanner::try_mac_cisco(const Word& w) {
    const size_t i = w.begin;
    if (before(i) == '.' || i + 14 > n_) {
        return 0;
    }
    const std::string_view s = text_.substr(i, 14);
    for (size_t k = 0; k < 14; ++k) {
        if ((k % 5 == 4) ? s[k] != '.' : !is_hex(s[k])) {
            return 0;
        }
    }
    const char next = at(i + 14);
    if (is_alnum(next) || next == '-' || (next == '.' && is_alnum(at(i + 15)))) {
        return 0;
    }
    value_.clear();
    for (size_t k = 0; k < 14; k += 5) {
        for (size_t h = 0; h < 4; h += 2) {
            if (!value_.empty()) {
                value_ += ':';
            }
            append_lower_hex_pair(value_, s[k + h], s[k + h + 1]);
        }
    }
    emit(IndicatorType::mac, i, i + 14, value_);
    return i + 14;
}

IndicatorType Scanner::md5_kind(const Word& w, std::string_view word, std::string_view tail) const {
    if (word == "imphash" || tail == "imphash" || word.ends_with("imp_hash")) {
        return IndicatorType::imphash;
    }
    if (tail == "ja3" || tail == "ja3s" || word.ends_with("ja3_hash") ||
        word.ends_with("ja3s_hash") || word.ends_with("ja3_md5")) {
        return IndicatorType::ja3;
    }
    const bool generic = word == "hash" || word == "md5";
    if (!generic && word != "fingerprint" && word != "digest") {
        return IndicatorType::md5;
    }
    // "import hash", "JA3 fingerprint": the word before names the kind.
    std::array<char, 40> buf{};
    const std::string_view before = preceding_word(w.begin, 1, buf.data(), buf.size());
    if (generic && before == "import") {
        return IndicatorType::imphash;
    }
    if (before == "ja3" || before == "ja3s") {
        return IndicatorType::ja3;
    }
    return IndicatorType::md5;
}

size_t Scanner::try_hash(const Word& w) {
    if (w.digits || before(w.begin) == '-' || at(w.end) == '-') {
        return 0; // a number, or a piece of a dashed identifier
    }
    IndicatorType type = IndicatorType::md5;
    switch (w.size()) {
    case 40:
        type = IndicatorType::sha1;
        break;
    case 64:
        type = IndicatorType::sha256;
        break;
    case 128:
        type = IndicatorType::sha512;
        break;
    default:
        break;
    }
    // Only an MD5 (imphash, JA3) or a SHA-256 (Authenticode) takes its meaning from context.
    if (type == IndicatorType::md5 || type == IndicatorType::sha256) {
        std::array<char, 40> buf{};
        const std::string_view word = preceding_word(w.begin, 0, buf.data(), buf.size());
        const std::string_view tail = context_tail(word);
        if (type == IndicatorType::md5) {
            type = md5_kind(w, word, tail);
        } else if (word == "authentihash" || tail == "authentihash") {
            last_end_ = std::max(last_end_, w.end);
            return w.end; // a PE Authenticode digest, not the file's SHA-256
        }
    }
    value_.assign(text_.substr(w.begin, w.size()));
    for (char& c : value_) {
        c = lower(c);
    }
    emit(type, w.begin, w.end, value_);
    return w.end;
}

size_t Scanner::try_ssdeep(const Word& w) {
    if (w.size() > 10) {
        return 0;
    }
    unsigned long long block = 0;
    for (size_t k = w.begin; k < w.end; ++k) {
        block = block * 10 + static_cast<unsigned>(t_[k] - '0');
    }
    // ssdeep block sizes are 3 * 2^n.
    if (block < 3 || block % 3 != 0 || ((block / 3) & (block / 3 - 1)) != 0) {
        return 0;
    }
    size_t p = w.end + 1;
    const size_t h1 = p;
    bool letter = false;
    while (p < n_ && p - h1 <= 64 && is_base64(t_[p])) {
        letter = letter || is_alpha(t_[p]);
        ++p;
    }
    if (p - h1 < 4 || !letter || at(p) != ':') {
        return 0;
    }
    const size_t h2 = ++p;
    while (p < n_ && p - h2 <= 64 && is_base64(t_[p])) {
        ++p;
    }
    if (p == h2 || is_base64(at(p)) || at(p) == ':') {
        return 0;
    }
    value_.assign(text_.substr(w.begin, p - w.begin));
    emit(IndicatorType::ssdeep, w.begin, p, value_);
    return p;
}

size_t Scanner::try_cve(const Word& w) {
    const size_t p = w.end + 1;
    const long year = digits_at(text_, p, 4);
    if (year < 0 || at(p + 4) != '-') {
        return 0;
    }
    size_t e = p + 5;
    while (e < n_ && e - (p + 5) < 8 && is_digit(t_[e])) {
        ++e;
    }
    const size_t id_len = e - (p + 5);
    if (id_len < 4 || id_len > 7 || is_alnum(at(e))) {
        return 0;
    }
    value_ = "CVE-";
    value_.append(text_.substr(p, 4));
    value_ += '-';
    value_.append(text_.substr(p + 5, id_len));
    emit(IndicatorType::cve, w.begin, e, value_);
    return e;
}

// ATT&CK ids by shape and by the ranges MITRE has assigned: techniques T1001-T1699 (enterprise,
// mobile, PRE) and T0800-T0899 (ICS), tactics TA0001-TA0043 and TA0100-TA0111, mitigations
// M0800-M0999 and M1000-M1099.
size_t Scanner::try_attack(const Word& w) {
    const std::string_view word = text_.substr(w.begin, w.size());
    IndicatorType type = IndicatorType::attack_technique;
    long number = -1;
    if (word.size() == 5 && word[0] == 'T') {
        number = digits_at(word, 1, 4);
        if (!((number >= 1001 && number <= 1699) || (number >= 800 && number <= 899))) {
            return 0;
        }
    } else if (word.size() == 6 && word[0] == 'T' && word[1] == 'A') {
        type = IndicatorType::attack_tactic;
        number = digits_at(word, 2, 4);
        if (!((number >= 1 && number <= 43) || (number >= 100 && number <= 111))) {
            return 0;
        }
    } else if (word.size() == 5 && word[0] == 'M') {
        type = IndicatorType::attack_mitigation;
        number = digits_at(word, 1, 4);
        if (!(number >= 800 && number <= 1099)) {
            return 0;
        }
    } else {
        return 0;
    }
    size_t end = w.end;
    if (type == IndicatorType::attack_technique && at(end) == '.' && is_digit(at(end + 1))) {
        size_t e = end + 1;
        while (e < n_ && e - end <= 4 && is_digit(t_[e])) {
            ++e;
        }
        if (e - end - 1 != 3 || is_alnum(at(e)) || (at(e) == '.' && is_digit(at(e + 1)))) {
            last_end_ = std::max(last_end_, e);
            return e; // "T1156.0012" is no sub-technique, nor is its prefix a technique
        }
        end = e;
    }
    value_.assign(text_.substr(w.begin, end - w.begin));
    emit(type, w.begin, end, value_);
    return end;
}

size_t Scanner::try_asn(const Word& w) {
    const std::string_view word = text_.substr(w.begin, w.size());
    size_t digits_begin = 0;
    size_t end = w.end;
    std::string_view digits;
    if (word.size() > 2 && lower(word[1]) == 's' && is_digit(word.back()) &&
        (is_digit(word[2]) || (lower(word[2]) == 'n' && word.size() > 3))) {
        digits_begin = lower(word[2]) == 'n' ? 3 : 2;
        digits = word.substr(digits_begin);
    } else if (equals_lower(word, "asn") && at(w.end) == ' ' && is_digit(at(w.end + 1))) {
        size_t e = w.end + 1;
        while (e < n_ && is_digit(t_[e])) {
            ++e;
        }
        if (is_alnum(at(e))) {
            return 0;
        }
        digits = text_.substr(w.end + 1, e - w.end - 1);
        end = e;
    } else {
        return 0;
    }
    if (digits.empty() || digits.size() > 10) {
        return 0;
    }
    unsigned long long value = 0;
    for (char c : digits) {
        if (!is_digit(c)) {
            return 0;
        }
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value == 0 || value > 4294967295ULL) {
        return 0;
    }
    value_ = "AS" + std::to_string(value);
    emit(IndicatorType::asn, w.begin, end, value_);
    return end;
}

size_t Scanner::try_crypto(const Word& w) {
    const std::string_view word = text_.substr(w.begin, w.size());
    IndicatorType type = IndicatorType::btc;
    if (is_btc_address(word)) {
        type = IndicatorType::btc;
    } else if (is_xmr_address(word)) {
        type = IndicatorType::xmr;
    } else {
        return 0;
    }
    value_.assign(word);
    emit(type, w.begin, w.end, value_);
    return w.end;
}

} // namespace casefile::ioc::detail
