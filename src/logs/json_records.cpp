#include "logs/json_records.hpp"

#include <cstring>

#include <fmt/format.h>
#include <simdjson.h>

#include "core/text.hpp"
#include "logs/util.hpp"

namespace casefile::logs::detail {
namespace {

namespace od = simdjson::ondemand;

// Deeper nesting than this is kept as raw JSON text under its parent's name, which bounds the
// recursion for hostile input.
constexpr int kMaxDepth = 24;
constexpr size_t kMaxArrayItems = 256;

/// Appends fields, reusing the storage of entries a previous record left in the vector.
class FieldWriter {
public:
    explicit FieldWriter(Fields& fields) : fields_(fields) {}
    void add(std::string_view name, std::string_view value) {
        if (used_ < fields_.size()) {
            fields_[used_].first.assign(name);
            fields_[used_].second.assign(value);
        } else {
            fields_.emplace_back(name, value);
        }
        ++used_;
    }
    /// Drops entries beyond those written.
    void finish() { fields_.resize(used_); }

private:
    Fields& fields_;
    size_t used_ = 0;
};

using Out = FieldWriter;

simdjson::error_code flatten_value(od::value value, std::string& path, Out& out, int depth);

void push(Out& out, const std::string& path, std::string_view value) {
    out.add(path.empty() ? std::string_view("value") : std::string_view(path), value);
}

simdjson::error_code flatten_object(od::object obj, std::string& path, Out& out, int depth) {
    size_t count = 0;
    for (auto field_result : obj) {
        od::field field;
        if (auto err = std::move(field_result).get(field)) {
            return err;
        }
        std::string_view key;
        if (auto err = field.unescaped_key().get(key)) {
            return err;
        }
        const size_t old = path.size();
        if (!path.empty()) {
            path.push_back('.');
        }
        path.append(key);
        auto err = flatten_value(field.value(), path, out, depth + 1);
        path.resize(old);
        if (err) {
            return err;
        }
        ++count;
    }
    if (count == 0 && !path.empty()) {
        push(out, path, "{}");
    }
    return simdjson::SUCCESS;
}

simdjson::error_code flatten_array(od::array arr, std::string& path, Out& out, int depth) {
    size_t index = 0;
    for (auto item_result : arr) {
        od::value item;
        if (auto err = std::move(item_result).get(item)) {
            return err;
        }
        const size_t old = path.size();
        if (!path.empty()) {
            path.push_back('.');
        }
        path.append(std::to_string(index));
        simdjson::error_code err = simdjson::SUCCESS;
        if (index < kMaxArrayItems) {
            err = flatten_value(item, path, out, depth + 1);
        } else {
            // Long arrays keep their tail as raw JSON so nothing is lost.
            err = flatten_value(item, path, out, kMaxDepth);
        }
        path.resize(old);
        if (err) {
            return err;
        }
        ++index;
    }
    if (index == 0) {
        push(out, path, "[]");
    }
    return simdjson::SUCCESS;
}

simdjson::error_code flatten_value(od::value value, std::string& path, Out& out, int depth) {
    od::json_type type;
    if (auto err = value.type().get(type)) {
        return err;
    }
    switch (type) {
    case od::json_type::object: {
        od::object obj;
        if (auto err = value.get_object().get(obj)) {
            return err;
        }
        if (depth >= kMaxDepth) {
            std::string_view raw;
            if (auto err = obj.raw_json().get(raw)) {
                return err;
            }
            push(out, path, raw);
            return simdjson::SUCCESS;
        }
        return flatten_object(obj, path, out, depth);
    }
    case od::json_type::array: {
        od::array arr;
        if (auto err = value.get_array().get(arr)) {
            return err;
        }
        if (depth >= kMaxDepth) {
            std::string_view raw;
            if (auto err = arr.raw_json().get(raw)) {
                return err;
            }
            push(out, path, raw);
            return simdjson::SUCCESS;
        }
        return flatten_array(arr, path, out, depth);
    }
    case od::json_type::string: {
        std::string_view s;
        if (auto err = value.get_string().get(s)) {
            return err;
        }
        push(out, path, s);
        return simdjson::SUCCESS;
    }
    case od::json_type::boolean: {
        bool b = false;
        if (auto err = value.get_bool().get(b)) {
            return err;
        }
        push(out, path, b ? "true" : "false");
        return simdjson::SUCCESS;
    }
    case od::json_type::null: {
        bool is_null = false;
        if (auto err = value.is_null().get(is_null)) {
            return err;
        }
        push(out, path, "");
        return simdjson::SUCCESS;
    }
    case od::json_type::number: {
        const std::string_view raw = value.raw_json_token();
        // Validate the number, but keep it as written (ReportId, long ids, 1.0e3).
        double d = 0;
        if (auto err = value.get_double().get(d)) {
            return err;
        }
        push(out, path, trim(raw));
        return simdjson::SUCCESS;
    }
    }
    return simdjson::TAPE_ERROR;
}

using RecordFn = std::function<void(ParseContext&, Event&)>;

/// Reads the records of one text with its own simdjson parsers.
class Reader {
public:
    Reader(ParseContext& ctx, const RecordFn& fn) : ctx_(ctx), fn_(fn), text_(ctx.text()) {}

    void run();
    /// JSON Lines between byte offsets [begin, end) (whole lines), the first numbered `line`.
    void run_lines(size_t begin, size_t end, uint32_t line);

private:
    void record(size_t off, size_t len, uint32_t line);
    void flat(size_t off, size_t len, uint32_t line);
    bool expand_array(od::array arr, size_t base_off, uint32_t base_line);
    bool try_wrapper(size_t off, size_t len, uint32_t line);
    void run_documents(size_t pos, uint32_t line);

    // simdjson reads up to SIMDJSON_PADDING bytes past a record. Records followed by that much
    // text are parsed in place; only those near the end of the text are read from a padded
    // copy of that end (tail_), so a large file is never copied whole.
    [[nodiscard]] const char* data(size_t off, size_t len) {
        if (off + len + simdjson::SIMDJSON_PADDING <= text_.size() && off < tail_off_) {
            return text_.data() + off;
        }
        if (off < tail_off_) {
            tail_off_ = off;
            tail_ = simdjson::padded_string(text_.substr(off));
        }
        return tail_.data() + (off - tail_off_);
    }
    [[nodiscard]] size_t capacity(size_t off) const {
        return off >= tail_off_ ? tail_.size() + simdjson::SIMDJSON_PADDING - (off - tail_off_)
                                : text_.size() - off;
    }
    /// Offset in the text of a pointer into either buffer.
    [[nodiscard]] size_t offset_of(const char* p) const {
        if (tail_off_ != std::string_view::npos && p >= tail_.data() &&
            p <= tail_.data() + tail_.size()) {
            return tail_off_ + static_cast<size_t>(p - tail_.data());
        }
        return static_cast<size_t>(p - text_.data());
    }

    ParseContext& ctx_;
    const RecordFn& fn_;
    std::string_view text_;
    simdjson::padded_string tail_;
    size_t tail_off_ = std::string_view::npos;
    od::parser record_parser_;
    od::parser outer_parser_;
    std::string path_;
    Event event_;
};

void Reader::flat(size_t off, size_t len, uint32_t line) {
    // One event is refilled for every record: its strings keep their storage, which saves
    // most of the allocations on a large file.
    Event& e = event_;
    ctx_.reuse_event(e, line, text_.substr(off, len));
    FieldWriter out(e.fields);
    od::document doc;
    const char* json = data(off, len); // before capacity(), which depends on it
    auto err = record_parser_.iterate(json, len, capacity(off)).get(doc);
    od::object obj;
    if (!err) {
        err = doc.get_object().get(obj);
    }
    if (!err) {
        path_.clear();
        err = flatten_object(obj, path_, out, 0);
    }
    out.finish();
    if (!err && !doc.current_location().error()) {
        err = simdjson::TRAILING_CONTENT;
    }
    if (err) {
        ctx_.warn(line, fmt::format("malformed JSON record: {}", simdjson::error_message(err)),
                  "the record is skipped; the rest of the file is read");
        return;
    }
    fn_(ctx_, e);
}

bool Reader::expand_array(od::array arr, size_t base_off, uint32_t base_line) {
    size_t last_off = base_off;
    uint32_t last_line = base_line;
    for (auto item_result : arr) {
        od::value item;
        od::object obj;
        std::string_view raw;
        auto err = std::move(item_result).get(item);
        if (!err) {
            err = item.get_object().get(obj);
        }
        if (!err) {
            err = obj.raw_json().get(raw);
        }
        if (err) {
            ctx_.warn(last_line,
                      fmt::format("malformed JSON in the array after line {}: {}", last_line,
                                  simdjson::error_message(err)),
                      "records after this point in the array cannot be read");
            return false;
        }
        const size_t off = offset_of(raw.data());
        const uint32_t line = line_at(text_, off, last_off, last_line);
        last_off = off;
        last_line = line;
        flat(off, raw.size(), line);
    }
    return true;
}

bool Reader::try_wrapper(size_t off, size_t len, uint32_t line) {
    od::document doc;
    od::object obj;
    const char* json = data(off, len); // before capacity(), which depends on it
    auto err = outer_parser_.iterate(json, len, capacity(off)).get(doc);
    if (!err) {
        err = doc.get_object().get(obj);
    }
    if (err) {
        return false;
    }
    for (auto field_result : obj) {
        od::field field;
        std::string_view key;
        if (std::move(field_result).get(field) || field.unescaped_key().get(key)) {
            return false;
        }
        if (key == "Results" || key == "records" || key == "Records" || key == "value") {
            od::array arr;
            if (field.value().get_array().get(arr)) {
                return false;
            }
            expand_array(arr, off, line);
            return true;
        }
    }
    return false;
}

void Reader::record(size_t off, size_t len, uint32_t line) {
    const std::string_view view = text_.substr(off, len);
    if (view.front() == '[') {
        od::document doc;
        od::array arr;
        const char* json = data(off, len); // before capacity(), which depends on it
        auto err = outer_parser_.iterate(json, len, capacity(off)).get(doc);
        if (!err) {
            err = doc.get_array().get(arr);
        }
        if (err) {
            ctx_.warn(line, fmt::format("malformed JSON array: {}", simdjson::error_message(err)));
            return;
        }
        expand_array(arr, off, line);
        return;
    }
    const std::string_view key = first_json_key(view);
    if ((key == "Results" || key == "records" || key == "Records" || key == "value" ||
         key == "Schema" || key == "@odata.context") &&
        try_wrapper(off, len, line)) {
        return;
    }
    flat(off, len, line);
}

/// End of the JSON value starting at `pos` ('{' or '['), or npos when it is not closed.
/// For a top-level object, a '{' at the start of a line inside it means the object was cut
/// short and a new one begins there; `cut` then receives that offset.
size_t value_end(std::string_view text, size_t pos, size_t& cut) {
    int depth = 0;
    bool in_string = false;
    const bool top_object = text[pos] == '{';
    cut = std::string_view::npos;
    for (size_t i = pos; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            } else if (c == '\n') {
                in_string = false; // JSON strings cannot hold raw newlines
            }
            continue;
        }
        switch (c) {
        case '"':
            in_string = true;
            break;
        case '{':
        case '[':
            if (top_object && depth > 0 && c == '{' && i > 0 && text[i - 1] == '\n') {
                cut = i;
                return std::string_view::npos;
            }
            ++depth;
            break;
        case '}':
        case ']':
            --depth;
            if (depth == 0) {
                return i + 1;
            }
            break;
        default:
            break;
        }
    }
    return std::string_view::npos;
}

void Reader::run_lines(size_t begin, size_t end, uint32_t line) {
    LineCursor lines(text_.substr(0, end));
    std::string_view view;
    uint32_t number = 0;
    lines.seek(begin, line - 1);
    while (lines.next(view, number)) {
        const std::string_view t = trim(view);
        if (t.empty()) {
            continue;
        }
        const size_t off = static_cast<size_t>(t.data() - text_.data());
        if (t.front() != '{' && t.front() != '[') {
            ctx_.warn(number, "line is not a JSON object",
                      "each line of a JSON Lines file holds one object; this one is skipped");
            continue;
        }
        record(off, t.size(), number);
    }
}

void Reader::run_documents(size_t pos, uint32_t line) {
    while (pos < text_.size()) {
        const char c = text_[pos];
        if (c == ' ' || c == '\t' || c == '\r' || c == ',') {
            ++pos;
            continue;
        }
        if (c == '\n') {
            ++pos;
            ++line;
            continue;
        }
        if (c != '{' && c != '[') {
            ctx_.warn(line, "text outside a JSON value", "skipped up to the next line");
            const size_t nl = text_.find('\n', pos);
            if (nl == std::string_view::npos) {
                return;
            }
            pos = nl;
            continue;
        }
        size_t cut = std::string_view::npos;
        const size_t end = value_end(text_, pos, cut);
        if (end == std::string_view::npos) {
            ctx_.warn(line, "JSON value is not closed",
                      cut == std::string_view::npos
                          ? "the rest of the file is part of this broken value"
                          : "reading resumes at the next object");
            if (cut == std::string_view::npos) {
                return;
            }
            line = line_at(text_, cut, pos, line);
            pos = cut;
            continue;
        }
        record(pos, end - pos, line);
        line = line_at(text_, end, pos, line);
        pos = end;
    }
}

void Reader::run() {
    size_t pos = 0;
    uint32_t line = 1;
    while (pos < text_.size() &&
           (text_[pos] == ' ' || text_[pos] == '\t' || text_[pos] == '\r' || text_[pos] == '\n')) {
        if (text_[pos] == '\n') {
            ++line;
        }
        ++pos;
    }
    if (pos >= text_.size()) {
        return;
    }
    // JSON Lines when the first value closes on its own line; otherwise whole documents.
    size_t nl = text_.find('\n', pos);
    if (nl == std::string_view::npos) {
        nl = text_.size();
    }
    size_t cut = 0;
    const size_t end = (text_[pos] == '{' || text_[pos] == '[')
                           ? value_end(text_.substr(0, nl), pos, cut)
                           : std::string_view::npos;
    if (end != std::string_view::npos && trim(text_.substr(end, nl - end)).empty() &&
        text_.find_first_not_of(" \t\r\n", nl) != std::string_view::npos) {
        run_lines(0, text_.size(), 1);
        return;
    }
    run_documents(pos, line);
}

} // namespace

void for_each_json_record(ParseContext& ctx, const RecordFn& fn) {
    Reader reader(ctx, fn);
    reader.run();
}

std::string_view first_json_key(std::string_view text) {
    size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' ||
                               text[i] == '\n' || text[i] == '{')) {
        ++i;
    }
    if (i >= text.size() || text[i] != '"') {
        return {};
    }
    const size_t start = i + 1;
    const size_t end = text.find('"', start);
    if (end == std::string_view::npos || end - start > 64) {
        return {};
    }
    return text.substr(start, end - start);
}

KeyIndex::KeyIndex(std::initializer_list<std::string_view> names, bool ignore_case)
    : size_(names.size()), ignore_case_(ignore_case) {
    names_.reserve(names.size());
    for (const std::string_view n : names) {
        names_.push_back(ignore_case ? to_lower(n) : std::string(n));
    }
    for (size_t i = 0; i < names_.size(); ++i) {
        index_.emplace(names_[i], i);
    }
}

void KeyIndex::collect(const Fields& fields, std::vector<std::string_view>& values,
                       std::string_view strip_prefix) const {
    values.assign(size_, std::string_view{});
    std::string lowered;
    for (const auto& [name, value] : fields) {
        std::string_view key = name;
        if (!strip_prefix.empty() && key.size() > strip_prefix.size() &&
            key.substr(0, strip_prefix.size()) == strip_prefix) {
            key.remove_prefix(strip_prefix.size());
        }
        if (ignore_case_) {
            lowered = to_lower(key);
            key = lowered;
        }
        const auto it = index_.find(key);
        if (it != index_.end() && values[it->second].empty()) {
            values[it->second] = meaningful(value);
        }
    }
}

} // namespace casefile::logs::detail
