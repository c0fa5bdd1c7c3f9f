#include "query_lint.hpp"

#include <vector>

#include <fmt/format.h>

namespace casefile::exporting::testing {

std::string lint_query(std::string_view q, QueryDialect dialect) {
    std::vector<std::pair<char, size_t>> stack; // opener, line
    size_t line = 1;
    for (size_t i = 0; i < q.size(); ++i) {
        const char c = q[i];
        if (c == '\n') {
            ++line;
            continue;
        }
        // Comments.
        if (dialect != QueryDialect::spl && q.substr(i, 2) == "//") {
            while (i < q.size() && q[i] != '\n') {
                ++i;
            }
            --i;
            continue;
        }
        if (dialect == QueryDialect::esql && q.substr(i, 2) == "/*") {
            const size_t end = q.find("*/", i + 2);
            if (end == std::string_view::npos) {
                return fmt::format("line {}: unclosed /* comment", line);
            }
            for (size_t k = i; k < end; ++k) {
                line += q[k] == '\n' ? 1 : 0;
            }
            i = end + 1;
            continue;
        }
        if (dialect == QueryDialect::spl && q.substr(i, 3) == "```") {
            const size_t end = q.find("```", i + 3);
            if (end == std::string_view::npos) {
                return fmt::format("line {}: unclosed ``` comment", line);
            }
            for (size_t k = i; k < end; ++k) {
                line += q[k] == '\n' ? 1 : 0;
            }
            i = end + 2;
            continue;
        }
        // String literals: double quotes everywhere, single quotes in KQL; backslash escapes.
        if (c == '"' || (c == '\'' && dialect == QueryDialect::kql)) {
            size_t k = i + 1;
            for (; k < q.size() && q[k] != c; ++k) {
                if (q[k] == '\n') {
                    return fmt::format("line {}: string literal runs past the end of the line",
                                       line);
                }
                if (q[k] == '\\') {
                    ++k;
                    if (k < q.size() && q[k] != '\\' && q[k] != '"' && q[k] != '\'' &&
                        q[k] != 'n' && q[k] != 't' && q[k] != 'r' && q[k] != '*' && q[k] != '?') {
                        return fmt::format("line {}: unknown escape \\{}", line, q[k]);
                    }
                }
            }
            if (k >= q.size()) {
                return fmt::format("line {}: unclosed string literal", line);
            }
            i = k;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            stack.emplace_back(c, line);
        } else if (c == ')' || c == ']' || c == '}') {
            const char want = c == ')' ? '(' : c == ']' ? '[' : '{';
            if (stack.empty()) {
                return fmt::format("line {}: '{}' closes nothing", line, c);
            }
            if (stack.back().first != want) {
                return fmt::format("line {}: '{}' closes '{}' from line {}", line, c,
                                   stack.back().first, stack.back().second);
            }
            stack.pop_back();
        }
    }
    if (!stack.empty()) {
        return fmt::format("line {}: unclosed '{}'", stack.back().second, stack.back().first);
    }
    return {};
}

} // namespace casefile::exporting::testing
