#include "render/document/timeline_chart.hpp"

#include <algorithm>
#include <array>
#include <chrono>

#include <date/date.h>
#include <fmt/format.h>

#include "core/text.hpp"

namespace casefile::render {
namespace {

using std::chrono::duration_cast;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::array<const char*, kMaxLanes> kPalette = {
    "#b91c1c", "#1d4ed8", "#0f766e", "#7c3aed", "#c2410c", "#15803d", "#be185d", "#4b5563"};

std::string tick_label(Timestamp t, bool with_date) {
    const auto s = std::chrono::floor<minutes>(t);
    return with_date ? date::format("%m-%d %H:%M", s) : date::format("%H:%M", s);
}

} // namespace

TimelineChart layout_timeline(const std::vector<TimelineRow>& rows) {
    TimelineChart chart;
    if (rows.empty()) {
        return chart;
    }
    auto lane_of = [&](const std::string& source) -> size_t {
        for (size_t i = 0; i < chart.lanes.size(); ++i) {
            if (chart.lanes[i].name == source) {
                return i;
            }
        }
        if (chart.lanes.size() + 1 < kMaxLanes) {
            chart.lanes.push_back({source, kPalette[chart.lanes.size()]});
            return chart.lanes.size() - 1;
        }
        if (chart.lanes.size() + 1 == kMaxLanes) {
            chart.lanes.push_back({"Other", kPalette[kMaxLanes - 1]});
        }
        return kMaxLanes - 1;
    };
    Timestamp lo = rows.front().utc;
    Timestamp hi = rows.front().utc;
    for (const auto& r : rows) {
        lo = std::min(lo, r.utc);
        hi = std::max(hi, r.utc);
    }
    const double span =
        std::max<double>(1.0, static_cast<double>(duration_cast<seconds>(hi - lo).count()));
    chart.points.reserve(rows.size());
    for (const auto& r : rows) {
        const double x = static_cast<double>(duration_cast<seconds>(r.utc - lo).count()) / span;
        chart.points.push_back({x, lane_of(r.source)});
    }
    // Round ticks: the smallest step that gives at most seven of them.
    static constexpr std::array<int64_t, 14> kSteps = {60,     300,    900,     1800,    3600,
                                                       7200,   10800,  21600,   43200,   86400,
                                                       172800, 604800, 2592000, 31536000};
    int64_t step = kSteps.back();
    for (const int64_t s : kSteps) {
        if (span / static_cast<double>(s) <= 7) {
            step = s;
            break;
        }
    }
    const bool with_date =
        span >= 86400 || date::floor<date::days>(lo) != date::floor<date::days>(hi);
    const auto lo_s = std::chrono::floor<seconds>(lo).time_since_epoch().count();
    int64_t first = (lo_s / step) * step;
    if (first < lo_s) {
        first += step;
    }
    for (int64_t t = first; static_cast<double>(t - lo_s) <= span; t += step) {
        chart.ticks.push_back(
            {static_cast<double>(t - lo_s) / span, tick_label(Timestamp(seconds(t)), with_date)});
    }
    chart.span = fmt::format("{} – {} ({})", format_rfc3339(lo), format_rfc3339(hi),
                             format_duration(hi - lo));
    return chart;
}

std::string timeline_svg(const TimelineChart& chart, int width) {
    const int left = 130;
    const int right = 24;
    const int top = 16;
    const int lane_h = 26;
    const int plot_w = width - left - right;
    const int height = top + static_cast<int>(chart.lanes.size()) * lane_h + 34;
    std::string svg = fmt::format(
        "<svg class=\"timeline-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} "
        "{}\" width=\"100%\" role=\"img\" aria-label=\"Incident timeline: {}\">",
        width, height, escape_markup(chart.span));
    for (size_t i = 0; i < chart.lanes.size(); ++i) {
        const int y = top + static_cast<int>(i) * lane_h;
        svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>", left,
                           y, plot_w, lane_h, i % 2 == 0 ? "#f4f6f9" : "#ffffff");
        svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"lane\">{}</text>",
                           left - 8, y + lane_h / 2 + 4, escape_markup(chart.lanes[i].name));
    }
    const int axis_y = top + static_cast<int>(chart.lanes.size()) * lane_h;
    for (const auto& t : chart.ticks) {
        const double x = left + t.x * plot_w;
        svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\" "
                           "stroke=\"#cbd2dc\" stroke-width=\"1\"/>",
                           x, top, x, axis_y + 4);
        svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" "
                           "class=\"tick\">{}</text>",
                           x, axis_y + 18, escape_markup(t.label));
    }
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#6b7280\"/>", left,
                       axis_y, left + plot_w, axis_y);
    for (const auto& p : chart.points) {
        const double x = left + p.x * plot_w;
        const int y = top + static_cast<int>(p.lane) * lane_h + lane_h / 2;
        svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{}\" r=\"5\" fill=\"{}\" "
                           "fill-opacity=\"0.85\"/>",
                           x, y, chart.lanes[p.lane].colour);
    }
    svg += "</svg>";
    return svg;
}

} // namespace casefile::render
