#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ioc/pair_filter.hpp"

namespace casefile::ioc::detail {

/// How eagerly defang notation is rewritten. `extract` keeps to notations that cannot merge
/// ordinary prose; `filter` (refang_text) also undoes the loose spellings people type by hand
/// ("example . com", "fooDOTcom", "http:// example .com /test").
enum class RefangMode { extract, filter };

/// One rewritten span: original bytes [orig_begin, orig_begin + orig_len) became normalized bytes
/// [norm_begin, norm_begin + norm_len).
struct Edit {
    uint64_t norm_begin = 0;
    uint64_t orig_begin = 0;
    uint32_t norm_len = 0;
    uint32_t orig_len = 0;
    char kind = '.'; ///< what the notation stood for: '.', '@', ':', '/', or 's' for a scheme
};

/// Text with defang notation undone, and the way back to the original offsets.
class Normalized {
public:
    /// The normalized text; the original text itself when nothing was rewritten.
    [[nodiscard]] std::string_view text() const { return text_; }
    [[nodiscard]] const std::vector<Edit>& edits() const { return edits_; }
    [[nodiscard]] bool changed() const { return !edits_.empty(); }

    /// Original offset of the byte at normalized offset `norm` (a span's first byte).
    [[nodiscard]] uint64_t original_begin(uint64_t norm) const;
    /// Original offset just past a span that ends (exclusively) at normalized offset `norm`.
    [[nodiscard]] uint64_t original_end(uint64_t norm) const;
    /// True when some rewritten notation lies inside normalized [begin, end).
    [[nodiscard]] bool defanged_in(uint64_t begin, uint64_t end) const;

private:
    friend void normalize(std::string_view text, RefangMode mode, Normalized& out);
    /// Index of the first edit for which `precedes` is false; see partition().
    template <class Precedes> [[nodiscard]] size_t partition(Precedes precedes) const;
    std::string_view text_;
    std::string storage_;
    std::vector<Edit> edits_;
    /// Where the last lookup landed. Lookups come in nearly ascending order (a scan's matches),
    /// so most start next to it. A Normalized is one scan's scratch, never shared by threads.
    mutable size_t hint_ = 0;
};

/// Rewrites every defang notation `mode` allows in one left-to-right pass; linear in the input.
/// Newlines are never consumed, so a text can be processed line by line or in line-aligned
/// chunks with the same result. `out` is reused to avoid reallocations.
void normalize(std::string_view text, RefangMode mode, Normalized& out);

/// The pre-pass's exact test of where a notation may start, as a pair of bytes.
[[nodiscard]] PairTables pair_tables(RefangMode mode);

/// What may follow "scheme://" in a URL the extractor reports (and refang recognises): the
/// first character of a host, an IPv6 literal or a userinfo.
[[nodiscard]] bool url_authority_start(char c);

/// The canonical scheme for a scheme word as attackers and analysts write it ("hXXps" ->
/// "https", "fxp" -> "ftp", "h**p" -> "http", "meow" -> "http"); empty when it is not one.
[[nodiscard]] std::string_view canonical_scheme(std::string_view word);

} // namespace casefile::ioc::detail
