#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/parser.hpp"
#include "logs/util.hpp"
#include "logs/zeek_fields.hpp"

namespace casefile::logs {
namespace {

std::vector<std::string_view> split_on(std::string_view s, std::string_view sep) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (true) {
        const size_t at = s.find(sep, i);
        out.push_back(s.substr(i, at == std::string_view::npos ? std::string_view::npos : at - i));
        if (at == std::string_view::npos) {
            return out;
        }
        i = at + sep.size();
    }
}

/// "\x09" -> tab (Zeek writes its separator escaped in the #separator line).
char unescape_separator(std::string_view s) {
    if (s.size() == 4 && s[0] == '\\' && s[1] == 'x') {
        int v = 0;
        for (const char c : s.substr(2)) {
            const int d = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
            if (d < 0) {
                return '\t';
            }
            v = v * 16 + d;
        }
        return v > 0 ? static_cast<char>(v) : '\t';
    }
    return s.size() == 1 ? s[0] : '\t';
}

/// Zeek ASCII logs (TSV): "#separator \x09", "#path conn", "#fields ts uid id.orig_h ...",
/// "#unset_field -", "#empty_field (empty)", then one tab-separated row per record.
class ZeekTsvParser final : public LogParser {
public:
    std::string_view name() const override { return "zeek-tsv"; }
    std::string_view description() const override {
        return "Zeek conn/dns/http/ssl logs (TSV with #fields header)";
    }

    int detect(std::string_view head, std::string_view) const override {
        return detail::contains(head, "#separator") && detail::contains(head, "#fields") ? 95 : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::LineCursor lines(ctx.text());
        std::string_view line;
        uint32_t number = 0;
        char sep_char = '\t';
        std::string unset = "-";
        std::string empty = "(empty)";
        std::string path;
        std::vector<std::string> names;
        while (lines.next(line, number)) {
            if (line.empty()) {
                continue;
            }
            if (line.front() == '#') {
                const size_t space = line.find_first_of(" \t");
                const std::string_view key = line.substr(0, space);
                const std::string_view value =
                    space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
                if (key == "#separator") {
                    sep_char = unescape_separator(trim(value));
                } else if (key == "#unset_field") {
                    unset = std::string(value);
                } else if (key == "#empty_field") {
                    empty = std::string(value);
                } else if (key == "#path") {
                    path = std::string(trim(value));
                } else if (key == "#fields") {
                    names.clear();
                    for (const std::string_view n :
                         split_on(value, std::string_view(&sep_char, 1))) {
                        names.emplace_back(n);
                    }
                }
                continue;
            }
            if (names.empty()) {
                ctx.warn(number, "data line before the #fields header", "the line is skipped");
                continue;
            }
            const auto cells = split_on(line, std::string_view(&sep_char, 1));
            if (cells.size() != names.size()) {
                ctx.warn(
                    number,
                    fmt::format("row has {} values, #fields names {}", cells.size(), names.size()),
                    "the line is skipped");
                continue;
            }
            Event e = ctx.make_event(number, line);
            for (size_t i = 0; i < cells.size(); ++i) {
                const std::string_view v = cells[i];
                e.fields.emplace_back(names[i],
                                      v == unset || v == empty ? std::string() : std::string(v));
            }
            detail::map_zeek_record(ctx, e, path);
            ctx.emit(e);
        }
    }
};

} // namespace

const LogParser& zeek_tsv_parser() {
    static const ZeekTsvParser parser;
    return parser;
}

} // namespace casefile::logs
