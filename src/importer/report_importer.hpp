// Internal to the importer: the reader behind import_report(). One Importer reads one report;
// its member functions are defined by job in the import_*.cpp files named at each group below.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "importer/entries.hpp"
#include "importer/importer.hpp"
#include "importer/loose_time.hpp"
#include "importer/markdown_doc.hpp"
#include "importer/sections.hpp"

namespace casefile::importer::detail {

using model::IndicatorType;

struct Section {
    SectionKind kind = SectionKind::custom;
    std::string title;
    int level = 0;
    int line = 0;
    std::vector<const Block*> blocks;
};

/// A table row found inside a code block; it is moved out once the IoC list is known.
struct PastedRow {
    std::vector<std::string> cells;
    int line = 0;
    std::string block_label; ///< "Command 1"
};

/// A piece of a section that no reader mapped, kept verbatim.
struct KeptPiece {
    int line = 0;
    int end_line = 0;
    std::string text;
};

// Free helpers more than one reader uses (import_helpers.cpp).
bool is_layout_html(std::string_view html);

std::optional<IndicatorType> type_from_label(std::string_view label);

bool is_hand_only(IndicatorType t);

class Importer {
public:
    Importer(std::string_view markdown, const ioc::Extractor& extractor,
             const ImportOptions& options);
    Result<ImportedReport> run();

private:
    // ---- structure (import_structure.cpp) -----------------------------------------------

    std::vector<Section> split_sections();
    void read_section(const Section& s);

    /// The Incident Timeline section `casefile report` writes: derived from the case, so
    /// importing it would only duplicate the actions. A hand-written timeline (no such table)
    /// is read as actions.
    static bool is_generated_timeline(const Section& s);
    void set_location(const Section& s);
    bool evidence_section(SectionKind k) const;
    void read_block(const Section& s, const Block& b, const Block* next);

    /// "**EDR 1**", "EDR 1:", "KQL 2 - hunt": a line naming the code block below it.
    static bool is_evidence_label(const Block& b);
    void read_html(const Section& s, const Block& b);

    // ---- custom sections and kept pieces (import_custom.cpp) ----------------------------

    void read_custom(const Section& s);
    void keep(const Block& b);
    void keep(const Entry& e);
    void flush_kept(const Section& s);

    // ---- alert and entities (import_alert.cpp) ------------------------------------------

    struct Field {
        std::string label;
        std::string value;
        int line = 0;
    };

    static std::optional<Field> field_of(const Entry& e);
    std::vector<Field> fields_of_row(const Entry& e) const;
    void read_fields(const Section& s, const Block& b);
    bool alert_field(const Field& f);
    bool entity_field(const Field& f);
    /// A user known only by a title, or a device only by its addresses, names nobody and
    /// cannot stand in case.yaml; their report lines become a kept custom section instead.
    void keep_nameless_entities();

    // ---- indicators (import_indicators.cpp) ---------------------------------------------

    bool label_is_group(std::string_view label) const;
    void read_iocs(const Block& b);
    void set_group(const std::string& label, int line);
    bool looks_like_indicator(const Entry& e) const;
    static ioc::ExtractOptions scan_options();
    void indicator_entry(const Entry& e);

    /// Splits "value — note" / "value (file: x)" at the end of the indicator.
    void split_value(const std::string& text, std::string& value, std::string& rest) const;
    void indicator_row(const Entry& e);
    void add_indicator(std::string value, std::string rest, int line,
                       std::optional<IndicatorType> hint);

    // ---- evidence (import_evidence.cpp) -------------------------------------------------

    void read_evidence(const Section& s, const Block& b);

    /// A code block in the IoC list holding one indicator per line: read as the list.
    bool indicator_lines(const Block& b);
    void move_pasted_rows();

    // ---- OSINT (import_osint.cpp) -------------------------------------------------------

    enum class OsintMode { none, provider, behaviours, screenshot };

    void read_osint(const Block& b);
    void start_provider(std::string name, int line);
    void osint_item(const Entry& e);
    static std::vector<std::string> split_list(std::string_view s);

    /// "34 / 71 engines detected (e.g., Trojan.Agent, PowerShell/Loader.A)".
    static std::optional<std::pair<model::DetectionRatio, std::vector<std::string>>>
    detection_ratio(std::string_view text);
    void screenshot(const std::string& raw, int line);

    // ---- triage, actions, escalations (import_actions.cpp) ------------------------------

    void read_timed(const Section& s, const Block& b);
    void timed_entry(const Section& s, const Entry& e);
    static void split_escalation(const std::string& text, std::string& to, std::string& reason);

    // ---- lists and summaries (import_actions.cpp) ---------------------------------------

    void read_items(const Section& s, const Block& b);
    void read_summary(const Section& s, const Block& b);

    // ---- shared helpers (import_helpers.cpp) --------------------------------------------

    /// The entries of a list, table or paragraph after what every section reader does first: a
    /// block with no entries is kept verbatim, pseudo-bullets are noted, and empty items are
    /// recorded as skipped and left out.
    std::vector<Entry> entries_of(const Block& b, bool plain_lines);
    void note_pseudo(const Collected& c);
    void check_placeholders(const Block& b);
    void skip_empty(int line);
    std::optional<Time> parse_time_value(const std::string& value, int line, bool allow_clock);
    void note_time(const LooseTime& t, int line);
    LooseTimeOptions loose_options() const;
    std::string refang(const std::string& text) const;
    SourceLocation at(int line, int column = 1) const;
    void event(ImportEvent::Kind kind, std::string what, int line);
    void finding(std::string rule, int line, std::string message, std::string hint, int column = 1);

    // ---- the end (import_report.cpp) ----------------------------------------------------

    Result<ImportedReport> finish();

    MarkdownDoc doc_;
    std::vector<std::unique_ptr<MarkdownDoc>> sub_docs_;
    const ioc::Extractor& extractor_;
    const ImportOptions& options_;
    LooseTimeOptions time_options_;
    ImportedReport result_;

    std::map<SectionKind, int> seen_;
    std::vector<KeptPiece> kept_;
    std::optional<IndicatorType> hint_;
    bool commands_mode_ = false;
    OsintMode osint_mode_ = OsintMode::none;
    std::string pending_label_;
    std::vector<PastedRow> pasted_;
    std::set<std::pair<IndicatorType, std::string>> listed_;
    std::string last_date_;
    std::string title_text_;
    int html_depth_ = 0;
    bool have_observed_ = false;
    bool have_severity_ = false;
};

} // namespace casefile::importer::detail
