// Test helper: a tokenizer-level check of generated queries — every string literal closed on its
// line, every bracket matched, comments skipped — for the languages without a parser here.
#pragma once

#include <string>
#include <string_view>

namespace casefile::exporting::testing {

enum class QueryDialect { kql, spl, esql };

/// Empty when the query is balanced; else what is wrong and where ("line 4: unclosed '('").
std::string lint_query(std::string_view query, QueryDialect dialect);

} // namespace casefile::exporting::testing
