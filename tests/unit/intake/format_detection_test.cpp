// Format detection: every sample is recognised as its own format, unknown JSON gets a message
// that lists the formats and shows a mapping, and --source forces a format.
#include <gtest/gtest.h>

#include "intake_samples.hpp"

namespace casefile::intake {
namespace {

using namespace testing;

TEST(FormatDetection, EverySampleIsItsOwnFormat) {
    const std::vector<std::pair<const char*, const char*>> samples = {
        {"defender-endpoint/ir-2025-1142.json", "defender-endpoint"},
        {"defender-endpoint/credential-dumping.json", "defender-endpoint"},
        {"defender-endpoint/missing-fields.json", "defender-endpoint"},
        {"graph-alert/ir-2025-1142.json", "graph-alert"},
        {"graph-alert/phishing-mdo.json", "graph-alert"},
        {"graph-alert/missing-fields.json", "graph-alert"},
        {"sentinel-incident/incident-1142.json", "sentinel-incident"},
        {"sentinel-incident/incident-2077-cli.json", "sentinel-incident"},
        {"sentinel-incident/missing-fields.json", "sentinel-incident"},
        {"splunk-notable/notable-results.json", "splunk-notable"},
        {"splunk-notable/notable-orig-fields.json", "splunk-notable"},
        {"splunk-notable/missing-fields.json", "splunk-notable"},
        {"crowdstrike-detection/detection-powershell.json", "crowdstrike-detection"},
        {"crowdstrike-detection/detection-mimikatz.json", "crowdstrike-detection"},
        {"crowdstrike-detection/missing-fields.json", "crowdstrike-detection"},
        {"crowdstrike-alert/alert-powershell.json", "crowdstrike-alert"},
        {"crowdstrike-alert/alert-lateral.json", "crowdstrike-alert"},
        {"crowdstrike-alert/missing-fields.json", "crowdstrike-alert"},
        {"elastic-alert/alert-source.json", "elastic-alert"},
        {"elastic-alert/missing-fields.json", "elastic-alert"},
    };
    for (const auto& [file, format] : samples) {
        auto in = read_sample(file);
        ASSERT_TRUE(in) << file << ": " << in.error().to_string();
        EXPECT_EQ(in->format, format) << file;
    }
}

TEST(FormatDetection, UnknownJsonListsTheFormatsAndShowsAMapping) {
    auto in = read_sample("malformed/unknown-product.json");
    ASSERT_FALSE(in);
    EXPECT_EQ(in.error().code, ErrorCode::bad_input);
    EXPECT_NE(in.error().message.find("cannot tell which product"), std::string::npos);
    for (const FormatInfo& f : known_formats()) {
        EXPECT_NE(in.error().hint.find(std::string(f.name)), std::string::npos) << f.name;
    }
    EXPECT_NE(in.error().hint.find("--mapping FILE"), std::string::npos);
    EXPECT_NE(in.error().hint.find("schema: casefile-mapping/1"), std::string::npos);
    EXPECT_NE(in.error().hint.find("alert.title: /rule/name"), std::string::npos);
}

TEST(FormatDetection, SourceForcesAFormat) {
    IntakeOptions options;
    options.format = "elastic-alert";
    auto in = read_sample("defender-endpoint/ir-2025-1142.json", options);
    ASSERT_TRUE(in) << in.error().to_string();
    EXPECT_EQ(in->format, "elastic-alert");
    EXPECT_FALSE(in->ok()); // none of Elastic's fields are there, and nothing is made up
    EXPECT_TRUE(in->value.indicators.empty());

    IntakeOptions unknown;
    unknown.format = "qradar-offense";
    auto bad = read_sample("defender-endpoint/ir-2025-1142.json", unknown);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::bad_usage);
    EXPECT_EQ(bad.error().message, "unknown alert format 'qradar-offense'");
    EXPECT_NE(bad.error().hint.find("graph-alert"), std::string::npos);
}

TEST(FormatDetection, KnownFormatsDescribeThemselves) {
    const auto formats = known_formats();
    ASSERT_EQ(formats.size(), 7U);
    for (const FormatInfo& f : formats) {
        EXPECT_FALSE(f.product.empty()) << f.name;
        EXPECT_FALSE(f.input.empty()) << f.name;
    }
}

} // namespace
} // namespace casefile::intake
