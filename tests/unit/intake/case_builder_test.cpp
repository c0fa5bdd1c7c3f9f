// The CaseBuilder rules every format shares: merging people and machines named twice, one entry
// per indicator, trimmed values, checked technique ids, and required fields.
#include <gtest/gtest.h>

#include "intake/case_builder.hpp"

namespace casefile::intake {
namespace {

using detail::CaseBuilder;
using detail::Json;
using model::IndicatorType;

const ioc::Extractor& extractor() {
    static const ioc::Extractor e = *ioc::Extractor::create();
    return e;
}

CaseBuilder builder() {
    return {"alert.json", "Test Product", model::LogKind::edr, extractor()};
}

model::User user(std::string sid, std::string account, std::string upn = {}, std::string email = {},
                 std::string name = {}) {
    model::User u;
    u.sid = std::move(sid);
    u.account = std::move(account);
    u.upn = std::move(upn);
    u.email = std::move(email);
    u.name = std::move(name);
    return u;
}

TEST(CaseBuilder, MergesUsersThatAreTheSamePerson) {
    CaseBuilder b = builder();
    b.user(user("", "CONTOSO\\j.smith"));
    b.user(user("S-1-5-21-1-2-3-1180", "contoso.local\\J.Smith", "j.smith@contoso.com"));
    b.user(user("", "", "", "j.smith@contoso.com", "John Smith"));
    b.user(user("", "", "J.SMITH@contoso.com"));
    b.user(user("S-1-5-21-1-2-3-9999", "CONTOSO\\j.smith")); // another SID: another person
    b.user(model::User{});                                   // names nobody: dropped
    const auto built = b.finish({});
    const auto& users = built.value.entities.users;
    ASSERT_EQ(users.size(), 2U);
    EXPECT_EQ(users[0].sid, "S-1-5-21-1-2-3-1180");
    EXPECT_EQ(users[0].account, "CONTOSO\\j.smith");
    EXPECT_EQ(users[0].upn, "j.smith@contoso.com");
    EXPECT_EQ(users[0].email, "j.smith@contoso.com");
    EXPECT_EQ(users[0].name, "John Smith");
    EXPECT_EQ(users[1].sid, "S-1-5-21-1-2-3-9999");
}

TEST(CaseBuilder, MergesDevicesByIdOrHostName) {
    CaseBuilder b = builder();
    b.device(model::Device{"FIN-SRV02.contoso.local", "FIN-SRV02", {}, {}});
    b.device(model::Device{"", "fin-srv02", {"10.0.5.22"}, {}});
    b.device(model::Device{"", "", {"10.9.9.9"}, {}}); // no name, no id
    const auto built = b.finish({});
    ASSERT_EQ(built.value.entities.devices.size(), 1U);
    EXPECT_EQ(built.value.entities.devices[0].ips, std::vector<std::string>{"10.0.5.22"});
    const auto& d = built.diagnostics;
    EXPECT_TRUE(std::any_of(d.begin(), d.end(), [](const Diagnostic& x) {
        return x.message.find("a device with address 10.9.9.9 has neither a name nor an id") !=
               std::string::npos;
    }));
}

TEST(CaseBuilder, IndicatorsAreTrimmedCheckedAndListedOnce) {
    CaseBuilder b = builder();
    const Json hash = "  6F24D69D1C9151E379A7DC45686B8EA624A7F9DC13BFC2A45C9EE5E99BDFC123 ";
    b.indicator(IndicatorType::sha256, &hash, "sha256", "first");
    const Json lower = "6f24d69d1c9151e379a7dc45686b8ea624a7f9dc13bfc2a45c9ee5e99bdfc123";
    b.indicator(IndicatorType::sha256, &lower, "sha256", "second", "update.exe");
    const Json urls = Json::array({"https://a-cdn.net/x", "", "https://a-cdn.net/x"});
    b.indicator(IndicatorType::url, &urls, "urls", "list");
    const Json v6 = "2001:db8::1";
    b.indicator(IndicatorType::ipv4, &v6, "ip", "wrong family");
    const Json object = Json::object({{"href", "x"}});
    b.indicator(IndicatorType::url, &object, "url", "object");
    const auto built = b.finish({});
    const auto& indicators = built.value.indicators;
    ASSERT_EQ(indicators.size(), 2U);
    // Canonical, as the IoC engine writes hashes: lower-case hex.
    EXPECT_EQ(indicators[0].value,
              "6f24d69d1c9151e379a7dc45686b8ea624a7f9dc13bfc2a45c9ee5e99bdfc123");
    EXPECT_EQ(indicators[0].note, "first");
    EXPECT_EQ(indicators[0].file, "update.exe"); // the second sighting names the file
    EXPECT_EQ(indicators[1].value, "https://a-cdn.net/x");
    size_t warnings = 0;
    for (const Diagnostic& d : built.diagnostics) {
        warnings += d.level == DiagnosticLevel::warning &&
                    (d.message.find("'2001:db8::1' is not a valid ipv4") != std::string::npos ||
                     d.message.find("'url' is an object") != std::string::npos);
    }
    EXPECT_EQ(warnings, 2U);
}

TEST(CaseBuilder, IndicatorsGoThroughTheIocEngine) {
    CaseBuilder b = builder();
    const Json domain = " EVIL-CDN[.]net\t";
    const Json bad_ip = "999.1.1.1";
    b.indicator(IndicatorType::domain, &domain, "domain", "alert domain");
    b.indicator(IndicatorType::ipv4, &bad_ip, "ip", "alert ip");
    const auto built = b.finish({});
    ASSERT_EQ(built.value.indicators.size(), 1U);
    EXPECT_EQ(built.value.indicators[0].value, "evil-cdn.net"); // refanged, lower-cased
    EXPECT_TRUE(std::any_of(built.diagnostics.begin(), built.diagnostics.end(), [](const auto& d) {
        return d.message.find("'ip'") != std::string::npos &&
               d.message.find("not recorded as an indicator") != std::string::npos;
    }));
}

TEST(CaseBuilder, TechniquesAreCheckedAndKeptOnce) {
    CaseBuilder b = builder();
    const Json ids = Json::array({"T1059.001", "T1059.001", "t1105", "TA0002", "T1105", 7});
    b.technique(&ids, "mitre");
    const auto built = b.finish({});
    EXPECT_EQ(built.value.techniques, (std::vector<std::string>{"T1059.001", "T1105"}));
}

TEST(CaseBuilder, RequiredFieldsAndOverrides) {
    CaseBuilder missing = builder();
    const Json bad_title = Json::array({"a"});
    missing.title(&bad_title, "title");
    const auto gaps = missing.finish({});
    size_t errors = 0;
    for (const Diagnostic& d : gaps.diagnostics) {
        errors += d.level == DiagnosticLevel::error;
    }
    EXPECT_EQ(errors, 3U); // title, observed_at, severity

    CaseBuilder given = builder();
    Overrides overrides;
    overrides.title = "Given";
    overrides.severity = model::Severity::critical;
    overrides.observed_at = parse_time("2025-11-11T13:42:18Z").value();
    overrides.tlp = model::Tlp::red;
    const auto filled = given.finish(overrides);
    EXPECT_TRUE(
        std::none_of(filled.diagnostics.begin(), filled.diagnostics.end(),
                     [](const Diagnostic& d) { return d.level == DiagnosticLevel::error; }));
    EXPECT_EQ(filled.value.alert.title, "Given");
    EXPECT_EQ(filled.value.alert.severity, model::Severity::critical);
    EXPECT_EQ(filled.value.alert.tlp, model::Tlp::red);
    EXPECT_EQ(filled.value.alert.source, "Test Product");
}

TEST(CaseBuilder, FirstUsableFieldWins) {
    CaseBuilder b = builder();
    const Json placeholder = "0001-01-01T00:00:00Z";
    const Json real = "2025-11-11T13:42:18Z";
    EXPECT_FALSE(b.observed_at(nullptr, "a"));
    EXPECT_FALSE(b.observed_at(&placeholder, "b"));
    EXPECT_TRUE(b.observed_at(&real, "c"));
    EXPECT_TRUE(b.observed_at(&placeholder, "d")); // already set: ignored
    const auto built = b.finish({});
    EXPECT_EQ(built.value.alert.observed_at.original, "2025-11-11T13:42:18Z");
    EXPECT_TRUE(std::any_of(built.diagnostics.begin(), built.diagnostics.end(), [](const auto& d) {
        return d.message == "observed_at: 2025-11-11T13:42:18Z from c";
    }));
}

TEST(CaseBuilder, CommandLanguageFromTheProgram) {
    CaseBuilder b = builder();
    const Json ps = "powershell -enc AAAA";
    const Json cmd = R"("C:\Windows\system32\cmd.exe" /c whoami)";
    const Json py = "/usr/bin/python3 -c 'print(1)'";
    const Json sh = "bash -c id";
    b.command(&ps, "", "a");
    b.command(&cmd, "", "b");
    b.command(&py, "python3", "c");
    b.command(&sh, "", "d");
    b.command(&ps, "powershell.exe", "duplicate");
    const auto built = b.finish({});
    ASSERT_EQ(built.value.commands.size(), 4U);
    EXPECT_EQ(built.value.commands[0].language, model::ScriptLanguage::powershell);
    EXPECT_EQ(built.value.commands[1].language, model::ScriptLanguage::cmd);
    EXPECT_EQ(built.value.commands[2].language, model::ScriptLanguage::python);
    EXPECT_EQ(built.value.commands[3].language, model::ScriptLanguage::bash);
}

} // namespace
} // namespace casefile::intake
