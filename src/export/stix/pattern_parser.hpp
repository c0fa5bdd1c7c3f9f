#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace casefile::exporting::stix {

/// One comparison of a valid pattern: `file:hashes.'SHA-256' = '...'`.
struct PatternComparison {
    std::string object_type;       ///< "file"
    std::vector<std::string> path; ///< {"hashes", "SHA-256"}; index steps as "[0]" or "[*]"
    std::string op;                ///< "=", "NOT =", "IN", "EXISTS", ... (NOT prefixed)
    std::string value;             ///< the literal as written; a set as "(a, b)"; "" for EXISTS
};

/// What a valid pattern contains.
struct PatternSummary {
    size_t observations = 0; ///< bracketed observation expressions
    std::vector<PatternComparison> comparisons;
};

/// The deepest parenthesis/bracket nesting parse_pattern() accepts.
inline constexpr int kMaxPatternDepth = 200;

/// Parses a STIX 2.1 pattern by the grammar of OASIS STIXPattern.g4 (a hand-written lexer with
/// ANTLR's longest-match rule and a recursive-descent parser), plus the two checks the OASIS
/// validator adds: hash values must have the shape of their algorithm (`file:hashes.MD5` is 32
/// hex digits) and a bracketed observation may not carry the same qualifier kind twice. Errors
/// name the 1-based column and what was expected. Linear time; nesting deeper than
/// kMaxPatternDepth is an error, not a stack overflow.
[[nodiscard]] Result<PatternSummary> parse_pattern(std::string_view pattern);

/// `value` as a STIX pattern string literal: single-quoted, with `\` and `'` escaped.
[[nodiscard]] std::string pattern_string(std::string_view value);

} // namespace casefile::exporting::stix
