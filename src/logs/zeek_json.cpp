#include "logs/json_fields.hpp"
#include "logs/json_records.hpp"
#include "logs/parser.hpp"
#include "logs/util.hpp"
#include "logs/zeek_fields.hpp"

namespace casefile::logs {
namespace {

/// Zeek logs written as JSON (LogAscii::use_json=T): conn, dns, http, ssl and others by their
/// connection id fields.
class ZeekJsonParser final : public LogParser {
public:
    std::string_view name() const override { return "zeek-json"; }
    std::string_view description() const override { return "Zeek conn/dns/http/ssl logs as JSON"; }

    int detect(std::string_view head, std::string_view) const override {
        return detail::starts_json(head) && detail::contains(head, "\"id.orig_h\"") ? 92 : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::for_each_json_record(ctx, [](ParseContext& ctx, Event& e) {
            detail::map_zeek_record(ctx, e, {});
            ctx.emit(e);
        });
    }
};

} // namespace

const LogParser& zeek_json_parser() {
    static const ZeekJsonParser parser;
    return parser;
}

} // namespace casefile::logs
