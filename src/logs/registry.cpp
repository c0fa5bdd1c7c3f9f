#include "logs/parser.hpp"

namespace casefile::logs {

// Each format's parser lives in its own file and is reached through one of these accessors.
const LogParser& defender_json_parser();
const LogParser& defender_csv_parser();

const std::vector<const LogParser*>& parser_registry() {
    static const std::vector<const LogParser*> parsers = {
        &defender_json_parser(),
        &defender_csv_parser(),
    };
    return parsers;
}

} // namespace casefile::logs
