#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "core/file_io.hpp"
#include "logs/parse.hpp"

namespace casefile::logs::testing {

/// Parses tests/data/logs/<format>/<file> with format detection and checks that detection
/// picked `format`. Diagnostics name the file "<format>/<file>".
inline ParseResult parse_sample(const std::string& format, const std::string& file,
                                ParseOptions options = {}) {
    const std::string path =
        std::string(CASEFILE_SOURCE_DIR) + "/tests/data/logs/" + format + "/" + file;
    auto text = read_file(path);
    EXPECT_TRUE(text.has_value()) << path;
    if (!text) {
        return {};
    }
    EXPECT_EQ(detect_format(*text, file), format) << path;
    auto result = parse_log(*text, format + "/" + file, options);
    EXPECT_TRUE(result.has_value()) << path;
    if (!result) {
        return {};
    }
    EXPECT_EQ(result->format, format);
    return std::move(*result);
}

/// True when a diagnostic points at `line` of the sample's file.
inline bool has_diagnostic_at(const ParseResult& r, int line) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
        return d.where.line == line && !d.where.file.empty();
    });
}

inline bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

inline std::string utc(const Event& e) {
    return e.time ? format_rfc3339(*e.time) : "untimed";
}

} // namespace casefile::logs::testing
