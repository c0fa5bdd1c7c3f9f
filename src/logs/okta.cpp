#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/json_fields.hpp"
#include "logs/json_records.hpp"
#include "logs/parser.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

using detail::fill;

/// Okta System Log events (/api/v1/logs, Log Streaming): published, eventType, actor, client,
/// outcome, target[], displayMessage.
class OktaParser final : public LogParser {
public:
    std::string_view name() const override { return "okta"; }
    std::string_view description() const override { return "Okta System Log (JSON)"; }

    int detect(std::string_view head, std::string_view) const override {
        using detail::contains;
        if (!detail::starts_json(head)) {
            return 0;
        }
        return contains(head, "\"eventType\"") && contains(head, "\"actor\"") &&
                       (contains(head, "\"displayMessage\"") || contains(head, "\"published\""))
                   ? 90
                   : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::for_each_json_record(ctx, [](ParseContext& ctx, Event& e) {
            const detail::JsonView j(e);
            detail::set_json_time(ctx, e, j.get("published"), false);
            const std::string_view type = j.get("eventType");
            e.event_action.assign(type);
            if (starts_with_icase(type, "user.session") ||
                starts_with_icase(type, "user.authentication") ||
                starts_with_icase(type, "policy.evaluate_sign_on")) {
                e.event_category = "authentication";
            } else if (starts_with_icase(type, "user.") || starts_with_icase(type, "group.")) {
                e.event_category = "iam";
            }
            fill(e.user_id, j.get("actor.id"));
            detail::set_user(e, j.get({"actor.alternateId", "actor.displayName"}));
            fill(e.source_ip, j.get({"client.ipAddress", "request.ipChain.0.ip"}));
            fill(e.user_agent_original, j.get("client.userAgent.rawUserAgent"));
            const std::string_view result = j.get("outcome.result");
            if (equals_icase(result, "SUCCESS") || equals_icase(result, "ALLOW")) {
                e.event_outcome = "success";
            } else if (equals_icase(result, "FAILURE") || equals_icase(result, "DENY")) {
                e.event_outcome = "failure";
            } else if (!result.empty()) {
                e.event_outcome = to_lower(result);
            }
            const std::string_view reason = j.get("outcome.reason");
            const std::string_view target = j.get({"target.0.alternateId", "target.0.displayName"});
            e.message = fmt::format("{} ({}) by {}{}{}: {}{}", j.get("displayMessage"), type,
                                    e.user_name.empty() ? "?" : e.user_name,
                                    target.empty() ? "" : fmt::format(" on {}", target),
                                    e.source_ip.empty() ? "" : fmt::format(" from {}", e.source_ip),
                                    result, reason.empty() ? "" : fmt::format(" ({})", reason));
            ctx.emit(e);
        });
    }
};

} // namespace

const LogParser& okta_parser() {
    static const OktaParser parser;
    return parser;
}

} // namespace casefile::logs
