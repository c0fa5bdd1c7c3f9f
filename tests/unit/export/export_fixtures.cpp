#include "export_fixtures.hpp"

#include <gtest/gtest.h>

#include "analysis/analyze.hpp"
#include "model/case_yaml.hpp"

namespace casefile::exporting::testing {

using model::IndicatorType;

const ioc::Extractor& extractor() {
    static const ioc::Extractor e = *ioc::Extractor::create();
    return e;
}

const model::Case& example_case() {
    static const model::Case c = [] {
        auto loaded = model::load_case_folder(kSource / "examples/IR-2025-1142");
        EXPECT_TRUE(loaded && loaded->ok());
        return loaded->value;
    }();
    return c;
}

const analysis::Analysis& example_analysis() {
    static const analysis::Analysis a = analysis::analyze(example_case(), extractor());
    return a;
}

const model::Case& all_types_case() {
    static const model::Case c = [] {
        model::Case c;
        c.alert.ticket_id = "IR-TEST-7";
        c.alert.title = "Every \"type\" of indicator, with 'quotes' and \\ backslashes";
        c.alert.observed_at = *parse_time("2026-01-15T09:30:00Z");
        c.alert.severity = model::Severity::high;
        c.alert.status = model::CaseStatus::contained;
        c.alert.description = "Test case.\nSecond line with a ``` fence and */ comment end.";
        const std::vector<std::pair<IndicatorType, std::string>> values = {
            {IndicatorType::ipv4, "45.33.32.156"},
            {IndicatorType::ipv4, "10.20.30.40"},
            {IndicatorType::ipv4, "198.51.100.0/24"},
            {IndicatorType::ipv6, "2a03:2880:f003:c07:face:b00c::2"},
            {IndicatorType::ipv6, "2001:db8:abcd::/48"},
            {IndicatorType::domain, "evil-cdn.net"},
            {IndicatorType::url, "https://evil-cdn.net/a/b.exe?id=1&x=2"},
            {IndicatorType::url, "http://evil-cdn.net/"},
            {IndicatorType::email, "phish@evil-cdn.net"},
            {IndicatorType::md5, "44d88612fea8a8f36de82e1278abb02f"},
            {IndicatorType::sha1, "3395856ce81f2b7382dee72602f798b642f14140"},
            {IndicatorType::sha256,
             "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f"},
            {IndicatorType::sha512,
             "cc805d5fab1fd71a4ab352a9c533e65fb2d5b885518f4e565e68847223b8e6b85cb48f3afad842726d99"
             "239c9e36505c64b0dc9a061d9e507d833277ada336ab"},
            {IndicatorType::ssdeep, "96:ukILJhn54Rew:uk0Jx54u"},
            {IndicatorType::imphash, "f34d5f2d4577ed6d9ceec516c1f5a744"},
            {IndicatorType::ja3, "e7d705a3286e19ea42f587b344ee6865"},
            {IndicatorType::cve, "CVE-2024-3400"},
            {IndicatorType::attack_technique, "T1059.001"},
            {IndicatorType::attack_tactic, "TA0011"},
            {IndicatorType::attack_mitigation, "M1036"},
            {IndicatorType::registry_key,
             "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\updater"},
            {IndicatorType::file_path, "C:\\Users\\Public\\Documents\\invoice.pdf.exe"},
            {IndicatorType::filename, "update.exe"},
            {IndicatorType::btc, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"},
            {IndicatorType::xmr, "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBY"
                                 "Bb98uNbr2VBBEt7f2wfn3RVGQBEP3A"},
            {IndicatorType::asn, "AS13335"},
            {IndicatorType::mac, "00:16:3e:12:34:56"},
            {IndicatorType::email_subject, "Invoice \"Q4\" – it's due \\ now *urgent?*"},
            {IndicatorType::scheduled_task, "\\Microsoft\\Windows\\Up date"},
            {IndicatorType::user_agent, "Mozilla/5.0 (evil; 'x') \"y\""},
            {IndicatorType::other, "an odd thing"},
        };
        for (const auto& [type, value] : values) {
            model::ManualIndicator m;
            m.type = type;
            m.value = value;
            c.indicators.push_back(m);
        }
        c.indicators[11].file = "C:\\Temp\\dropper.exe"; // the sha256 belongs to a file
        c.indicators[0].note = "C2; beacons every 60s";
        c.techniques = {"T1566.001", "t1059.001"};
        model::RawLog log;
        log.kind = model::LogKind::firewall;
        log.text = "2026-01-15T09:12:00Z ALLOW 10.0.0.5 -> 45.33.32.156:443\n";
        log.time = *parse_time("2026-01-15T09:12:00Z");
        c.logs.push_back(log);
        model::OsintResult vt;
        vt.provider = "VirusTotal";
        vt.subject = "evil-cdn.net";
        vt.classification = "Ransomware dropper";
        vt.detections = model::DetectionRatio{40, 70};
        vt.detection_names = {"Trojan.Gen"};
        TimeParseOptions date_only;
        date_only.allow_date_only = true;
        vt.first_seen = *parse_time("2026-01-10", date_only);
        c.osint.push_back(vt);
        return c;
    }();
    return c;
}

const analysis::Analysis& all_types_analysis() {
    static const analysis::Analysis a = [] {
        analysis::Analysis a = analysis::analyze(all_types_case(), extractor());
        for (const auto& f : a.findings) {
            ADD_FAILURE() << "all-types fixture value rejected: " << f.to_string();
        }
        return a;
    }();
    return a;
}

ExportOptions fixed_options(std::optional<model::Tlp> tlp) {
    ExportOptions o;
    o.now = *parse_time("2025-11-28T00:00:00Z").map([](const Time& t) { return t.utc; });
    o.tlp = tlp;
    return o;
}

} // namespace casefile::exporting::testing
