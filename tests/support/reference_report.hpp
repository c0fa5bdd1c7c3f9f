// What every Markdown rendering of the reference incident must show, whether it comes from the
// example case folder or from importing ../shared/reference/IR-2025-1142.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casefile::testing {

/// Lines of the reference report's facts (alert, entities, IoCs, actions, summaries, lessons),
/// as casefile writes them: defanged in prose, real list items.
[[nodiscard]] const std::vector<std::string_view>& reference_facts();

/// Asserts (gtest) that `report` has none of the reference report's form defects: fences follow
/// the content, no table rows pasted into the command block, no empty placeholders or
/// pseudo-bullets, one defang style, no live indicator or link outside code blocks.
void expect_no_reference_defects(const std::string& report);

} // namespace casefile::testing
