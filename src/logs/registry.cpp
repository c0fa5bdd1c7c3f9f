#include "logs/parser.hpp"

namespace casefile::logs {

// Each format's parser lives in its own file and is reached through one of these accessors.
const LogParser& defender_json_parser();
const LogParser& defender_csv_parser();
const LogParser& windows_security_text_parser();
const LogParser& windows_security_xml_parser();
const LogParser& sysmon_xml_parser();
const LogParser& sysmon_json_parser();
const LogParser& firewall_text_parser();
const LogParser& proxy_text_parser();
const LogParser& panos_csv_parser();
const LogParser& iptables_parser();
const LogParser& cisco_asa_parser();
const LogParser& squid_parser();
const LogParser& w3c_parser();
const LogParser& entra_signin_parser();
const LogParser& m365_audit_parser();
const LogParser& cloudtrail_parser();
const LogParser& okta_parser();
const LogParser& suricata_eve_parser();
const LogParser& zeek_tsv_parser();
const LogParser& zeek_json_parser();
const LogParser& cef_parser();
const LogParser& leef_parser();
const LogParser& syslog_5424_parser();
const LogParser& syslog_3164_parser();
const LogParser& generic_jsonl_parser();

const std::vector<const LogParser*>& parser_registry() {
    static const std::vector<const LogParser*> parsers = {
        &defender_json_parser(),
        &defender_csv_parser(),
        &windows_security_text_parser(),
        &windows_security_xml_parser(),
        &sysmon_xml_parser(),
        &sysmon_json_parser(),
        &firewall_text_parser(),
        &proxy_text_parser(),
        &panos_csv_parser(),
        &iptables_parser(),
        &cisco_asa_parser(),
        &squid_parser(),
        &w3c_parser(),
        &entra_signin_parser(),
        &m365_audit_parser(),
        &cloudtrail_parser(),
        &okta_parser(),
        &suricata_eve_parser(),
        &zeek_tsv_parser(),
        &zeek_json_parser(),
        &cef_parser(),
        &leef_parser(),
        &syslog_5424_parser(),
        &syslog_3164_parser(),
        &generic_jsonl_parser(),
    };
    return parsers;
}

} // namespace casefile::logs
