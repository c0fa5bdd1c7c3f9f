#include "model/yaml_writer.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/text.hpp"

namespace casefile::model::detail {
namespace {

bool has_control_chars(std::string_view s, bool allow_newline_and_tab) {
    return std::any_of(s.begin(), s.end(), [&](char c) {
        const auto u = static_cast<unsigned char>(c);
        if (allow_newline_and_tab && (c == '\n' || c == '\t')) {
            return false;
        }
        return u < 0x20 || u == 0x7F;
    });
}

/// The literal block for `s` ("|-\n  line\n"), indented at `indent`; empty when `s` cannot be
/// written as one that reads back exactly.
std::string literal_block(std::string_view s, int indent) {
    if (has_control_chars(s, true) || s.front() == ' ' || s.front() == '\t' || s.front() == '\n' ||
        trim(s).empty()) {
        return {};
    }
    size_t trailing = 0;
    while (trailing < s.size() && s[s.size() - 1 - trailing] == '\n') {
        ++trailing;
    }
    const char* chomp = trailing == 0 ? "-" : trailing == 1 ? "" : "+";
    std::string out = fmt::format("|{}\n", chomp);
    const std::string pad(static_cast<size_t>(indent), ' ');
    const std::string_view body = s.substr(0, s.size() - trailing);
    size_t start = 0;
    while (start <= body.size()) {
        size_t end = body.find('\n', start);
        if (end == std::string_view::npos) {
            end = body.size();
        }
        const std::string_view line = body.substr(start, end - start);
        out += line.empty() ? "" : pad;
        out += line;
        out += '\n';
        start = end + 1;
    }
    for (size_t i = 1; i < trailing; ++i) {
        out += '\n';
    }
    // Whitespace-only lines and the like can still confuse block indentation: verify.
    try {
        const YAML::Node back = YAML::Load("k: " + out);
        if (back["k"].Scalar() != s) {
            return {};
        }
    } catch (const YAML::Exception&) {
        return {};
    }
    return out;
}

} // namespace

bool is_plain_safe(std::string_view s) {
    if (s.empty() || s != trim(s) || has_control_chars(s, false)) {
        return false;
    }
    static constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
    if (kIndicators.find(s.front()) != std::string_view::npos) {
        return false;
    }
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos ||
        s.back() == ':') {
        return false;
    }
    // Words other YAML readers turn into booleans or null stay strings only when quoted.
    static constexpr std::array<std::string_view, 11> kSpecial = {
        "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n", ".nan"};
    const std::string lower = to_lower(s);
    return std::find(kSpecial.begin(), kSpecial.end(), lower) == kSpecial.end();
}

std::string double_quoted(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (u < 0x20 || u == 0x7F) {
                out += fmt::format("\\x{:02x}", u);
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

void YamlWriter::begin_line() {
    if (pending_item_) {
        out_ += std::string(static_cast<size_t>(indent_ - 2), ' ') + "- ";
        pending_item_ = false;
        return;
    }
    out_ += std::string(static_cast<size_t>(indent_), ' ');
}

void YamlWriter::value(std::string_view v, int content_indent) {
    if (v.find('\n') != std::string_view::npos) {
        const std::string block = literal_block(v, content_indent);
        if (!block.empty()) {
            out_ += " " + block;
            return;
        }
    }
    out_ += " ";
    out_ += is_plain_safe(v) ? std::string(v) : double_quoted(v);
    out_ += '\n';
}

void YamlWriter::field(std::string_view key, std::string_view v) {
    begin_line();
    out_ += key;
    out_ += ':';
    value(v, indent_ + 2);
}

void YamlWriter::list_field(std::string_view key, const std::vector<std::string>& items) {
    const bool flow = std::all_of(items.begin(), items.end(), [](const std::string& s) {
        return is_plain_safe(s) && s.find_first_of(",[]{}") == std::string::npos;
    });
    if (flow) {
        begin_line();
        out_ += fmt::format("{}: [{}]\n", key, join(items, ", "));
        return;
    }
    open_list(key);
    for (const auto& i : items) {
        item(i);
    }
    close();
}

void YamlWriter::open_map(std::string_view key) {
    begin_line();
    out_ += key;
    out_ += ":\n";
    indent_ += 2;
    steps_.push_back(2);
}

void YamlWriter::open_list(std::string_view key) {
    begin_line();
    out_ += key;
    out_ += ":\n";
    indent_ += 2;
    steps_.push_back(2);
}

void YamlWriter::open_item() {
    indent_ += 2;
    steps_.push_back(2);
    pending_item_ = true;
}

void YamlWriter::item(std::string_view v) {
    out_ += std::string(static_cast<size_t>(indent_), ' ') + "-";
    value(v, indent_ + 2);
}

void YamlWriter::close() {
    if (pending_item_) {
        // An item with no fields still has to appear, or the list would lose an entry.
        out_ += std::string(static_cast<size_t>(indent_ - 2), ' ') + "- {}\n";
    }
    if (!steps_.empty()) {
        indent_ -= steps_.back();
        steps_.pop_back();
    }
    pending_item_ = false;
}

} // namespace casefile::model::detail
