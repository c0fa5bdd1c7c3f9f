#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/defender_fields.hpp"
#include "logs/parser.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

/// Defender XDR advanced-hunting results exported as CSV: a header row of column names
/// ("Timestamp" or "Timestamp [UTC]", DeviceName, ActionType, ...), then one row per event.
class DefenderCsvParser final : public LogParser {
public:
    std::string_view name() const override { return "defender-csv"; }
    std::string_view description() const override {
        return "Microsoft Defender XDR advanced hunting export (CSV with header row)";
    }

    int detect(std::string_view head, std::string_view) const override {
        const std::string_view first = head.substr(0, head.find('\n'));
        if (!detail::contains(first, "Timestamp") || !detail::contains(first, ",") ||
            detail::contains(first, "{")) {
            return 0;
        }
        return detail::defender_column_score(first) + 5;
    }

    void parse(ParseContext& ctx) const override {
        const std::string_view text = ctx.text();
        std::vector<std::string> header;
        size_t pos = 0;
        uint32_t line = 1;
        // Skip blank lines before the header.
        while (pos < text.size() && (text[pos] == '\n' || text[pos] == '\r')) {
            line += text[pos] == '\n' ? 1 : 0;
            ++pos;
        }
        size_t end = 0;
        if (!detail::split_csv_record(text, pos, ',', header, end)) {
            ctx.warn(line, "CSV header has an unclosed quote", "no rows can be read");
            return;
        }
        bool times_utc = false;
        for (std::string& h : header) {
            h = std::string(trim(h));
            const size_t bracket = h.find(" [");
            if (bracket != std::string::npos) {
                times_utc = times_utc || detail::contains(h, "[UTC]");
                h.resize(bracket);
            }
        }
        line = detail::line_at(text, end, pos, line);
        pos = end;
        const detail::KeyIndex& keys = detail::defender_keys();
        std::vector<std::string_view> values;
        std::vector<std::string> cells;
        while (pos < text.size()) {
            const size_t start = pos;
            const uint32_t start_line = line;
            const bool closed = detail::split_csv_record(text, pos, ',', cells, end);
            line = detail::line_at(text, end, start, line);
            pos = end;
            if (end == start) {
                break;
            }
            if (cells.size() == 1 && trim(cells[0]).empty()) {
                continue;
            }
            if (!closed) {
                ctx.warn(start_line, "CSV row has an unclosed quote", "the row is skipped");
                continue;
            }
            if (cells.size() != header.size()) {
                ctx.warn(start_line,
                         fmt::format("CSV row has {} columns, the header {}", cells.size(),
                                     header.size()),
                         "the row is skipped; a comma inside a value must be quoted");
                continue;
            }
            std::string_view raw = text.substr(start, end - start);
            while (!raw.empty() && (raw.back() == '\n' || raw.back() == '\r')) {
                raw.remove_suffix(1);
            }
            Event e = ctx.make_event(start_line, raw);
            e.fields.reserve(cells.size());
            for (size_t i = 0; i < cells.size(); ++i) {
                e.fields.emplace_back(header[i], std::move(cells[i]));
            }
            keys.collect(e.fields, values);
            detail::map_defender_row(ctx, e, values, times_utc);
            ctx.emit(e);
        }
    }
};

} // namespace

const LogParser& defender_csv_parser() {
    static const DefenderCsvParser parser;
    return parser;
}

} // namespace casefile::logs
