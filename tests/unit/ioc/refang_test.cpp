#include <gtest/gtest.h>

#include "ioc/defang.hpp"
#include "ioc/normalize.hpp"

namespace casefile::ioc {
namespace {

struct Case {
    const char* in;
    const char* out;
};

TEST(Refang, EveryDotNotation) {
    for (const Case& c : std::initializer_list<Case>{
             {"evil[.]com", "evil.com"},
             {"evil(.)com", "evil.com"},
             {"evil{.}com", "evil.com"},
             {"evil[dot]com", "evil.com"},
             {"evil(dot)com", "evil.com"},
             {"evil{dot}com", "evil.com"},
             {"evil[DOT]com", "evil.com"},
             {"evil dot com", "evil.com"},
             {"evil DOT com", "evil.com"},
             {"evil\\.com", "evil.com"},
             {"evil [.] com", "evil.com"},
             {"evil[ . ]com", "evil.com"},
             {"evil[.)com", "evil.com"},
             {"evil].[com", "evil.com"},
             {"evil[punto]com", "evil.com"},
             {"evil(punkt)com", "evil.com"},
             {"1.)1[.1.)1", "1.1.1.1"},
             {"10(((.]]]]10([[.)10.)10", "10.10.10.10"},
             {"111[.111.]111[.111", "111.111.111.111"},
         }) {
        EXPECT_EQ(refang_text(c.in), c.out) << c.in;
    }
}

TEST(Refang, EverySchemeNotation) {
    for (const Case& c : std::initializer_list<Case>{
             {"hxxp://evil.com/a", "http://evil.com/a"},
             {"hxxps://evil.com/a", "https://evil.com/a"},
             {"hXXps://evil.com/a", "https://evil.com/a"},
             {"HXXP://evil.com/a", "http://evil.com/a"},
             {"h**p://evil.com/a", "http://evil.com/a"},
             {"h**ps://evil.com/a", "https://evil.com/a"},
             {"h__p://evil.com/a", "http://evil.com/a"},
             {"hzzzp://evil.com/a", "http://evil.com/a"},
             {"meow://evil.com/a", "http://evil.com/a"},
             {"fxp://evil.com/a", "ftp://evil.com/a"},
             {"sfxp://evil.com/a", "sftp://evil.com/a"},
             {"xxxx://evil.com/a", "http://evil.com/a"},
             {"http[:]//evil.com/a", "http://evil.com/a"},
             {"https[://]evil.com/a", "https://evil.com/a"},
             {"hxxps[:]//evil[.]com/a", "https://evil.com/a"},
             {"http__evil.com/a", "http://evil.com/a"},
             {"https:__evil.com/a", "https://evil.com/a"},
             {"http:\\\\evil.com/a", "http://evil.com/a"},
             {"[http]://evil.com/a", "http://evil.com/a"},
             {"https:// evil.com/a", "https://evil.com/a"},
             {"evil.com[/]a", "evil.com/a"},
             {"evil.com(/)a", "evil.com/a"},
             {"https:\\/\\/evil.com\\/a", "https://evil.com/a"},
         }) {
        EXPECT_EQ(refang_text(c.in), c.out) << c.in;
    }
}

TEST(Refang, EveryAtNotation) {
    for (const Case& c : std::initializer_list<Case>{
             {"user[@]evil.com", "user@evil.com"},
             {"user(@)evil.com", "user@evil.com"},
             {"user{@}evil.com", "user@evil.com"},
             {"user[at]evil.com", "user@evil.com"},
             {"user(at)evil.com", "user@evil.com"},
             {"user{at}evil.com", "user@evil.com"},
             {"user [at] evil.com", "user@evil.com"},
             {"user AT evil.com", "user@evil.com"},
             {"user at evil dot com", "user@evil.com"},
             {"user @ evil.com", "user@evil.com"},
             {"user(arroba)evil(punto)com", "user@evil.com"},
         }) {
        EXPECT_EQ(refang_text(c.in), c.out) << c.in;
    }
}

TEST(Refang, ColonsAndPortsInIpv6) {
    EXPECT_EQ(refang_text("2001[:]db8[:][:]1"), "2001:db8::1");
    EXPECT_EQ(refang_text("1[.]2[.]3[.]4[:]443"), "1.2.3.4:443");
    EXPECT_EQ(refang_text("hxxp://[2001[:]db8[:][:]1]:8080/"), "http://[2001:db8::1]:8080/");
}

TEST(Refang, MixedNotationsOnOneLine) {
    EXPECT_EQ(refang_text("C2 hxxps[:]//cdn-dropbox[.]io/x, mail j[.]smith[@]contoso[.]com"),
              "C2 https://cdn-dropbox.io/x, mail j.smith@contoso.com");
    EXPECT_EQ(refang_text("hxxps[://]test.example[.)com[/]path[:]80"),
              "https://test.example.com/path:80");
}

TEST(Refang, SchemelessDefangedUrlGetsHttp) {
    EXPECT_EQ(refang_text("example[.]com/test"), "http://example.com/test");
    EXPECT_EQ(refang_text("example[.]com"), "example.com");
    EXPECT_EQ(refang_text("www.example.com/pay"), "www.example.com/pay") << "nothing defanged";
}

TEST(Refang, LeavesProseAlone) {
    for (const char* s :
         {"hosted at evil.com", "(see below.)", "foo.[com", "foo}.com", "www.]example",
          "http:// or https://", "seasharpee", "hxxpfoo", "end . Next", "[link](http://x.io)",
          "the dotted line", "at 10:30", "array[0].name", "C:\\Users\\x\\.config"}) {
        EXPECT_EQ(refang_text(s), s) << s;
    }
}

TEST(Refang, NeverJoinsLines) {
    // The notation is undone, but the newline around it stays.
    EXPECT_EQ(refang_text("evil\n[.]com"), "evil\n.com");
    EXPECT_EQ(refang_text("user\n[at]\nevil.com"), "user\n@\nevil.com");
    EXPECT_EQ(refang_text("evil \n dot com"), "evil \n dot com");
    EXPECT_EQ(refang_text("a[.]b\nc[.]d\n"), "a.b\nc.d\n");
}

TEST(Normalize, MapsOffsetsBackToTheOriginal) {
    const std::string_view text = "go hxxps[:]//evil[.]com/x now";
    detail::Normalized norm;
    detail::normalize(text, detail::RefangMode::extract, norm);
    ASSERT_TRUE(norm.changed());
    const std::string_view fanged = norm.text();
    EXPECT_EQ(fanged, "go https://evil.com/x now");
    const size_t begin = fanged.find("https");
    const size_t end = fanged.find(" now");
    EXPECT_EQ(norm.original_begin(begin), 3u);
    EXPECT_EQ(norm.original_end(end), text.find(" now"));
    EXPECT_TRUE(norm.defanged_in(begin, end));
    EXPECT_FALSE(norm.defanged_in(0, 2));
    EXPECT_FALSE(norm.defanged_in(end, fanged.size()));
}

TEST(Normalize, UntouchedTextIsNotCopied) {
    const std::string_view text = "nothing defanged here: 8.8.8.8 and evil.com";
    detail::Normalized norm;
    detail::normalize(text, detail::RefangMode::extract, norm);
    EXPECT_FALSE(norm.changed());
    EXPECT_EQ(norm.text().data(), text.data());
}

TEST(Normalize, ExtractModeIsStricterThanTheFilter) {
    detail::Normalized norm;
    detail::normalize("example . com", detail::RefangMode::extract, norm);
    EXPECT_FALSE(norm.changed()) << "a spaced plain dot merges prose";
    EXPECT_EQ(refang_text("example . com"), "example.com");
    detail::normalize("fooDOTcom", detail::RefangMode::extract, norm);
    EXPECT_FALSE(norm.changed());
    EXPECT_EQ(refang_text("fooDOTcom"), "foo.com");
}

TEST(CanonicalScheme, MapsDefangedWords) {
    EXPECT_EQ(detail::canonical_scheme("hXXps"), "https");
    EXPECT_EQ(detail::canonical_scheme("h00p"), "http");
    EXPECT_EQ(detail::canonical_scheme("ftx"), "ftp");
    EXPECT_EQ(detail::canonical_scheme("xxxxx"), "https");
    EXPECT_EQ(detail::canonical_scheme("SMB"), "smb");
    EXPECT_EQ(detail::canonical_scheme("htxp"), "");
    EXPECT_EQ(detail::canonical_scheme("hello"), "");
}

} // namespace
} // namespace casefile::ioc
