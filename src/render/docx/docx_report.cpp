#include "render/docx/docx_report.hpp"

#include <cstdlib>
#include <memory>

#include <fmt/format.h>
#include <zip.h>

#include "core/text.hpp"
#include "render/markdown/markdown_text.hpp"

namespace casefile::render {
namespace {

/// Text for an XML element or attribute: escaped, and with every character XML 1.0 forbids
/// (controls) already made visible by neutralize_controls.
std::string xml(std::string_view s) {
    return escape_markup(markdown::neutralize_controls(s));
}

struct Run {
    Run(std::string t, bool b = false, bool i = false, bool m = false, std::string c = {})
        : text(std::move(t)), bold(b), italic(i), mono(m), colour(std::move(c)) {}
    std::string text;
    bool bold = false;
    bool italic = false;
    bool mono = false;
    std::string colour; ///< "RRGGBB"
};

std::string run_xml(const Run& r) {
    // Children of w:rPr in the order the schema requires (Word rejects others).
    std::string props;
    if (r.mono) {
        props += "<w:rFonts w:ascii=\"DejaVu Sans Mono\" w:hAnsi=\"DejaVu Sans Mono\" "
                 "w:cs=\"DejaVu Sans Mono\"/>";
    }
    if (r.bold) {
        props += "<w:b/>";
    }
    if (r.italic) {
        props += "<w:i/>";
    }
    if (!r.colour.empty()) {
        props += fmt::format("<w:color w:val=\"{}\"/>", r.colour);
    }
    if (r.mono) {
        props += "<w:sz w:val=\"17\"/>";
    }
    std::string out;
    // Line breaks inside a run become <w:br/>; tabs <w:tab/>.
    const std::string text = markdown::neutralize_controls(r.text);
    std::string piece;
    const auto flush = [&] {
        if (!piece.empty()) {
            out += fmt::format("<w:r>{}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                               props.empty() ? "" : "<w:rPr>" + props + "</w:rPr>", xml(piece));
            piece.clear();
        }
    };
    for (const char c : text) {
        if (c == '\n' || c == '\t') {
            flush();
            out +=
                fmt::format("<w:r>{}{}</w:r>", props.empty() ? "" : "<w:rPr>" + props + "</w:rPr>",
                            c == '\n' ? "<w:br/>" : "<w:tab/>");
        } else {
            piece += c;
        }
    }
    flush();
    return out;
}

class DocxWriter {
public:
    DocxWriter(const ReportDocument& doc, std::vector<TextRun>* runs) : doc_(doc), runs_(runs) {}

    Result<std::string> render() {
        section_ = doc_.title;
        paragraph("Subtitle", {Run{doc_.title + " · " + doc_.ticket_id}});
        paragraph("Title", {Run{doc_.alert_title}});
        table_start(
            {{"Severity", 1250}, {"Status", 1250}, {"Observed at", 1250}, {"Marking", 1250}},
            false);
        row({{Run{"Severity", true}},
             {Run{"Status", true}},
             {Run{"Observed at", true}},
             {Run{"Marking", true}}},
            true);
        row({{Run{"● " + doc_.severity, true, false, false, doc_.severity_colour.substr(1)}},
             {Run{doc_.status}},
             {Run{doc_.observed_at}},
             {Run{doc_.tlp.label, true}}},
            false);
        body_ += "</w:tbl>";
        paragraph("Marking",
                  {Run{doc_.tlp.label + "  ", true, false, false, doc_.tlp.colour.substr(1)},
                   Run{doc_.tlp.note, false, false, false, "FFFFFF"}});
        for (const Section& s : doc_.sections) {
            section(s);
        }
        return package();
    }

private:
    void record(const std::vector<Run>& runs, bool evidence) {
        ++paragraphs_;
        if (runs_ == nullptr) {
            return;
        }
        std::string text;
        for (const auto& r : runs) {
            text += r.text;
        }
        runs_->push_back({section_, paragraphs_, text, evidence});
    }

    void paragraph(std::string_view style, const std::vector<Run>& runs, int list_level = -1,
                   bool evidence = false, bool page_break = false) {
        std::string props = fmt::format("<w:pStyle w:val=\"{}\"/>", style);
        if (page_break) {
            props += "<w:pageBreakBefore/>";
        }
        if (list_level >= 0) {
            props += fmt::format("<w:numPr><w:ilvl w:val=\"{}\"/><w:numId w:val=\"1\"/></w:numPr>",
                                 list_level);
        }
        body_ += "<w:p><w:pPr>" + props + "</w:pPr>";
        for (const Run& r : runs) {
            body_ += run_xml(r);
        }
        body_ += "</w:p>";
        record(runs, evidence);
    }

    struct Column {
        std::string title;
        int width = 0; ///< fiftieths of a percent of the text width
    };

    void table_start(const std::vector<Column>& columns, bool grid = true) {
        body_ += fmt::format("<w:tbl><w:tblPr><w:tblStyle w:val=\"{}\"/><w:tblW w:w=\"5000\" "
                             "w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>",
                             grid ? "ReportTable" : "FactTable");
        for (const auto& c : columns) {
            body_ += fmt::format("<w:gridCol w:w=\"{}\"/>", c.width * 9638 / 5000);
        }
        body_ += "</w:tblGrid>";
        widths_.clear();
        for (const auto& c : columns) {
            widths_.push_back(c.width);
        }
    }

    void row(const std::vector<std::vector<Run>>& cells, bool header) {
        body_ += header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                        : "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
        for (size_t i = 0; i < cells.size(); ++i) {
            body_ += fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"pct\"/>{}</w:tcPr>",
                                 i < widths_.size() ? widths_[i] : 1000,
                                 header ? "<w:shd w:val=\"clear\" w:color=\"auto\" "
                                          "w:fill=\"1E3A5F\"/>"
                                        : "");
            std::vector<Run> runs = cells[i];
            if (header) {
                for (auto& r : runs) {
                    r.bold = true;
                    r.colour = "FFFFFF";
                }
            }
            paragraph("TableText", runs.empty() ? std::vector<Run>{Run{""}} : runs);
            body_ += "</w:tc>";
        }
        body_ += "</w:tr>";
    }

    void section(const Section& s) {
        section_ = s.title;
        paragraph(s.level <= 2 ? "Heading1" : "Heading2", {Run{s.title}}, -1, false, s.page_break);
        for (const Block& b : s.blocks) {
            block(b);
        }
    }

    void block(const Block& b) {
        switch (b.kind) {
        case BlockKind::fields:
            table_start({{"", 1300}, {"", 3700}});
            for (const Field& f : b.fields) {
                row({{Run{f.label, true, false, false, "5B6775"}}, {Run{f.value}}}, false);
            }
            body_ += "</w:tbl>";
            paragraph("Normal", {});
            break;
        case BlockKind::paragraph:
            paragraph("Normal", {Run{b.text}});
            break;
        case BlockKind::note:
            paragraph("Normal", {Run{b.text, false, true, false, "5B6775"}});
            break;
        case BlockKind::label:
            paragraph("Label", {Run{b.text}});
            break;
        case BlockKind::list:
            if (!b.text.empty()) {
                paragraph("Label", {Run{b.text}});
            }
            for (const Item& i : b.items) {
                std::vector<Run> runs;
                if (!i.time.empty()) {
                    runs.push_back(Run{i.time + "  ", false, false, true, "1E3A5F"});
                }
                runs.push_back(Run{i.text});
                if (!i.actor.empty()) {
                    runs.push_back(Run{" — " + i.actor, false, true});
                }
                paragraph("ListParagraph", runs, 0);
                for (const auto& c : i.children) {
                    paragraph("ListParagraph", {Run{c}}, 1);
                }
            }
            break;
        case BlockKind::evidence: {
            paragraph("Label", {Run{b.evidence.summary},
                                Run{"   " + b.evidence.language, false, false, true, "5B6775"}});
            std::string content = b.evidence.content;
            while (!content.empty() && content.back() == '\n') {
                content.pop_back();
            }
            for (std::string_view line : split_lines(content)) {
                paragraph("Code", {Run{std::string(line)}}, -1, true);
            }
            if (content.empty()) {
                paragraph("Code", {}, -1, true);
            }
            paragraph("Normal", {});
            break;
        }
        case BlockKind::indicators:
            table_start({{"Type", 700},
                         {"Indicator (defanged)", 1900},
                         {"Where seen", 1000},
                         {"Notes", 1400}});
            row({{Run{"Type"}}, {Run{"Indicator (defanged)"}}, {Run{"Where seen"}}, {Run{"Notes"}}},
                true);
            for (const auto& g : b.groups) {
                for (const auto& r : g.rows) {
                    std::vector<Run> notes;
                    const auto line = [&](std::string t, std::string colour = {}) {
                        if (!notes.empty()) {
                            t.insert(0, "\n");
                        }
                        notes.push_back(Run{std::move(t), false, false, false, std::move(colour)});
                    };
                    if (!r.note.empty()) {
                        line(r.note);
                    }
                    if (!r.file.empty()) {
                        line("File: " + r.file);
                    }
                    if (!r.classification.empty()) {
                        line(r.classification + " address");
                    }
                    for (const auto& w : r.warninglists) {
                        line("⚠ On warninglist " + w +
                                 ": blocking or sweeping it may hit legitimate traffic.",
                             "9A3412");
                    }
                    row({{Run{r.type}},
                         {Run{r.value, false, false, true}},
                         {Run{where_seen(r).empty() ? std::string("IoC list only")
                                                    : where_seen(r)}},
                         notes},
                        false);
                }
            }
            body_ += "</w:tbl>";
            paragraph("Normal", {});
            break;
        case BlockKind::timeline:
            table_start(
                {{"Time (UTC)", 1150}, {"Source", 700}, {"Host", 650}, {"What happened", 2500}});
            row({{Run{"Time (UTC)"}}, {Run{"Source"}}, {Run{"Host"}}, {Run{"What happened"}}},
                true);
            for (const auto& r : b.timeline) {
                row({{Run{r.time, false, false, true}},
                     {Run{r.source}},
                     {Run{r.host}},
                     {Run{r.text}}},
                    false);
            }
            body_ += "</w:tbl>";
            paragraph("Normal", {});
            break;
        }
    }

    std::string marking_paragraph() const {
        return fmt::format(
            "<w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:b/><w:color "
            "w:val=\"{}\"/><w:sz w:val=\"24\"/><w:shd w:val=\"clear\" w:color=\"auto\" "
            "w:fill=\"000000\"/></w:rPr><w:t xml:space=\"preserve\"> {} </w:t></w:r></w:p>",
            doc_.tlp.colour.substr(1), xml(doc_.tlp.label));
    }

    static constexpr std::string_view kNs =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

    std::string document_xml() const {
        return fmt::format(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {}>"
            "<w:body>{}<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/>"
            "<w:footerReference w:type=\"default\" r:id=\"rId4\"/><w:pgSz w:w=\"11906\" "
            "w:h=\"16838\"/><w:pgMar w:top=\"1300\" w:right=\"1134\" w:bottom=\"1300\" "
            "w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
            "</w:body></w:document>",
            kNs, body_);
    }

    std::string header_xml() const {
        return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                           "<w:hdr {}><w:p><w:pPr><w:pStyle w:val=\"HeaderText\"/></w:pPr><w:r>"
                           "<w:t xml:space=\"preserve\">{} · {}</w:t></w:r></w:p>{}</w:hdr>",
                           kNs, xml(doc_.ticket_id), xml(doc_.title), marking_paragraph());
    }

    std::string footer_xml() const {
        return fmt::format(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr {}>{}"
            "<w:p><w:pPr><w:pStyle w:val=\"HeaderText\"/></w:pPr><w:r><w:t "
            "xml:space=\"preserve\">Page </w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1"
            "</w:t></w:r></w:fldSimple><w:r><w:t xml:space=\"preserve\"> of </w:t></w:r>"
            "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"
            "</w:ftr>",
            kNs, marking_paragraph());
    }

    static std::string styles_xml() {
        const auto heading = [](std::string_view id, std::string_view name, int level, int size,
                                std::string_view colour) {
            return fmt::format(
                "<w:style w:type=\"paragraph\" w:styleId=\"{0}\"><w:name w:val=\"{1}\"/>"
                "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority "
                "w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing "
                "w:before=\"{4}\" w:after=\"120\"/><w:outlineLvl w:val=\"{2}\"/></w:pPr>"
                "<w:rPr><w:b/><w:color w:val=\"{5}\"/><w:sz w:val=\"{3}\"/></w:rPr></w:style>",
                id, name, level, size, level == 0 ? 360 : 240, colour);
        };
        return std::string(
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles "
                   "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                   "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"DejaVu Sans\" "
                   "w:hAnsi=\"DejaVu Sans\" w:cs=\"DejaVu Sans\" w:eastAsia=\"DejaVu Sans\"/>"
                   "<w:color w:val=\"1F2933\"/><w:sz w:val=\"19\"/><w:lang w:val=\"en-GB\"/>"
                   "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"100\" "
                   "w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
                   "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
                   "w:val=\"Normal\"/><w:qFormat/></w:style>"
                   "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
                   "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>"
                   "<w:spacing w:after=\"200\"/></w:pPr><w:rPr><w:b/><w:color "
                   "w:val=\"1E3A5F\"/><w:sz w:val=\"40\"/></w:rPr></w:style>"
                   "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name "
                   "w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:next "
                   "w:val=\"Normal\"/><w:qFormat/><w:rPr><w:b/><w:caps/><w:color "
                   "w:val=\"5B6775\"/><w:sz w:val=\"16\"/></w:rPr></w:style>") +
               heading("Heading1", "heading 1", 0, 28, "1E3A5F") +
               heading("Heading2", "heading 2", 1, 23, "1F2933") +
               "<w:style w:type=\"paragraph\" w:styleId=\"Label\"><w:name w:val=\"Label\"/>"
               "<w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"120\" "
               "w:after=\"60\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
               "<w:style w:type=\"paragraph\" w:styleId=\"Marking\"><w:name "
               "w:val=\"Marking\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:shd w:val=\"clear\" "
               "w:color=\"auto\" w:fill=\"000000\"/><w:spacing w:before=\"120\" "
               "w:after=\"240\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/></w:rPr></w:style>"
               "<w:style w:type=\"paragraph\" w:styleId=\"Code\"><w:name w:val=\"Code\"/>"
               "<w:basedOn w:val=\"Normal\"/><w:pPr><w:shd w:val=\"clear\" w:color=\"auto\" "
               "w:fill=\"F3F5F8\"/><w:spacing w:after=\"0\" w:line=\"240\" "
               "w:lineRule=\"auto\"/><w:ind w:left=\"170\"/></w:pPr><w:rPr><w:rFonts "
               "w:ascii=\"DejaVu Sans Mono\" w:hAnsi=\"DejaVu Sans Mono\" w:cs=\"DejaVu Sans "
               "Mono\"/><w:sz w:val=\"15\"/></w:rPr></w:style>"
               "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List "
               "Paragraph\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing "
               "w:after=\"40\"/><w:ind w:left=\"720\"/></w:pPr></w:style>"
               "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table "
               "Text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
               "<w:rPr><w:sz w:val=\"17\"/></w:rPr></w:style>"
               "<w:style w:type=\"paragraph\" w:styleId=\"HeaderText\"><w:name w:val=\"Header "
               "Text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
               "<w:rPr><w:color w:val=\"5B6775\"/><w:sz w:val=\"15\"/></w:rPr></w:style>"
               "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name "
               "w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
               "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" "
               "w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" "
               "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
               "<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report "
               "Table\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders><w:bottom "
               "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"D8DEE6\"/><w:insideH "
               "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"D8DEE6\"/></w:tblBorders>"
               "<w:tblCellMar><w:top w:w=\"60\" w:type=\"dxa\"/><w:left w:w=\"100\" "
               "w:type=\"dxa\"/><w:bottom w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"100\" "
               "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
               "<w:style w:type=\"table\" w:styleId=\"FactTable\"><w:name w:val=\"Fact "
               "Table\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblCellMar><w:top "
               "w:w=\"60\" w:type=\"dxa\"/><w:left w:w=\"100\" w:type=\"dxa\"/><w:bottom "
               "w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/></w:tblCellMar>"
               "</w:tblPr><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F5F7FA\"/>"
               "</w:tcPr></w:style></w:styles>";
    }

    static std::string numbering_xml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering "
               "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
               "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType "
               "w:val=\"hybridMultilevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
               "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/>"
               "<w:pPr><w:ind w:left=\"360\" w:hanging=\"240\"/></w:pPr></w:lvl><w:lvl "
               "w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText "
               "w:val=\"–\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" "
               "w:hanging=\"240\"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId=\"1\">"
               "<w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
    }

    std::string core_xml() const {
        return fmt::format(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties "
            "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{} — {}"
            "</dc:title><dc:subject>{} · ticket {} · {} audience</dc:subject><cp:keywords>{}, "
            "{}</cp:keywords><dc:creator>casefile</dc:creator></cp:coreProperties>",
            xml(doc_.ticket_id), xml(doc_.alert_title), xml(doc_.title), xml(doc_.ticket_id),
            to_string(doc_.audience), xml(doc_.ticket_id), xml(doc_.tlp.label));
    }

    Result<std::string> package() const {
        const std::vector<std::pair<std::string, std::string>> parts = {
            {"[Content_Types].xml",
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types "
             "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default "
             "Extension=\"rels\" "
             "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
             "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override "
             "PartName=\"/word/document.xml\" "
             "ContentType=\"application/"
             "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
             "<Override PartName=\"/word/styles.xml\" "
             "ContentType=\"application/"
             "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override "
             "PartName=\"/word/numbering.xml\" "
             "ContentType=\"application/"
             "vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/><Override "
             "PartName=\"/word/header1.xml\" "
             "ContentType=\"application/"
             "vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/><Override "
             "PartName=\"/word/footer1.xml\" "
             "ContentType=\"application/"
             "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/><Override "
             "PartName=\"/docProps/core.xml\" "
             "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
             "</Types>"},
            {"_rels/.rels",
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships "
             "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId1\" "
             "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
             "officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" "
             "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
             "core-properties\" Target=\"docProps/core.xml\"/></Relationships>"},
            {"word/_rels/document.xml.rels",
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships "
             "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId1\" "
             "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
             "styles\" Target=\"styles.xml\"/><Relationship Id=\"rId2\" "
             "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
             "numbering\" Target=\"numbering.xml\"/><Relationship Id=\"rId3\" "
             "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
             "header\" Target=\"header1.xml\"/><Relationship Id=\"rId4\" "
             "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
             "footer\" Target=\"footer1.xml\"/></Relationships>"},
            {"docProps/core.xml", core_xml()},
            {"word/document.xml", document_xml()},
            {"word/styles.xml", styles_xml()},
            {"word/numbering.xml", numbering_xml()},
            {"word/header1.xml", header_xml()},
            {"word/footer1.xml", footer_xml()},
        };
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
        if (buffer == nullptr) {
            return fail(ErrorCode::internal, "libzip could not create a buffer");
        }
        zip_source_keep(buffer);
        zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
        if (archive == nullptr) {
            zip_source_free(buffer);
            return fail(ErrorCode::internal, "libzip could not open the DOCX buffer");
        }
        for (const auto& [name, content] : parts) {
            zip_source_t* src = zip_source_buffer(archive, content.data(), content.size(), 0);
            if (src == nullptr || zip_file_add(archive, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
                zip_source_free(src);
                zip_discard(archive);
                zip_source_free(buffer);
                return fail(ErrorCode::internal, fmt::format("libzip could not add {}", name));
            }
        }
        // The zip is written into `buffer` when the archive closes.
        if (zip_close(archive) < 0) {
            zip_discard(archive);
            zip_source_free(buffer);
            return fail(ErrorCode::internal, "libzip could not write the DOCX");
        }
        std::string bytes;
        zip_stat_t st;
        if (zip_source_stat(buffer, &st) == 0 && zip_source_open(buffer) == 0) {
            bytes.resize(st.size);
            const zip_int64_t n = zip_source_read(buffer, bytes.data(), st.size);
            zip_source_close(buffer);
            bytes.resize(n < 0 ? 0 : static_cast<size_t>(n));
        }
        zip_source_free(buffer);
        if (bytes.empty()) {
            return fail(ErrorCode::internal, "libzip produced an empty DOCX");
        }
        return bytes;
    }

    const ReportDocument& doc_;
    std::vector<TextRun>* runs_;
    std::string body_;
    std::string section_;
    std::vector<int> widths_;
    int paragraphs_ = 0;
};

} // namespace

Result<std::string> render_docx(const ReportDocument& doc, std::vector<TextRun>* runs) {
    return DocxWriter(doc, runs).render();
}

} // namespace casefile::render
