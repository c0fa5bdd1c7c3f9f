#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "logs/parser.hpp"

namespace casefile::logs::detail {

using Fields = std::vector<std::pair<std::string, std::string>>;

/// Finds every JSON record in the context's text and hands it to `fn` as an Event whose line,
/// raw text and flattened fields are set. Accepts one object (pretty-printed or not),
/// concatenated objects, an array of objects, JSON Lines, and wrappers whose array holds the
/// rows: {"Results":[..]} (Defender API), {"records":[..]} (Azure Event Hub / diagnostic
/// settings), {"Records":[..]} (CloudTrail), {"value":[..]} (Microsoft Graph). A malformed
/// record becomes a diagnostic and the next one is read.
/// `fn` gets the context to use for times, diagnostics and emit.
void for_each_json_record(ParseContext& ctx, const std::function<void(ParseContext&, Event&)>& fn);

/// The name of the first key of the JSON object starting at `text`, or "" (cheap, no parse).
[[nodiscard]] std::string_view first_json_key(std::string_view text);

/// Maps field names to small integers once, so a record's fields are looked up in one pass.
class KeyIndex {
public:
    KeyIndex(std::initializer_list<std::string_view> names, bool ignore_case = false);

    [[nodiscard]] size_t size() const { return size_; }

    /// Sets values[i] to the first meaningful value of the field named names[i] ("" when
    /// absent). Field names starting with `strip_prefix` are looked up without it.
    void collect(const Fields& fields, std::vector<std::string_view>& values,
                 std::string_view strip_prefix = {}) const;

private:
    std::vector<std::string> names_;
    std::unordered_map<std::string_view, size_t> index_;
    size_t size_ = 0;
    bool ignore_case_ = false;
};

} // namespace casefile::logs::detail
