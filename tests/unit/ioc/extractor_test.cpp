#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ioc/extractor.hpp"

namespace casefile::ioc {
namespace {

using model::IndicatorType;

const Extractor& extractor() {
    static const Extractor ex = *Extractor::create();
    return ex;
}

/// type name -> canonical values found in `text`.
std::map<std::string, std::set<std::string>> found(std::string_view text,
                                                   ExtractOptions options = {}) {
    std::map<std::string, std::set<std::string>> out;
    extractor().scan(text, options, [&](const Match& m) {
        out[std::string(model::to_string(m.type))].insert(m.value);
    });
    return out;
}

std::set<std::string> of(std::string_view text, IndicatorType type, ExtractOptions options = {}) {
    return found(text, options)[std::string(model::to_string(type))];
}

TEST(Extract, EveryTypeWithItsCanonicalForm) {
    const std::string text =
        "C2 185.199.109.15:443 and [2606:4700:4700::1111]:53, beacon to "
        "hxxps[:]//CDN-Dropbox[.]IO/assets/finance_report_update.ps1 from "
        "J.Smith[@]Contoso[.]com; sha256 "
        "6F24D69D1C9151E379A7DC45686B8EA624A7F9DC13BFC2A45C9EE5E99BDFC123 md5 "
        "9e107d9d372bb6826bd81d3542a419d6 sha1 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 "
        "CVE-2021-44228 T1059.001 TA0011 M1036 AS13335 mac 00-16-3E-12-34-56 "
        "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run written by "
        "C:\\Users\\Public\\update.exe, dropped /tmp/.x/loader.sh and payload.dll; ransom "
        "1HB5XMLmzFVj8ALj6mfBsbifRoD4miY36v; ssdeep "
        "96:ukILJhn54RewghSib4xGEHVLFNs+4tihJW6jJenUQrsIvpMMjUg:uk0Jx54usxJHh4gJrJenUQrs2pvIg "
        "imphash 18ddf28a71089acdbab5038f58044c0a ja3 e7d705a3286e19ea42f587b344ee6865\n";
    auto f = found(text);
    EXPECT_EQ(f["ipv4"], std::set<std::string>{"185.199.109.15"});
    EXPECT_EQ(f["ipv6"], std::set<std::string>{"2606:4700:4700::1111"});
    EXPECT_EQ(f["url"],
              std::set<std::string>{"https://cdn-dropbox.io/assets/finance_report_update.ps1"});
    EXPECT_EQ(f["email"], std::set<std::string>{"J.Smith@contoso.com"});
    EXPECT_EQ(f["sha256"], std::set<std::string>{
                               "6f24d69d1c9151e379a7dc45686b8ea624a7f9dc13bfc2a45c9ee5e99bdfc123"});
    EXPECT_EQ(f["md5"], std::set<std::string>{"9e107d9d372bb6826bd81d3542a419d6"});
    EXPECT_EQ(f["sha1"], std::set<std::string>{"2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"});
    EXPECT_EQ(f["cve"], std::set<std::string>{"CVE-2021-44228"});
    EXPECT_EQ(f["attack_technique"], std::set<std::string>{"T1059.001"});
    EXPECT_EQ(f["attack_tactic"], std::set<std::string>{"TA0011"});
    EXPECT_EQ(f["attack_mitigation"], std::set<std::string>{"M1036"});
    EXPECT_EQ(f["asn"], std::set<std::string>{"AS13335"});
    EXPECT_EQ(f["mac"], std::set<std::string>{"00:16:3e:12:34:56"});
    EXPECT_EQ(f["registry_key"],
              std::set<std::string>{"HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"});
    EXPECT_EQ(f["file_path"],
              (std::set<std::string>{"C:\\Users\\Public\\update.exe", "/tmp/.x/loader.sh"}));
    EXPECT_EQ(f["filename"], std::set<std::string>{"payload.dll"});
    EXPECT_EQ(f["btc"], std::set<std::string>{"1HB5XMLmzFVj8ALj6mfBsbifRoD4miY36v"});
    EXPECT_EQ(f["ssdeep"].size(), 1u);
    EXPECT_EQ(f["imphash"], std::set<std::string>{"18ddf28a71089acdbab5038f58044c0a"});
    EXPECT_EQ(f["ja3"], std::set<std::string>{"e7d705a3286e19ea42f587b344ee6865"});
    EXPECT_TRUE(f["domain"].empty()) << "hosts of URLs and emails only when asked";
}

TEST(Extract, UrlSchemesSeenInAttacks) {
    const auto urls = of("ftp://files.evil.com/a sftp://evil.com/b smb://evil.com/share "
                         "ws://evil.com/ws wss://evil.com:8443/ws file:///C:/x/y.hta "
                         "\\\\evil-host.example.com\\share\\payload.dll "
                         "\\\\185.10.10.10\\webdav\\x.lnk",
                         IndicatorType::url);
    EXPECT_EQ(urls, (std::set<std::string>{"ftp://files.evil.com/a", "sftp://evil.com/b",
                                           "smb://evil.com/share", "ws://evil.com/ws",
                                           "wss://evil.com:8443/ws", "file:///C:/x/y.hta",
                                           "file://evil-host.example.com/share/payload.dll",
                                           "file://185.10.10.10/webdav/x.lnk"}));
    EXPECT_EQ(of("copy x \\\\FILESRV02\\c$\\temp", IndicatorType::file_path),
              std::set<std::string>{"\\\\FILESRV02\\c$\\temp"})
        << "a NetBIOS host is a path, not a URL";
}

TEST(Extract, UrlsAreNormalised) {
    EXPECT_EQ(of("HTTP://Evil.COM:80/A%2fb%7Ec?q=1#f", IndicatorType::url),
              std::set<std::string>{"http://evil.com/A%2Fb%7Ec?q=1#f"});
    EXPECT_EQ(of("https://evil.com", IndicatorType::url),
              std::set<std::string>{"https://evil.com/"});
    EXPECT_EQ(of("http://[2001:DB8::0001]:8080/x", IndicatorType::url),
              std::set<std::string>{"http://[2001:db8::1]:8080/x"});
    EXPECT_EQ(of("(see https://en.wikipedia.org/wiki/Foo_(bar)).", IndicatorType::url),
              std::set<std::string>{"https://en.wikipedia.org/wiki/Foo_(bar)"});
    EXPECT_EQ(of("$u='https://evil.com/a';$b='x'", IndicatorType::url),
              std::set<std::string>{"https://evil.com/a"});
    EXPECT_EQ(of("url,status\nhttps://evil.com/a,200", IndicatorType::url),
              std::set<std::string>{"https://evil.com/a"});
    EXPECT_EQ(of("http%3A%2F%2Fevil%2Ecom%2Fwhite%2Ehta", IndicatorType::url),
              std::set<std::string>{"http://evil.com/white.hta"});
}

TEST(Extract, FileNamesAreNotDomains) {
    const auto f = found("update.exe powershell.exe finance_report_update.ps1 abc.zip evil.mov");
    EXPECT_TRUE(f.count("domain") == 0 || f.at("domain").empty());
    EXPECT_EQ(f.at("filename"),
              (std::set<std::string>{"update.exe", "powershell.exe", "finance_report_update.ps1",
                                     "abc.zip", "evil.mov"}));
}

TEST(Extract, AmbiguousTldsNeedContext) {
    EXPECT_EQ(of("evil[.]zip", IndicatorType::domain), std::set<std::string>{"evil.zip"});
    EXPECT_EQ(of("\"domain\":\"evil.mov\"", IndicatorType::domain),
              std::set<std::string>{"evil.mov"});
    EXPECT_EQ(of("www.evil.zip", IndicatorType::domain), std::set<std::string>{"www.evil.zip"});
    EXPECT_EQ(of("cdn.evil.top", IndicatorType::domain), std::set<std::string>{"cdn.evil.top"});
    EXPECT_EQ(of("http://evil.zip/x", IndicatorType::url),
              std::set<std::string>{"http://evil.zip/x"});
    EXPECT_EQ(of("ops@evil.zip", IndicatorType::email), std::set<std::string>{"ops@evil.zip"});
    EXPECT_EQ(of("cdn-dropbox.io", IndicatorType::domain), std::set<std::string>{"cdn-dropbox.io"})
        << ".io is a TLD and no common extension";
    EXPECT_TRUE(of("abc.zip", IndicatorType::domain).empty());
}

TEST(Extract, VersionsTimestampsAndOidsAreNotAddresses) {
    const auto f =
        found("Mozilla/5.0 Chrome/124.0.0.0 Safari/537.36 version 1.2.3.4 build 10.0.19041.1 "
              "2024-05-03T10:20:30.123Z 12:34:56 1.3.6.1.4.1.311.21.8 OID 2.5.29.17 1.2.3.4.5 "
              "1.1.1.1000 256.1.1.1 1714694400.123 v1.2.3.4",
              {.types = {}, .include_private = true, .domains_from_urls_and_emails = false});
    EXPECT_TRUE(f.count("ipv4") == 0 || f.at("ipv4").empty());
    EXPECT_TRUE(f.count("ipv6") == 0 || f.at("ipv6").empty());
    EXPECT_EQ(of("HIER_DIRECT/93.184.216.34 ip=93.184.216.35", IndicatorType::ipv4),
              (std::set<std::string>{"93.184.216.34", "93.184.216.35"}));
}

// The scanner takes a shortcut for four short digit runs; whatever follows the last one, the
// result must be what the general name reader decides.
TEST(Extract, WhatFollowsADottedQuadDecidesAsForAnyName) {
    const ExtractOptions all{
        .types = {}, .include_private = true, .domains_from_urls_and_emails = false};
    // One address per case, so that each case shows in the result on its own.
    const auto f = found("a 8.8.8.8 b 8.8.8.1-x 8.8.8.2_x 8.8.8.3.x 8.8.8.4. end user@9.9.9.9 "
                         "1.2.3.1234 1234.2.3.4 8.8.4.4/24 8.8.4.5/33 8.8.4.6:53 8.8.8.5\\x "
                         "9.9.9.8\xc3\xbc x1.2.3.4 -1.2.3.5 _1.2.3.6 1.1.1.1,1.0.0.1;9.9.9.10",
                         all);
    EXPECT_EQ(f.at("ipv4"), (std::set<std::string>{"8.8.8.8", "8.8.8.4", "8.8.4.4/24", "8.8.4.5",
                                                   "8.8.4.6", "8.8.8.5", "1.2.3.5", "1.2.3.6",
                                                   "1.1.1.1", "1.0.0.1", "9.9.9.10"}));
    EXPECT_EQ(f.at("email"), (std::set<std::string>{"user@9.9.9.9"}));
}

TEST(Extract, HexInsideLongerHexIsNoHash) {
    const std::string sha256 = "01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b";
    const auto f = found("x" + sha256 + "x " + sha256 + "ab 0x" + sha256.substr(0, 40) +
                         " 12345678901234567890123456789012");
    EXPECT_TRUE(f.empty()) << f.begin()->first;
    EXPECT_EQ(of("GUID 25cf5d02-e50b-4288-870a-528d56c3cf6e", IndicatorType::md5).size(), 0u);
    EXPECT_EQ(of("file " + sha256 + ".exe", IndicatorType::sha256).size(), 1u);
}

TEST(Extract, HostsOfUrlsAndEmailsOnRequest) {
    const std::string text = "https://login.evil.com/x and ops@mail.evil.org and "
                             "http://93.184.216.34/y";
    EXPECT_TRUE(of(text, IndicatorType::domain).empty());
    EXPECT_TRUE(of(text, IndicatorType::ipv4).empty());
    ExtractOptions o;
    o.domains_from_urls_and_emails = true;
    EXPECT_EQ(of(text, IndicatorType::domain, o),
              (std::set<std::string>{"login.evil.com", "mail.evil.org"}));
    EXPECT_EQ(of(text, IndicatorType::ipv4, o), std::set<std::string>{"93.184.216.34"});
}

TEST(Extract, PrivateAddressesOnlyOnRequest) {
    const std::string text = "10.0.5.22 172.16.5.13 192.168.1.1 127.0.0.1 169.254.1.1 "
                             "100.64.1.1 192.0.2.1 224.0.0.1 240.0.0.1 fe80::1 fd00::1 ::1 "
                             "8.8.8.8 2606:4700:4700::1111";
    EXPECT_EQ(of(text, IndicatorType::ipv4), std::set<std::string>{"8.8.8.8"});
    EXPECT_EQ(of(text, IndicatorType::ipv6), std::set<std::string>{"2606:4700:4700::1111"});
    ExtractOptions o;
    o.include_private = true;
    EXPECT_EQ(of(text, IndicatorType::ipv4, o).size(), 10u);
    EXPECT_EQ(of(text, IndicatorType::ipv6, o).size(), 4u);
    EXPECT_EQ(of("block 185.199.108.0/22 and 10.0.0.0/8", IndicatorType::ipv4),
              std::set<std::string>{"185.199.108.0/22"});
}

TEST(Extract, TypeFilterStillConsumesLongerSpans) {
    ExtractOptions o;
    o.types = {IndicatorType::domain};
    EXPECT_TRUE(of("https://evil.com/x", IndicatorType::domain, o).empty())
        << "a URL is not reported as the domain inside it";
    o.types = {IndicatorType::ipv4};
    EXPECT_EQ(found("8.8.8.8 evil.com", o).size(), 1u);
}

TEST(Extract, OccurrencesPointAtTheOriginalText) {
    const std::string text = "first line\n  see hxxps[:]//evil[.]com/x and evil[.]org\n";
    std::vector<Match> matches;
    extractor().scan(text, {}, [&](const Match& m) { matches.push_back(m); });
    ASSERT_EQ(matches.size(), 2u);
    EXPECT_EQ(text.substr(matches[0].offset, matches[0].length), "hxxps[:]//evil[.]com/x");
    EXPECT_TRUE(matches[0].was_defanged);
    EXPECT_EQ(text.substr(matches[1].offset, matches[1].length), "evil[.]org");
    EXPECT_LT(matches[0].offset, matches[1].offset);
    const auto indicators = extractor().extract(text);
    ASSERT_EQ(indicators.size(), 2u);
    const Indicator& domain =
        indicators[0].type == IndicatorType::domain ? indicators[0] : indicators[1];
    ASSERT_EQ(domain.occurrences.size(), 1u);
    EXPECT_EQ(domain.occurrences[0].line, 2u);
    EXPECT_EQ(domain.occurrences[0].column, text.find("evil[.]org") - text.find('\n'));
    EXPECT_EQ(domain.defanged, "evil[.]org");
}

TEST(Extract, SortsByTypeThenValue) {
    const auto indicators = extractor().extract("zeta.com alpha.com 9.9.9.9 1.1.1.1 zeta.com");
    ASSERT_EQ(indicators.size(), 4u);
    EXPECT_EQ(indicators[0].value, "1.1.1.1");
    EXPECT_EQ(indicators[1].value, "9.9.9.9");
    EXPECT_EQ(indicators[2].value, "alpha.com");
    EXPECT_EQ(indicators[3].value, "zeta.com");
    EXPECT_EQ(indicators[3].occurrences.size(), 2u);
}

TEST(Extract, AggregatesOccurrencesInOrder) {
    const auto indicators = extractor().extract("a 8.8.8.8\nb 8[.]8[.]8[.]8\nc evil.com 8.8.8.8");
    ASSERT_EQ(indicators.size(), 2u);
    EXPECT_EQ(indicators[0].type, IndicatorType::ipv4) << "sorted by type";
    ASSERT_EQ(indicators[0].occurrences.size(), 3u);
    EXPECT_EQ(indicators[0].occurrences[0].line, 1u);
    EXPECT_EQ(indicators[0].occurrences[1].line, 2u);
    EXPECT_EQ(indicators[0].occurrences[1].length, 13u);
    EXPECT_EQ(indicators[0].occurrences[2].line, 3u);
    EXPECT_EQ(indicators[0].ip_class, IpClass::public_address);
    EXPECT_FALSE(indicators[0].warninglists.empty()) << "8.8.8.8 is a public resolver";
}

TEST(Classify, NamesTheBuiltInFacts) {
    const Indicator gh = extractor().classify(IndicatorType::ipv4, "185.199.109.15");
    EXPECT_EQ(gh.ip_class, IpClass::public_address);
    ASSERT_EQ(gh.warninglists.size(), 1u);
    EXPECT_NE(gh.warninglists[0].find("GitHub"), std::string::npos);
    EXPECT_EQ(gh.defanged, "185[.]199[.]109[.]15");
    const Indicator priv = extractor().classify(IndicatorType::ipv4, "10.1.2.3");
    EXPECT_EQ(priv.ip_class, IpClass::private_address);
    EXPECT_FALSE(priv.warninglists.empty());
    const Indicator ex = extractor().classify(IndicatorType::domain, "www.example.com");
    EXPECT_FALSE(ex.ip_class);
    EXPECT_FALSE(ex.warninglists.empty()) << "RFC 2606 name";
    EXPECT_TRUE(extractor().classify(IndicatorType::domain, "cdn-dropbox.io").warninglists.empty());
}

TEST(Canonicalize, HandEnteredValues) {
    const auto ok = [](IndicatorType t, const char* raw) {
        auto r = extractor().canonicalize(t, raw);
        EXPECT_TRUE(r) << raw << ": " << (r ? "" : r.error().to_string());
        return r ? *r : std::string();
    };
    EXPECT_EQ(ok(IndicatorType::url, " hxxps[:]//CDN-Dropbox[.]io/x "), "https://cdn-dropbox.io/x");
    EXPECT_EQ(ok(IndicatorType::url, "evil.com/gate.php"), "http://evil.com/gate.php");
    EXPECT_EQ(ok(IndicatorType::domain, "Evil[.]ZIP"), "evil.zip") << "the type settles it";
    EXPECT_EQ(ok(IndicatorType::ipv4, "010.0.0.1"), "10.0.0.1");
    EXPECT_EQ(ok(IndicatorType::ipv4, "185.199.108.0/22"), "185.199.108.0/22");
    EXPECT_EQ(ok(IndicatorType::ipv6, "[2001:0DB8::0001]"), "2001:db8::1");
    EXPECT_EQ(ok(IndicatorType::email, "j.smith(at)contoso(dot)com"), "j.smith@contoso.com");
    EXPECT_EQ(ok(IndicatorType::sha256,
                 "6F24D69D1C9151E379A7DC45686B8EA624A7F9DC13BFC2A45C9EE5E99BDFC123"),
              "6f24d69d1c9151e379a7dc45686b8ea624a7f9dc13bfc2a45c9ee5e99bdfc123");
    EXPECT_EQ(ok(IndicatorType::asn, "asn 13335"), "AS13335");
    EXPECT_EQ(ok(IndicatorType::mac, "AA-BB-CC-DD-EE-FF"), "aa:bb:cc:dd:ee:ff");
    EXPECT_EQ(ok(IndicatorType::cve, "cve-2024-3400"), "CVE-2024-3400");
    EXPECT_EQ(ok(IndicatorType::filename, "update.exe"), "update.exe");
    EXPECT_EQ(ok(IndicatorType::email_subject, "  Updated Finance Forecast Q4 2025 "),
              "Updated Finance Forecast Q4 2025");
    for (const auto& [type, raw] :
         std::vector<std::pair<IndicatorType, const char*>>{{IndicatorType::ipv4, "256.1.1.1"},
                                                            {IndicatorType::domain, "update.exe"},
                                                            {IndicatorType::md5, "xyz"},
                                                            {IndicatorType::url, "not a url"},
                                                            {IndicatorType::cve, "CVE-24-1"},
                                                            {IndicatorType::email, "a@b"},
                                                            {IndicatorType::ipv4, ""}}) {
        auto r = extractor().canonicalize(type, raw);
        ASSERT_FALSE(r) << raw;
        EXPECT_EQ(r.error().code, ErrorCode::bad_input);
    }
    auto bad = extractor().canonicalize(IndicatorType::ipv4, "999.1.1.1");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("999.1.1.1"), std::string::npos);
    EXPECT_NE(bad.error().hint.find("203.0.113.10"), std::string::npos);
}

TEST(DefangText, OneStyleForEveryNetworkIndicator) {
    const std::string prose = "Beacon to https://cdn-dropbox.io/x (hxxps[://]cdn-dropbox[.]io/x),"
                              " mail j.smith@contoso.com, IP 185.199.109.15 via 10.0.5.22, "
                              "hash 9e107d9d372bb6826bd81d3542a419d6.";
    EXPECT_EQ(defang_text(prose, extractor()),
              "Beacon to hxxps://cdn-dropbox[.]io/x (hxxps://cdn-dropbox[.]io/x), mail "
              "j.smith[@]contoso[.]com, IP 185[.]199[.]109[.]15 via 10.0.5.22, hash "
              "9e107d9d372bb6826bd81d3542a419d6.");
    EXPECT_EQ(defang_text("no indicators here", extractor()), "no indicators here");
}

TEST(Extract, PathologicalInputsStayCorrect) {
    // Shapes behind the anchors' catastrophic backtracking reports (ioc-extractor #334, #373,
    // iocextract #52); their running time is the ctest timeout's business, not this test's.
    std::string dots;
    for (int i = 0; i < 20000; ++i) {
        dots += "a.";
    }
    EXPECT_TRUE(found(dots + "@").empty() || true);
    EXPECT_EQ(of(dots + "com", IndicatorType::domain).size(), 0u) << "name over 253 bytes";
    const std::string run(40000, 'a');
    EXPECT_TRUE(found(run + "@" + run + ".").empty());
    std::string slashes = "http:" + std::string(30000, '\\') + "x";
    EXPECT_TRUE(of(slashes, IndicatorType::url).empty());
    std::string brackets;
    for (int i = 0; i < 10000; ++i) {
        brackets += "1[.(";
    }
    EXPECT_TRUE(of(brackets, IndicatorType::ipv4).empty());
    std::string colons;
    for (int i = 0; i < 10000; ++i) {
        colons += "ab:";
    }
    EXPECT_TRUE(of(colons, IndicatorType::ipv6).empty());
    EXPECT_TRUE(of(colons, IndicatorType::mac).empty());
}

} // namespace
} // namespace casefile::ioc
