#include <gtest/gtest.h>

#include "importer/evidence_kind.hpp"

namespace casefile::importer {
namespace {

using model::LogKind;
using model::QueryLanguage;
using model::ScriptLanguage;

TEST(EvidenceKind, ParsesSummaryLabels) {
    auto l = parse_label("KQL 2: Process hunt");
    ASSERT_TRUE(l.kind);
    EXPECT_EQ(l.kind->role, EvidenceRole::query);
    EXPECT_EQ(l.kind->query, QueryLanguage::kql);
    EXPECT_EQ(l.title, "Process hunt");
    l = parse_label("Firewall 2");
    ASSERT_TRUE(l.kind);
    EXPECT_EQ(l.kind->log, LogKind::firewall);
    EXPECT_EQ(l.title, "");
    l = parse_label("Something else");
    EXPECT_FALSE(l.kind);
    EXPECT_EQ(l.title, "Something else");
}

TEST(EvidenceKind, ContentBeatsAWrongFence) {
    const std::string kql = "DeviceProcessEvents\n| where Timestamp > ago(1d)\n| project A\n";
    const EvidenceKind k = classify_evidence(parse_label("KQL 2"), std::nullopt, "spl", kql);
    EXPECT_EQ(k.role, EvidenceRole::query);
    EXPECT_EQ(k.query, QueryLanguage::kql);
    EXPECT_EQ(expected_fence(k, kql), "kql");
    EXPECT_EQ(fence_conflict("spl", k, kql), "the content is KQL");
    EXPECT_FALSE(fence_conflict("kql", k, kql));
    EXPECT_FALSE(fence_conflict("", k, kql));

    const std::string fw = "2025-11-11T13:42:20Z ALLOW TCP 10.0.5.22:49823 -> 1.2.3.4:443\n";
    const EvidenceKind f = classify_evidence(parse_label("Firewall 2"), std::nullopt, "json", fw);
    EXPECT_EQ(f.log, LogKind::firewall);
    EXPECT_EQ(fence_conflict("json", f, fw), "the content is not JSON (Firewall log text)");
    EXPECT_FALSE(fence_conflict("json", f, "{\"a\": 1}"));
}

TEST(EvidenceKind, GuessesUnlabelledBlocks) {
    EXPECT_EQ(classify_evidence({}, std::nullopt, "", "index=edr | stats count by host").query,
              QueryLanguage::spl);
    const auto ps = classify_evidence({}, std::nullopt, "", "$wc = New-Object Net.WebClient;");
    EXPECT_EQ(ps.role, EvidenceRole::command);
    EXPECT_EQ(ps.script, ScriptLanguage::powershell);
    const auto auth =
        classify_evidence({}, std::nullopt, "json", "Logon Type: 10\nAccount Name: x");
    EXPECT_EQ(auth.role, EvidenceRole::log);
    EXPECT_EQ(auth.log, LogKind::auth);
    EXPECT_EQ(evidence_file_name(auth, 3, "Logon Type: 10"), "auth-3.log");
    EXPECT_EQ(evidence_file_name(ps, 1, ""), "command-1.ps1");
}

} // namespace
} // namespace casefile::importer
