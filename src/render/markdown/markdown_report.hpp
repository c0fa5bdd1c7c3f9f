// render: turns a Case and its Analysis into documents people read (Markdown now; HTML and PDF
// build on the same sections). Renderers never compute findings; they only lay out and escape.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "analysis/analysis.hpp"
#include "model/case.hpp"

namespace casefile::render {

struct RenderOptions {
    /// Rewrites prose so every indicator in it reads defanged; identity when unset.
    std::function<std::string(std::string_view)> defang_prose;
};

/// The investigation report in the reference layout (docs/report-layout.md): the same
/// sections in the same order, evidence in <details> blocks numbered within their group,
/// indicators defanged outside code blocks, and empty sections said in words.
[[nodiscard]] std::string render_markdown(const model::Case& c, const analysis::Analysis& a,
                                          const RenderOptions& options = {});

} // namespace casefile::render
