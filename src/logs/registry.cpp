#include "logs/parser.hpp"

namespace casefile::logs {

// Each format's parser lives in its own file and is reached through one of these accessors.
const LogParser& defender_json_parser();
const LogParser& defender_csv_parser();
const LogParser& windows_security_text_parser();
const LogParser& windows_security_xml_parser();
const LogParser& sysmon_xml_parser();
const LogParser& sysmon_json_parser();

const std::vector<const LogParser*>& parser_registry() {
    static const std::vector<const LogParser*> parsers = {
        &defender_json_parser(),
        &defender_csv_parser(),
        &windows_security_text_parser(),
        &windows_security_xml_parser(),
        &sysmon_xml_parser(),
        &sysmon_json_parser(),
    };
    return parsers;
}

} // namespace casefile::logs
