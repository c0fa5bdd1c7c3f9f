#include "render/gate/safety_gate.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/text.hpp"
#include "ioc/extractor.hpp"

namespace casefile::render {
namespace {

using model::IndicatorType;

/// A stretch of the text under check and where a reader finds it.
struct Segment {
    size_t offset = 0; ///< into the checked text
    int position = 0;
    std::string section;
    bool evidence = false;
};

ioc::ExtractOptions network_types() {
    ioc::ExtractOptions o;
    o.types = {IndicatorType::url, IndicatorType::domain, IndicatorType::email, IndicatorType::ipv4,
               IndicatorType::ipv6};
    return o; // private and reserved addresses are not reported: they are not live indicators
}

std::string place(std::string_view unit, const Segment& s) {
    std::string where = fmt::format("{} {}", unit, s.position);
    if (!s.section.empty()) {
        where += fmt::format(", section '{}'", s.section);
    }
    return where;
}

/// Scans `text` (segments in offset order) for live indicators outside exempt evidence.
void scan(const std::string& text, const std::vector<Segment>& segments, std::string_view unit,
          const ioc::Extractor& extractor, const GateOptions& options,
          std::vector<GateViolation>& out) {
    if (segments.empty()) {
        return;
    }
    extractor.scan(text, network_types(), [&](const ioc::Match& m) {
        if (m.was_defanged) {
            return;
        }
        auto it = std::upper_bound(segments.begin(), segments.end(), m.offset,
                                   [](size_t off, const Segment& s) { return off < s.offset; });
        const Segment& seg = *std::prev(it);
        if (seg.evidence && options.evidence_exempt) {
            return;
        }
        out.push_back({place(unit, seg), text.substr(m.offset, m.length),
                       seg.evidence ? "live indicator in evidence of an external report"
                                    : "live indicator in prose"});
    });
}

/// A link target that names an indicator (live or defanged) is a clickable link to it.
void check_link(std::string_view target, const Segment& seg, std::string_view unit,
                const ioc::Extractor& extractor, std::vector<GateViolation>& out) {
    const std::string_view t = trim(target);
    if (t.empty() || t.front() == '#') {
        return;
    }
    bool hit = false;
    extractor.scan(t, network_types(), [&](const ioc::Match&) { hit = true; });
    if (hit || starts_with_icase(t, "javascript:") || starts_with_icase(t, "http") ||
        starts_with_icase(t, "hxxp") || starts_with_icase(t, "ftp") ||
        starts_with_icase(t, "file:")) {
        out.push_back({place(unit, seg), std::string(t), "clickable link to an indicator"});
    }
}

size_t fence_length(std::string_view line, char& fence_char) {
    size_t indent = 0;
    while (indent < line.size() && indent < 3 && line[indent] == ' ') {
        ++indent;
    }
    line.remove_prefix(indent);
    if (line.empty() || (line.front() != '`' && line.front() != '~')) {
        return 0;
    }
    size_t n = 0;
    while (n < line.size() && line[n] == line.front()) {
        ++n;
    }
    fence_char = line.front();
    return n >= 3 ? n : 0;
}

std::string heading_text(std::string_view line) {
    size_t n = 0;
    while (n < line.size() && line[n] == '#') {
        ++n;
    }
    if (n == 0 || n > 6 || (n < line.size() && line[n] != ' ')) {
        return {};
    }
    return std::string(trim(line.substr(n)));
}

/// Attribute values of a tag that make it a link.
bool is_link_attribute(std::string_view name) {
    return equals_icase(name, "href") || equals_icase(name, "src") ||
           equals_icase(name, "action") || equals_icase(name, "formaction") ||
           equals_icase(name, "xlink:href") || equals_icase(name, "data") ||
           equals_icase(name, "poster") || equals_icase(name, "srcset");
}

void append_decoded(std::string_view s, std::string& out) {
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        const size_t semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10) {
            out += '&';
            continue;
        }
        const std::string_view name = s.substr(i + 1, semi - i - 1);
        uint32_t cp = 0;
        if (name == "amp") {
            cp = '&';
        } else if (name == "lt") {
            cp = '<';
        } else if (name == "gt") {
            cp = '>';
        } else if (name == "quot") {
            cp = '"';
        } else if (name == "apos") {
            cp = '\'';
        } else if (name == "nbsp") {
            cp = ' ';
        } else if (name.size() > 1 && name[0] == '#') {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            cp = static_cast<uint32_t>(std::strtoul(std::string(name.substr(hex ? 2 : 1)).c_str(),
                                                    nullptr, hex ? 16 : 10));
        }
        if (cp == 0 || cp > 0x10FFFF) {
            out += '&';
            continue;
        }
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        i = semi;
    }
}

} // namespace

std::string GateViolation::to_string() const {
    return fmt::format("{}: {}: {}", where, what, indicator);
}

std::vector<GateViolation> check_markdown(std::string_view markdown,
                                          const ioc::Extractor& extractor,
                                          const GateOptions& options) {
    std::vector<GateViolation> out;
    std::vector<Segment> segments;
    std::string text(markdown);
    std::string section;
    size_t open = 0;
    char open_char = 0;
    int line_no = 0;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end;
        const std::string_view line = std::string_view(text).substr(start, end - start);
        ++line_no;
        char c = 0;
        const size_t fence = fence_length(line, c);
        bool evidence = open > 0;
        if (open == 0 && fence > 0) {
            open = fence;
            open_char = c;
            evidence = true;
        } else if (open > 0 && fence >= open && c == open_char) {
            open = 0;
        }
        if (!evidence) {
            if (std::string h = heading_text(line); !h.empty()) {
                section = h;
            }
        }
        segments.push_back({start, line_no, section, evidence});
        if (!evidence) {
            // Markdown links "[x](target)" and raw HTML links.
            for (size_t at = line.find("]("); at != std::string_view::npos;
                 at = line.find("](", at + 2)) {
                const size_t close = line.find(')', at + 2);
                check_link(line.substr(at + 2, close == std::string_view::npos
                                                   ? std::string_view::npos
                                                   : close - at - 2),
                           segments.back(), "line", extractor, out);
            }
            const std::string lower = to_lower(line);
            for (size_t at = lower.find("href="); at != std::string::npos;
                 at = lower.find("href=", at + 5)) {
                std::string_view rest = line.substr(at + 5);
                const char q = rest.empty() ? ' ' : rest.front();
                if (q == '"' || q == '\'') {
                    rest.remove_prefix(1);
                }
                const size_t stop = rest.find_first_of(q == '"' || q == '\'' ? q : ' ');
                check_link(rest.substr(0, stop), segments.back(), "line", extractor, out);
            }
        }
        start = end + 1;
    }
    scan(text, segments, "line", extractor, options, out);
    return out;
}

std::vector<GateViolation> check_html(std::string_view html, const ioc::Extractor& extractor,
                                      const GateOptions& options) {
    std::vector<GateViolation> out;
    std::vector<Segment> segments;
    std::string text;
    std::string section;
    std::string heading; // text of the heading being read
    bool in_heading = false;
    int pre_depth = 0;
    int line = 1;
    size_t i = 0;
    const auto advance_to = [&](size_t to) {
        to = std::min(to, html.size());
        line += static_cast<int>(std::count(html.begin() + static_cast<std::ptrdiff_t>(i),
                                            html.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
        i = to;
    };
    while (i < html.size()) {
        if (html[i] != '<') {
            const size_t next = std::min(html.find('<', i), html.size());
            std::string decoded;
            append_decoded(html.substr(i, next - i), decoded);
            if (!trim(decoded).empty()) {
                segments.push_back({text.size(), line, section, pre_depth > 0});
                text += decoded;
                text += '\n'; // text nodes never join into one indicator
                if (in_heading) {
                    heading += decoded;
                }
            }
            advance_to(next);
            continue;
        }
        if (html.substr(i, 4) == "<!--") {
            const size_t end = html.find("-->", i);
            advance_to(end == std::string_view::npos ? html.size() : end + 3);
            continue;
        }
        const size_t end = html.find('>', i);
        if (end == std::string_view::npos) {
            advance_to(html.size());
            break;
        }
        const std::string_view tag = html.substr(i + 1, end - i - 1);
        const bool closing = !tag.empty() && tag.front() == '/';
        size_t n = closing ? 1 : 0;
        while (n < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[n])) != 0)) {
            ++n;
        }
        const std::string name = to_lower(tag.substr(closing ? 1 : 0, n - (closing ? 1 : 0)));
        const int tag_line = line;
        advance_to(end + 1);
        if (name == "pre") {
            pre_depth += closing ? -1 : 1;
            pre_depth = std::max(pre_depth, 0);
        } else if (name == "h1" || name == "h2" || name == "h3") {
            if (closing) {
                in_heading = false;
                section = std::string(trim(heading));
            } else {
                in_heading = true;
                heading.clear();
            }
        } else if (!closing && (name == "style" || name == "script" || name == "title")) {
            const size_t close = to_lower(html.substr(i)).find("</" + name);
            advance_to(close == std::string::npos ? html.size() : i + close);
            continue;
        }
        if (closing) {
            continue;
        }
        // Attributes: name=value pairs after the tag name.
        size_t a = n;
        while (a < tag.size()) {
            while (a < tag.size() &&
                   (std::isspace(static_cast<unsigned char>(tag[a])) != 0 || tag[a] == '/')) {
                ++a;
            }
            const size_t name_start = a;
            while (a < tag.size() && tag[a] != '=' &&
                   std::isspace(static_cast<unsigned char>(tag[a])) == 0 && tag[a] != '/') {
                ++a;
            }
            const std::string_view attr = tag.substr(name_start, a - name_start);
            if (a >= tag.size() || tag[a] != '=') {
                if (a == name_start) {
                    ++a;
                }
                continue;
            }
            ++a;
            std::string_view value;
            if (a < tag.size() && (tag[a] == '"' || tag[a] == '\'')) {
                const char q = tag[a];
                const size_t close = tag.find(q, a + 1);
                value = tag.substr(a + 1,
                                   (close == std::string_view::npos ? tag.size() : close) - a - 1);
                a = close == std::string_view::npos ? tag.size() : close + 1;
            } else {
                const size_t start = a;
                while (a < tag.size() && std::isspace(static_cast<unsigned char>(tag[a])) == 0) {
                    ++a;
                }
                value = tag.substr(start, a - start);
            }
            if (is_link_attribute(attr)) {
                std::string decoded;
                append_decoded(value, decoded);
                check_link(decoded, Segment{0, tag_line, section, false}, "line", extractor, out);
            }
        }
    }
    scan(text, segments, "line", extractor, options, out);
    return out;
}

std::vector<GateViolation> check_runs(const std::vector<TextRun>& runs, std::string_view unit,
                                      const ioc::Extractor& extractor, const GateOptions& options) {
    std::vector<GateViolation> out;
    std::vector<Segment> segments;
    std::string text;
    for (const TextRun& r : runs) {
        segments.push_back({text.size(), r.position, r.section, r.evidence});
        text += r.text;
        text += '\n';
    }
    scan(text, segments, unit, extractor, options, out);
    return out;
}

} // namespace casefile::render
