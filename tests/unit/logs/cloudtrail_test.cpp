#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(CloudTrail, RecordsFile) {
    const ParseResult r = parse_sample("cloudtrail", "records.json");
    ASSERT_EQ(r.events.size(), 2u);
    const Event& login = r.events[0];
    EXPECT_EQ(testing::utc(login), "2025-11-11T13:50:12Z");
    EXPECT_EQ(login.event_action, "ConsoleLogin");
    EXPECT_EQ(login.event_category, "authentication");
    EXPECT_EQ(login.event_outcome, "success");
    EXPECT_EQ(login.user_name, "j.smith");
    EXPECT_EQ(login.user_id, "arn:aws:iam::123456789012:user/j.smith");
    EXPECT_EQ(login.source_ip, "203.0.113.77");
    const Event& key = r.events[1];
    EXPECT_EQ(key.event_action, "CreateAccessKey");
    ASSERT_NE(key.field("requestParameters.userName"), nullptr);
    EXPECT_EQ(*key.field("requestParameters.userName"), "svc-backup");
    EXPECT_EQ(key.destination_domain, "iam.amazonaws.com");
}

TEST(CloudTrail, OneRecordPerLine) {
    const ParseResult r = parse_sample("cloudtrail", "lake-lines.jsonl");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].user_name, "OpsAdmin");
    EXPECT_EQ(r.events[1].event_outcome, "failure");
    EXPECT_EQ(r.events[1].source_domain, "ec2.amazonaws.com");
    EXPECT_TRUE(r.events[1].source_ip.empty());
}

TEST(CloudTrail, BrokenLineIsADiagnostic) {
    const ParseResult r = parse_sample("cloudtrail", "malformed.jsonl");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_EQ(r.events[1].event_action, "StopInstances");
}

} // namespace
} // namespace casefile::logs
