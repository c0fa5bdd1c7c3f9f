#include "logs/defender_fields.hpp"
#include "logs/parser.hpp"

namespace casefile::logs {
namespace {

/// Defender for Endpoint / Defender XDR advanced-hunting rows as JSON: one object, an array,
/// JSON Lines, the API result {"Schema":[..],"Results":[..]} and the streaming API / Event Hub
/// shape {"records":[{"time","category":"AdvancedHunting-<Table>","properties":{<row>}}]}.
class DefenderJsonParser final : public LogParser {
public:
    std::string_view name() const override { return "defender-json"; }
    std::string_view description() const override {
        return "Microsoft Defender for Endpoint / XDR advanced hunting rows (JSON, API, "
               "streaming)";
    }

    int detect(std::string_view head, std::string_view) const override {
        const size_t start = head.find_first_not_of(" \t\r\n");
        if (start == std::string_view::npos || (head[start] != '{' && head[start] != '[')) {
            return 0;
        }
        return detail::defender_column_score(head);
    }

    void parse(ParseContext& ctx) const override {
        std::vector<std::string_view> values;
        detail::for_each_json_record(ctx, [&values](ParseContext& part, Event& e) {
            // Streaming records nest the row under "properties".
            detail::defender_keys().collect(e.fields, values, "properties.");
            detail::map_defender_row(part, e, values, false);
            part.emit(e);
        });
    }
};

} // namespace

const LogParser& defender_json_parser() {
    static const DefenderJsonParser parser;
    return parser;
}

} // namespace casefile::logs
