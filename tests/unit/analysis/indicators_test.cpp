#include <gtest/gtest.h>

#include "analysis/analyze.hpp"

namespace casefile::analysis {
namespace {

using namespace casefile::model;

const ioc::Extractor& extractor() {
    static const ioc::Extractor e = *ioc::Extractor::create();
    return e;
}

Case base_case() {
    Case c;
    c.alert.ticket_id = "IR-1";
    c.alert.title = "T";
    c.alert.observed_at = *parse_time("2025-11-11T13:42:18Z");
    return c;
}

const CaseIndicator* find(const Analysis& a, IndicatorType type, std::string_view value) {
    for (const auto& i : a.indicators) {
        if (i.type == type && i.value == value) {
            return &i;
        }
    }
    return nullptr;
}

TEST(Analyze, ListedFirstThenFoundWithProvenance) {
    Case c = base_case();
    c.indicators.push_back({IndicatorType::domain, "EVIL-CDN[.]net", "payload host", "", {}});
    c.logs.push_back(
        RawLog{LogKind::proxy, "", "", "GET https://evil-cdn.net/a.ps1\n", "", {}, {}, false});
    c.summary = "Payload came from evil-cdn[.]net and 203.0.113.9 was not involved.";
    const Analysis a = analyze(c, extractor());
    ASSERT_GE(a.indicators.size(), 2u);
    EXPECT_EQ(a.indicators[0].value, "evil-cdn.net"); // canonical: refanged, lower-cased
    EXPECT_TRUE(a.indicators[0].listed);
    EXPECT_EQ(a.indicators[0].note, "payload host");
    EXPECT_EQ(a.indicators[0].defanged, "evil-cdn[.]net");
    ASSERT_EQ(a.indicators[0].seen_in.size(), 2u);
    EXPECT_EQ(a.indicators[0].seen_in[1].label, "Final Summary");
    const CaseIndicator* url = find(a, IndicatorType::url, "https://evil-cdn.net/a.ps1");
    ASSERT_NE(url, nullptr);
    EXPECT_FALSE(url->listed);
    EXPECT_EQ(url->seen_in.at(0).label, "Proxy 1");
    for (const Diagnostic& d : a.findings) {
        EXPECT_NE(d.rule, "invalid-indicator") << d.to_string();
    }
}

TEST(Analyze, EntitiesAndCommonProgramsAreNotIndicators) {
    Case c = base_case();
    c.entities.users.push_back(User{"", "John", "", "", "j.smith@contoso.com", "", {}});
    c.alert.description = "user j.smith@contoso.com ran powershell.exe and dropped update.exe";
    const Analysis a = analyze(c, extractor());
    EXPECT_EQ(find(a, IndicatorType::email, "j.smith@contoso.com"), nullptr);
    EXPECT_EQ(find(a, IndicatorType::filename, "powershell.exe"), nullptr);
    EXPECT_NE(find(a, IndicatorType::filename, "update.exe"), nullptr);
}

TEST(Analyze, PrivateAddressesFoundInTextAreNotIndicators) {
    Case c = base_case();
    c.logs.push_back(RawLog{LogKind::firewall,
                            "",
                            "",
                            "ALLOW TCP 10.0.5.22:49823 -> 185.199.109.15:443",
                            "",
                            {},
                            {},
                            false});
    const Analysis a = analyze(c, extractor());
    EXPECT_EQ(find(a, IndicatorType::ipv4, "10.0.5.22"), nullptr);
    const CaseIndicator* ip = find(a, IndicatorType::ipv4, "185.199.109.15");
    ASSERT_NE(ip, nullptr);
    EXPECT_EQ(ip->classification, "public");
    EXPECT_FALSE(ip->warninglists.empty()); // GitHub's 185.199.108.0/22, built in
}

TEST(Analyze, InvalidListedValueIsAFindingAndKept) {
    Case c = base_case();
    c.indicators.push_back({IndicatorType::sha256, "abc123", "", "", {"case.yaml", 9, 5}});
    const Analysis a = analyze(c, extractor());
    ASSERT_EQ(a.findings.size(), 1u);
    EXPECT_EQ(a.findings[0].rule, "invalid-indicator");
    EXPECT_EQ(a.findings[0].where.line, 9);
    ASSERT_EQ(a.indicators.size(), 1u);
    EXPECT_EQ(a.indicators[0].value, "abc123");
}

TEST(Analyze, LinksAndScreenshotsAreReferencesNotIndicators) {
    Case c = base_case();
    OsintResult r;
    r.provider = "urlscan";
    r.links.push_back("https://urlscan.io/result/abc/");
    r.screenshot = Screenshot{"https://sandbox-screenshot.com/x.png", "", "shot"};
    c.osint.push_back(r);
    EXPECT_TRUE(analyze(c, extractor()).indicators.empty());
}

TEST(Analyze, ProvenanceKindsAndFirstSeen) {
    Case c = base_case();
    c.indicators.push_back({IndicatorType::ipv4, "45.33.32.156", "", "", {}});
    RawLog log{LogKind::firewall, "", "", "DENY 45.33.32.156:443\n", "", {}, {}, false};
    log.time = *parse_time("2025-11-11T13:40:00Z");
    c.logs.push_back(log);
    OsintResult vt;
    vt.provider = "VirusTotal";
    vt.subject = "45.33.32.156";
    TimeParseOptions date_only;
    date_only.allow_date_only = true;
    vt.first_seen = *parse_time("2025-11-10", date_only);
    vt.behaviours.push_back("contacts 185.220.101.5");
    c.osint.push_back(vt);
    const Analysis a = analyze(c, extractor());
    const CaseIndicator* ip = find(a, IndicatorType::ipv4, "45.33.32.156");
    ASSERT_NE(ip, nullptr);
    ASSERT_EQ(ip->seen_in.size(), 3u);
    EXPECT_EQ(ip->seen_in[0].kind, SourceKind::ioc_list);
    EXPECT_EQ(ip->seen_in[1].kind, SourceKind::log);
    EXPECT_EQ(ip->seen_in[2].kind, SourceKind::osint);
    EXPECT_FALSE(ip->seen_in[0].time);
    ASSERT_TRUE(ip->seen_in[1].time);
    EXPECT_EQ(format_time(*ip->seen_in[1].time), "2025-11-11T13:40:00Z");
    ASSERT_TRUE(ip->first_seen);
    EXPECT_EQ(format_time(*ip->first_seen), "2025-11-10"); // the earlier of log and OSINT
    // A value in an OSINT result's behaviours does not inherit the subject's first_seen.
    const CaseIndicator* other = find(a, IndicatorType::ipv4, "185.220.101.5");
    ASSERT_NE(other, nullptr);
    EXPECT_FALSE(other->first_seen);
}

} // namespace
} // namespace casefile::analysis
