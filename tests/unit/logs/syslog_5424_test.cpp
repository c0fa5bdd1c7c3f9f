#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(Syslog5424, StructuredData) {
    const ParseResult r = parse_sample("syslog-5424", "structured.log");
    ASSERT_EQ(r.events.size(), 3u);
    const Event& e = r.events[0];
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:42:20.003Z");
    EXPECT_EQ(e.host_name, "fw01.contoso.local");
    EXPECT_EQ(e.process_name, "firewalld");
    ASSERT_NE(e.field("conn@32473.dst"), nullptr);
    EXPECT_EQ(*e.field("conn@32473.dst"), "185.199.109.15");
    EXPECT_EQ(*e.field("syslog.msgid"), "TRAFFIC");
    EXPECT_EQ(testing::utc(r.events[1]), "2025-11-11T13:45:12Z");
    EXPECT_EQ(r.events[1].event_outcome, "failure");
    EXPECT_FALSE(r.events[2].time.has_value()); // NILVALUE time
}

TEST(Syslog5424, ForwardedAuthMessages) {
    const ParseResult r = parse_sample("syslog-5424", "rsyslog-forwarded.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].user_name, "deploy");
    EXPECT_EQ(r.events[0].source_ip, "10.0.5.22");
    EXPECT_EQ(r.events[1].process_command_line, "/usr/bin/id");
    EXPECT_EQ(*r.events[1].field("meta.sequenceId"), "29");
}

TEST(Syslog5424, UnterminatedStructuredDataIsADiagnostic) {
    const ParseResult r = parse_sample("syslog-5424", "malformed.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_EQ(r.events[1].message, "app: third message");
}

} // namespace
} // namespace casefile::logs
