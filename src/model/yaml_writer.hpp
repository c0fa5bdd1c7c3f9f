// A small YAML writer for case.yaml's fixed shape. yaml-cpp's emitter cannot write chomping
// indicators, so multi-line text would not read back exactly; this writer chooses plain,
// literal-block or double-quoted style per value and checks the literal ones.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casefile::model::detail {

class YamlWriter {
public:
    /// "key: value", with the value in the safest readable style.
    void field(std::string_view key, std::string_view value);
    /// "key: [a, b]" when every item is simple, else a block list.
    void list_field(std::string_view key, const std::vector<std::string>& items);
    /// "key:" followed by an indented mapping; close() ends it.
    void open_map(std::string_view key);
    /// "key:" followed by "- " items; close() ends it.
    void open_list(std::string_view key);
    /// A "- " list item holding a mapping; close() ends it.
    void open_item();
    /// A "- value" list item.
    void item(std::string_view value);
    void close();

    [[nodiscard]] const std::string& text() const { return out_; }

private:
    void begin_line();
    /// Writes a value that follows "key:" or "-" at `content_indent` for block scalars.
    void value(std::string_view value, int content_indent);

    std::string out_;
    int indent_ = 0;
    bool pending_item_ = false;
    std::vector<int> steps_;
};

/// True when `s` can be written without quotes and reads back as the same string.
[[nodiscard]] bool is_plain_safe(std::string_view s);

/// `s` as a YAML double-quoted scalar.
[[nodiscard]] std::string double_quoted(std::string_view s);

} // namespace casefile::model::detail
