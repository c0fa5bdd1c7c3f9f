#include <gtest/gtest.h>

#include "importer/importer.hpp"

namespace casefile::importer {
namespace {

std::vector<std::pair<std::string, int>> lint(std::string_view md) {
    static const ioc::Extractor e = *ioc::Extractor::create();
    std::vector<std::pair<std::string, int>> out;
    for (const auto& f : lint_markdown(md, ImportedReport{}, e, "r.md")) {
        if (f.rule != "missing-section") {
            out.emplace_back(f.rule, f.where.line);
        }
    }
    return out;
}

TEST(MarkdownLint, LiveAndMixedDefanging) {
    const auto found = lint("Mail j.smith@contoso.com today.\n\n"
                            "```text\nGET hxxps[:]//a[.]com/x\n```\n\n"
                            "See hxxps://b[.]com/y and https://c[.]com/z.\n\n"
                            "Code `https://d.com` is not prose.\n");
    EXPECT_EQ(found, (std::vector<std::pair<std::string, int>>{
                         {"live-indicator", 1},
                         {"inconsistent-defang", 7},
                         {"inconsistent-defang", 7},
                     }));
}

TEST(MarkdownLint, PrivateAddressesAreNotLive) {
    EXPECT_TRUE(lint("From 10.0.5.22 to 192.168.1.1.\n").empty());
}

TEST(MarkdownLint, RefinerFindsTheLine) {
    const auto refine = make_refiner("a\nb\n$x = 'hxxps[:]//c[.]com/p';\nupdate.exe\n", "r.md");
    auto at = refine("https://c.com/p", SourceLocation{"r.md", 1, 1});
    ASSERT_TRUE(at);
    EXPECT_EQ(at->line, 3);
    at = refine("C:\\Temp\\update.exe", SourceLocation{"r.md", 2, 1});
    ASSERT_TRUE(at);
    EXPECT_EQ(at->line, 4);
    EXPECT_FALSE(refine("x", SourceLocation{"other.md", 1, 1}));
}

} // namespace
} // namespace casefile::importer
