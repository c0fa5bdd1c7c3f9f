#pragma once

#include <string>
#include <vector>

#include "render/document/report_document.hpp"

namespace casefile::render {

/// A timeline chart laid out independently of the drawing surface: one lane per source (at most
/// kMaxLanes; the rest share "Other"), points placed on [0, 1] along a time axis with round ticks.
/// The HTML report draws it as inline SVG, the PDF report with cairo.
struct TimelineChart {
    struct Lane {
        std::string name;
        std::string colour; ///< "#RRGGBB"
    };
    struct Point {
        double x = 0; ///< 0 = first event, 1 = last
        size_t lane = 0;
    };
    struct Tick {
        double x = 0;
        std::string label;
    };
    std::vector<Lane> lanes;
    std::vector<Point> points;
    std::vector<Tick> ticks;
    std::string span; ///< "2025-11-11T13:42:18Z – 2025-11-13T18:20:04.216Z (2 d 4 h)"
};

inline constexpr size_t kMaxLanes = 8;

[[nodiscard]] TimelineChart layout_timeline(const std::vector<TimelineRow>& rows);

/// The chart as a standalone <svg> element (text escaped), `width` CSS pixels wide.
[[nodiscard]] std::string timeline_svg(const TimelineChart& chart, int width = 900);

} // namespace casefile::render
