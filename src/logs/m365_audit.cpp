#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/json_fields.hpp"
#include "logs/json_records.hpp"
#include "logs/parser.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

using detail::fill;

/// "1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443", "2001:db8::1" -> the address alone.
std::string_view client_address(std::string_view v) {
    if (!v.empty() && v.front() == '[') {
        return v.substr(1, v.find(']') - 1);
    }
    const size_t colon = v.find(':');
    if (colon != std::string_view::npos && colon == v.rfind(':') &&
        v.find('.') != std::string_view::npos) {
        return v.substr(0, colon);
    }
    return v;
}

/// Microsoft 365 unified audit log records (Office 365 Management Activity API, Purview audit
/// search JSON): CreationTime (UTC, no zone), Operation, Workload, UserId, ClientIP, ...
class M365AuditParser final : public LogParser {
public:
    std::string_view name() const override { return "m365-audit"; }
    std::string_view description() const override {
        return "Microsoft 365 unified audit log (Management Activity API / Purview JSON)";
    }

    int detect(std::string_view head, std::string_view) const override {
        if (!detail::starts_json(head)) {
            return 0;
        }
        using detail::contains;
        const bool op = contains(head, "\"Operation\"");
        if (op && contains(head, "\"Workload\"") && contains(head, "\"RecordType\"")) {
            return 90;
        }
        return op && contains(head, "\"CreationTime\"") ? 70 : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::for_each_json_record(ctx, [](ParseContext& ctx, Event& e) {
            const detail::JsonView j(e);
            // The Management Activity API documents CreationTime as UTC, written without 'Z'.
            detail::set_json_time(ctx, e, j.get({"CreationTime", "CreationDate"}), true);
            e.event_action.assign(j.get("Operation"));
            fill(e.event_category, j.get("Workload"));
            detail::set_user(e, j.get({"UserId", "MailboxOwnerUPN", "UserIds"}));
            fill(e.user_id, j.get("UserKey"));
            fill(e.source_ip,
                 client_address(j.get({"ClientIP", "ClientIPAddress", "ActorIpAddress"})));
            fill(e.user_agent_original, j.get({"UserAgent", "ClientInfoString"}));
            const std::string_view result = j.get({"ResultStatus", "Status"});
            if (!result.empty()) {
                e.event_outcome =
                    equals_icase(result, "Succeeded") || equals_icase(result, "Success") ||
                            equals_icase(result, "True")
                        ? "success"
                    : equals_icase(result, "Failed") || equals_icase(result, "Failure") ||
                            equals_icase(result, "False")
                        ? "failure"
                        : std::string(result);
            }
            const std::string_view object = j.get("ObjectId");
            if (starts_with_icase(object, "http://") || starts_with_icase(object, "https://")) {
                e.url_full.assign(object);
            }
            fill(e.file_name, j.get("SourceFileName"));
            fill(e.email_subject, j.get({"Item.Subject", "Subject"}));
            fill(e.email_from, j.get({"Item.Sender", "Sender"}));
            e.event_code.assign(j.get("RecordType"));
            e.message = fmt::format("{} {} by {}{}", j.get("Workload"), e.event_action,
                                    e.user_name.empty() ? "?" : e.user_name,
                                    e.source_ip.empty() ? "" : " from " + e.source_ip);
            if (!object.empty()) {
                e.message += fmt::format(" on {}", object.substr(0, 160));
            }
            ctx.emit(e);
        });
    }
};

} // namespace

const LogParser& m365_audit_parser() {
    static const M365AuditParser parser;
    return parser;
}

} // namespace casefile::logs
