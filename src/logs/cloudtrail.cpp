#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/json_fields.hpp"
#include "logs/json_records.hpp"
#include "logs/parser.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

using detail::fill;

bool is_ip(std::string_view v) {
    return !v.empty() &&
           v.find_first_not_of("0123456789.:abcdefABCDEF") == std::string_view::npos &&
           (v.find('.') != std::string_view::npos || v.find(':') != std::string_view::npos);
}

/// AWS CloudTrail: delivered files {"Records":[..]} and one record per line (CloudTrail Lake,
/// EventBridge, SIEM exports).
class CloudTrailParser final : public LogParser {
public:
    std::string_view name() const override { return "cloudtrail"; }
    std::string_view description() const override {
        return "AWS CloudTrail ({\"Records\":[..]} files or one record per line)";
    }

    int detect(std::string_view head, std::string_view) const override {
        using detail::contains;
        if (!detail::starts_json(head)) {
            return 0;
        }
        return contains(head, "\"eventSource\"") &&
                       (contains(head, "\"awsRegion\"") || contains(head, "\"eventVersion\""))
                   ? 93
                   : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::for_each_json_record(ctx, [](ParseContext& ctx, Event& e) {
            const detail::JsonView j(e);
            detail::set_json_time(ctx, e, j.get("eventTime"), false);
            e.event_action.assign(j.get("eventName"));
            e.event_category = "cloud";
            const std::string_view user = j.get(
                {"userIdentity.userName", "userIdentity.sessionContext.sessionIssuer.userName",
                 "additionalEventData.UserName"});
            const std::string_view arn = j.get("userIdentity.arn");
            if (!user.empty()) {
                detail::set_user(e, user);
            } else if (!arn.empty()) {
                detail::set_user(e, detail::base_name(arn));
            } else {
                detail::set_user(e, j.get("userIdentity.type"));
            }
            fill(e.user_id, arn);
            fill(e.user_id, j.get("userIdentity.principalId"));
            const std::string_view source = j.get("sourceIPAddress");
            if (is_ip(source)) {
                e.source_ip.assign(source);
            } else {
                fill(e.source_domain, source);
            }
            fill(e.user_agent_original, j.get("userAgent"));
            fill(e.destination_domain, j.get("tlsDetails.clientProvidedHostHeader"));
            const std::string_view error = j.get("errorCode");
            const std::string_view login = j.get("responseElements.ConsoleLogin");
            if (!error.empty() || login == "Failure") {
                e.event_outcome = "failure";
            } else {
                e.event_outcome = "success";
            }
            if (e.event_action == "ConsoleLogin") {
                e.event_category = "authentication";
            }
            e.message = fmt::format("{} {} by {}{}{}", j.get("eventSource"), e.event_action,
                                    arn.empty() ? e.user_name : arn,
                                    source.empty() ? "" : fmt::format(" from {}", source),
                                    error.empty() ? "" : fmt::format(" failed: {}", error));
            ctx.emit(e);
        });
    }
};

} // namespace

const LogParser& cloudtrail_parser() {
    static const CloudTrailParser parser;
    return parser;
}

} // namespace casefile::logs
