#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ioc/domain_rules.hpp"
#include "ioc/normalize.hpp"
#include "model/enums.hpp"

namespace casefile::ioc::detail {

using TypeMask = uint64_t;

[[nodiscard]] constexpr TypeMask type_bit(model::IndicatorType t) {
    return TypeMask{1} << static_cast<unsigned>(t);
}

struct ScanSettings {
    TypeMask types = ~TypeMask{0};
    bool include_private = false;
    bool hosts = false; ///< also report URL hosts and email domains, nested in their span
};

/// One recognised indicator in normalized-text offsets. `value` is valid during the callback.
struct RawMatch {
    model::IndicatorType type = model::IndicatorType::other;
    size_t begin = 0;
    size_t end = 0;
    std::string_view value;
};

/// Receives matches; a plain function pointer keeps the hot path free of std::function.
struct MatchSink {
    void (*fn)(void* ctx, const RawMatch& match) = nullptr;
    void* ctx = nullptr;
    void operator()(const RawMatch& m) const { fn(ctx, m); }
};

/// The last part of a context word such as "process.hash.md5" or "tls_ja3": what follows its
/// last '.' or '_' (the whole word when it has neither).
[[nodiscard]] constexpr std::string_view context_tail(std::string_view word) {
    size_t k = word.size();
    while (k > 0 && word[k - 1] != '.' && word[k - 1] != '_') {
        --k;
    }
    return word.substr(k);
}

/// Per-scan memo of top-level labels already looked up in the Public Suffix List.
class TldMemo {
public:
    /// 1 known, 0 unknown, -1 not cached yet.
    [[nodiscard]] int find(std::string_view lower_label) const;
    void insert(std::string_view lower_label, bool known);

private:
    static constexpr size_t kSlots = 1024;
    static constexpr size_t kMaxLen = 23;
    struct Slot {
        std::array<char, kMaxLen> key{};
        uint8_t len = 0;
        int8_t known = -1;
    };
    [[nodiscard]] static size_t slot_of(std::string_view label);
    std::array<Slot, kSlots> slots_{};
};

/// Caches shared by consecutive scans with one extractor configuration.
struct ScanCaches {
    DomainCache domains;
    TldMemo tlds;
};

/// The hand-written, single-pass tokenizer. It walks the normalized text once, starts candidates
/// at cheap anchors (a word followed by '.', ':', '@', '-', a hex run, "CVE", "T1", "HK", '\',
/// '/') and validates each with a bounded look-ahead, so every input stays O(n). Spans never
/// overlap; the longest interpretation wins (a URL, not the domain inside it), except for the
/// nested hosts ScanSettings::hosts asks for.
class Scanner {
public:
    Scanner(const DomainRules& rules, ScanCaches& caches, const Normalized& norm,
            const ScanSettings& settings, MatchSink sink);

    void run();

private:
    struct Word {
        size_t begin = 0;
        size_t end = 0;
        bool digits = true; ///< only 0-9
        bool hex = true;    ///< only 0-9a-fA-F
        bool alpha = true;  ///< only letters
        bool upper = true;  ///< no lower-case letter
        bool high = false;  ///< contains non-ASCII letters
        [[nodiscard]] size_t size() const { return end - begin; }
    };
    struct Name {
        size_t begin = 0;
        size_t end = 0;
        size_t labels = 0;
        size_t last_label = 0;      ///< offset of the last label
        size_t last_underscore = 0; ///< offset just after the last '_', or begin
        bool high = false;
        bool too_long = false; ///< longer than any host or file name: skip it whole
    };
    struct Host {
        model::IndicatorType type = model::IndicatorType::other; ///< domain, ipv4 or ipv6
        size_t begin = 0;
        size_t end = 0;
        std::string canonical;
    };

    [[nodiscard]] char at(size_t i) const { return i < n_ ? t_[i] : '\0'; }
    [[nodiscard]] char before(size_t i) const { return i > 0 ? t_[i - 1] : '\0'; }
    [[nodiscard]] bool wanted(model::IndicatorType t) const {
        return (settings_.types & type_bit(t)) != 0;
    }
    void emit(model::IndicatorType type, size_t begin, size_t end, std::string_view value);
    void emit_host(const Host& host);
    [[nodiscard]] bool ip_wanted(bool is_public) const;

    Word read_word(size_t i) const;
    /// The word from `begin` whose bytes before `j` are ASCII letters and digits with the
    /// properties `all` (see kWordProps), read on from `j`.
    Word continue_word(size_t begin, size_t j, uint8_t all) const;
    size_t on_word(const Word& w);
    size_t on_punct(size_t i);

    // Network indicators (scanner.cpp)
    Name read_name(size_t i) const;
    size_t try_name(const Word& w);
    size_t try_ipv4(size_t c, size_t e);
    size_t try_email(size_t at_sign);
    size_t try_url(const Word& w);
    size_t try_encoded_url(const Word& w);
    size_t try_schemeless_url(size_t host_begin, size_t host_end, const std::string& host,
                              model::IndicatorType host_type);
    bool parse_host(size_t begin, size_t limit, Host& host, size_t& end, bool allow_ambiguous);
    /// Reads up to `max_digits` decimal digits from `begin` into `value`; returns their end.
    size_t read_decimal(size_t begin, size_t max_digits, int& value) const;
    bool ipv4_is_version(size_t begin) const;
    bool host_context(size_t begin) const;
    size_t url_rest_end(size_t p, size_t url_begin) const;
    size_t skip_path(size_t p) const;

    // Hex runs and short tokens (scan_tokens.cpp)
    size_t try_hex_colon(size_t i);
    size_t try_mac_dash(const Word& w);
    size_t try_mac_cisco(const Word& w);
    size_t try_hash(const Word& w);
    [[nodiscard]] model::IndicatorType md5_kind(const Word& w, std::string_view word,
                                                std::string_view tail) const;
    size_t try_ssdeep(const Word& w);
    size_t try_cve(const Word& w);
    size_t try_attack(const Word& w);
    size_t try_asn(const Word& w);
    size_t try_crypto(const Word& w);
    std::string_view preceding_word(size_t pos, size_t skip_words, char* buf, size_t cap) const;

    // Paths and registry keys (scan_paths.cpp)
    size_t try_registry(const Word& w);
    size_t try_drive_path(const Word& w);
    size_t try_env_path(size_t i);
    size_t try_unc(size_t i);
    size_t try_unix_path(size_t i);
    size_t scan_segments(size_t p, char sep, bool registry, std::string& out,
                         size_t& segments) const;
    size_t space_continues(size_t p, char sep, bool registry, bool& last) const;

    const DomainRules& rules_;
    ScanCaches& caches_;
    const Normalized& norm_;
    std::string_view text_;
    const char* t_;
    size_t n_;
    ScanSettings settings_;
    MatchSink sink_;
    size_t last_end_ = 0;      ///< end of the last emitted span; look-behind never crosses it
    std::string value_;        ///< canonical value under construction
    std::string path_scratch_; ///< path segments read by scan_segments, reused between calls
    Host host_;                ///< the host of the URL or email being read (fresh_host())

    /// host_, emptied: its canonical name keeps its capacity from one URL or email to the next.
    Host& fresh_host() {
        host_.type = model::IndicatorType::other;
        host_.begin = 0;
        host_.end = 0;
        host_.canonical.clear();
        return host_;
    }
};

} // namespace casefile::ioc::detail
