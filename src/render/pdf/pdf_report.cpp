#include "render/pdf/pdf_report.hpp"

#include <algorithm>
#include <memory>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include "core/text.hpp"
#include "render/document/timeline_chart.hpp"
#include "render/markdown/markdown_text.hpp"

namespace casefile::render {
namespace {

struct Colour {
    double r = 0, g = 0, b = 0;
};

Colour hex(std::string_view h) {
    if (h.size() != 7 || h.front() != '#') {
        return {};
    }
    const auto byte = [&](size_t i) {
        return static_cast<double>(std::stoi(std::string(h.substr(i, 2)), nullptr, 16)) / 255.0;
    };
    return {byte(1), byte(3), byte(5)};
}

const Colour kInk = hex("#1f2933");
const Colour kMuted = hex("#5b6775");
const Colour kRule = hex("#d8dee6");
const Colour kAccent = hex("#1e3a5f");
const Colour kPanel = hex("#f5f7fa");
const Colour kCodeBg = hex("#f3f5f8");
const Colour kWarn = hex("#9a3412");
const Colour kWhite = hex("#ffffff");

constexpr int kMaxCellBytes = 4000;

void set_colour(cairo_t* cr, const Colour& c) {
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/// Owns a GObject reference.
struct LayoutPtr {
    PangoLayout* p = nullptr;
    LayoutPtr() = default;
    explicit LayoutPtr(PangoLayout* l) : p(l) {}
    LayoutPtr(const LayoutPtr&) = delete;
    LayoutPtr& operator=(const LayoutPtr&) = delete;
    LayoutPtr(LayoutPtr&& o) noexcept : p(o.p) { o.p = nullptr; }
    LayoutPtr& operator=(LayoutPtr&& o) noexcept {
        std::swap(p, o.p);
        return *this;
    }
    ~LayoutPtr() {
        if (p != nullptr) {
            g_object_unref(p);
        }
    }
};

/// A span of text with its own look inside one layout.
struct Span {
    Span(std::string t, bool b = false, bool i = false, bool m = false,
         std::optional<Colour> c = std::nullopt)
        : text(std::move(t)), bold(b), italic(i), mono(m), colour(c) {}
    std::string text;
    bool bold = false;
    bool italic = false;
    bool mono = false;
    std::optional<Colour> colour;
};

struct Style {
    Style(double s = 9.5, bool b = false, bool i = false, bool m = false,
          Colour c = {0.122, 0.161, 0.2}, double sp = 1.25)
        : size(s), bold(b), italic(i), mono(m), colour(c), spacing(sp) {}
    double size = 9.5;
    bool bold = false;
    bool italic = false;
    bool mono = false;
    Colour colour = kInk;
    double spacing = 1.25; ///< line height factor
};

/// Text safe for pango: valid UTF-8, control and bidi characters made visible.
std::string clean(std::string_view s) {
    return markdown::neutralize_controls(s);
}

struct Outline {
    int level = 2;
    std::string title;
    int page = 1;
    double y = 0;
};

class PdfWriter {
public:
    PdfWriter(const ReportDocument& doc, const PdfOptions& options, std::vector<TextRun>* runs)
        : doc_(doc), runs_(runs) {
        if (options.paper == Paper::letter) {
            width_ = 612;
            height_ = 792;
        }
        font_map_ = pango_cairo_font_map_get_default();
        context_ = pango_font_map_create_context(font_map_);
        pango_cairo_context_set_resolution(context_, 72.0);
        cairo_font_options_t* fo = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
        pango_cairo_context_set_font_options(context_, fo);
        cairo_font_options_destroy(fo);
    }
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    ~PdfWriter() {
        for (auto& p : pages_) {
            cairo_destroy(p.cr);
            cairo_surface_destroy(p.surface);
        }
        g_object_unref(context_);
    }

    Result<std::string> render() {
        new_page();
        title_block();
        for (const Section& s : doc_.sections) {
            section(s);
        }
        return finish();
    }

private:
    struct Page {
        cairo_surface_t* surface = nullptr;
        cairo_t* cr = nullptr;
    };

    // ---- pages ------------------------------------------------------------------------------

    [[nodiscard]] double left() const { return kMarginX; }
    [[nodiscard]] double content_width() const { return width_ - 2 * kMarginX; }
    [[nodiscard]] double top() const { return kMarginTop; }
    [[nodiscard]] double bottom() const { return height_ - kMarginBottom; }
    cairo_t* cr() { return pages_.back().cr; }
    [[nodiscard]] int page_number() const { return static_cast<int>(pages_.size()); }
    /// The leadership briefing must fit one page: tighter spacing.
    [[nodiscard]] bool compact() const { return doc_.audience == Audience::leadership; }

    void new_page() {
        cairo_rectangle_t extents{0, 0, width_, height_};
        Page p;
        p.surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
        p.cr = cairo_create(p.surface);
        pages_.push_back(p);
        y_ = top();
    }

    /// Starts a new page unless `h` points still fit on this one.
    void ensure(double h) {
        if (y_ + h > bottom() && y_ > top() + 0.5) {
            new_page();
        }
    }

    // ---- text -------------------------------------------------------------------------------

    LayoutPtr layout(const std::vector<Span>& spans, const Style& st, double width) {
        LayoutPtr l(pango_layout_new(context_));
        PangoFontDescription* fd =
            pango_font_description_from_string(st.mono ? "DejaVu Sans Mono" : "DejaVu Sans");
        pango_font_description_set_absolute_size(fd, st.size * PANGO_SCALE);
        pango_font_description_set_weight(fd, st.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_style(fd, st.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
        pango_layout_set_font_description(l.p, fd);
        pango_font_description_free(fd);
        pango_layout_set_width(l.p, static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(l.p, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_line_spacing(l.p, static_cast<float>(st.spacing));
        std::string text;
        PangoAttrList* attrs = pango_attr_list_new();
        for (const Span& s : spans) {
            const auto start = static_cast<guint>(text.size());
            text += clean(s.text);
            const auto end = static_cast<guint>(text.size());
            const auto add = [&](PangoAttribute* a) {
                a->start_index = start;
                a->end_index = end;
                pango_attr_list_insert(attrs, a);
            };
            if (s.bold) {
                add(pango_attr_weight_new(PANGO_WEIGHT_BOLD));
            }
            if (s.italic) {
                add(pango_attr_style_new(PANGO_STYLE_ITALIC));
            }
            if (s.mono) {
                add(pango_attr_family_new("DejaVu Sans Mono"));
                add(pango_attr_size_new_absolute(static_cast<int>(st.size * 0.9 * PANGO_SCALE)));
            }
            if (s.colour) {
                add(pango_attr_foreground_new(static_cast<guint16>(s.colour->r * 65535),
                                              static_cast<guint16>(s.colour->g * 65535),
                                              static_cast<guint16>(s.colour->b * 65535)));
            }
        }
        pango_layout_set_text(l.p, text.data(), static_cast<int>(text.size()));
        pango_layout_set_attributes(l.p, attrs);
        pango_attr_list_unref(attrs);
        return l;
    }
    LayoutPtr layout(std::string_view text, const Style& st, double width) {
        return layout(std::vector<Span>{Span{std::string(text)}}, st, width);
    }

    static double height_of(const LayoutPtr& l) {
        int w = 0;
        int h = 0;
        pango_layout_get_size(l.p, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    void record(std::string_view text, bool evidence) {
        if (runs_ != nullptr) {
            runs_->push_back({section_, page_number(), clean(text), evidence});
        }
    }

    void draw(const LayoutPtr& l, double x, double y, const Colour& c) {
        set_colour(cr(), c);
        cairo_move_to(cr(), x, y);
        pango_cairo_show_layout(cr(), l.p);
    }

    /// Places a layout in the flow, line by line, continuing on new pages as needed. With a
    /// background, each page's part gets a tinted box (code blocks).
    void flow(const LayoutPtr& l, double x, const Colour& c, std::string_view text, bool evidence,
              const std::optional<Colour>& background = std::nullopt, double pad = 0) {
        struct Line {
            PangoLayoutLine* line;
            double top;
            double height;
            double baseline;
        };
        std::vector<Line> lines;
        PangoLayoutIter* it = pango_layout_get_iter(l.p);
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            lines.push_back(
                {pango_layout_iter_get_line_readonly(it),
                 static_cast<double>(logical.y) / PANGO_SCALE,
                 static_cast<double>(logical.height) / PANGO_SCALE,
                 static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE});
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);

        record(text, evidence);
        size_t i = 0;
        while (i < lines.size()) {
            ensure(lines[i].height + 2 * pad);
            const double origin = lines[i].top; // layout y of this chunk's first line
            size_t j = i;
            while (j < lines.size() &&
                   y_ + pad + (lines[j].top + lines[j].height - origin) + pad <= bottom() + 0.01) {
                ++j;
            }
            if (j == i) {
                j = i + 1; // a line taller than a page: place it anyway
            }
            const double chunk = lines[j - 1].top + lines[j - 1].height - origin;
            if (background) {
                set_colour(cr(), *background);
                cairo_rectangle(cr(), x - pad, y_, content_width() - (x - left()) + pad,
                                chunk + 2 * pad);
                cairo_fill(cr());
                set_colour(cr(), kRule);
                cairo_rectangle(cr(), x - pad, y_, 2.5, chunk + 2 * pad);
                cairo_fill(cr());
            }
            set_colour(cr(), c);
            for (size_t k = i; k < j; ++k) {
                cairo_move_to(cr(), x, y_ + pad + lines[k].baseline - origin);
                pango_cairo_show_layout_line(cr(), lines[k].line);
            }
            y_ += chunk + 2 * pad;
            i = j;
            if (i < lines.size()) {
                new_page();
            }
        }
    }

    // ---- title and sections -----------------------------------------------------------------

    void title_block() {
        section_ = doc_.title;
        auto eyebrow = layout(to_upper(doc_.title) + "  ·  " + doc_.ticket_id,
                              Style{8, true, false, false, kMuted}, content_width());
        draw(eyebrow, left(), y_, kMuted);
        record(doc_.title + " " + doc_.ticket_id, false);
        y_ += height_of(eyebrow) + 4;
        auto h1 = layout(doc_.alert_title,
                         Style{compact() ? 16.0 : 19.0, true, false, false, kAccent, 1.1},
                         content_width());
        draw(h1, left(), y_, kAccent);
        record(doc_.alert_title, false);
        outline_.push_back({1, doc_.alert_title.empty() ? doc_.title : doc_.alert_title, 1, y_});
        y_ += height_of(h1) + 10;

        // Four fact boxes: severity (colour and word), status, observed at, marking.
        const double gap = 8;
        const double box_w = (content_width() - 3 * gap) / 4;
        const std::array<std::pair<std::string, std::string>, 4> facts = {
            std::pair{std::string("SEVERITY"), doc_.severity},
            std::pair{std::string("STATUS"), doc_.status},
            std::pair{std::string("OBSERVED AT"), doc_.observed_at},
            std::pair{std::string("MARKING"), doc_.tlp.label}};
        double box_h = 0;
        std::vector<std::pair<LayoutPtr, LayoutPtr>> boxes;
        for (size_t i = 0; i < facts.size(); ++i) {
            auto label = layout(facts[i].first, Style{6.5, true, false, false, kMuted}, box_w - 16);
            auto value = layout(facts[i].second, Style{i == 2 ? 7.8 : 9.5, true},
                                box_w - (i == 0 ? 28 : 14));
            box_h = std::max(box_h, height_of(label) + height_of(value) + 14);
            boxes.emplace_back(std::move(label), std::move(value));
        }
        for (size_t i = 0; i < boxes.size(); ++i) {
            const double x = left() + static_cast<double>(i) * (box_w + gap);
            set_colour(cr(), kPanel);
            cairo_rectangle(cr(), x, y_, box_w, box_h);
            cairo_fill(cr());
            draw(boxes[i].first, x + 8, y_ + 6, kMuted);
            const double vy = y_ + 8 + height_of(boxes[i].first);
            if (i == 0) {
                set_colour(cr(), hex(doc_.severity_colour));
                cairo_arc(cr(), x + 13, vy + 6.5, 4, 0, 2 * G_PI);
                cairo_fill(cr());
                draw(boxes[i].second, x + 21, vy, hex(doc_.severity_colour));
            } else {
                draw(boxes[i].second, x + 8, vy, kInk);
            }
            record(facts[i].first + ": " + facts[i].second, false);
        }
        y_ += box_h + 10;

        // The TLP banner: label in its colour on black, with the restriction in words. The
        // one-page briefing carries the label in its header, footer and fact boxes only.
        if (compact()) {
            set_colour(cr(), kAccent);
            cairo_rectangle(cr(), left(), y_, content_width(), 2);
            cairo_fill(cr());
            y_ += 6;
            return;
        }
        auto label = layout(doc_.tlp.label, Style{12, true}, 130);
        auto note =
            layout(doc_.tlp.note, Style{8, false, false, false, kWhite}, content_width() - 150);
        const double bh = std::max(height_of(label), height_of(note)) + 12;
        cairo_set_source_rgb(cr(), 0, 0, 0);
        cairo_rectangle(cr(), left(), y_, content_width(), bh);
        cairo_fill(cr());
        draw(label, left() + 10, y_ + (bh - height_of(label)) / 2, hex(doc_.tlp.colour));
        draw(note, left() + 140, y_ + (bh - height_of(note)) / 2, kWhite);
        record(doc_.tlp.label + " " + doc_.tlp.note, false);
        y_ += bh + 6;
        set_colour(cr(), kAccent);
        cairo_rectangle(cr(), left(), y_, content_width(), 2);
        cairo_fill(cr());
        y_ += 8;
    }

    void section(const Section& s) {
        section_ = s.title;
        if (s.page_break && y_ > top() + 1) {
            new_page();
        }
        const bool h2 = s.level <= 2;
        auto h =
            layout(s.title, Style{h2 ? 14.0 : 11.5, true, false, false, h2 ? kAccent : kInk, 1.1},
                   content_width());
        const double hh = height_of(h);
        // Keep a heading with the start of what follows: a chart whole, a table's header and
        // first rows, a few lines of anything else.
        double keep = 40;
        if (!s.blocks.empty()) {
            const Block& first = s.blocks.front();
            if (first.kind == BlockKind::timeline) {
                keep = static_cast<double>(layout_timeline(first.timeline).lanes.size()) * 16 + 70;
            } else if (first.kind == BlockKind::indicators || first.kind == BlockKind::evidence) {
                keep = 80;
            }
        }
        ensure(hh + (h2 ? 14 : 10) + keep);
        y_ += y_ > top() + 1 ? (h2 ? (compact() ? 6 : 14) : 8) : 0;
        outline_.push_back({h2 ? 2 : 3, s.title, page_number(), y_});
        draw(h, left(), y_, h2 ? kAccent : kInk);
        record(s.title, false);
        y_ += hh + 3;
        if (h2) {
            set_colour(cr(), kRule);
            cairo_rectangle(cr(), left(), y_, content_width(), 0.8);
            cairo_fill(cr());
            y_ += 7;
        } else {
            y_ += 3;
        }
        for (const Block& b : s.blocks) {
            block(b);
        }
    }

    void block(const Block& b) {
        switch (b.kind) {
        case BlockKind::fields:
            if (b.columns == 2) {
                field_pairs(b.fields);
            } else {
                fields(b.fields);
            }
            break;
        case BlockKind::paragraph: {
            auto l = layout(b.text, Style{}, content_width());
            flow(l, left(), kInk, b.text, false);
            y_ += compact() ? 4 : 8;
            break;
        }
        case BlockKind::note: {
            auto l = layout(b.text, Style{9.5, false, true, false, kMuted}, content_width());
            flow(l, left(), kMuted, b.text, false);
            y_ += 8;
            break;
        }
        case BlockKind::label: {
            auto l = layout(b.text, Style{10, true}, content_width());
            ensure(height_of(l) + 30);
            flow(l, left(), kInk, b.text, false);
            y_ += 4;
            break;
        }
        case BlockKind::list:
            list(b);
            break;
        case BlockKind::evidence:
            evidence(b.evidence);
            break;
        case BlockKind::indicators:
            indicators(b.groups);
            break;
        case BlockKind::timeline:
            timeline(b.timeline);
            break;
        }
    }

    void fields(const std::vector<Field>& fields) {
        const double label_w = compact() ? 92 : 120;
        const double value_w = content_width() - label_w - 12;
        for (const Field& f : fields) {
            auto label = layout(f.label, Style{8.5, true, false, false, kMuted}, label_w);
            auto value = layout(f.value, Style{}, value_w);
            const double h = std::max(height_of(label), height_of(value)) + 8;
            if (h < bottom() - top()) {
                ensure(h);
                draw(label, left() + 4, y_ + 4.5, kMuted);
                draw(value, left() + label_w + 12, y_ + 4, kInk);
                record(f.label + ": " + f.value, false);
                y_ += h;
            } else {
                flow(label, left() + 4, kMuted, f.label, false);
                flow(value, left() + label_w + 12, kInk, f.value, false);
            }
            set_colour(cr(), kRule);
            cairo_rectangle(cr(), left(), y_, content_width(), 0.5);
            cairo_fill(cr());
        }
        y_ += compact() ? 6 : 10;
    }

    /// Two label/value pairs per row, for compact one-page layouts.
    void field_pairs(const std::vector<Field>& fields) {
        const double half = (content_width() - 12) / 2;
        const double label_w = 92;
        const double value_w = half - label_w - 8;
        for (size_t i = 0; i < fields.size(); i += 2) {
            std::vector<std::pair<LayoutPtr, LayoutPtr>> cells;
            double h = 0;
            for (size_t k = i; k < std::min(i + 2, fields.size()); ++k) {
                auto label =
                    layout(fields[k].label, Style{8.5, true, false, false, kMuted}, label_w);
                auto value = layout(fields[k].value, Style{}, value_w);
                h = std::max({h, height_of(label), height_of(value)});
                record(fields[k].label + ": " + fields[k].value, false);
                cells.emplace_back(std::move(label), std::move(value));
            }
            h += 8;
            ensure(h);
            for (size_t k = 0; k < cells.size(); ++k) {
                const double x = left() + static_cast<double>(k) * (half + 12);
                draw(cells[k].first, x + 4, y_ + 4.5, kMuted);
                draw(cells[k].second, x + label_w + 8, y_ + 4, kInk);
            }
            y_ += h;
            set_colour(cr(), kRule);
            cairo_rectangle(cr(), left(), y_, content_width(), 0.5);
            cairo_fill(cr());
        }
        y_ += compact() ? 6 : 10;
    }

    void list(const Block& b) {
        if (!b.text.empty()) {
            auto l = layout(b.text, Style{9.5, true}, content_width());
            // Keep the caption with its first item.
            double first = 14;
            if (!b.items.empty()) {
                first = std::min(
                    60.0, height_of(layout(b.items.front().text, Style{}, content_width() - 14)));
            }
            ensure(height_of(l) + first + 6);
            flow(l, left(), kInk, b.text, false);
            y_ += 2;
        }
        const double indent = 14;
        for (const Item& i : b.items) {
            std::vector<Span> spans;
            if (!i.time.empty()) {
                spans.push_back(Span{i.time + "  ", false, false, true, kAccent});
            }
            spans.push_back(Span{i.text});
            if (!i.actor.empty()) {
                spans.push_back(Span{" — " + i.actor, false, true, false, kMuted});
            }
            auto l = layout(spans, Style{}, content_width() - indent);
            ensure(std::min(height_of(l), 30.0));
            auto bullet = layout("•", Style{9.5, true, false, false, kAccent}, indent);
            draw(bullet, left() + 3, y_, kAccent);
            std::string text;
            for (const auto& s : spans) {
                text += s.text;
            }
            flow(l, left() + indent, kInk, text, false);
            for (const auto& c : i.children) {
                auto cl = layout(c, Style{}, content_width() - 2 * indent);
                ensure(std::min(height_of(cl), 30.0));
                auto dash = layout("–", Style{9.5, false, false, false, kMuted}, indent);
                draw(dash, left() + indent + 3, y_, kMuted);
                flow(cl, left() + 2 * indent, kInk, c, false);
            }
            y_ += compact() ? 1 : 2;
        }
        y_ += compact() ? 4 : 8;
    }

    void evidence(const Evidence& e) {
        auto caption =
            layout(std::vector<Span>{Span{e.summary, true},
                                     Span{"   " + e.language, false, false, true, kMuted}},
                   Style{9}, content_width());
        ensure(height_of(caption) + 40);
        draw(caption, left(), y_, kInk);
        record(e.summary, false);
        y_ += height_of(caption) + 3;
        std::string content = e.content;
        while (!content.empty() && content.back() == '\n') {
            content.pop_back();
        }
        auto code = layout(content.empty() ? std::string(" ") : content,
                           Style{7.6, false, false, true, kInk, 1.15}, content_width() - 16);
        flow(code, left() + 8, kInk, content, true, kCodeBg, 6);
        y_ += 10;
    }

    /// A table whose rows never split and whose header repeats on every page it spans.
    struct Column {
        std::string title;
        double share = 0; ///< of the content width
    };
    using Cell = std::vector<Span>;

    void table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows,
               const std::vector<bool>& mono_columns) {
        std::vector<double> widths;
        for (const auto& c : columns) {
            widths.push_back(c.share * content_width());
        }
        const double pad = 4;
        const auto header = [&] {
            std::vector<LayoutPtr> cells;
            double h = 0;
            for (size_t i = 0; i < columns.size(); ++i) {
                cells.push_back(layout(columns[i].title, Style{8, true, false, false, kWhite},
                                       widths[i] - 2 * pad));
                h = std::max(h, height_of(cells.back()));
            }
            h += 2 * pad;
            set_colour(cr(), kAccent);
            cairo_rectangle(cr(), left(), y_, content_width(), h);
            cairo_fill(cr());
            double x = left();
            for (size_t i = 0; i < cells.size(); ++i) {
                draw(cells[i], x + pad, y_ + pad, kWhite);
                x += widths[i];
            }
            y_ += h;
        };
        ensure(60);
        header();
        size_t n = 0;
        for (const auto& row : rows) {
            std::vector<LayoutPtr> cells;
            double h = 0;
            std::string text;
            for (size_t i = 0; i < columns.size() && i < row.size(); ++i) {
                Cell cell = row[i];
                for (auto& s : cell) {
                    if (s.text.size() > kMaxCellBytes) {
                        s.text = s.text.substr(0, kMaxCellBytes) + " …";
                    }
                    text += s.text + " ";
                }
                cells.push_back(layout(
                    cell,
                    Style{mono_columns[i] ? 7.4 : 8.0, false, false, mono_columns[i], kInk, 1.15},
                    widths[i] - 2 * pad));
                h = std::max(h, height_of(cells.back()));
            }
            h += 2 * pad;
            if (y_ + h > bottom()) {
                new_page();
                header();
            }
            if (n++ % 2 == 1) {
                set_colour(cr(), hex("#fafbfc"));
                cairo_rectangle(cr(), left(), y_, content_width(), h);
                cairo_fill(cr());
            }
            double x = left();
            for (size_t i = 0; i < cells.size(); ++i) {
                draw(cells[i], x + pad, y_ + pad, kInk);
                x += widths[i];
            }
            record(text, false);
            y_ += h;
            set_colour(cr(), kRule);
            cairo_rectangle(cr(), left(), y_ - 0.5, content_width(), 0.5);
            cairo_fill(cr());
        }
        y_ += 10;
    }

    void indicators(const std::vector<IndicatorGroup>& groups) {
        std::vector<std::vector<Cell>> rows;
        for (const auto& g : groups) {
            for (const auto& r : g.rows) {
                Cell notes;
                const auto line = [&](std::string t, std::optional<Colour> c = std::nullopt) {
                    if (!notes.empty()) {
                        t.insert(0, "\n");
                    }
                    notes.push_back(Span{std::move(t), false, false, false, c});
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
                             ": blocking or sweeping it may hit legitimate "
                             "traffic.",
                         kWarn);
                }
                rows.push_back({Cell{Span{r.type}}, Cell{Span{r.value}},
                                Cell{Span{where_seen(r).empty() ? std::string("IoC list only")
                                                                : where_seen(r)}},
                                notes});
            }
        }
        table(
            {{"Type", 0.14}, {"Indicator (defanged)", 0.38}, {"Where seen", 0.2}, {"Notes", 0.28}},
            rows, {false, true, false, false});
    }

    void timeline(const std::vector<TimelineRow>& rows) {
        chart(layout_timeline(rows));
        std::vector<std::vector<Cell>> cells;
        cells.reserve(rows.size());
        for (const auto& r : rows) {
            cells.push_back(
                {Cell{Span{r.time}}, Cell{Span{r.source}}, Cell{Span{r.host}}, Cell{Span{r.text}}});
        }
        table({{"Time (UTC)", 0.25}, {"Source", 0.14}, {"Host", 0.12}, {"What happened", 0.49}},
              cells, {true, false, false, false});
    }

    void chart(const TimelineChart& c) {
        const double lane_h = 16;
        const double label_w = 90;
        const double h = static_cast<double>(c.lanes.size()) * lane_h + 40;
        ensure(h);
        auto span = layout(c.span, Style{7.5, false, false, false, kMuted}, content_width());
        draw(span, left(), y_, kMuted);
        record(c.span, false);
        y_ += height_of(span) + 4;
        const double plot_x = left() + label_w;
        const double plot_w = content_width() - label_w - 10;
        for (size_t i = 0; i < c.lanes.size(); ++i) {
            const double ly = y_ + static_cast<double>(i) * lane_h;
            set_colour(cr(), i % 2 == 0 ? kPanel : kWhite);
            cairo_rectangle(cr(), plot_x, ly, plot_w, lane_h);
            cairo_fill(cr());
            auto name = layout(c.lanes[i].name, Style{7.5}, label_w - 8);
            pango_layout_set_alignment(name.p, PANGO_ALIGN_RIGHT);
            draw(name, left(), ly + (lane_h - height_of(name)) / 2, kInk);
        }
        const double axis = y_ + static_cast<double>(c.lanes.size()) * lane_h;
        cairo_set_line_width(cr(), 0.5);
        for (const auto& t : c.ticks) {
            const double x = plot_x + t.x * plot_w;
            set_colour(cr(), kRule);
            cairo_move_to(cr(), x, y_);
            cairo_line_to(cr(), x, axis + 3);
            cairo_stroke(cr());
            auto label = layout(t.label, Style{6.5, false, false, false, kMuted}, 60);
            pango_layout_set_width(label.p, -1);
            int lw = 0;
            int lh = 0;
            pango_layout_get_size(label.p, &lw, &lh);
            draw(label, x - static_cast<double>(lw) / PANGO_SCALE / 2, axis + 5, kMuted);
        }
        set_colour(cr(), kMuted);
        cairo_move_to(cr(), plot_x, axis);
        cairo_line_to(cr(), plot_x + plot_w, axis);
        cairo_stroke(cr());
        for (const auto& p : c.points) {
            const Colour col = hex(c.lanes[p.lane].colour);
            cairo_set_source_rgba(cr(), col.r, col.g, col.b, 0.85);
            cairo_arc(cr(), plot_x + p.x * plot_w,
                      y_ + static_cast<double>(p.lane) * lane_h + lane_h / 2, 3.2, 0, 2 * G_PI);
            cairo_fill(cr());
        }
        y_ = axis + 22;
    }

    // ---- output -------------------------------------------------------------------------------

    static cairo_status_t write_chunk(void* closure, const unsigned char* data,
                                      unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    }

    /// The TLP label right-justified in a black box, at least 12 pt (FIRST TLP 2.0).
    void marking(cairo_t* pcr, double y) {
        auto l = layout(doc_.tlp.label, Style{12, true}, 200);
        pango_layout_set_width(l.p, -1);
        int w = 0;
        int h = 0;
        pango_layout_get_size(l.p, &w, &h);
        const double tw = static_cast<double>(w) / PANGO_SCALE;
        const double th = static_cast<double>(h) / PANGO_SCALE;
        const double x = width_ - kMarginX - tw - 12;
        cairo_set_source_rgb(pcr, 0, 0, 0);
        cairo_rectangle(pcr, x, y, tw + 12, th + 4);
        cairo_fill(pcr);
        set_colour(pcr, hex(doc_.tlp.colour));
        cairo_move_to(pcr, x + 6, y + 2);
        pango_cairo_show_layout(pcr, l.p);
    }

    Result<std::string> finish() {
        std::string bytes;
        cairo_surface_t* pdf =
            cairo_pdf_surface_create_for_stream(&PdfWriter::write_chunk, &bytes, width_, height_);
        const std::string title = clean(doc_.ticket_id + " — " + doc_.alert_title);
        cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, title.c_str());
        const std::string subject =
            clean(fmt::format("{} · ticket {} · {} audience · {}", doc_.title, doc_.ticket_id,
                              to_string(doc_.audience), doc_.tlp.label));
        cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_SUBJECT, subject.c_str());
        const std::string keywords =
            clean(fmt::format("{}, {}, incident report", doc_.ticket_id, doc_.tlp.label));
        cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_KEYWORDS, keywords.c_str());
        cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "casefile 0.1.0");
        cairo_t* pcr = cairo_create(pdf);
        const int total = page_number();
        for (int i = 0; i < total; ++i) {
            cairo_surface_t* page = pages_[static_cast<size_t>(i)].surface;
            cairo_set_source_surface(pcr, page, 0, 0);
            cairo_paint(pcr);
            // Header: ticket and report on the left, marking on the right; footer likewise.
            auto head = layout(doc_.ticket_id + "  ·  " + doc_.title,
                               Style{7.5, false, false, false, kMuted}, content_width() - 140);
            set_colour(pcr, kMuted);
            cairo_move_to(pcr, kMarginX, 26);
            pango_cairo_show_layout(pcr, head.p);
            marking(pcr, 22);
            set_colour(pcr, kRule);
            cairo_rectangle(pcr, kMarginX, 44, width_ - 2 * kMarginX, 0.5);
            cairo_fill(pcr);
            const std::string page_text = fmt::format("Page {} of {}", i + 1, total);
            auto foot = layout(page_text, Style{7.5, false, false, false, kMuted}, 200);
            set_colour(pcr, kMuted);
            cairo_move_to(pcr, kMarginX, height_ - 34);
            pango_cairo_show_layout(pcr, foot.p);
            marking(pcr, height_ - 38);
            if (runs_ != nullptr) {
                runs_->push_back({"page header", i + 1,
                                  doc_.ticket_id + " " + doc_.title + " " + doc_.tlp.label, false});
                runs_->push_back({"page footer", i + 1, page_text, false});
            }
            cairo_show_page(pcr);
        }
        // The document outline (bookmarks): level-2 sections, their level-3 parts beneath.
        int parent2 = CAIRO_PDF_OUTLINE_ROOT;
        int parent1 = CAIRO_PDF_OUTLINE_ROOT;
        for (const Outline& o : outline_) {
            const std::string link = fmt::format("page={} pos=[{:.1f} {:.1f}]", o.page, kMarginX,
                                                 std::max(0.0, o.y - 6));
            const std::string name = clean(o.title);
            const int parent = o.level == 1   ? CAIRO_PDF_OUTLINE_ROOT
                               : o.level == 2 ? parent1
                                              : parent2;
            const int id =
                cairo_pdf_surface_add_outline(pdf, parent, name.c_str(), link.c_str(),
                                              static_cast<cairo_pdf_outline_flags_t>(
                                                  o.level <= 2 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0));
            if (o.level == 1) {
                parent1 = id;
            } else if (o.level == 2) {
                parent2 = id;
            }
        }
        cairo_destroy(pcr);
        cairo_surface_finish(pdf);
        const cairo_status_t status = cairo_surface_status(pdf);
        cairo_surface_destroy(pdf);
        if (status != CAIRO_STATUS_SUCCESS) {
            return fail(
                ErrorCode::internal,
                fmt::format("cairo could not write the PDF: {}", cairo_status_to_string(status)),
                "report this as a casefile bug with the case folder that caused it");
        }
        return bytes;
    }

    static std::string to_upper(std::string s) {
        for (char& c : s) {
            if (c >= 'a' && c <= 'z') {
                c = static_cast<char>(c - 'a' + 'A');
            }
        }
        return s;
    }

    static constexpr double kMarginX = 50;
    static constexpr double kMarginTop = 60;
    static constexpr double kMarginBottom = 56;

    const ReportDocument& doc_;
    std::vector<TextRun>* runs_;
    double width_ = 595.28;
    double height_ = 841.89;
    PangoFontMap* font_map_ = nullptr;
    PangoContext* context_ = nullptr;
    std::vector<Page> pages_;
    std::vector<Outline> outline_;
    std::string section_;
    double y_ = 0;
};

} // namespace

std::optional<Paper> parse_paper(std::string_view text) {
    if (equals_icase(text, "a4")) {
        return Paper::a4;
    }
    if (equals_icase(text, "letter")) {
        return Paper::letter;
    }
    return std::nullopt;
}

Result<std::string> render_pdf(const ReportDocument& doc, const PdfOptions& options,
                               std::vector<TextRun>* runs) {
    PdfWriter writer(doc, options, runs);
    return writer.render();
}

} // namespace casefile::render
