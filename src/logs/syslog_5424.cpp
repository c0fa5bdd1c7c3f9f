#include "core/text.hpp"
#include "logs/parser.hpp"
#include "logs/syslog_common.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

/// Adds "[id k="v" ...]" structured data as fields named "id.k".
void add_structured_data(Event& e, std::string_view sd) {
    size_t i = 0;
    while (i < sd.size() && sd[i] == '[') {
        size_t j = i + 1;
        while (j < sd.size() && sd[j] != ' ' && sd[j] != ']') {
            ++j;
        }
        const std::string id(sd.substr(i + 1, j - i - 1));
        while (j < sd.size() && sd[j] != ']') {
            while (j < sd.size() && sd[j] == ' ') {
                ++j;
            }
            const size_t eq = sd.find('=', j);
            if (eq == std::string_view::npos || eq + 1 >= sd.size() || sd[eq + 1] != '"') {
                break;
            }
            const std::string name = id + "." + std::string(sd.substr(j, eq - j));
            std::string value;
            size_t k = eq + 2;
            while (k < sd.size() && sd[k] != '"') {
                if (sd[k] == '\\' && k + 1 < sd.size()) {
                    ++k;
                }
                value.push_back(sd[k]);
                ++k;
            }
            e.fields.emplace_back(name, std::move(value));
            j = k + 1;
        }
        i = sd.find('[', j);
        if (i == std::string_view::npos) {
            break;
        }
    }
}

/// IETF syslog (RFC 5424): "<165>1 2025-11-11T13:42:20.003Z host app 812 ID47 [sd] message".
class Syslog5424Parser final : public LogParser {
public:
    std::string_view name() const override { return "syslog-5424"; }
    std::string_view description() const override {
        return "IETF syslog (RFC 5424) with structured data";
    }

    int detect(std::string_view head, std::string_view) const override {
        const std::string_view first = trim(head.substr(0, head.find('\n')));
        const auto h = detail::parse_syslog_header(first);
        return h && h->rfc5424 ? 70 : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::LineCursor lines(ctx.text());
        std::string_view line;
        uint32_t number = 0;
        while (lines.next(line, number)) {
            const std::string_view t = trim(line);
            if (t.empty()) {
                continue;
            }
            const auto h = detail::parse_syslog_header(t);
            if (!h || !h->rfc5424) {
                ctx.warn(number, "not an RFC 5424 syslog line",
                         "expected '<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MESSAGE'");
                continue;
            }
            Event e = ctx.make_event(number, t);
            detail::map_syslog_message(ctx, e, *h, number);
            add_structured_data(e, h->structured_data);
            ctx.emit(e);
        }
    }
};

} // namespace

const LogParser& syslog_5424_parser() {
    static const Syslog5424Parser parser;
    return parser;
}

} // namespace casefile::logs
