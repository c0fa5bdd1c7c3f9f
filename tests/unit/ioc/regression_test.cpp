// One test per input the fuzzers found (tests/data/ioc/regress/): each pins the behaviour that
// input got wrong.
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "ioc/defang.hpp"
#include "ioc/extractor.hpp"

namespace casefile::ioc {
namespace {

using model::IndicatorType;

std::string regress_file(const char* name) {
    std::ifstream in(std::string(CASEFILE_SOURCE_DIR "/tests/data/ioc/regress/") + name,
                     std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const Extractor& extractor() {
    static const Extractor ex = *Extractor::create();
    return ex;
}

void expect_network_round_trips(const std::string& text) {
    ExtractOptions o;
    o.include_private = true;
    o.domains_from_urls_and_emails = true;
    size_t matches = 0;
    extractor().scan(text, o, [&](const Match& m) {
        ++matches;
        if (m.type == IndicatorType::url || m.type == IndicatorType::domain ||
            m.type == IndicatorType::email || m.type == IndicatorType::ipv4 ||
            m.type == IndicatorType::ipv6) {
            EXPECT_EQ(refang_text(defang(m.type, m.value)), m.value);
        }
    });
    EXPECT_GT(matches, 0u);
}

// ioc_extract_fuzz: "http://[2001:db8::]" defangs to "hxxp://[2001[:]db8[:][:]]/"; refang took
// the literal's closing bracket as part of the last "[:]".
TEST(Regression, Ipv6UrlHostEndingInDoubleColon) {
    expect_network_round_trips(regress_file("ipv6-url-host-ending-in-double-colon"));
    EXPECT_EQ(refang_text("hxxp://[2001[:]db8[:][:]]/"), "http://[2001:db8::]/");
    EXPECT_EQ(refang_text("[fe80[:][:]]"), "[fe80::]");
}

// ioc_extract_fuzz: a registry key whose third subkey opens "<USER " and never closes it made
// the span end before its start. The key now ends before the unclosed subkey.
TEST(Regression, RegistryKeyWithUnclosedAngleBracket) {
    const std::string text = regress_file("registry-key-with-unclosed-angle-bracket");
    ExtractOptions o;
    o.include_private = true;
    extractor().scan(text, o, [&](const Match& m) {
        EXPECT_GT(m.length, 0u);
        EXPECT_LE(m.offset + m.length, text.size());
    });
    std::vector<std::string> keys;
    extractor().scan("HKCU\\Software\\Run\\<USER SID\\x and more", {},
                     [&](const Match& m) { keys.push_back(m.value); });
    EXPECT_EQ(keys, std::vector<std::string>{"HKCU\\Software\\Run"});
}

// ioc_extract_fuzz: "https://]xh[@]contoso[.]com" was a URL with userinfo "]xh"; its defanged
// form could not be refanged, since "]" cannot follow a scheme. Brackets are now IPv6-only.
TEST(Regression, UrlUserinfoWithBracket) {
    expect_network_round_trips(regress_file("url-userinfo-with-bracket"));
    std::vector<std::string> urls;
    extractor().scan("https://]xh@contoso.com/ https://u:p@contoso.com/", {}, [&](const Match& m) {
        if (m.type == IndicatorType::url) {
            urls.push_back(m.value);
        }
    });
    EXPECT_EQ(urls, std::vector<std::string>{"https://u:p@contoso.com/"});
}

// ioc_extract_fuzz: a URL path holding "{[[[[[.]]]]" kept "{[" + "." + "]" after a bounded
// bracket run was rewritten, a new "[.]" that refang then undid: refang was not idempotent.
// Bracket runs are now taken whole.
TEST(Regression, UrlPathWithNestedBrackets) {
    expect_network_round_trips(regress_file("url-path-with-nested-brackets"));
    EXPECT_EQ(refang_text("x{[[[[[.]]]]]]]]y"), "x.y");
    EXPECT_EQ(refang_text(refang_text("a[[[[[[.)))))b")), refang_text("a[[[[[[.)))))b"));
}

// ioc_extract_fuzz: "http://[::1]:808/" defanged to "hxxp://[[:][:]1]:808/", and refang took the
// literal's opening bracket into the first "[:]". IPv6 literal hosts now keep their colons, and
// a colon notation is exactly one bracket a side.
TEST(Regression, Ipv6UrlHostStartingWithDoubleColon) {
    expect_network_round_trips(regress_file("ipv6-url-host-starting-with-double-colon"));
    EXPECT_EQ(defang(IndicatorType::url, "http://[::1]:808/x"), "hxxp://[::1]:808/x");
    EXPECT_EQ(refang_text("[[:]]"), "[[:]]") << "a longer bracket run is no colon notation";
}

// ioc_extract_fuzz: a URL path "…mple{{{{{{{{{%2Ecom…" was canonicalised with "%2E" decoded,
// spelling "{{{." that refang then took for a dot. Escapes are now only upper-cased, and the
// filter's loose spellings ("fooDOTbar") stay out of URL paths.
TEST(Regression, UrlPathWithEscapedDotAfterBrackets) {
    expect_network_round_trips(regress_file("url-path-with-escaped-dot-after-brackets"));
    for (const char* url : {"http://x.com/a{{{{%2Ecom", "http://x.com/fooDOTbar",
                            "http://x.com/http%5F%5Fevil.com/", "http://x.com/nameATbar.com"}) {
        std::vector<std::string> found;
        extractor().scan(url, {}, [&](const Match& m) { found.push_back(m.value); });
        ASSERT_EQ(found.size(), 1u) << url;
        EXPECT_EQ(refang_text(defang(IndicatorType::url, found[0])), found[0]) << url;
    }
}

// ioc_extract_fuzz: the CIDR block "10.0.5.2/2" defangs to "10[.]0[.]5[.]2/2", which refang took
// for a schemeless URL and prefixed with "http://".
TEST(Regression, DefangedIpv4Cidr) {
    expect_network_round_trips(regress_file("defanged-ipv4-cidr"));
    EXPECT_EQ(refang_text("block 185[.]199[.]108[.]0/22 now"), "block 185.199.108.0/22 now");
    EXPECT_EQ(refang_text("10[.]0[.]5[.]2/2"), "10.0.5.2/2");
    EXPECT_EQ(refang_text("evil[.]com/22/x"), "http://evil.com/22/x");
}

// ioc_extract_fuzz: a URL path holding "[[[…[:[[[…" lost one bracket on each side of the colon
// every time it was refanged: a partial bracket run is no longer taken for a colon notation.
TEST(Regression, UrlPathWithColonInsideBracketRuns) {
    expect_network_round_trips(regress_file("url-path-with-colon-inside-bracket-runs"));
    EXPECT_EQ(refang_text("x[[[[:[[[[y"), "x[[[[:[[[[y");
    EXPECT_EQ(refang_text("http[:]//a.b 2001[:]db8[:][:]1"), "http://a.b 2001:db8::1");
}

// ioc_extract_fuzz: in "{{{{].]x" the Fanger dot "].]" became ".", leaving "{{{{.x", itself a
// notation: refang was not idempotent. Openers right before a dot notation are taken in.
TEST(Regression, UrlPathWithBracketsBeforeFangerDot) {
    expect_network_round_trips(regress_file("url-path-with-brackets-before-fanger-dot"));
    EXPECT_EQ(refang_text("j{{{{].]x"), "j.x");
    EXPECT_EQ(refang_text(refang_text("j{{{{].]x].] y")), refang_text("j{{{{].]x].] y"));
}

} // namespace
} // namespace casefile::ioc
