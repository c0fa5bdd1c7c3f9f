#include "export/csv_export.hpp"

#include "core/text.hpp"
#include "model/enums.hpp"

namespace casefile::exporting {

std::string csv_field(std::string_view value) {
    std::string cell;
    // OWASP "CSV injection": spreadsheets evaluate cells starting with these characters.
    const bool formula =
        !value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' ||
                           value[0] == '@' || value[0] == '\t' || value[0] == '\r');
    if (formula) {
        cell += '\'';
    }
    cell += value;
    if (!formula && cell.find_first_of(",\"\r\n") == std::string::npos) {
        return cell;
    }
    std::string quoted = "\"";
    for (const char c : cell) {
        if (c == '"') {
            quoted += '"';
        }
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string csv_record(const std::vector<std::string>& fields) {
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            line += ',';
        }
        line += csv_field(fields[i]);
    }
    line += "\r\n";
    return line;
}

Result<ExportResult> export_csv(const model::Case& c, const analysis::Analysis& a,
                                const ExportOptions& options) {
    const auto tlp = effective_tlp(c, options);
    const std::string tlp_label = tlp ? std::string(model::to_string(*tlp)) : std::string();
    ExportResult result;
    result.text = csv_record({"type", "value", "defanged", "first_seen", "sources", "warninglists",
                              "tlp", "listed", "classification", "note"});
    for (const auto& i : a.indicators) {
        result.text += csv_record({std::string(model::to_string(i.type)), i.value, i.defanged,
                                   i.first_seen ? format_time(*i.first_seen) : std::string(),
                                   provenance_summary(i), join(i.warninglists, "; "), tlp_label,
                                   i.listed ? "yes" : "no", i.classification, i.note});
    }
    if (!tlp) {
        result.notes.push_back(missing_tlp_note(c, "CSV"));
    }
    return result;
}

} // namespace casefile::exporting
