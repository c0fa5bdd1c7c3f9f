// A user's mapping file: how to read the alert JSON of a product casefile does not know. It
// maps case fields to JSON pointers (RFC 6901, with "*" for every element of a list), names
// indicator types for pointers, and translates the product's severity and status words.
// docs/alert-intake.md ("Mapping files") is the user's reference; keep them in step.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "intake/case_builder.hpp"
#include "intake/intake.hpp"
#include "intake/json_document.hpp"
#include "model/enums.hpp"

namespace casefile::intake::detail {

inline constexpr std::string_view kMappingSchema = "casefile-mapping/1";

/// The case fields a mapping may fill, in the order they are applied.
[[nodiscard]] const std::vector<std::string_view>& mapping_fields();

struct Mapping {
    std::string format;
    std::string source;
    model::LogKind kind = model::LogKind::other;
    std::vector<std::pair<std::string, std::string>> fields; ///< case field, JSON pointer
    /// Indicator type ("sha256", or "ip"/"hash" to type by shape), JSON pointers.
    std::vector<std::pair<std::string, std::vector<std::string>>> indicators;
    std::vector<std::pair<std::string, model::Severity>> severities; ///< product word, ours
    std::vector<std::pair<std::string, model::CaseStatus>> statuses;
};

/// Parses a mapping file strictly: unknown keys, bad pointers, unknown indicator types and
/// severity or status words casefile does not have fail with file:line:column and a hint.
[[nodiscard]] Result<Mapping> parse_mapping(const InputFile& file);

/// A value a JSON pointer reached, and which element of the pointer's first "*" it is under.
struct PointerMatch {
    const Json* value = nullptr;
    size_t element = 0;
};

/// Every value `pointer` reaches in `document`; "*" stands for each element of a list. A
/// pointer that is not "" and does not start with "/" reaches nothing.
[[nodiscard]] std::vector<PointerMatch> resolve_pointer(const Json& document,
                                                        std::string_view pointer);

/// Fills the builder from `alert` as `mapping` says.
void apply_mapping(const Mapping& mapping, const Json& alert, CaseBuilder& b);

} // namespace casefile::intake::detail
