// Collects what a format mapper reads from an alert into a model::Case and records, for the
// analyst, which field each value came from and what could not be filled. Mappers never write
// the Case themselves, so every value passes the same checks: value shapes, ATT&CK ids, the
// merging of a user or device the alert names twice, and the one canonicalisation call for
// indicators (through the IoC engine, ioc::Extractor::canonicalize).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "intake/intake.hpp"
#include "intake/json_document.hpp"
#include "ioc/extractor.hpp"
#include "model/case.hpp"

namespace casefile::intake::detail {

/// One spelling of a vendor's severity or status scale and our value for it; no value marks
/// the spellings a vendor uses for "not rated" or "unknown".
template <class E> struct VendorName {
    std::string_view vendor;
    std::optional<E> ours;
};
using SeverityNames = std::span<const VendorName<model::Severity>>;
using StatusNames = std::span<const VendorName<model::CaseStatus>>;

/// What a mapper produced, before read_alert() adds the evidence files.
struct BuiltCase {
    model::Case value;
    std::string alert_id;
    model::LogKind kind = model::LogKind::other;
    std::vector<Diagnostic> diagnostics;
};

class CaseBuilder {
public:
    /// `file` labels the diagnostics; `product` and `kind` are the format's defaults for
    /// alert.source and for the saved alert's evidence kind; `extractor` canonicalises and checks
    /// indicator values.
    CaseBuilder(std::string file, std::string_view product, model::LogKind kind,
                const ioc::Extractor& extractor);

    // Alert fields. Each setter takes the vendor's value and the field it came from, and
    // returns true when it filled the case field. An absent value returns false silently, an
    // unusable one with a warning, so a mapper can fall back to the next documented field.
    // Required fields (title, observed_at, severity) that stay empty become errors in finish().
    bool alert_id(const Json* value, std::string_view field);
    bool title(const Json* value, std::string_view field);
    bool description(const Json* value, std::string_view field);
    bool observed_at(const Json* value, std::string_view field);
    bool severity(const Json* value, std::string_view field, SeverityNames names);
    bool status(const Json* value, std::string_view field, StatusNames names);
    void source(std::string product);
    void log_kind(model::LogKind kind);

    /// Adds a user, merged with one already seen that has the same SID, UPN, email or account.
    /// A user without any of sid, name, account, upn or email is dropped.
    void user(model::User user);
    /// Adds a device, merged with one already seen that has the same id or host name. A device
    /// with addresses but neither id nor host name is reported and dropped (case.yaml needs one).
    void device(model::Device device);

    /// Adds an indicator the vendor typed by its field (sha256, url, registry_key, ...). Hash
    /// values must have the type's length; `note` says where in the alert it was; `file` ties a
    /// hash to its file name. Duplicates are kept once.
    void indicator(model::IndicatorType type, const Json* value, std::string_view field,
                   const std::string& note, const std::string& file = {});
    void indicator_text(model::IndicatorType type, std::string_view value, std::string_view field,
                        std::string note, std::string file = {});
    /// An address from a field that holds either IPv4 or IPv6.
    void ip(const Json* value, std::string_view field, const std::string& note);
    /// A hash from a field that holds MD5, SHA-1 or SHA-256 alike, typed by its length.
    void hash(const Json* value, std::string_view field, std::string note, std::string file = {});
    /// ATT&CK technique ids from a string or a list of strings; others are reported.
    void technique(const Json* value, std::string_view field);
    /// A command line the alert shows; `image` (the program's file name) picks the language.
    void command(const Json* command_line, std::string_view image, std::string title);

    /// Something the analyst should know: a value that could not be used, a field missing.
    void warn(std::string message, std::string hint = {});
    void note(std::string message);

    /// Applies the analyst's overrides and the defaults, and reports the required fields that
    /// are still empty as errors.
    [[nodiscard]] BuiltCase finish(const Overrides& overrides);

private:
    template <class E>
    bool enumeration(const Json* value, std::string_view field,
                     std::span<const VendorName<E>> names, std::string_view what,
                     std::optional<E>& out, std::string& origin);
    std::optional<std::string> text_of(const Json* value, std::string_view field);

    std::string file_;
    const ioc::Extractor& extractor_;
    BuiltCase built_;
    std::string product_;
    bool title_set_ = false;
    bool description_set_ = false;
    std::optional<Time> observed_;
    std::optional<model::Severity> severity_;
    std::optional<model::CaseStatus> status_;
    std::string observed_origin_;
    std::string severity_origin_;
    std::string status_origin_;
    std::vector<std::string> title_fields_;
    std::vector<std::string> observed_fields_;
    std::vector<std::string> severity_fields_;
    std::vector<std::string> description_fields_;
};

} // namespace casefile::intake::detail
