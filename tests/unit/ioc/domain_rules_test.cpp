#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "ioc/domain_rules.hpp"
#include "ioc/file_extensions.hpp"

namespace casefile::ioc::detail {
namespace {

const DomainRules& rules() {
    static const DomainRules r = *DomainRules::create("");
    return r;
}

TEST(DomainRules, NamesNeedARegistrableDomainUnderAKnownSuffix) {
    EXPECT_TRUE(rules().check("cdn-dropbox.io").valid);
    EXPECT_TRUE(rules().check("WWW.Example.CO.UK").valid);
    EXPECT_EQ(rules().check("WWW.Example.CO.UK").canonical, "www.example.co.uk");
    EXPECT_TRUE(rules().check("evil.duckdns.org").valid);
    EXPECT_TRUE(rules().check("github.io").valid) << "private-section suffixes are real hosts";
    EXPECT_FALSE(rules().check("co.uk").valid) << "an ICANN suffix is not a domain";
    EXPECT_FALSE(rules().check("com").valid);
    EXPECT_FALSE(rules().check("example.nope").valid);
    EXPECT_FALSE(rules().check("update.exe").valid);
    EXPECT_FALSE(rules().check("powershell.exe").valid);
    EXPECT_FALSE(rules().check("Net.WebClient").valid);
    EXPECT_FALSE(rules().check("-bad.com").valid);
    EXPECT_FALSE(rules().check("bad-.com").valid);
    EXPECT_FALSE(rules().check("a_b.com").valid);
    EXPECT_FALSE(rules().check("10.0.0.1").valid);
    EXPECT_FALSE(rules().check(std::string(64, 'a') + ".com").valid) << "label over 63";
}

TEST(DomainRules, InternationalisedNamesAreMappedAndChecked) {
    auto v = rules().check("papaya.рф");
    EXPECT_TRUE(v.valid);
    EXPECT_EQ(v.canonical, "papaya.рф");
    v = rules().check("BÜCHER.de");
    EXPECT_TRUE(v.valid);
    EXPECT_EQ(v.canonical, "bücher.de");
    v = rules().check("veriﬁedaccounts.byethost9.com");
    EXPECT_TRUE(v.valid);
    EXPECT_EQ(v.canonical, "verifiedaccounts.byethost9.com") << "UTS 46 maps the ligature";
    EXPECT_TRUE(rules().check("xn--bcher-kva.com").valid);
    EXPECT_TRUE(rules().check("xn--80ak6aa92e.com").valid) << "a homograph is still a domain";
    EXPECT_FALSE(rules().check("xn--a.com").valid);
    EXPECT_FALSE(rules().check("xn--ls8h.la").valid) << "emoji are not IDNA2008";
}

TEST(DomainRules, FileExtensionTldsAreFlaggedAmbiguous) {
    EXPECT_TRUE(rules().check("abc.zip").ambiguous);
    EXPECT_TRUE(rules().check("evil.mov").ambiguous);
    EXPECT_TRUE(rules().check("install.sh").ambiguous);
    EXPECT_FALSE(rules().check("cdn-dropbox.io").ambiguous);
    EXPECT_TRUE(is_file_extension("PS1"));
    EXPECT_TRUE(is_file_extension("docx"));
    EXPECT_FALSE(is_file_extension("com"));
    EXPECT_TRUE(is_ambiguous_tld("top"));
    EXPECT_FALSE(is_ambiguous_tld("io"));
}

TEST(DomainRules, CacheGivesTheSameVerdicts) {
    DomainCache cache;
    for (int round = 0; round < 2; ++round) {
        EXPECT_TRUE(rules().check("Login.MicrosoftOnline.com", &cache).valid);
        EXPECT_EQ(rules().check("Login.MicrosoftOnline.com", &cache).canonical,
                  "login.microsoftonline.com");
        EXPECT_FALSE(rules().check("setup.exe", &cache).valid);
        EXPECT_TRUE(rules().check("evil.zip", &cache).ambiguous);
    }
}

TEST(DomainRules, LoadsAnotherListFile) {
    const auto dir = std::filesystem::temp_directory_path() / "casefile-psl-test";
    std::filesystem::create_directories(dir);
    const auto file = dir / "tiny.dat";
    std::ofstream(file)
        << "// ===BEGIN ICANN DOMAINS===\ncom\nnewtld\n// ===END ICANN DOMAINS===\n";
    auto custom = DomainRules::create(file.string());
    ASSERT_TRUE(custom) << custom.error().to_string();
    EXPECT_TRUE(custom->check("evil.newtld").valid);
    EXPECT_FALSE(custom->check("evil.io").valid) << "only the file's rules apply";
    std::filesystem::remove_all(dir);
}

TEST(DomainRules, MissingListFileIsAnError) {
    auto r = DomainRules::create("/nonexistent/public_suffix_list.dat");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::not_found);
    EXPECT_NE(r.error().message.find("/nonexistent/public_suffix_list.dat"), std::string::npos);
    EXPECT_FALSE(r.error().hint.empty());
}

} // namespace
} // namespace casefile::ioc::detail
