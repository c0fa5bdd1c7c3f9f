#include "render/template/report_template.hpp"

#include <array>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "core/text.hpp"
#include "render/document/timeline_chart.hpp"
#include "render/markdown/markdown_text.hpp"

namespace casefile::render {
namespace detail {
std::string_view embedded_file(std::string_view name); // generated from templates/
}

namespace {

namespace mu = kainjow::mustache;
using mu::data;

/// Unescaped variables an HTML template may use: fragments casefile renders and escapes itself.
constexpr std::array<std::string_view, 4> kRawHtmlFragments = {"css", "svg", "css_label",
                                                               "css_ticket"};

/// Turns document text into template values for one flavor.
class Converter {
public:
    explicit Converter(TemplateFlavor f) : flavor_(f) {}

    /// One-line or multi-line prose.
    [[nodiscard]] std::string text(std::string_view s) const {
        return md() ? markdown::escape_prose(s) : markdown::neutralize_controls(s);
    }
    /// Prose that may continue on further lines of a "- " list item.
    [[nodiscard]] std::string item(std::string_view s) const {
        if (!md()) {
            return markdown::neutralize_controls(s);
        }
        std::string li = markdown::list_item(s);
        li.erase(0, 2);
        if (!li.empty() && li.back() == '\n') {
            li.pop_back();
        }
        return li;
    }
    [[nodiscard]] bool md() const { return flavor_ == TemplateFlavor::markdown; }
    /// Text for one table cell: a pipe-table cell in Markdown.
    [[nodiscard]] std::string cell(std::string_view s) const {
        return md() ? markdown::table_cell(s) : markdown::neutralize_controls(s);
    }

    /// Sets `key` only when `value` is non-empty, so {{#key}} sections test for presence.
    static void set(data& d, const std::string& key, std::string value) {
        if (!value.empty()) {
            d.set(key, data(std::move(value)));
        }
    }

    data fields(const std::vector<Field>& fields) const {
        data list(data::type::list);
        for (const Field& f : fields) {
            data d;
            set(d, "label", text(f.label));
            set(d, "value", item(f.value));
            list.push_back(d);
        }
        return list;
    }

    data items(const std::vector<Item>& items) const {
        data list(data::type::list);
        for (const Item& i : items) {
            data d;
            set(d, "time", text(i.time));
            set(d, "text", item(i.text));
            set(d, "actor", text(i.actor));
            if (!i.children.empty()) {
                data children(data::type::list);
                for (const auto& c : i.children) {
                    data cd;
                    set(cd, "text", item(c));
                    children.push_back(cd);
                }
                d.set("children", children);
                d.set("has_children", data(true));
            }
            list.push_back(d);
        }
        return list;
    }

    data evidence(const Evidence& e) const {
        data d;
        set(d, "language", e.language);
        if (md()) {
            set(d, "summary", markdown::html_text(e.summary));
            set(d, "code", markdown::code_block(e.content, e.language));
        } else {
            set(d, "summary", text(e.summary));
            std::string content = markdown::neutralize_controls(e.content);
            while (!content.empty() && content.back() == '\n') {
                content.pop_back();
            }
            set(d, "content", content);
        }
        return d;
    }

    data groups(const std::vector<IndicatorGroup>& groups) const {
        data list(data::type::list);
        for (const IndicatorGroup& g : groups) {
            data gd;
            set(gd, "name", text(g.name));
            data rows(data::type::list);
            for (const IndicatorRow& r : g.rows) {
                data rd;
                set(rd, "type", text(r.type));
                set(rd, "value", md() && r.code ? markdown::inline_code(r.value) : text(r.value));
                if (r.code) {
                    rd.set("code", data(true));
                }
                set(rd, "file", text(r.file));
                set(rd, "note", text(r.note));
                set(rd, "classification", text(r.classification));
                std::vector<std::string> seen;
                for (const auto& s : r.seen_in) {
                    seen.push_back(text(s));
                }
                std::string where = join(seen, ", ");
                if (!r.sightings.empty()) {
                    where += (where.empty() ? "" : "; ") + text(r.sightings);
                }
                set(rd, "seen_in", where);
                if (r.listed) {
                    rd.set("listed", data(true));
                }
                if (!r.warninglists.empty()) {
                    data wl(data::type::list);
                    for (const auto& w : r.warninglists) {
                        data wd;
                        set(wd, "name", text(w));
                        wl.push_back(wd);
                    }
                    rd.set("warninglists", wl);
                }
                rows.push_back(rd);
            }
            gd.set("rows", rows);
            list.push_back(gd);
        }
        return list;
    }

    data timeline(const std::vector<TimelineRow>& rows) const {
        data d;
        data list(data::type::list);
        for (const TimelineRow& r : rows) {
            data rd;
            set(rd, "time", r.time);
            set(rd, "source", cell(r.source));
            set(rd, "host", cell(r.host));
            set(rd, "text", cell(r.text));
            list.push_back(rd);
        }
        d.set("rows", list);
        const TimelineChart chart = layout_timeline(rows);
        set(d, "span", text(chart.span));
        if (!md()) {
            set(d, "svg", timeline_svg(chart));
            data lanes(data::type::list);
            for (const auto& l : chart.lanes) {
                data ld;
                set(ld, "name", text(l.name));
                set(ld, "colour", l.colour);
                lanes.push_back(ld);
            }
            d.set("lanes", lanes);
        }
        return d;
    }

    data block(const Block& b) const {
        data d;
        static constexpr std::array<std::string_view, 8> kKinds = {
            "is_fields",     "is_paragraph", "is_list",  "is_evidence",
            "is_indicators", "is_note",      "is_label", "is_timeline"};
        d.set(std::string(kKinds[static_cast<size_t>(b.kind)]), data(true));
        switch (b.kind) {
        case BlockKind::fields:
            d.set("fields", fields(b.fields));
            if (b.columns == 2) {
                d.set("two_columns", data(true));
            }
            break;
        case BlockKind::paragraph:
        case BlockKind::note:
        case BlockKind::label:
            set(d, "text", text(b.text));
            break;
        case BlockKind::list:
            set(d, "text", text(b.text));
            d.set("items", items(b.items));
            break;
        case BlockKind::evidence:
            d.set("evidence", evidence(b.evidence));
            break;
        case BlockKind::indicators:
            d.set("groups", groups(b.groups));
            break;
        case BlockKind::timeline:
            d.set("timeline", timeline(b.timeline));
            break;
        }
        return d;
    }

    data document(const ReportDocument& doc) const {
        data root;
        set(root, "title", text(doc.title));
        set(root, "ticket_id", text(doc.ticket_id));
        set(root, "alert_title", text(doc.alert_title));
        set(root, "severity", text(doc.severity));
        set(root, "severity_key", doc.severity_key);
        set(root, "severity_colour", doc.severity_colour);
        set(root, "status", text(doc.status));
        set(root, "observed_at", doc.observed_at);
        set(root, "audience", std::string(to_string(doc.audience)));
        root.set(fmt::format("is_{}", to_string(doc.audience)), data(true));
        data tlp;
        set(tlp, "label", doc.tlp.label);
        set(tlp, "colour", doc.tlp.colour);
        set(tlp, "note", text(doc.tlp.note));
        std::string key = to_lower(doc.tlp.set ? doc.tlp.label.substr(4) : "unset");
        std::replace(key.begin(), key.end(), '+', '-');
        set(tlp, "key", key);
        if (doc.tlp.set) {
            tlp.set("set", data(true));
        }
        if (!md()) {
            set(tlp, "css_label", css_string(doc.tlp.label));
            // Width of the black box around the label in the print margins (12 pt bold).
            set(tlp, "css_width", fmt::format("{}mm", doc.tlp.label.size() * 3 + 8));
            set(root, "css_ticket", css_string(doc.ticket_id));
            set(root, "css", std::string(builtin_css()));
        }
        root.set("tlp", tlp);
        data sections(data::type::list);
        for (const Section& s : doc.sections) {
            data sd;
            set(sd, "id", s.id);
            set(sd, "title", text(s.title));
            set(sd, "level", std::to_string(s.level));
            set(sd, "hashes", std::string(static_cast<size_t>(s.level), '#'));
            sd.set(s.level <= 2 ? "is_h2" : "is_h3", data(true));
            set(sd, "css_class", s.css_class);
            if (s.page_break) {
                sd.set("page_break", data(true));
            }
            if (s.reference) {
                sd.set("reference", data(true));
            }
            data blocks(data::type::list);
            for (const Block& b : s.blocks) {
                blocks.push_back(block(b));
            }
            sd.set("blocks", blocks);
            sections.push_back(sd);
        }
        root.set("sections", sections);
        return root;
    }

    /// A CSS string literal: quotes, backslashes, '<' and control characters as \XX escapes,
    /// so neither the string nor the <style> element can be ended from inside.
    static std::string css_string(std::string_view s) {
        std::string out = "\"";
        for (const char c : s) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || u < 0x20 ||
                u == 0x7F) {
                out += fmt::format("\\{:x} ", u);
            } else {
                out += c;
            }
        }
        return out + "\"";
    }

private:
    TemplateFlavor flavor_;
};

/// 1-based line and column of byte `offset` in `text`.
SourceLocation locate(std::string_view text, size_t offset, const std::string& file) {
    SourceLocation where{file, 1, 1};
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++where.line;
            where.column = 1;
        } else {
            ++where.column;
        }
    }
    return where;
}

} // namespace

std::string_view builtin_template(TemplateFlavor flavor) {
    return detail::embedded_file(flavor == TemplateFlavor::markdown ? "report.md.mustache"
                                                                    : "report.html.mustache");
}

std::string_view builtin_css() {
    return detail::embedded_file("report.css");
}

Status check_template(std::string_view text, TemplateFlavor flavor, const std::string& file) {
    if (text.size() > kMaxTemplateBytes) {
        return fail(ErrorCode::bad_input,
                    fmt::format("{}: template is {} bytes; the limit is {} bytes", file,
                                text.size(), kMaxTemplateBytes),
                    "split the layout or remove embedded data (images, fonts)");
    }
    if (!is_valid_utf8(text)) {
        return fail(ErrorCode::bad_input, fmt::format("{}: template is not valid UTF-8", file),
                    "save the template as UTF-8");
    }
    int depth = 0;
    for (size_t at = text.find("{{"); at != std::string_view::npos;) {
        const size_t close = text.find("}}", at + 2);
        if (close == std::string_view::npos) {
            return fail(ErrorCode::bad_input, "unclosed tag '{{'", "close it with '}}'",
                        locate(text, at, file));
        }
        std::string_view tag = text.substr(at + 2, close - at - 2);
        const char sigil = tag.empty() ? ' ' : tag.front();
        const auto where = locate(text, at, file);
        if (sigil == '>') {
            return fail(ErrorCode::bad_input, "partials ({{>name}}) are not supported",
                        "put the partial's text in the template itself", where);
        }
        if (sigil == '=') {
            return fail(ErrorCode::bad_input, "changing delimiters ({{=...=}}) is not supported",
                        "keep the default {{ }} delimiters", where);
        }
        if (sigil == '#' || sigil == '^') {
            if (++depth > 32) {
                return fail(ErrorCode::bad_input, "sections are nested more than 32 deep",
                            "flatten the template", where);
            }
        } else if (sigil == '/') {
            --depth;
        }
        if (flavor == TemplateFlavor::html && (sigil == '{' || sigil == '&')) {
            std::string_view name = trim(tag.substr(1));
            const std::string_view last = name.substr(name.rfind('.') + 1);
            if (std::find(kRawHtmlFragments.begin(), kRawHtmlFragments.end(), last) ==
                kRawHtmlFragments.end()) {
                return fail(
                    ErrorCode::bad_input,
                    fmt::format("unescaped variable '{}' in an HTML template", std::string(name)),
                    fmt::format("write {{{{{}}}}} so the value is HTML-escaped; only "
                                "css, svg, css_label and css_ticket may be unescaped",
                                std::string(name)),
                    where);
            }
        }
        at = text.find("{{", close + 2);
    }
    mu::mustache compiled{std::string(text)};
    if (!compiled.is_valid()) {
        return fail(ErrorCode::bad_input, fmt::format("{}: {}", file, compiled.error_message()),
                    "check that every {{#section}} has a matching {{/section}}");
    }
    return {};
}

Result<std::string> render_template(const ReportDocument& doc, TemplateFlavor flavor,
                                    std::string_view text, const std::string& file) {
    if (auto ok = check_template(text, flavor, file); !ok) {
        return tl::unexpected(ok.error());
    }
    mu::mustache compiled{std::string(text)};
    if (flavor == TemplateFlavor::markdown) {
        // Markdown values are escaped for their place already; HTML-escaping them again would
        // turn "&lt;" into "&amp;lt;".
        compiled.set_custom_escape([](const std::string& s) { return s; });
    }
    const data root = Converter(flavor).document(doc);
    std::string out = compiled.render(root);
    if (!compiled.is_valid()) {
        return fail(ErrorCode::bad_input, fmt::format("{}: {}", file, compiled.error_message()),
                    "fix the template");
    }
    return out;
}

} // namespace casefile::render
