// read_alert(): parse the export, pick the alert, choose the format, map it, and attach the
// export as the case's first evidence item.
#include <algorithm>

#include <fmt/format.h>

#include "intake/alert_format.hpp"
#include "intake/case_builder.hpp"
#include "intake/formats/mapping_file.hpp"
#include "intake/intake.hpp"
#include "intake/json_document.hpp"

namespace casefile::intake {
namespace {

using detail::AlertFormat;
using detail::Json;

std::string format_list() {
    std::string out;
    for (const AlertFormat* f : detail::builtin_formats()) {
        out += fmt::format("\n      {:<22} {}", f->name, f->input);
    }
    return out;
}

tl::unexpected<Error> unknown_format(const std::string& file) {
    return fail(
        ErrorCode::bad_input,
        fmt::format("cannot tell which product '{}' comes from: it matches none of the alert "
                    "formats casefile knows",
                    file),
        fmt::format("casefile reads:{}\n    name one with --source NAME if the export is one of "
                    "these; for any other product, describe its JSON in a mapping file and pass "
                    "--mapping FILE (docs/alert-intake.md, \"Mapping files\"). A minimal one:\n"
                    "      schema: casefile-mapping/1\n      format: my-product\n"
                    "      source: My Product\n      fields:\n"
                    "        alert.title: /rule/name\n        alert.observed_at: /first_seen\n"
                    "        alert.severity: /severity",
                    format_list()));
}

Result<const AlertFormat*> format_named(std::string_view name) {
    for (const AlertFormat* f : detail::builtin_formats()) {
        if (f->name == name) {
            return f;
        }
    }
    return fail(ErrorCode::bad_usage, fmt::format("unknown alert format '{}'", name),
                fmt::format("use auto, or one of:{}\n    for other products write a mapping "
                            "file and pass --mapping FILE",
                            format_list()));
}

Result<const AlertFormat*> detect_format(const Json& alert, const std::string& file) {
    const AlertFormat* best = nullptr;
    int best_score = 0;
    std::vector<std::string_view> tied;
    for (const AlertFormat* f : detail::builtin_formats()) {
        const int score = f->detect(alert);
        if (score > best_score) {
            best = f;
            best_score = score;
            tied = {f->name};
        } else if (score == best_score && score > 0) {
            tied.push_back(f->name);
        }
    }
    if (best == nullptr || best_score < detail::kDetectThreshold) {
        return unknown_format(file);
    }
    if (tied.size() > 1) {
        return fail(ErrorCode::bad_input,
                    fmt::format("'{}' looks equally like {}", file, fmt::join(tied, " and ")),
                    "name the format with --source");
    }
    return best;
}

/// "Microsoft Defender for Endpoint alert da6386..." as the saved alert's evidence title.
std::string evidence_title(std::string_view product, std::string_view noun, const std::string& id) {
    return id.empty() ? fmt::format("{} {}", product, noun)
                      : fmt::format("{} {} {}", product, noun, id);
}

} // namespace

std::vector<FormatInfo> known_formats() {
    std::vector<FormatInfo> out;
    for (const AlertFormat* f : detail::builtin_formats()) {
        out.push_back(FormatInfo{f->name, f->product, f->input});
    }
    return out;
}

Result<Intake> read_alert(const InputFile& alert, const IntakeOptions& options,
                          const ioc::Extractor& extractor) {
    std::optional<detail::Mapping> mapping;
    const AlertFormat* format = nullptr;
    if (options.mapping) {
        auto parsed = detail::parse_mapping(*options.mapping);
        if (!parsed) {
            return tl::unexpected(parsed.error());
        }
        mapping = std::move(*parsed);
        if (options.format != "auto" && options.format != mapping->format) {
            return fail(ErrorCode::bad_usage,
                        fmt::format("--source {} contradicts the mapping file, which reads '{}'",
                                    options.format, mapping->format),
                        "leave out --source when you give --mapping");
        }
    } else if (options.format != "auto") {
        auto named = format_named(options.format);
        if (!named) {
            return tl::unexpected(named.error());
        }
        format = *named;
    }

    auto document = detail::parse_json(alert.text, alert.name);
    if (!document) {
        return tl::unexpected(document.error());
    }
    auto selected = detail::select_alert(*document, options.alert_index, alert.name);
    if (!selected) {
        return tl::unexpected(selected.error());
    }
    if (!mapping && format == nullptr) {
        auto detected = detect_format(*selected->alert, alert.name);
        if (!detected) {
            return tl::unexpected(detected.error());
        }
        format = *detected;
    }

    std::optional<Json> entities;
    if (options.entities) {
        if (format != &detail::sentinel_incident_format()) {
            return fail(ErrorCode::bad_usage,
                        fmt::format("--entities is for Microsoft Sentinel incidents, and '{}' is "
                                    "a {} export",
                                    alert.name, mapping ? mapping->format : format->name),
                        "leave out --entities");
        }
        auto parsed = detail::parse_json(options.entities->text, options.entities->name);
        if (!parsed) {
            return tl::unexpected(parsed.error());
        }
        entities = std::move(*parsed);
    }

    const std::string name = mapping ? mapping->format : std::string(format->name);
    const std::string product = mapping ? mapping->source : std::string(format->product);
    detail::CaseBuilder builder(alert.name, product, mapping ? mapping->kind : format->kind,
                                extractor);
    if (mapping) {
        detail::apply_mapping(*mapping, *selected->alert, builder);
    } else {
        format->map(detail::AlertDocuments{*selected->alert, entities ? &*entities : nullptr},
                    builder);
    }
    detail::BuiltCase built = builder.finish(options.overrides);

    Intake intake;
    intake.format = name;
    intake.alert_id = built.alert_id;
    intake.value = std::move(built.value);
    intake.diagnostics = std::move(built.diagnostics);

    const std::string path = fmt::format("evidence/alert-{}.json", name);
    if (selected->wrapper.empty()) {
        intake.files.push_back(EvidenceFile{path, alert.text});
    } else {
        intake.files.push_back(EvidenceFile{
            path, selected->element->dump(2, ' ', false, Json::error_handler_t::replace) + "\n"});
        const std::string which =
            selected->count == 1
                ? std::string("the alert")
                : fmt::format("alert {} (counting from 0) of {}", selected->index, selected->count);
        intake.diagnostics.push_back(Diagnostic{
            DiagnosticLevel::info,
            fmt::format("{} holds {} from {} of the export, written out on its own with its "
                        "keys sorted",
                        path, which, detail::describe_wrapper(selected->wrapper)),
            {},
            SourceLocation{alert.name, 0, 0},
            ""});
    }
    // The export is evidence like any other: the log parsers detect what they can read in it,
    // and its time is the alert's, so the timeline can place it.
    std::optional<Time> alert_time;
    if (intake.value.alert.observed_at.utc != Timestamp{}) {
        alert_time = intake.value.alert.observed_at;
    }
    model::RawLog log;
    log.kind = built.kind;
    log.time = alert_time;
    log.title =
        evidence_title(intake.value.alert.source, mapping ? "alert" : format->noun, built.alert_id);
    log.file = path;
    intake.value.logs.push_back(std::move(log));

    if (options.entities) {
        const std::string entities_path = fmt::format("evidence/alert-{}-entities.json", name);
        intake.files.push_back(EvidenceFile{entities_path, options.entities->text});
        model::RawLog entities_log;
        entities_log.kind = built.kind;
        entities_log.time = alert_time;
        entities_log.title =
            evidence_title(intake.value.alert.source, "incident entities", built.alert_id);
        entities_log.file = entities_path;
        intake.value.logs.push_back(std::move(entities_log));
    }
    return intake;
}

} // namespace casefile::intake
