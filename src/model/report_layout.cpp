#include "model/report_layout.hpp"

#include <array>

#include "model/enums.hpp"

namespace casefile::model {

std::string_view fence_language(QueryLanguage language) {
    switch (language) {
    case QueryLanguage::spl:
        return "spl";
    case QueryLanguage::kql:
        return "kql";
    case QueryLanguage::esql:
        return "esql";
    case QueryLanguage::sigma:
        return "yaml";
    case QueryLanguage::other:
        return "text";
    }
    return "text";
}

std::string_view fence_language(ScriptLanguage language) {
    switch (language) {
    case ScriptLanguage::powershell:
        return "powershell";
    case ScriptLanguage::cmd:
        return "bat";
    case ScriptLanguage::bash:
        return "bash";
    case ScriptLanguage::python:
        return "python";
    case ScriptLanguage::javascript:
        return "javascript";
    case ScriptLanguage::vbscript:
        return "vbscript";
    case ScriptLanguage::other:
        return "text";
    }
    return "text";
}

size_t indicator_group_rank(IndicatorType type) {
    static constexpr std::array kOrder = {
        IndicatorType::domain,
        IndicatorType::ipv4,
        IndicatorType::url,
        IndicatorType::email,
        IndicatorType::sha256,
        IndicatorType::filename,
        IndicatorType::file_path,
        IndicatorType::registry_key,
        IndicatorType::scheduled_task,
        IndicatorType::email_subject,
        IndicatorType::user_agent,
        IndicatorType::cve,
        IndicatorType::attack_technique,
        IndicatorType::ja3,
        IndicatorType::btc,
        IndicatorType::asn,
        IndicatorType::mac,
        IndicatorType::other,
    };
    for (size_t i = 0; i < kOrder.size(); ++i) {
        if (display_name(kOrder[i]) == display_name(type)) {
            return i;
        }
    }
    return kOrder.size();
}

} // namespace casefile::model
