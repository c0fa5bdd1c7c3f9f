// ioc: indicators of compromise in text. It owns extraction (a hand-written, linear-time
// tokenizer that understands defanged notation and reports every occurrence by offset, line and
// column), canonical forms, refang/defang, IP classification, Public Suffix List validation and
// MISP warninglist matching. It reads text it is given; it does not open case folders, parse log
// formats, enrich indicators over the network or decide what goes into a report.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "ioc/defang.hpp"
#include "ioc/indicator.hpp"
#include "model/enums.hpp"

namespace casefile::ioc {

class Warninglists;

struct ExtractorConfig {
    std::string psl_file;        ///< empty: Debian's public_suffix_list.dat (or libpsl's copy)
    std::string warninglist_dir; ///< empty: only the built-in facts (Warninglists::builtin)
    DefangStyle defang_style;    ///< style of Indicator::defanged
};

struct ExtractOptions {
    std::vector<model::IndicatorType> types; ///< empty = all
    bool include_private = false; ///< also report non-public IPs (private, loopback, ...)
    bool domains_from_urls_and_emails = false; ///< also report URL hosts and email domains
};

/// Finds, canonicalises and classifies indicators. Immutable once created: one Extractor can be
/// shared by threads, each call keeps its own scratch state.
class Extractor {
public:
    /// Loads the Public Suffix List and the warninglists; errors name the file that failed and
    /// how to fix it. Unreadable single lists are skipped and reported by load_notes().
    [[nodiscard]] static Result<Extractor> create(const ExtractorConfig& config = {});

    Extractor(Extractor&&) noexcept;
    Extractor& operator=(Extractor&&) noexcept;
    ~Extractor();

    /// Calls `on_match` for each indicator span in `text`, in offset order, spans never
    /// overlapping (the longest wins: a URL, not the domain inside it). With
    /// domains_from_urls_and_emails, a URL's host or an email's domain follows its URL or email
    /// as a second match nested inside that span.
    void scan(std::string_view text, const ExtractOptions& options,
              const std::function<void(const Match&)>& on_match) const;

    /// Aggregates scan() results: one Indicator per (type, canonical value), occurrences with
    /// line/column, classification and warninglist hits; sorted by type, then value.
    /// IndicatorSet does the same over many texts or a stream.
    [[nodiscard]] std::vector<Indicator> extract(std::string_view text,
                                                 const ExtractOptions& options = {}) const;

    /// Classification and warninglist hits for one canonical value (used for hand-entered
    /// indicators).
    [[nodiscard]] Indicator classify(model::IndicatorType type, std::string_view canonical) const;

    /// Canonical form of a hand-entered value (refang + normalise); error when it is not a valid
    /// value of that type. Types that have no shape (email_subject, scheduled_task, user_agent,
    /// other) are only trimmed.
    [[nodiscard]] Result<std::string> canonicalize(model::IndicatorType type,
                                                   std::string_view raw) const;

    /// Lists that could not be loaded (each skipped with a reason).
    [[nodiscard]] const std::vector<Diagnostic>& load_notes() const;

    /// The warninglists in use (the built-in facts when no directory was configured).
    [[nodiscard]] const Warninglists& warninglists() const;

    [[nodiscard]] const DefangStyle& defang_style() const;

private:
    friend class IndicatorSet;
    struct Impl;
    explicit Extractor(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// Rewrites prose so every network indicator (url, domain, email, public ipv4/ipv6) appears
/// defanged in `style`, including spans that were already defanged in another notation
/// (normalised to the one style). All other bytes are unchanged.
[[nodiscard]] std::string defang_text(std::string_view prose, const Extractor& extractor,
                                      const DefangStyle& style = {});

} // namespace casefile::ioc
