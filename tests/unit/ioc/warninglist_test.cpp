#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "ioc/extractor.hpp"
#include "ioc/warninglist.hpp"

namespace casefile::ioc {
namespace {

using model::IndicatorType;

const char* kLists = CASEFILE_SHARED_DIR "/reference-data/misp-warninglists";

const Warninglists& reference() {
    static const Warninglists lists = [] {
        std::vector<Diagnostic> notes;
        auto loaded = Warninglists::load_directory(kLists, &notes);
        EXPECT_TRUE(loaded) << (loaded ? "" : loaded.error().to_string());
        EXPECT_TRUE(notes.empty()) << notes.front().to_string();
        return std::move(*loaded);
    }();
    return lists;
}

bool has(const std::vector<std::string>& names, std::string_view needle) {
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& n) { return n.find(needle) != std::string::npos; });
}

TEST(Warninglists, LoadsTheReferenceLists) {
    const auto lists = reference().lists();
    EXPECT_EQ(lists.size(), 45u);
    const auto github = std::find_if(lists.begin(), lists.end(), [](const WarninglistInfo& l) {
        return l.name.find("GitHub") != std::string::npos;
    });
    ASSERT_NE(github, lists.end());
    EXPECT_EQ(github->type, "cidr");
    EXPECT_GT(github->entries, 5000u);
}

TEST(Warninglists, CidrListsMatchAddressesInTheirPrefixes) {
    EXPECT_TRUE(has(reference().lookup(IndicatorType::ipv4, "185.199.109.15"), "GitHub"));
    EXPECT_TRUE(has(reference().lookup(IndicatorType::ipv4, "10.0.5.22"), "1918"));
    EXPECT_TRUE(has(reference().lookup(IndicatorType::ipv4, "8.8.8.8"), "DNS"));
    EXPECT_TRUE(has(reference().lookup(IndicatorType::ipv6, "2001:4860:4860::8888"), "DNS"));
    EXPECT_TRUE(reference().lookup(IndicatorType::ipv4, "45.9.148.3").empty() ||
                !has(reference().lookup(IndicatorType::ipv4, "45.9.148.3"), "GitHub"));
    EXPECT_TRUE(has(reference().lookup(IndicatorType::ipv4, "185.199.108.0/22"), "GitHub"))
        << "a CIDR indicator is matched by its network";
}

TEST(Warninglists, StringHostnameAndSubstringLists) {
    // empty-hashes (string, hashes): the MD5 of nothing.
    EXPECT_FALSE(
        reference().lookup(IndicatorType::md5, "d41d8cd98f00b204e9800998ecf8427e").empty());
    EXPECT_FALSE(reference().lookup(IndicatorType::md5, "D41D8CD98F00B204E9800998ECF8427E").empty())
        << "case is ignored";
    // url-shortener (hostname, applies to urls): the URL's host is used.
    EXPECT_TRUE(has(reference().lookup(IndicatorType::url, "https://bit.ly/3xYz"), "hortener"));
    // hostname lists match parent domains.
    EXPECT_FALSE(reference().lookup(IndicatorType::domain, "foo.bar.bit.ly").empty());
    // substring list (automated-malware-analysis).
    const auto sandbox = reference().lookup(IndicatorType::domain, "x.malwr.com");
    EXPECT_FALSE(sandbox.empty());
}

TEST(Warninglists, HostnameEntriesMatchThemselvesAndTheirSubdomainsOnly) {
    Warninglists lists;
    ASSERT_TRUE(lists.add_list_json(
        R"({"name": "hosts", "type": "hostname", "matching_attributes": ["domain", "url", "email"],
            "list": ["cdn.example.net.", "*.tracker.org", "."]})",
        "inline"));
    const std::vector<std::string> hit{"hosts"};
    EXPECT_EQ(lists.lookup(IndicatorType::domain, "cdn.example.net"), hit);
    EXPECT_EQ(lists.lookup(IndicatorType::domain, "a.b.cdn.example.net"), hit);
    EXPECT_EQ(lists.lookup(IndicatorType::domain, "tracker.org"), hit);
    EXPECT_EQ(lists.lookup(IndicatorType::url, "https://x.tracker.org/p?q=Upper"), hit);
    EXPECT_EQ(lists.lookup(IndicatorType::email, "Bob@mail.tracker.org"), hit);
    EXPECT_EQ(lists.lookup(IndicatorType::domain, "CDN.Example.NET"), hit) << "case is ignored";
    // A parent of an entry, a sibling, and a name that only ends in the same letters are not in
    // the list, although "example.net" and "net" lead to an entry.
    EXPECT_TRUE(lists.lookup(IndicatorType::domain, "example.net").empty());
    EXPECT_TRUE(lists.lookup(IndicatorType::domain, "net").empty());
    EXPECT_TRUE(lists.lookup(IndicatorType::domain, "img.example.net").empty());
    EXPECT_TRUE(lists.lookup(IndicatorType::domain, "mycdn.example.net").empty());
    EXPECT_TRUE(lists.lookup(IndicatorType::domain, "cdn.example.net.evil.com").empty());
    EXPECT_EQ(lists.lists()[0].entries, 3u);
}

TEST(Warninglists, CidrRangesCoverTheirFirstAndLastAddressesOnly) {
    Warninglists lists;
    ASSERT_TRUE(lists.add_list_json(
        R"({"name": "wide", "type": "cidr",
            "list": ["10.0.0.0/8", "0.0.0.0/32", "255.255.255.255", "172.16.0.0/12"]})",
        "inline"));
    ASSERT_TRUE(lists.add_list_json(
        R"({"name": "narrow", "type": "cidr", "list": ["10.200.7.0/24"]})", "inline"));
    const std::vector<std::string> wide{"wide"};
    const std::vector<std::string> both{"wide", "narrow"};
    EXPECT_EQ(lists.lookup(IndicatorType::ipv4, "10.0.0.0"), wide);
    EXPECT_EQ(lists.lookup(IndicatorType::ipv4, "10.200.6.255"), wide);
    EXPECT_EQ(lists.lookup(IndicatorType::ipv4, "10.200.7.0"), both);
    EXPECT_EQ(lists.lookup(IndicatorType::ipv4, "10.200.7.255"), both);
    EXPECT_EQ(lists.lookup(IndicatorType::ipv4, "10.201.0.1"), wide);
    EXPECT_EQ(lists.lookup(IndicatorType::ipv4, "10.255.255.255"), wide);
    EXPECT_EQ(lists.lookup(IndicatorType::ipv4, "172.31.255.255"), wide);
    EXPECT_EQ(lists.lookup(IndicatorType::ipv4, "0.0.0.0"), wide);
    EXPECT_EQ(lists.lookup(IndicatorType::ipv4, "255.255.255.255"), wide);
    EXPECT_TRUE(lists.lookup(IndicatorType::ipv4, "9.255.255.255").empty());
    EXPECT_TRUE(lists.lookup(IndicatorType::ipv4, "11.0.0.0").empty());
    EXPECT_TRUE(lists.lookup(IndicatorType::ipv4, "172.32.0.0").empty());
    EXPECT_TRUE(lists.lookup(IndicatorType::ipv4, "0.0.0.1").empty());
    EXPECT_TRUE(lists.lookup(IndicatorType::ipv4, "255.255.255.254").empty());
}

TEST(Warninglists, SubstringListsMatchAnywhereInTheirTypes) {
    Warninglists lists;
    ASSERT_TRUE(lists.add_list_json(
        R"({"name": "sandboxes", "type": "substring", "matching_attributes": ["domain"],
            "list": ["Sandbox", "detonate"]})",
        "inline"));
    ASSERT_TRUE(lists.add_list_json(
        R"({"name": "everything", "type": "substring", "list": ["box"]})", "inline"));
    const std::vector<std::string> both{"sandboxes", "everything"};
    EXPECT_EQ(lists.lookup(IndicatorType::domain, "eu.sandbox.vendor.com"), both);
    EXPECT_EQ(lists.lookup(IndicatorType::domain, "detonate-1.example.org"),
              std::vector<std::string>{"sandboxes"});
    EXPECT_EQ(lists.lookup(IndicatorType::url, "https://x.example/SANDBOX"),
              std::vector<std::string>{"everything"})
        << "the first list does not apply to URLs";
    EXPECT_TRUE(lists.lookup(IndicatorType::domain, "sand.example.org").empty());
}

TEST(Warninglists, MatchingAttributesScopeEachList) {
    // The MD5 of nothing is on a hash list, which does not apply to domains or file names.
    EXPECT_TRUE(
        reference().lookup(IndicatorType::domain, "d41d8cd98f00b204e9800998ecf8427e").empty());
    // 8.8.8.8 as a string does not make a domain "8.8.8.8" a resolver hit.
    EXPECT_FALSE(has(reference().lookup(IndicatorType::cve, "8.8.8.8"), "DNS"));
}

TEST(Warninglists, RegexListsAndErrors) {
    Warninglists lists;
    ASSERT_TRUE(lists.add_list_json(
        R"({"name": "test regex", "type": "regex", "matching_attributes": ["domain"],
            "list": ["^cdn[0-9]+\\.example\\.net$", "/^UPPER\\./i", "(unclosed"]})",
        "inline"));
    EXPECT_EQ(lists.lookup(IndicatorType::domain, "cdn42.example.net"),
              std::vector<std::string>{"test regex"});
    EXPECT_EQ(lists.lookup(IndicatorType::domain, "upper.example.org"),
              std::vector<std::string>{"test regex"});
    EXPECT_TRUE(lists.lookup(IndicatorType::domain, "cdn.example.net").empty());
    EXPECT_TRUE(lists.lookup(IndicatorType::url, "http://cdn42.example.net/").empty());
    EXPECT_EQ(lists.lists()[0].entries, 2u) << "the unreadable pattern is left out";

    auto bad = lists.add_list_json("{not json", "bad.json");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("bad.json"), std::string::npos);
    auto wrong = lists.add_list_json(R"({"name": "x", "type": "weird", "list": []})", "w.json");
    ASSERT_FALSE(wrong);
    EXPECT_NE(wrong.error().message.find("weird"), std::string::npos);
    auto missing = Warninglists::load_directory("/nonexistent/lists", nullptr);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

TEST(Warninglists, BuiltInFactsApplyWithoutADirectory) {
    const Warninglists lists = Warninglists::builtin();
    EXPECT_TRUE(has(lists.lookup(IndicatorType::ipv4, "185.199.109.15"), "GitHub"));
    EXPECT_TRUE(has(lists.lookup(IndicatorType::ipv4, "1.1.1.1"), "DNS"));
    EXPECT_TRUE(has(lists.lookup(IndicatorType::ipv6, "2606:4700:4700::1111"), "DNS"));
    EXPECT_TRUE(has(lists.lookup(IndicatorType::ipv4, "104.16.1.1"), "Cloudflare"));
    EXPECT_TRUE(has(lists.lookup(IndicatorType::ipv4, "192.168.1.1"), "special-purpose"));
    EXPECT_TRUE(has(lists.lookup(IndicatorType::domain, "dns.google"), "DNS"));
    EXPECT_TRUE(has(lists.lookup(IndicatorType::url, "http://www.example.com/x"), "RFC 2606"));
    EXPECT_TRUE(lists.lookup(IndicatorType::ipv4, "45.9.148.3").empty());
    EXPECT_TRUE(lists.lookup(IndicatorType::sha256, "185.199.109.15").empty());
}

TEST(Warninglists, ExtractorUsesTheConfiguredDirectory) {
    ExtractorConfig config;
    config.warninglist_dir = kLists;
    auto ex = Extractor::create(config);
    ASSERT_TRUE(ex) << ex.error().to_string();
    const auto ind = ex->classify(IndicatorType::ipv4, "185.199.109.15");
    EXPECT_TRUE(has(ind.warninglists, "GitHub"));
    EXPECT_FALSE(has(ind.warninglists, "casefile:")) << "built-ins give way to the lists";
    config.warninglist_dir = "/nonexistent";
    auto bad = Extractor::create(config);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("/nonexistent"), std::string::npos);
}

TEST(Warninglists, SingleAddressEntryCoversOnlyThatAddress) {
    // A bare address is a /32; it once covered the whole IPv4 space (a shift by 32).
    Warninglists lists;
    ASSERT_TRUE(lists.add_list_json(
        R"({"name": "resolvers", "type": "cidr", "list": ["8.8.8.8", "2001:4860:4860::8888"]})",
        "test"));
    const auto on = [&](IndicatorType t, std::string_view v) {
        return !lists.lookup(t, v).empty();
    };
    EXPECT_TRUE(on(IndicatorType::ipv4, "8.8.8.8"));
    EXPECT_FALSE(on(IndicatorType::ipv4, "8.8.8.9"));
    EXPECT_FALSE(on(IndicatorType::ipv4, "185.199.109.15"));
    EXPECT_TRUE(on(IndicatorType::ipv6, "2001:4860:4860::8888"));
    EXPECT_FALSE(on(IndicatorType::ipv6, "2001:4860:4860::8844"));
}

TEST(Warninglists, BuiltinListsNameOnlyTheRightRange) {
    const Warninglists lists = Warninglists::builtin();
    const auto names = lists.lookup(IndicatorType::ipv4, "185.199.109.15");
    ASSERT_EQ(names.size(), 1u);
    EXPECT_EQ(names[0], "casefile: GitHub (Pages, web, API)");
    EXPECT_TRUE(lists.lookup(IndicatorType::ipv4, "45.33.32.156").empty());
}

} // namespace
} // namespace casefile::ioc
