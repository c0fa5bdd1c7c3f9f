// Lint rules about Markdown form that need the report's text rather than the case: indicators
// left live or defanged in mixed styles in prose, and sections the layout expects but the
// report lacks. The rules found while importing (fences, placeholders, pseudo-bullets, pasted
// rows, duplicated headings) come in through ImportedReport::findings.
#include <algorithm>
#include <array>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "core/text.hpp"
#include "importer/importer.hpp"
#include "importer/markdown_doc.hpp"
#include "importer/sections.hpp"

namespace casefile::importer {
namespace {

using analysis::LintFinding;
using analysis::LintRule;
using analysis::LintSeverity;
using model::IndicatorType;

constexpr auto kRules = std::to_array<LintRule>({
    {"fence-language", LintSeverity::warning,
     "a code block's fence language contradicts its content (KQL fenced as spl, log text as "
     "json)"},
    {"empty-placeholder", LintSeverity::warning,
     "an empty placeholder: \"****\", a lone \"- \", a field with no value"},
    {"duplicate-heading", LintSeverity::warning, "the same section twice"},
    {"pseudo-bullet", LintSeverity::warning,
     "\"•\" and tab pseudo-bullets instead of a Markdown list"},
    {"pasted-table-row", LintSeverity::warning, "table rows (data) pasted inside a code block"},
    {"live-indicator", LintSeverity::error,
     "a URL, domain, email or public IP left live (clickable) in prose"},
    {"inconsistent-defang", LintSeverity::warning,
     "indicators defanged in more than one style, or only half defanged "
     "(https://x[.]com)"},
    {"missing-section", LintSeverity::info, "a section of the reference layout is missing"},
});

bool is_network(IndicatorType t) {
    return t == IndicatorType::url || t == IndicatorType::domain || t == IndicatorType::email ||
           t == IndicatorType::ipv4 || t == IndicatorType::ipv6;
}

/// How a defanged span is written.
struct DefangStyle {
    std::string separator; ///< URLs: "://", "[:]//", "[://]"
    std::string dot;       ///< "[.]", "(.)", "{.}", "[dot]", "(dot)", or "" when no dot is defanged
    bool live_scheme = false; ///< URL whose scheme reads http(s) while its host is defanged
    bool path_defanged = false;
};

DefangStyle style_of(std::string_view span, IndicatorType type) {
    DefangStyle s;
    for (std::string_view dot : {"[.]", "(.)", "{.}", "[dot]", "(dot)"}) {
        if (span.find(dot) != std::string_view::npos) {
            s.dot = dot;
            break;
        }
    }
    if (type != IndicatorType::url) {
        return s;
    }
    for (std::string_view sep : {"[://]", "[:]//", "://"}) {
        if (span.find(sep) != std::string_view::npos) {
            s.separator = sep;
            break;
        }
    }
    const std::string lower = to_lower(span);
    s.live_scheme =
        (lower.starts_with("http://") || lower.starts_with("https://")) && !s.dot.empty();
    const size_t host = span.find(s.separator.empty() ? "//" : s.separator);
    const size_t path =
        span.find('/', host == std::string_view::npos ? 0 : host + s.separator.size() + 1);
    s.path_defanged = path != std::string_view::npos && !s.dot.empty() &&
                      span.find(s.dot, path) != std::string_view::npos;
    return s;
}

/// The line with inline code spans blanked out (same length), so offsets stay true.
std::string without_code_spans(std::string_view line) {
    std::string out(line);
    size_t i = 0;
    while (i < out.size()) {
        if (out[i] != '`') {
            ++i;
            continue;
        }
        size_t run = 0;
        while (i + run < out.size() && out[i + run] == '`') {
            ++run;
        }
        const std::string ticks(run, '`');
        const size_t close = out.find(ticks, i + run);
        if (close == std::string::npos) {
            i += run;
            continue;
        }
        std::fill(out.begin() + static_cast<long>(i), out.begin() + static_cast<long>(close + run),
                  ' ');
        i = close + run;
    }
    return out;
}

class ProseChecker {
public:
    ProseChecker(const MarkdownDoc& doc, const ioc::Extractor& extractor, std::string file,
                 std::vector<LintFinding>& out)
        : doc_(doc), extractor_(extractor), file_(std::move(file)), out_(out) {}

    void walk(const std::vector<Block>& blocks) {
        for (const Block& b : blocks) {
            switch (b.kind) {
            case Block::Kind::code:
                if (b.fenced) {
                    lines(b.line + 1, b.end_line - 1, false);
                } else {
                    lines(b.line, b.end_line, true);
                }
                break;
            case Block::Kind::paragraph:
            case Block::Kind::heading:
            case Block::Kind::table_row:
                lines(b.line, b.end_line, true);
                break;
            case Block::Kind::html:
            case Block::Kind::thematic_break:
            case Block::Kind::other:
                break;
            default:
                walk(b.children);
                break;
            }
        }
    }

private:
    void lines(int from, int to, bool prose) {
        for (int line = from; line <= to; ++line) {
            if (!done_.insert(line).second) {
                continue;
            }
            check_line(line, prose);
        }
    }

    void check_line(int line, bool prose) {
        const std::string text =
            prose ? without_code_spans(doc_.line(line)) : std::string(doc_.line(line));
        extractor_.scan(text, {}, [&](const ioc::Match& m) {
            if (!is_network(m.type)) {
                return;
            }
            const int column = static_cast<int>(m.offset) + 1;
            const std::string_view span = std::string_view(text).substr(m.offset, m.length);
            if (!m.was_defanged) {
                if (prose) {
                    out_.push_back({"live-indicator", LintSeverity::error,
                                    fmt::format("{} {} is live in prose: a reader can click it",
                                                model::to_string(m.type), span),
                                    fmt::format("defang it as {}", ioc::defang(m.type, m.value)),
                                    SourceLocation{file_, line, column}});
                }
                return;
            }
            style(m, span, line, column, prose);
        });
    }

    void style(const ioc::Match& m, std::string_view span, int line, int column, bool prose) {
        const DefangStyle s = style_of(span, m.type);
        std::vector<std::string> problems;
        if (s.live_scheme) {
            problems.push_back("its host is defanged but its scheme is live");
        }
        if (!s.separator.empty()) {
            if (first_separator_.empty()) {
                first_separator_ = s.separator;
                separator_line_ = line;
            } else if (s.separator != first_separator_ && !s.live_scheme) {
                problems.push_back(fmt::format("it writes \"{}\" where line {} writes \"{}\"",
                                               s.separator, separator_line_, first_separator_));
            }
        }
        if (!s.dot.empty()) {
            if (first_dot_.empty()) {
                first_dot_ = s.dot;
                dot_line_ = line;
            } else if (s.dot != first_dot_) {
                problems.push_back(fmt::format("it writes \"{}\" where line {} writes \"{}\"",
                                               s.dot, dot_line_, first_dot_));
            }
        }
        if (s.path_defanged) {
            problems.push_back("its path is defanged too, so it no longer reads as the real URL");
        }
        if (!prose || problems.empty()) {
            return;
        }
        out_.push_back({"inconsistent-defang", LintSeverity::warning,
                        fmt::format("{} {} is defanged inconsistently: {}",
                                    model::to_string(m.type), span, join(problems, "; ")),
                        fmt::format("write it as {}, the one style casefile uses",
                                    ioc::defang(m.type, m.value)),
                        SourceLocation{file_, line, column}});
    }

    const MarkdownDoc& doc_;
    const ioc::Extractor& extractor_;
    std::string file_;
    std::vector<LintFinding>& out_;
    std::set<int> done_;
    std::string first_separator_;
    int separator_line_ = 0;
    std::string first_dot_;
    int dot_line_ = 0;
};

void missing_sections(const MarkdownDoc& doc, const std::string& file,
                      std::vector<LintFinding>& out) {
    std::set<SectionKind> present;
    const std::function<void(const std::vector<Block>&)> walk = [&](const std::vector<Block>& bs) {
        for (const Block& b : bs) {
            if (b.kind == Block::Kind::heading) {
                SectionKind k = classify_heading(inline_plain(b.inlines), b.level);
                if (k == SectionKind::queries || k == SectionKind::logs) {
                    k = SectionKind::evidence;
                }
                present.insert(k);
            }
        }
    };
    walk(doc.blocks);
    for (SectionKind k :
         {SectionKind::alert, SectionKind::entities, SectionKind::evidence, SectionKind::iocs,
          SectionKind::triage, SectionKind::actions, SectionKind::summary, SectionKind::lessons}) {
        if (!present.contains(k)) {
            out.push_back({"missing-section", LintSeverity::info,
                           fmt::format("the report has no \"{}\" section", layout_name(k)),
                           "add it, or say in it that there is nothing to report",
                           SourceLocation{file, 1, 1}});
        }
    }
}

} // namespace

std::span<const LintRule> markdown_lint_rules() {
    return kRules;
}

std::vector<LintFinding> lint_markdown(std::string_view markdown, const ImportedReport& imported,
                                       const ioc::Extractor& extractor, const std::string& file) {
    std::vector<LintFinding> out = imported.findings;
    const MarkdownDoc doc = parse_markdown(markdown);
    ProseChecker(doc, extractor, file, out).walk(doc.blocks);
    missing_sections(doc, file, out);
    return out;
}

std::function<std::optional<SourceLocation>(std::string_view, const SourceLocation&)>
make_refiner(std::string_view markdown, const std::string& file) {
    auto lines = std::make_shared<std::vector<std::string>>();
    for (const std::string_view l : split_lines(markdown)) {
        lines->push_back(to_lower(ioc::refang_text(l)));
    }
    return [lines, file](std::string_view text,
                         const SourceLocation& near) -> std::optional<SourceLocation> {
        if (near.file != file || text.empty()) {
            return std::nullopt;
        }
        const auto find = [&](std::string_view needle) -> std::optional<SourceLocation> {
            const std::string n = to_lower(needle);
            for (size_t i = static_cast<size_t>(std::max(near.line, 1)) - 1; i < lines->size();
                 ++i) {
                const size_t at = (*lines)[i].find(n);
                if (at != std::string::npos) {
                    return SourceLocation{file, static_cast<int>(i) + 1, 1};
                }
            }
            return std::nullopt;
        };
        if (auto hit = find(text)) {
            return hit;
        }
        const size_t slash = text.find_last_of("\\/");
        if (slash != std::string_view::npos && slash + 1 < text.size()) {
            return find(text.substr(slash + 1));
        }
        return std::nullopt;
    };
}

} // namespace casefile::importer
