// A STIX 2.1 pattern parser written from OASIS STIXPattern.g4. The lexer follows ANTLR's rules:
// the longest match wins and, between matches of equal length, the rule written first in the
// grammar (so keywords beat identifiers, IdentifierWithoutHyphen beats IdentifierWithHyphen).
// The parser is the grammar's rules with left recursion turned into loops.
#include "export/stix/pattern_parser.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>

namespace casefile::exporting::stix {
namespace {

enum class Tok {
    int_pos,
    int_neg,
    float_pos,
    float_neg,
    hex,
    binary,
    string,
    boolean,
    timestamp,
    kw_and,
    kw_or,
    kw_not,
    kw_followedby,
    kw_like,
    kw_matches,
    kw_issuperset,
    kw_issubset,
    kw_exists,
    kw_last,
    kw_in,
    kw_start,
    kw_stop,
    kw_seconds,
    kw_within,
    kw_repeats,
    kw_times,
    ident,        ///< IdentifierWithoutHyphen
    ident_hyphen, ///< IdentifierWithHyphen
    eq,
    neq,
    lt,
    le,
    gt,
    ge,
    colon,
    dot,
    comma,
    rparen,
    lparen,
    rbrack,
    lbrack,
    plus,
    hyphen,
    power,
    divide,
    asterisk,
    end,
};

struct Token {
    Tok kind = Tok::end;
    size_t begin = 0;
    size_t end = 0;
};

constexpr std::array<std::pair<std::string_view, Tok>, 17> kKeywords = {{
    {"AND", Tok::kw_and},
    {"OR", Tok::kw_or},
    {"NOT", Tok::kw_not},
    {"FOLLOWEDBY", Tok::kw_followedby},
    {"LIKE", Tok::kw_like},
    {"MATCHES", Tok::kw_matches},
    {"ISSUPERSET", Tok::kw_issuperset},
    {"ISSUBSET", Tok::kw_issubset},
    {"EXISTS", Tok::kw_exists},
    {"LAST", Tok::kw_last},
    {"IN", Tok::kw_in},
    {"START", Tok::kw_start},
    {"STOP", Tok::kw_stop},
    {"SECONDS", Tok::kw_seconds},
    {"WITHIN", Tok::kw_within},
    {"REPEATS", Tok::kw_repeats},
    {"TIMES", Tok::kw_times},
}};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_hex(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_b64(char c) {
    return is_alpha(c) || is_digit(c) || c == '+' || c == '/';
}

std::string describe(std::string_view text, const Token& t) {
    if (t.kind == Tok::end) {
        return "the end of the pattern";
    }
    std::string_view s = text.substr(t.begin, t.end - t.begin);
    if (s.size() > 40) {
        return fmt::format("'{}...'", s.substr(0, 40));
    }
    return fmt::format("'{}'", s);
}

class Lexer {
public:
    explicit Lexer(std::string_view text) : text_(text) {}

    /// All tokens up to and including `end`, or the column of the first unusable character.
    Result<std::vector<Token>> run() {
        std::vector<Token> out;
        for (;;) {
            skip_trivia();
            if (error_) {
                return tl::unexpected(*error_);
            }
            if (pos_ >= text_.size()) {
                out.push_back({Tok::end, pos_, pos_});
                return out;
            }
            auto t = next();
            if (!t) {
                return tl::unexpected(t.error());
            }
            out.push_back(*t);
            pos_ = t->end;
        }
    }

private:
    [[nodiscard]] char at(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

    /// Length of a Unicode space from the grammar's WS set at `i` (UTF-8), or 0.
    [[nodiscard]] size_t space_length(size_t i) const {
        const char c = text_[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
            return 1;
        }
        const auto b0 = static_cast<unsigned char>(c);
        const auto b1 = static_cast<unsigned char>(at(i + 1));
        const auto b2 = static_cast<unsigned char>(at(i + 2));
        if (b0 == 0xc2 && (b1 == 0x85 || b1 == 0xa0)) {
            return 2; // U+0085, U+00A0
        }
        if (b0 == 0xe1 && b1 == 0x9a && b2 == 0x80) {
            return 3; // U+1680
        }
        if (b0 == 0xe2 && b1 == 0x80 &&
            ((b2 >= 0x80 && b2 <= 0x8a) || b2 == 0xa8 || b2 == 0xa9 || b2 == 0xaf)) {
            return 3; // U+2000..U+200A, U+2028, U+2029, U+202F
        }
        if (b0 == 0xe2 && b1 == 0x81 && b2 == 0x9f) {
            return 3; // U+205F
        }
        if (b0 == 0xe3 && b1 == 0x80 && b2 == 0x80) {
            return 3; // U+3000
        }
        return 0;
    }

    void skip_trivia() {
        while (pos_ < text_.size()) {
            if (const size_t n = space_length(pos_); n > 0) {
                pos_ += n;
            } else if (text_.substr(pos_, 2) == "/*") {
                const size_t close = text_.find("*/", pos_ + 2);
                if (close == std::string_view::npos) {
                    // COMMENT does not match; '/' lexes as DIVIDE and fails in the parser. Report
                    // it here, where the reason is clear.
                    error_ =
                        Error{ErrorCode::bad_input,
                              fmt::format("column {}: comment is never closed with */", pos_ + 1),
                              "", std::nullopt};
                    return;
                }
                pos_ = close + 2;
            } else if (text_.substr(pos_, 2) == "//") {
                while (pos_ < text_.size() && text_[pos_] != '\r' && text_[pos_] != '\n') {
                    ++pos_;
                }
            } else {
                return;
            }
        }
    }

    /// Length of `[0-9]+` at i.
    [[nodiscard]] size_t digits(size_t i) const {
        size_t n = 0;
        while (is_digit(at(i + n))) {
            ++n;
        }
        return n;
    }

    /// `'0' | [1-9][0-9]*` at i: its length, or 0.
    [[nodiscard]] size_t int_body(size_t i) const {
        if (at(i) == '0') {
            return 1;
        }
        if (at(i) >= '1' && at(i) <= '9') {
            return digits(i);
        }
        return 0;
    }

    /// `[0-9]* '.' [0-9]+` at i: its length, or 0.
    [[nodiscard]] size_t float_body(size_t i) const {
        const size_t lead = digits(i);
        if (at(i + lead) != '.') {
            return 0;
        }
        const size_t frac = digits(i + lead + 1);
        return frac == 0 ? 0 : lead + 1 + frac;
    }

    /// StringLiteral starting at the quote at i: its length, or 0 when never closed.
    [[nodiscard]] size_t string_length(size_t i) const {
        for (size_t k = i + 1; k < text_.size(); ++k) {
            if (text_[k] == '\\') {
                if (at(k + 1) != '\'' && at(k + 1) != '\\') {
                    return 0;
                }
                ++k;
            } else if (text_[k] == '\'') {
                return k - i + 1;
            }
        }
        return 0;
    }

    [[nodiscard]] size_t hex_length(size_t i) const {
        if (at(i) != 'h' || at(i + 1) != '\'') {
            return 0;
        }
        size_t k = i + 2;
        while (is_hex(at(k)) && is_hex(at(k + 1))) {
            k += 2;
        }
        return at(k) == '\'' ? k - i + 1 : 0;
    }

    [[nodiscard]] size_t binary_length(size_t i) const {
        if (at(i) != 'b' || at(i + 1) != '\'') {
            return 0;
        }
        size_t k = i + 2;
        size_t run = 0;
        while (is_b64(at(k + run))) {
            ++run;
        }
        size_t pad = 0;
        while (at(k + run + pad) == '=') {
            ++pad;
        }
        // (B64 x4)* then one final group: B64 x4, B64 x3 '=', or B64 x2 '=='.
        const bool shape = (pad == 0 && run >= 4 && run % 4 == 0) ||
                           (pad == 1 && run >= 3 && run % 4 == 3) ||
                           (pad == 2 && run >= 2 && run % 4 == 2);
        if (!shape || at(k + run + pad) != '\'') {
            return 0;
        }
        return run + pad + 3;
    }

    [[nodiscard]] size_t timestamp_length(size_t i) const {
        if (at(i) != 't' || at(i + 1) != '\'') {
            return 0;
        }
        const std::string_view s = text_.substr(i + 2);
        const auto d = [&](size_t k) { return k < s.size() && is_digit(s[k]); };
        const auto c = [&](size_t k, char ch) { return k < s.size() && s[k] == ch; };
        const auto two = [&](size_t k, int lo, int hi) {
            if (!d(k) || !d(k + 1)) {
                return false;
            }
            const int v = (s[k] - '0') * 10 + (s[k + 1] - '0');
            return v >= lo && v <= hi;
        };
        if (!(d(0) && d(1) && d(2) && d(3) && c(4, '-') && two(5, 1, 12) && c(7, '-') &&
              two(8, 1, 31) && c(10, 'T') && two(11, 0, 23) && c(13, ':') && two(14, 0, 59) &&
              c(16, ':') && two(17, 0, 60))) {
            return 0;
        }
        size_t k = 19;
        if (c(k, '.')) {
            size_t n = 0;
            while (d(k + 1 + n)) {
                ++n;
            }
            if (n == 0) {
                return 0;
            }
            k += 1 + n;
        }
        if (!c(k, 'Z') || !c(k + 1, '\'')) {
            return 0;
        }
        return k + 4; // "t'" + body + "Z'"
    }

    Result<Token> next() {
        const size_t i = pos_;
        Token best{Tok::end, i, i};
        // Candidates in grammar order; a later one replaces the best only when strictly longer.
        const auto offer = [&](Tok kind, size_t length) {
            if (length > best.end - best.begin) {
                best = Token{kind, i, i + length};
            }
        };
        if (at(i) == '-') {
            if (const size_t n = int_body(i + 1)) {
                offer(Tok::int_neg, n + 1);
            }
        }
        {
            const size_t sign = at(i) == '+' ? 1 : 0;
            if (const size_t n = int_body(i + sign)) {
                offer(Tok::int_pos, n + sign);
            }
        }
        if (at(i) == '-') {
            if (const size_t n = float_body(i + 1)) {
                offer(Tok::float_neg, n + 1);
            }
        }
        {
            const size_t sign = at(i) == '+' ? 1 : 0;
            if (const size_t n = float_body(i + sign)) {
                offer(Tok::float_pos, n + sign);
            }
        }
        offer(Tok::hex, hex_length(i));
        offer(Tok::binary, binary_length(i));
        if (at(i) == '\'') {
            offer(Tok::string, string_length(i));
        }
        for (const std::string_view word : {std::string_view("true"), std::string_view("false")}) {
            if (text_.substr(i, word.size()) == word) {
                offer(Tok::boolean, word.size());
            }
        }
        offer(Tok::timestamp, timestamp_length(i));
        for (const auto& [word, kind] : kKeywords) {
            if (text_.substr(i, word.size()) == word) {
                offer(kind, word.size());
            }
        }
        if (is_alpha(at(i)) || at(i) == '_') {
            size_t n = 1;
            while (is_alpha(at(i + n)) || is_digit(at(i + n)) || at(i + n) == '_') {
                ++n;
            }
            offer(Tok::ident, n);
            while (is_alpha(at(i + n)) || is_digit(at(i + n)) || at(i + n) == '_' ||
                   at(i + n) == '-') {
                ++n;
            }
            offer(Tok::ident_hyphen, n);
        }
        const std::string_view two = text_.substr(i, 2);
        if (two == "==") {
            offer(Tok::eq, 2);
        } else if (two == "!=" || two == "<>") {
            offer(Tok::neq, 2);
        } else if (two == "<=") {
            offer(Tok::le, 2);
        } else if (two == ">=") {
            offer(Tok::ge, 2);
        }
        switch (at(i)) {
        case '=':
            offer(Tok::eq, 1);
            break;
        case '<':
            offer(Tok::lt, 1);
            break;
        case '>':
            offer(Tok::gt, 1);
            break;
        case ':':
            offer(Tok::colon, 1);
            break;
        case '.':
            offer(Tok::dot, 1);
            break;
        case ',':
            offer(Tok::comma, 1);
            break;
        case ')':
            offer(Tok::rparen, 1);
            break;
        case '(':
            offer(Tok::lparen, 1);
            break;
        case ']':
            offer(Tok::rbrack, 1);
            break;
        case '[':
            offer(Tok::lbrack, 1);
            break;
        case '+':
            offer(Tok::plus, 1);
            break;
        case '-':
            offer(Tok::hyphen, 1);
            break;
        case '^':
            offer(Tok::power, 1);
            break;
        case '/':
            offer(Tok::divide, 1);
            break;
        case '*':
            offer(Tok::asterisk, 1);
            break;
        default:
            break;
        }
        if (best.end == best.begin) {
            const char c = at(i);
            std::string what;
            if (c == '\'') {
                what = "string literal is never closed, or has a backslash before something "
                       "other than ' or \\";
            } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                what = fmt::format("unexpected control character 0x{:02x}",
                                   static_cast<unsigned char>(c));
            } else {
                what = fmt::format("unexpected character '{}'", c);
            }
            return fail(ErrorCode::bad_input, fmt::format("column {}: {}", i + 1, what),
                        "string values need single quotes; escape ' and \\ with a backslash");
        }
        return best;
    }

    std::string_view text_;
    size_t pos_ = 0;
    std::optional<Error> error_;
};

struct HashShape {
    std::string_view name; ///< upper-case, without '-'
    std::string_view label;
    std::array<size_t, 6> hex_lengths; ///< accepted lengths; 0 ends the list
};

constexpr std::array<HashShape, 13> kHashShapes = {{
    {"MD5", "MD5", {32}},
    {"MD6", "MD6", {32, 40, 56, 64, 96, 128}},
    {"RIPEMD160", "RIPEMD-160", {40}},
    {"SHA1", "SHA-1", {40}},
    {"SHA224", "SHA-224", {56}},
    {"SHA256", "SHA-256", {64}},
    {"SHA384", "SHA-384", {96}},
    {"SHA512", "SHA-512", {128}},
    {"SHA3224", "SHA3-224", {56}},
    {"SHA3256", "SHA3-256", {64}},
    {"SHA3384", "SHA3-384", {96}},
    {"SHA3512", "SHA3-512", {128}},
    {"WHIRLPOOL", "WHIRLPOOL", {128}},
}};

/// The value of a string literal token's text (quotes removed, escapes undone).
std::string unquote(std::string_view literal) {
    std::string out;
    for (size_t i = 1; i + 1 < literal.size(); ++i) {
        if (literal[i] == '\\') {
            ++i;
        }
        out += literal[i];
    }
    return out;
}

class Parser {
public:
    Parser(std::string_view text, std::vector<Token> tokens)
        : text_(text), tokens_(std::move(tokens)) {}

    Result<PatternSummary> run() {
        if (auto ok = observation_expressions(); !ok) {
            return tl::unexpected(ok.error());
        }
        if (peek().kind != Tok::end) {
            return error("expected FOLLOWEDBY, OR, AND, a qualifier or the end of the pattern");
        }
        return std::move(summary_);
    }

private:
    [[nodiscard]] const Token& peek() const { return tokens_[pos_]; }
    [[nodiscard]] std::string_view text(const Token& t) const {
        return text_.substr(t.begin, t.end - t.begin);
    }
    const Token& take() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
    bool accept(Tok kind) {
        if (peek().kind == kind) {
            take();
            return true;
        }
        return false;
    }

    tl::unexpected<Error> error(std::string_view expected) const {
        const Token& t = peek();
        return fail(
            ErrorCode::bad_input,
            fmt::format("column {}: {} but found {}", t.begin + 1, expected, describe(text_, t)),
            "see the STIX 2.1 patterning grammar (STIX 2.1 section 9)");
    }

    Status enter() {
        if (++depth_ > kMaxPatternDepth) {
            return fail(ErrorCode::bad_input,
                        fmt::format("column {}: brackets and parentheses nest deeper than {}",
                                    peek().begin + 1, kMaxPatternDepth),
                        "flatten the pattern");
        }
        return {};
    }

    // observationExpressions: observationExpressionOr (FOLLOWEDBY observationExpressionOr)*
    // with OR and AND binding tighter, as the grammar's alternatives order them.
    Status observation_expressions() {
        if (auto ok = observation_or(); !ok) {
            return ok;
        }
        while (accept(Tok::kw_followedby)) {
            if (auto ok = observation_or(); !ok) {
                return ok;
            }
        }
        return {};
    }

    Status observation_or() {
        if (auto ok = observation_and(); !ok) {
            return ok;
        }
        while (accept(Tok::kw_or)) {
            if (auto ok = observation_and(); !ok) {
                return ok;
            }
        }
        return {};
    }

    Status observation_and() {
        if (auto ok = observation_expression(); !ok) {
            return ok;
        }
        while (accept(Tok::kw_and)) {
            if (auto ok = observation_expression(); !ok) {
                return ok;
            }
        }
        return {};
    }

    Status observation_expression() {
        if (auto ok = enter(); !ok) {
            return ok;
        }
        bool simple = false;
        if (accept(Tok::lbrack)) {
            simple = true;
            ++summary_.observations;
            if (auto ok = comparison_expression(); !ok) {
                return ok;
            }
            if (!accept(Tok::rbrack)) {
                return error("expected AND, OR or ']' to close the observation");
            }
        } else if (accept(Tok::lparen)) {
            if (auto ok = observation_expressions(); !ok) {
                return ok;
            }
            if (!accept(Tok::rparen)) {
                return error("expected ')'");
            }
        } else {
            return error("expected '[' to open an observation expression or '('");
        }
        --depth_;
        // The OASIS validator rejects a qualifier kind repeated directly on a bracketed
        // observation; on a parenthesised group it allows it.
        bool within = false;
        bool repeats = false;
        bool start_stop = false;
        for (;;) {
            const Token& q = peek();
            bool* seen = nullptr;
            if (accept(Tok::kw_within)) {
                if (!accept(Tok::int_pos) && !accept(Tok::float_pos)) {
                    return error("expected a positive number after WITHIN");
                }
                if (!accept(Tok::kw_seconds)) {
                    return error("expected SECONDS (the only unit)");
                }
                seen = &within;
            } else if (accept(Tok::kw_repeats)) {
                if (!accept(Tok::int_pos)) {
                    return error("expected a positive integer after REPEATS");
                }
                if (!accept(Tok::kw_times)) {
                    return error("expected TIMES");
                }
                seen = &repeats;
            } else if (accept(Tok::kw_start)) {
                if (!accept(Tok::timestamp)) {
                    return error("expected a timestamp t'YYYY-MM-DDTHH:MM:SSZ' after START");
                }
                if (!accept(Tok::kw_stop)) {
                    return error("expected STOP");
                }
                if (!accept(Tok::timestamp)) {
                    return error("expected a timestamp t'YYYY-MM-DDTHH:MM:SSZ' after STOP");
                }
                seen = &start_stop;
            } else {
                return {};
            }
            if (simple && *seen) {
                return fail(ErrorCode::bad_input,
                            fmt::format("column {}: duplicate qualifier {} on one observation",
                                        q.begin + 1, text(q)),
                            "give each observation at most one WITHIN, REPEATS and START/STOP");
            }
            *seen = true;
        }
    }

    Status comparison_expression() {
        if (auto ok = comparison_and(); !ok) {
            return ok;
        }
        while (accept(Tok::kw_or)) {
            if (auto ok = comparison_and(); !ok) {
                return ok;
            }
        }
        return {};
    }

    Status comparison_and() {
        if (auto ok = prop_test(); !ok) {
            return ok;
        }
        while (accept(Tok::kw_and)) {
            if (auto ok = prop_test(); !ok) {
                return ok;
            }
        }
        return {};
    }

    Status prop_test() {
        if (peek().kind == Tok::lparen) {
            if (auto ok = enter(); !ok) {
                return ok;
            }
            take();
            if (auto ok = comparison_expression(); !ok) {
                return ok;
            }
            if (!accept(Tok::rparen)) {
                return error("expected AND, OR or ')'");
            }
            --depth_;
            return {};
        }
        const bool leading_not = peek().kind == Tok::kw_not;
        if (leading_not || peek().kind == Tok::kw_exists) {
            if (leading_not) {
                take();
            }
            if (!accept(Tok::kw_exists)) {
                return error("expected EXISTS after a leading NOT");
            }
            PatternComparison cmp;
            cmp.op = leading_not ? "NOT EXISTS" : "EXISTS";
            return object_path(cmp).and_then([&]() -> Status {
                summary_.comparisons.push_back(std::move(cmp));
                return {};
            });
        }
        PatternComparison cmp;
        if (auto ok = object_path(cmp); !ok) {
            return ok;
        }
        const bool negated = accept(Tok::kw_not);
        const Token& op = take();
        cmp.op = std::string(negated ? "NOT " : "") + std::string(text(op));
        const Token& value = peek();
        switch (op.kind) {
        case Tok::eq:
        case Tok::neq:
            if (!primitive(true)) {
                return error(fmt::format("expected a literal after '{}'", text(op)));
            }
            break;
        case Tok::gt:
        case Tok::lt:
        case Tok::ge:
        case Tok::le:
            if (!primitive(false)) {
                return error(fmt::format("expected a number, string, binary, hex or timestamp "
                                         "literal after '{}'",
                                         text(op)));
            }
            break;
        case Tok::kw_in:
            if (auto ok = set_literal(); !ok) {
                return ok;
            }
            break;
        case Tok::kw_like:
        case Tok::kw_matches:
        case Tok::kw_issubset:
        case Tok::kw_issuperset:
            if (!accept(Tok::string)) {
                return error(fmt::format("expected a quoted string after {}", text(op)));
            }
            break;
        default:
            --pos_;
            return error("expected a comparison operator (=, !=, <, >, <=, >=, IN, LIKE, "
                         "MATCHES, ISSUBSET, ISSUPERSET)");
        }
        cmp.value = std::string(text_.substr(value.begin, tokens_[pos_ - 1].end - value.begin));
        if (auto ok = check_hash(cmp, op.kind, value); !ok) {
            return ok;
        }
        summary_.comparisons.push_back(std::move(cmp));
        return {};
    }

    bool primitive(bool allow_bool) {
        switch (peek().kind) {
        case Tok::int_pos:
        case Tok::int_neg:
        case Tok::float_pos:
        case Tok::float_neg:
        case Tok::string:
        case Tok::binary:
        case Tok::hex:
        case Tok::timestamp:
            take();
            return true;
        case Tok::boolean:
            if (allow_bool) {
                take();
                return true;
            }
            return false;
        default:
            return false;
        }
    }

    Status set_literal() {
        if (!accept(Tok::lparen)) {
            return error("expected '(' to open the IN set");
        }
        if (accept(Tok::rparen)) {
            return {};
        }
        do {
            if (!primitive(true)) {
                return error("expected a literal in the IN set");
            }
        } while (accept(Tok::comma));
        if (!accept(Tok::rparen)) {
            return error("expected ',' or ')' in the IN set");
        }
        return {};
    }

    Status object_path(PatternComparison& cmp) {
        const Token& type = peek();
        if (type.kind != Tok::ident && type.kind != Tok::ident_hyphen) {
            return error("expected an object type such as file or ipv4-addr");
        }
        take();
        cmp.object_type = std::string(text(type));
        if (!accept(Tok::colon)) {
            return error(fmt::format("expected ':' after the object type {}", text(type)));
        }
        const Token& first = peek();
        if (first.kind == Tok::ident) {
            cmp.path.emplace_back(text(take()));
        } else if (first.kind == Tok::string) {
            cmp.path.push_back(unquote(text(take())));
        } else {
            return error("expected a property name (quote it when it has a hyphen)");
        }
        for (;;) {
            if (accept(Tok::dot)) {
                const Token& key = peek();
                if (key.kind == Tok::ident) {
                    cmp.path.emplace_back(text(take()));
                } else if (key.kind == Tok::string) {
                    cmp.path.push_back(unquote(text(take())));
                } else {
                    return error("expected a property name after '.' (quote names with a "
                                 "hyphen: hashes.'SHA-256')");
                }
            } else if (peek().kind == Tok::lbrack && (tokens_[pos_ + 1].kind == Tok::int_pos ||
                                                      tokens_[pos_ + 1].kind == Tok::int_neg ||
                                                      tokens_[pos_ + 1].kind == Tok::asterisk)) {
                take();
                const Token& index = take();
                if (!accept(Tok::rbrack)) {
                    return error("expected ']' to close the list index");
                }
                cmp.path.push_back(fmt::format("[{}]", text(index)));
            } else {
                return {};
            }
        }
    }

    /// The OASIS validator's hash check: a string compared to `...hashes.<ALGO>` must have the
    /// algorithm's length and alphabet.
    Status check_hash(const PatternComparison& cmp, Tok op, const Token& value) const {
        if ((op != Tok::eq && op != Tok::neq) || value.kind != Tok::string ||
            std::find(cmp.path.begin(), cmp.path.end(), "hashes") == cmp.path.end()) {
            return {};
        }
        std::string algo;
        for (const char c : cmp.path.back()) {
            if (c != '-') {
                algo += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            }
        }
        const std::string hash = unquote(text(value));
        bool ok = true;
        std::string_view label;
        if (algo == "SSDEEP") {
            label = "SSDEEP";
            ok = !hash.empty() && hash.size() <= 128 &&
                 std::all_of(hash.begin(), hash.end(), [](char c) {
                     return is_alpha(c) || is_digit(c) || c == '/' || c == '+' || c == ':' ||
                            c == '.';
                 });
        } else {
            const auto shape = std::find_if(kHashShapes.begin(), kHashShapes.end(),
                                            [&](const HashShape& h) { return h.name == algo; });
            if (shape == kHashShapes.end()) {
                return {};
            }
            label = shape->label;
            ok = std::all_of(hash.begin(), hash.end(), is_hex) &&
                 std::find(shape->hex_lengths.begin(), shape->hex_lengths.end(), hash.size()) !=
                     shape->hex_lengths.end() &&
                 !hash.empty();
        }
        if (!ok) {
            return fail(
                ErrorCode::bad_input,
                fmt::format("column {}: '{}' is not a valid {} hash", value.begin + 1, hash, label),
                "check the value and the algorithm named in the path");
        }
        return {};
    }

    std::string_view text_;
    std::vector<Token> tokens_;
    size_t pos_ = 0;
    int depth_ = 0;
    PatternSummary summary_;
};

} // namespace

Result<PatternSummary> parse_pattern(std::string_view pattern) {
    auto tokens = Lexer(pattern).run();
    if (!tokens) {
        return tl::unexpected(tokens.error());
    }
    return Parser(pattern, std::move(*tokens)).run();
}

std::string pattern_string(std::string_view value) {
    std::string out = "'";
    for (const char c : value) {
        if (c == '\'' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    out += '\'';
    return out;
}

} // namespace casefile::exporting::stix
