#include <gtest/gtest.h>

#include "ioc/defang.hpp"

namespace casefile::ioc {
namespace {

using model::IndicatorType;

TEST(Defang, DefaultStyle) {
    EXPECT_EQ(defang(IndicatorType::url, "https://x.y/path"), "hxxps://x[.]y/path");
    EXPECT_EQ(defang(IndicatorType::url, "http://evil.com/a.b/c.exe?q=1.2"),
              "hxxp://evil[.]com/a.b/c.exe?q=1.2")
        << "only host dots";
    EXPECT_EQ(defang(IndicatorType::email, "j.smith@contoso.com"), "j.smith[@]contoso[.]com");
    EXPECT_EQ(defang(IndicatorType::ipv4, "1.2.3.4"), "1[.]2[.]3[.]4");
    EXPECT_EQ(defang(IndicatorType::ipv6, "2001:db8::1"), "2001[:]db8[:][:]1");
    EXPECT_EQ(defang(IndicatorType::domain, "cdn-dropbox.io"), "cdn-dropbox[.]io");
    EXPECT_EQ(defang(IndicatorType::url, "ftp://files.evil.com/x"), "fxp://files[.]evil[.]com/x");
    EXPECT_EQ(defang(IndicatorType::url, "http://[2001:db8::1]:8080/"),
              "hxxp://[2001:db8::1]:8080/")
        << "an IPv6 literal host keeps its colons";
    EXPECT_EQ(defang(IndicatorType::url, "https://user:pw@1.2.3.4:8443/x"),
              "hxxps://user:pw@1[.]2[.]3[.]4:8443/x");
    EXPECT_EQ(defang(IndicatorType::sha256, "abc"), "abc") << "not a network indicator";
    EXPECT_EQ(defang(IndicatorType::filename, "update.exe"), "update.exe");
}

TEST(Defang, ConfigurableStyle) {
    DefangStyle talos;
    talos.scheme_separator = "[://]";
    EXPECT_EQ(defang(IndicatorType::url, "https://x.y/p", talos), "hxxps[://]x[.]y/p");
    DefangStyle fanger;
    fanger.at = "(at)";
    fanger.dot = "(.)";
    EXPECT_EQ(defang(IndicatorType::email, "a@b.c", fanger), "a(at)b(.)c");
    DefangStyle keep;
    keep.rewrite_scheme = false;
    EXPECT_EQ(defang(IndicatorType::url, "https://x.y/", keep), "https://x[.]y/");
}

TEST(Defang, RefangUndoesEveryStyle) {
    const std::pair<IndicatorType, const char*> values[] = {
        {IndicatorType::url, "https://cdn-dropbox.io/assets/finance_report_update.ps1"},
        {IndicatorType::url, "http://185.199.109.15:8080/gate.php?id=1"},
        {IndicatorType::url, "ftp://files.example.org/a/b.zip"},
        {IndicatorType::url, "sftp://host.example.net/x"},
        {IndicatorType::url, "smb://share.example.com/c$/x"},
        {IndicatorType::url, "http://[2001:db8::1]:8080/x"},
        {IndicatorType::email, "j.smith@contoso.com"},
        {IndicatorType::domain, "xn--bcher-kva.example"},
        {IndicatorType::domain, "a.b.c.example.co.uk"},
        {IndicatorType::ipv4, "185.199.109.15"},
        {IndicatorType::ipv6, "2606:4700:4700::1111"},
        {IndicatorType::ipv6, "::ffff:192.0.2.1"},
    };
    DefangStyle talos;
    talos.scheme_separator = "[://]";
    DefangStyle parens;
    parens.dot = "(.)";
    parens.at = "(at)";
    parens.ipv6_colon = "(:)";
    for (const DefangStyle& style : {DefangStyle{}, talos, parens}) {
        for (const auto& [type, value] : values) {
            EXPECT_EQ(refang_text(defang(type, value, style)), value) << value;
        }
    }
}

} // namespace
} // namespace casefile::ioc
