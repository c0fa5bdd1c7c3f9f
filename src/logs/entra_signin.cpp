#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/json_fields.hpp"
#include "logs/json_records.hpp"
#include "logs/parser.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

using detail::fill;

/// Microsoft Entra ID (Azure AD) sign-in logs: Graph API signIn objects ({"value":[..]}),
/// diagnostic-settings / Event Hub records ({"records":[{"time","category":"SignInLogs",
/// "properties":{..}}]}) and Sentinel SigninLogs rows (PascalCase).
class EntraSigninParser final : public LogParser {
public:
    std::string_view name() const override { return "entra-signin"; }
    std::string_view description() const override {
        return "Microsoft Entra ID sign-in logs (Graph API, diagnostic settings, Sentinel)";
    }

    int detect(std::string_view head, std::string_view) const override {
        if (!detail::starts_json(head)) {
            return 0;
        }
        using detail::contains;
        if (contains(head, "SignInLogs\"")) {
            return 93;
        }
        const bool upn =
            contains(head, "\"userPrincipalName\"") || contains(head, "\"UserPrincipalName\"");
        const bool signin =
            contains(head, "\"appDisplayName\"") || contains(head, "\"conditionalAccessStatus\"") ||
            contains(head, "\"AppDisplayName\"") || contains(head, "\"ConditionalAccessStatus\"");
        return upn && signin ? 90 : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::for_each_json_record(ctx, [](ParseContext& ctx, Event& e) {
            const detail::JsonView j(e);
            detail::set_json_time(
                ctx, e, j.get({"createdDateTime", "CreatedDateTime", "time", "TimeGenerated"}),
                false);
            e.event_category = "authentication";
            e.event_action = "sign-in";
            fill(e.user_id, j.get({"userId", "UserId"}));
            detail::set_user(e, j.get({"userPrincipalName", "UserPrincipalName", "identity"}));
            fill(e.source_ip, j.get({"ipAddress", "IPAddress", "callerIpAddress"}));
            fill(e.host_name, j.get({"deviceDetail.displayName", "DeviceDetail.displayName"}));
            fill(e.user_agent_original, j.get({"userAgent", "UserAgent"}));
            std::string_view code =
                j.get({"status.errorCode", "Status.errorCode", "ResultType", "resultType"});
            fill(e.event_code, code);
            if (!code.empty()) {
                e.event_outcome = code == "0" ? "success" : "failure";
            }
            const std::string_view app = j.get({"appDisplayName", "AppDisplayName"});
            const std::string_view reason =
                j.get({"status.failureReason", "ResultDescription", "resultDescription"});
            fill(e.rule_name, j.get({"appliedConditionalAccessPolicies.0.displayName"}));
            const std::string_view city = j.get({"location.city", "LocationDetails.city"});
            const std::string_view country =
                j.get({"location.countryOrRegion", "Location", "LocationDetails.countryOrRegion"});
            e.message = fmt::format(
                "sign-in {} to {} from {}{}: {}", e.user_name.empty() ? e.user_id : e.user_name,
                app.empty() ? "?" : app, e.source_ip.empty() ? "?" : e.source_ip,
                country.empty() ? std::string()
                                : fmt::format(" ({}{}{})", city, city.empty() ? "" : ", ", country),
                e.event_outcome == "success"
                    ? std::string("success")
                    : fmt::format("failure {}{}{}", code, reason.empty() ? "" : " ", reason));
            ctx.emit(e);
        });
    }
};

} // namespace

const LogParser& entra_signin_parser() {
    static const EntraSigninParser parser;
    return parser;
}

} // namespace casefile::logs
