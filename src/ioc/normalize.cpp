#include "ioc/normalize.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

namespace casefile::ioc::detail {

namespace {

constexpr size_t kMaxSpaces = 4; // whitespace a notation may carry around it
// Bracket runs are taken whole ("10(((.]]]]10", "[[[[[.]]]]]"): a bounded run would leave
// brackets behind that form a new notation with the replacement, and refang would no longer be
// idempotent. A run that leads nowhere is skipped whole, which keeps the pass linear.
constexpr size_t kMaxBrackets = std::numeric_limits<size_t>::max();
constexpr size_t kHostLookahead = 256;

bool is_space(char c) {
    return c == ' ' || c == '\t';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_alpha(char c) {
    return is_lower(c) || is_upper(c);
}
bool is_alnum(char c) {
    return is_alpha(c) || is_digit(c);
}
bool is_high(char c) {
    return static_cast<unsigned char>(c) >= 0x80;
}
bool is_open(char c) {
    return c == '[' || c == '(' || c == '{';
}
bool is_close(char c) {
    return c == ']' || c == ')' || c == '}';
}
char lower(char c) {
    return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

/// A character that can sit next to a notation and be joined to what is on its other side:
/// the end of a label, a local part, an octet.
bool joinable(char c) {
    return is_alnum(c) || is_high(c) || c == '-' || c == '_';
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

/// What a spelled-out separator word stands for: '.', '@' or 0.
char word_meaning(std::string_view word) {
    if (equals_lower(word, "dot") || equals_lower(word, "punto") || equals_lower(word, "punkt")) {
        return '.';
    }
    if (equals_lower(word, "at") || equals_lower(word, "et") || equals_lower(word, "arroba")) {
        return '@';
    }
    return 0;
}

struct Token {
    Token(size_t b, size_t e, char c, std::string_view s = {})
        : begin(b), end(e), core(c), scheme(s) {}
    size_t begin = 0;
    size_t end = 0;
    char core = 0;           ///< '.', '@', ':', '/', 'S' for "://", 's' for a scheme
    std::string_view scheme; ///< canonical scheme when core == 's'
};

class Pass {
public:
    Pass(std::string_view text, RefangMode mode, std::string& storage, std::vector<Edit>& edits)
        : t_(text), n_(text.size()), mode_(mode), out_(storage), edits_(edits) {}

    bool run();

private:
    [[nodiscard]] char at(size_t i) const { return i < n_ ? t_[i] : '\0'; }
    [[nodiscard]] char before(size_t i) const { return i > 0 ? t_[i - 1] : '\0'; }

    size_t skip_spaces(size_t i, size_t limit = kMaxSpaces) const {
        size_t k = 0;
        while (k < limit && is_space(at(i + k))) {
            ++k;
        }
        return i + k;
    }
    size_t skip_spaces_back(size_t i, size_t lo, size_t limit = kMaxSpaces) const {
        size_t k = 0;
        while (k < limit && i - k > lo && is_space(t_[i - k - 1])) {
            ++k;
        }
        return i - k;
    }

    [[nodiscard]] std::optional<Token> bracket_token(size_t i) const;
    [[nodiscard]] std::optional<Token> close_only_dot(size_t i) const;
    [[nodiscard]] std::optional<Token> spaced_word(size_t i, bool dots_only = false) const;
    [[nodiscard]] std::optional<Token> scheme_at(size_t sep_begin, size_t sep_end) const;
    [[nodiscard]] std::optional<Token> scheme_colon(size_t i) const;
    [[nodiscard]] std::optional<Token> scheme_no_colon(size_t i) const;
    [[nodiscard]] std::optional<Token> embedded_upper(size_t i) const;
    [[nodiscard]] std::optional<Token> spaced_plain_dot(size_t i) const;
    [[nodiscard]] std::optional<Token> url_host_space_slash(size_t i) const;
    [[nodiscard]] std::optional<Token> spaced_at_sign(size_t i) const;
    [[nodiscard]] std::optional<Token> backslash(size_t i) const;

    /// Is there a host name with at least one dot at `i`? `spelled` reports whether a dot was
    /// written as a spaced word (" dot ").
    bool host_follows(size_t i, bool* spelled = nullptr, bool loose = false) const;

    /// Inside the host of a URL whose scheme ends before `i` ("http:// example .com /x")?
    [[nodiscard]] bool in_url_host(size_t i) const;

    /// Does the word that ends at `i` belong to a URL ("://" earlier in it)? The filter's loose
    /// spellings stay out of URL paths, which the extractor keeps as they are.
    [[nodiscard]] bool in_url(size_t i) const;

    void emit(const Token& tok);
    size_t try_at(size_t i);

    std::string_view t_;
    size_t n_;
    RefangMode mode_;
    std::string& out_;
    std::vector<Edit>& edits_;
    size_t copied_ = 0; // original bytes before this offset are already in out_
    size_t url_host_from_ = std::string_view::npos; // just after the last scheme separator
    // The first byte from url_host_from_ on that no host has, found once per URL (in_url_host).
    mutable size_t url_host_end_ = std::string_view::npos;

    void url_host_starts(size_t at) {
        url_host_from_ = at;
        url_host_end_ = std::string_view::npos;
    }
};

// Brackets around a separator: "[.]", "(.)", "{.}", mixed "[.)", half "[.", doubled "[[.]]",
// Fanger's "].[", inner spaces "[ . ]", words "[dot]", "(at)", "[punto]", and ":" "://" "/"
// "," cores. Spaces on both sides are taken when the token joins two words.
std::optional<Token> Pass::bracket_token(size_t i) const {
    size_t p = i;
    const bool rbracket_opener = at(p) == ']';
    if (rbracket_opener) {
        ++p;
    } else {
        while (p - i < kMaxBrackets && is_open(at(p))) {
            ++p;
        }
    }
    const size_t opens = p - i;
    const bool has_open = opens > 0;
    p = skip_spaces(p, 2);
    char core = 0;
    size_t core_end = p;
    const char c = at(p);
    if (c == '.' || c == '@' || c == '/' || c == ',') {
        core = c == ',' ? ',' : c;
        core_end = p + 1;
    } else if (c == ':') {
        if (at(p + 1) == '/' && at(p + 2) == '/') {
            core = 'S';
            core_end = p + 3;
        } else {
            core = ':';
            core_end = p + 1;
        }
    } else if (is_alpha(c)) {
        size_t w = p;
        while (w < n_ && w - p < 7 && is_alpha(t_[w])) {
            ++w;
        }
        if (is_alpha(at(w))) {
            return std::nullopt;
        }
        core = word_meaning(t_.substr(p, w - p));
        core_end = w;
    }
    if (core == 0) {
        return std::nullopt;
    }
    size_t q = skip_spaces(core_end, 2);
    const size_t close_begin = q;
    // A colon notation is exactly one bracket on each side ("[:]", "(:)", "[://]"): in
    // "[2001[:]db8[:][:]]" the last ']' belongs to the IPv6 literal, and a longer run such as
    // "[[:[" is left alone, since taking part of it would leave brackets that form the
    // notation again.
    const bool colon = core == ':' || core == 'S';
    if (colon && opens != 1) {
        return std::nullopt;
    }
    const size_t max_close = colon ? 1 : kMaxBrackets;
    while (q - close_begin < max_close && is_close(at(q))) {
        ++q;
    }
    if (q == close_begin && has_open && !colon && at(q) == '[') {
        ++q; // Fanger's "[.[" and "].["
    }
    const bool has_close = q > close_begin;
    if (!has_close) {
        q = core_end; // inner spaces belong to the text after, not to the token
    }
    const char prev = before(i);
    const char next = at(q);
    const bool digit_context = core == '.' && is_digit(prev) && is_digit(next);
    if (!has_open) {
        return std::nullopt;
    }
    if (!digit_context) {
        if (rbracket_opener && !has_close) {
            return std::nullopt;
        }
        if (core == ',' && !has_close) {
            return std::nullopt;
        }
        if (!has_close) {
            // A lone opener only counts between two words ("example[.com", "[dot tld").
            const size_t after = skip_spaces(q);
            if (core != '.' && core != '/' && core != '@') {
                return std::nullopt;
            }
            if (!joinable(before(skip_spaces_back(i, 0))) || !joinable(at(after))) {
                return std::nullopt;
            }
        }
    }
    Token tok{i, q, core == ',' ? '.' : core};
    if (core == '.' || core == '@') {
        const size_t left = skip_spaces_back(i, copied_);
        const size_t right = skip_spaces(q);
        if (left < i && joinable(before(left))) {
            tok.begin = left;
        }
        if (right > q && joinable(at(right))) {
            tok.end = right;
        }
    }
    return tok;
}

// ".)" and ".)))" after a label; any closing brackets between two digits ("111.]111").
std::optional<Token> Pass::close_only_dot(size_t i) const {
    size_t q = i + 1;
    while (q - i - 1 < kMaxBrackets && is_close(at(q))) {
        ++q;
    }
    if (q == i + 1) {
        return std::nullopt;
    }
    const char prev = before(i);
    const char next = at(q);
    if (is_digit(prev) && is_digit(next)) {
        return Token{i, q, '.'};
    }
    for (size_t k = i + 1; k < q; ++k) {
        if (t_[k] != ')') {
            return std::nullopt;
        }
    }
    if (!is_alnum(prev) || !is_alnum(next)) {
        return std::nullopt;
    }
    return Token{i, q, '.'};
}

bool Pass::host_follows(size_t i, bool* spelled, bool loose) const {
    const size_t limit = std::min(n_, i + kHostLookahead);
    size_t p = i;
    bool dotted = false;
    bool label = false;
    while (p < limit) {
        const char c = t_[p];
        if (is_alnum(c) || is_high(c) || c == '-') {
            label = true;
            ++p;
            continue;
        }
        if (!label) {
            break;
        }
        std::optional<Token> sep;
        bool word_dot = false;
        if (c == '.' && joinable(at(p + 1))) {
            sep = Token{p, p + 1, '.'};
        } else if (is_open(c) || c == ']') {
            sep = bracket_token(p);
        } else if (is_space(c)) {
            const size_t q = skip_spaces(p);
            if (is_open(at(q))) {
                sep = bracket_token(q);
            } else {
                sep = spaced_word(p, true);
                word_dot = sep.has_value();
                if (!sep && loose) {
                    sep = spaced_plain_dot(p);
                }
            }
        } else if (c == '.') {
            sep = close_only_dot(p);
        }
        if (!sep || sep->core != '.') {
            break;
        }
        if (spelled != nullptr && word_dot) {
            *spelled = true;
        }
        dotted = true;
        label = false;
        p = std::max(sep->end, p + 1);
        p = skip_spaces(p);
    }
    return dotted && label;
}

bool Pass::in_url(size_t i) const {
    const size_t lo = i > 4096 ? i - 4096 : 0;
    for (size_t k = i; k > lo + 2; --k) {
        const char c = t_[k - 1];
        if (is_space(c) || c == '\n' || c == '"' || c == '<') {
            return false;
        }
        if (c == '/' && t_[k - 2] == '/' && t_[k - 3] == ':') {
            return true;
        }
    }
    return false;
}

bool Pass::in_url_host(size_t i) const {
    const size_t from = url_host_from_;
    if (from == std::string_view::npos || from > i || i - from > kHostLookahead) {
        return false;
    }
    // Every byte of [from, i) may sit in a (defanged, spaced) host: the first that may not is
    // looked for once per URL, not again at every later space.
    if (url_host_end_ == std::string_view::npos) {
        size_t k = from;
        const size_t limit = std::min(n_, from + kHostLookahead);
        while (k < limit) {
            const char c = t_[k];
            if (!(is_alnum(c) || is_high(c) || c == '.' || c == '-' || c == '[' || c == ']' ||
                  c == '(' || c == ')' || c == '{' || c == '}' || is_space(c))) {
                break;
            }
            ++k;
        }
        url_host_end_ = k;
    }
    return i <= url_host_end_;
}

// " dot " between two words; " AT " before a dotted host name; " at "/" At " only when the
// host after it spells its dots out too ("sales at zimperium dot com"), so that prose such as
// "hosted at evil[.]com" keeps its domain.
std::optional<Token> Pass::spaced_word(size_t i, bool dots_only) const {
    if (!joinable(before(i))) {
        return std::nullopt;
    }
    const size_t w = skip_spaces(i);
    size_t e = w;
    while (e < n_ && e - w < 6 && is_alpha(t_[e])) {
        ++e;
    }
    if (e == w || is_alpha(at(e)) || !is_space(at(e))) {
        return std::nullopt;
    }
    const std::string_view word = t_.substr(w, e - w);
    const size_t after = skip_spaces(e);
    if (!joinable(at(after)) || after - e > kMaxSpaces) {
        return std::nullopt;
    }
    if (equals_lower(word, "dot")) {
        return Token{i, after, '.'};
    }
    if (!dots_only && equals_lower(word, "at")) {
        bool spelled = false;
        if (!host_follows(after, &spelled)) {
            return std::nullopt;
        }
        if (word == "AT" || spelled) {
            return Token{i, after, '@'};
        }
    }
    return std::nullopt;
}

// "foo @ bar.com": an at sign with spaces on both sides, between a local part and a host.
std::optional<Token> Pass::spaced_at_sign(size_t i) const {
    const size_t left = skip_spaces_back(i, copied_);
    const size_t right = skip_spaces(i + 1);
    if (left == i || right == i + 1) {
        return std::nullopt;
    }
    if (!joinable(before(left)) || !host_follows(right)) {
        return std::nullopt;
    }
    return Token{left, right, '@'};
}

// "evil\.com" (regex-escaped dots) and "https:\/\/x" (JSON-escaped slashes).
std::optional<Token> Pass::backslash(size_t i) const {
    if (before(i) == '\\') {
        return std::nullopt;
    }
    const char next = at(i + 1);
    if (next == '.' && is_alnum(before(i)) && (is_alnum(at(i + 2)) || is_high(at(i + 2)))) {
        // In "C:\Users\x\.config" the backslash separates path segments: another backslash
        // earlier in the word, not escaping a dot, says so.
        const size_t lo = i > kHostLookahead ? i - kHostLookahead : 0;
        for (size_t k = i; k > lo && !is_space(t_[k - 1]) && t_[k - 1] != '\n'; --k) {
            if (t_[k - 1] == '\\' && t_[k] != '.') {
                return std::nullopt;
            }
        }
        return Token{i, i + 2, '.'};
    }
    if (next == '/') {
        return Token{i, i + 2, '/'};
    }
    return std::nullopt;
}

// The scheme word before a separator that ends at `sep_begin`: "hxxp", "[http]", "http ".
std::optional<Token> Pass::scheme_at(size_t sep_begin, size_t sep_end) const {
    size_t k = skip_spaces_back(sep_begin, copied_, 2);
    const bool spaced_before = k < sep_begin;
    char bracket = 0;
    if (!spaced_before && k > copied_ && (t_[k - 1] == ']' || t_[k - 1] == ')')) {
        bracket = t_[k - 1];
        --k;
    }
    size_t w = k;
    while (w > copied_ && k - w < 8 &&
           (is_alnum(t_[w - 1]) || t_[w - 1] == '*' || t_[w - 1] == '_')) {
        --w;
    }
    if (w == k) {
        return std::nullopt;
    }
    size_t begin = w;
    if (bracket != 0) {
        if (w == copied_ || !is_open(t_[w - 1])) {
            return std::nullopt;
        }
        begin = w - 1;
    }
    if (begin > 0 && (is_alnum(t_[begin - 1]) || t_[begin - 1] == '_')) {
        return std::nullopt;
    }
    const std::string_view scheme = canonical_scheme(t_.substr(w, k - w));
    if (scheme.empty()) {
        return std::nullopt;
    }
    size_t end = sep_end;
    const size_t after = skip_spaces(end, 2);
    if (after > end) {
        bool dummy = false;
        if (!host_follows(after, &dummy, true)) {
            return std::nullopt;
        }
        end = after;
    } else {
        const char c = at(end);
        if (!url_authority_start(c)) {
            return std::nullopt;
        }
    }
    const std::string_view written = t_.substr(begin, end - begin);
    if (written.size() == scheme.size() + 3 && written.substr(scheme.size()) == "://" &&
        equals_lower(written.substr(0, scheme.size()), scheme)) {
        return std::nullopt; // already a plain scheme
    }
    return Token{begin, end, 's', scheme};
}

std::optional<Token> Pass::scheme_colon(size_t i) const {
    size_t j = i + 1;
    if (at(j) == '/' && at(j + 1) == '/') {
        j += 2;
        // "http:///x" is a typo; "file:///x" is how a local file URL is written.
        if (at(j) == '/' && at(j + 1) != '/') {
            size_t w = skip_spaces_back(i, copied_, 2);
            if (w >= 4 && equals_lower(t_.substr(w - 4, 4), "file")) {
                return std::nullopt;
            }
            ++j;
        }
    } else if (at(j) == '\\' && at(j + 1) == '\\') {
        j += 2;
        if (at(j) == '\\' && at(j + 1) == '\\') {
            j += 2; // JSON-escaped
        }
    } else if (at(j) == '_' && at(j + 1) == '_') {
        j += 2;
    } else {
        return std::nullopt;
    }
    return scheme_at(i, j);
}

// "http__example.com", "http//example.com".
std::optional<Token> Pass::scheme_no_colon(size_t i) const {
    const char c = t_[i];
    if (at(i + 1) != c || !is_alpha(before(i))) {
        return std::nullopt;
    }
    auto tok = scheme_at(i, i + 2);
    if (!tok) {
        return std::nullopt;
    }
    if (tok->scheme != "http" && tok->scheme != "https" && tok->scheme != "ftp") {
        return std::nullopt;
    }
    return tok;
}

// Filter mode: "fooDOTcom", "fooATbar.com" (upper-case word glued between lower-case ones).
std::optional<Token> Pass::embedded_upper(size_t i) const {
    const char prev = before(i);
    if (!(is_lower(prev) || is_digit(prev)) || in_url(i)) {
        return std::nullopt;
    }
    if (t_.substr(i, 3) == "DOT") {
        const char next = at(i + 3);
        if (is_lower(next) || is_digit(next)) {
            return Token{i, i + 3, '.'};
        }
    }
    if (t_.substr(i, 2) == "AT") {
        const char next = at(i + 2);
        if ((is_lower(next) || is_digit(next)) && host_follows(i + 2)) {
            return Token{i, i + 2, '@'};
        }
    }
    return std::nullopt;
}

// Filter mode: "example . com", "example .com".
std::optional<Token> Pass::spaced_plain_dot(size_t i) const {
    if (!is_alnum(before(i)) || (mode_ == RefangMode::filter && in_url(i) && !in_url_host(i))) {
        return std::nullopt;
    }
    const size_t d = skip_spaces(i);
    if (at(d) != '.') {
        return std::nullopt;
    }
    const size_t after = skip_spaces(d + 1);
    const char next = at(after);
    if (!(is_lower(next) || is_digit(next))) {
        return std::nullopt;
    }
    return Token{i, after, '.'};
}

// The space before the path in "http:// example .com /test".
std::optional<Token> Pass::url_host_space_slash(size_t i) const {
    const size_t slash = skip_spaces(i);
    if (at(slash) != '/' || !is_alnum(at(slash + 1)) || !is_alnum(before(i)) || !in_url_host(i)) {
        return std::nullopt;
    }
    return Token{i, slash + 1, '/'};
}

void Pass::emit(const Token& tok) {
    out_.append(t_.data() + copied_, tok.begin - copied_);
    std::string_view replacement;
    std::array<char, 16> scheme_buf{};
    switch (tok.core) {
    case '.':
        replacement = ".";
        break;
    case '@':
        replacement = "@";
        break;
    case ':':
        replacement = ":";
        break;
    case '/':
        replacement = "/";
        break;
    case 'S':
        replacement = "://";
        break;
    default: {
        const size_t len = std::min(tok.scheme.size(), scheme_buf.size() - 3);
        std::copy_n(tok.scheme.data(), len, scheme_buf.begin());
        std::copy_n("://", 3, scheme_buf.begin() + static_cast<std::ptrdiff_t>(len));
        replacement = std::string_view(scheme_buf.data(), len + 3);
    }
    }
    const char kind = tok.core == 'S' ? ':' : tok.core;
    edits_.push_back(Edit{out_.size(), tok.begin, static_cast<uint32_t>(replacement.size()),
                          static_cast<uint32_t>(tok.end - tok.begin), kind});
    out_.append(replacement);
    copied_ = tok.end;
}

size_t Pass::try_at(size_t i) {
    std::optional<Token> tok;
    const char c = t_[i];
    switch (c) {
    case '[':
    case '(':
    case '{':
    case ']':
        tok = bracket_token(i);
        if (!tok && c != ']') {
            // Every later bracket of this run would see the same thing after it.
            size_t run = i;
            while (run < n_ && is_open(t_[run])) {
                ++run;
            }
            return run;
        }
        if (tok && (tok->core == ':' || tok->core == 'S')) {
            // "http[:]//", "hxxps[://]": the colon belongs to a scheme.
            size_t sep_end = tok->end;
            if (tok->core == ':' && at(sep_end) == '/' && at(sep_end + 1) == '/') {
                sep_end += 2;
            }
            if (auto scheme = scheme_at(tok->begin, sep_end)) {
                tok = scheme;
            }
        }
        break;
    case '.':
        tok = close_only_dot(i);
        break;
    case '\\':
        tok = backslash(i);
        break;
    case ':':
        tok = scheme_colon(i);
        break;
    case '_':
    case '/':
        tok = scheme_no_colon(i);
        break;
    case '@':
        tok = spaced_at_sign(i);
        break;
    case ' ':
    case '\t':
        tok = spaced_word(i);
        if (!tok && (mode_ == RefangMode::filter || in_url_host(i))) {
            tok = spaced_plain_dot(i);
            if (!tok) {
                tok = url_host_space_slash(i);
            }
        }
        break;
    case 'D':
    case 'A':
        if (mode_ == RefangMode::filter) {
            tok = embedded_upper(i);
        }
        break;
    default:
        break;
    }
    if (c == ':' && at(i + 1) == '/' && at(i + 2) == '/') {
        url_host_starts(i + 3);
    }
    if (!tok || tok->begin < copied_) {
        return i + 1;
    }
    if (tok->core == '.') {
        // Opening brackets right before a dot notation ("{{{].]x") would form "{{{.x" with its
        // replacement, a notation again: take them in, so that refang is idempotent.
        while (tok->begin > copied_ && is_open(t_[tok->begin - 1])) {
            --tok->begin;
        }
    }
    emit(*tok);
    if (tok->core == 's') {
        url_host_starts(tok->end);
    }
    return tok->end;
}

// A notation starts at a trigger byte only when the byte after it is of a class that trigger
// needs ('.' needs a closing bracket, ':' a slash, backslash or underscore...), so the pass
// settles almost every byte with two table lookups.
constexpr uint16_t kNextClose = 1;         // ) ] }
constexpr uint16_t kNextSlash = 2;         // / and backslash
constexpr uint16_t kNextUnderscore = 4;    // _
constexpr uint16_t kNextDot = 8;           // .
constexpr uint16_t kNextSpace = 16;        // space, tab
constexpr uint16_t kNextWord = 32;         // first letters of dot, at, arroba
constexpr uint16_t kNextCore = 64;         // @ : , and opening brackets
constexpr uint16_t kNextOT = 128;          // O, T (filter mode: fooDOTcom, fooATbar)
constexpr uint16_t kNextForward = 256;     // / alone: a backslash escapes a dot or a slash only
constexpr uint16_t kNextBracketWord = 512; // first letters of et, punto, punkt: only in brackets

constexpr std::array<uint16_t, 256> make_next_class() {
    std::array<uint16_t, 256> t{};
    for (char c : std::string_view(")]}")) {
        t[static_cast<unsigned char>(c)] |= kNextClose;
    }
    t['/'] |= kNextSlash | kNextForward;
    t['\\'] |= kNextSlash;
    t['_'] |= kNextUnderscore;
    t['.'] |= kNextDot;
    t[' '] |= kNextSpace;
    t['\t'] |= kNextSpace;
    for (char c : std::string_view("dDaA")) {
        t[static_cast<unsigned char>(c)] |= kNextWord;
    }
    for (char c : std::string_view("eEpP")) {
        t[static_cast<unsigned char>(c)] |= kNextBracketWord;
    }
    for (char c : std::string_view("@:,[({")) {
        t[static_cast<unsigned char>(c)] |= kNextCore;
    }
    t['O'] |= kNextOT;
    t['T'] |= kNextOT;
    return t;
}
constexpr auto kNextClasses = make_next_class();

constexpr std::array<uint16_t, 256> make_needs(bool filter) {
    std::array<uint16_t, 256> t{};
    t['.'] = kNextClose;
    t[':'] = kNextSlash | kNextUnderscore;
    t['/'] = kNextForward; // scheme_no_colon: "http//x"
    t['_'] = kNextUnderscore;
    t['\\'] = kNextDot | kNextForward;
    t[']'] = kNextDot;
    t['@'] = kNextSpace; // spaced_at_sign: "foo @ bar.com"
    const uint16_t spaced = kNextWord | kNextDot | kNextForward | kNextSpace;
    t[' '] = spaced;
    t['\t'] = spaced;
    const uint16_t bracket =
        kNextDot | kNextWord | kNextBracketWord | kNextSpace | kNextCore | kNextForward;
    t['['] = bracket;
    t['('] = bracket;
    t['{'] = bracket;
    if (filter) {
        t['D'] = kNextOT;
        t['A'] = kNextOT;
    }
    return t;
}
constexpr auto kExtractNeeds = make_needs(false);
constexpr auto kFilterNeeds = make_needs(true);

bool Pass::run() {
    const PairTables tables = pair_tables(mode_);
    size_t i = 0;
    // The last byte has no successor; it can end no notation that was not started before it.
    const size_t last = n_ == 0 ? 0 : n_ - 1;
    while (i < last) {
        i = next_trigger_pair(t_.data(), i, last, tables, mode_ == RefangMode::extract);
        if (i >= last) {
            break;
        }
        i = try_at(i);
    }
    if (edits_.empty()) {
        return false;
    }
    out_.append(t_.data() + copied_, n_ - copied_);
    return true;
}

} // namespace

PairTables pair_tables(RefangMode mode) {
    return {mode == RefangMode::filter ? &kFilterNeeds : &kExtractNeeds, &kNextClasses};
}

bool url_authority_start(char c) {
    return is_alnum(c) || is_high(c) || c == '[' || c == '%' || c == '_' || c == '-' || c == '~';
}

std::string_view canonical_scheme(std::string_view word) {
    static constexpr std::array<std::string_view, 19> kSchemes{
        "http", "https", "ftp",    "ftps", "sftp",  "smb", "file", "ws",   "wss", "tcp",
        "udp",  "ssh",   "telnet", "ldap", "ldaps", "rdp", "irc",  "ircs", "tftp"};
    if (word.empty() || word.size() > 8) {
        return {};
    }
    for (std::string_view s : kSchemes) {
        if (equals_lower(word, s)) {
            return s;
        }
    }
    if (equals_lower(word, "fxp") || equals_lower(word, "ftx")) {
        return "ftp";
    }
    if (equals_lower(word, "fxps")) {
        return "ftps";
    }
    if (equals_lower(word, "sfxp")) {
        return "sftp";
    }
    if (equals_lower(word, "meow")) {
        return "http";
    }
    if (equals_lower(word, "meows")) {
        return "https";
    }
    if (std::all_of(word.begin(), word.end(), [](char c) { return lower(c) == 'x'; })) {
        if (word.size() == 4) {
            return "http";
        }
        if (word.size() == 5) {
            return "https";
        }
        return {};
    }
    // h..p / h..ps with the "tt" masked: hxxp, hXXp, h**p, h__p, hzzzp, hxxxp, h00p.
    const bool secure = lower(word.back()) == 's';
    const std::string_view core = secure ? word.substr(0, word.size() - 1) : word;
    if (core.size() < 4 || core.size() > 5 || lower(core.front()) != 'h' ||
        lower(core.back()) != 'p') {
        return {};
    }
    for (char c : core.substr(1, core.size() - 2)) {
        const char l = lower(c);
        if (l != 'x' && l != '*' && l != '_' && l != 'z' && l != '0') {
            return {};
        }
    }
    return secure ? "https" : "http";
}

void normalize(std::string_view text, RefangMode mode, Normalized& out) {
    out.storage_.clear();
    out.edits_.clear();
    out.hint_ = 0;
    Pass pass(text, mode, out.storage_, out.edits_);
    if (pass.run()) {
        out.text_ = out.storage_;
    } else {
        out.text_ = text;
    }
}

template <class Precedes> size_t Normalized::partition(Precedes precedes) const {
    // A few steps from the last answer, else a binary search: O(1) for a scan's matches, and
    // never worse than O(log n).
    constexpr int kWalk = 4;
    size_t k = std::min(hint_, edits_.size());
    for (int step = 0; step < kWalk; ++step) {
        if (k < edits_.size() && precedes(edits_[k])) {
            ++k;
        } else if (k > 0 && !precedes(edits_[k - 1])) {
            --k;
        } else {
            hint_ = k;
            return k;
        }
    }
    hint_ = static_cast<size_t>(std::partition_point(edits_.begin(), edits_.end(), precedes) -
                                edits_.begin());
    return hint_;
}

uint64_t Normalized::original_begin(uint64_t norm) const {
    const size_t k = partition([norm](const Edit& e) { return e.norm_begin <= norm; });
    if (k == 0) {
        return norm;
    }
    const Edit& e = edits_[k - 1];
    if (norm < e.norm_begin + e.norm_len) {
        return e.orig_begin;
    }
    return e.orig_begin + e.orig_len + (norm - e.norm_begin - e.norm_len);
}

uint64_t Normalized::original_end(uint64_t norm) const {
    // The last edit that starts strictly before `norm`: a span ending at an edit's first byte
    // does not include it.
    const size_t k = partition([norm](const Edit& e) { return e.norm_begin < norm; });
    if (k == 0) {
        return norm;
    }
    const Edit& e = edits_[k - 1];
    if (norm < e.norm_begin + e.norm_len) {
        return e.orig_begin + e.orig_len;
    }
    return e.orig_begin + e.orig_len + (norm - e.norm_begin - e.norm_len);
}

bool Normalized::defanged_in(uint64_t begin, uint64_t end) const {
    const size_t k = partition([begin](const Edit& e) {
        return e.norm_begin + std::max<uint32_t>(e.norm_len, 1) <= begin;
    });
    return k < edits_.size() && edits_[k].norm_begin < end;
}

} // namespace casefile::ioc::detail
